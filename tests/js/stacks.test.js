// Unit tests of assets/fea-1-stacks.js: units at one place fanned out, and a stack's label.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const S = require('../../assets/fea-1-stacks.js');

const A = [131.88, 43.12], B = [135.07, 48.48];
const frame = (from, to, p, r = 8) => [from, to, p[0], p[1], r];

test('a lone unit stays on its place', () => {
  const out = S.fan([[frame(0, 9, A)], [frame(0, 9, B)]]);
  assert.deepStrictEqual(out, [[[0, 9, ...A, 8, [0, 0]]], [[0, 9, ...B, 8, [0, 0]]]]);
});

test('units standing together are split where the stack changes and take ring slots', () => {
  // unit 0 at A on days 0-9, unit 1 arrives on day 5, unit 2 is elsewhere
  const out = S.fan([[frame(0, 9, A)], [frame(5, 12, A)], [frame(0, 12, B)]]);
  assert.deepStrictEqual(out[0].map((f) => [f[0], f[1], f[5]]), [[0, 4, [0, 0]], [5, 9, S.polar(0, 2)]]);
  assert.deepStrictEqual(out[1].map((f) => [f[0], f[1], f[5]]), [[5, 9, S.polar(1, 2)], [10, 12, [0, 0]]]);
  assert.deepStrictEqual(out[2].map((f) => f[5]), [[0, 0]]);
  // two of a stack never share a slot, and the slots sit on the ring
  const [a, b] = [S.slot(0, 2), S.slot(1, 2)];
  assert.notDeepStrictEqual(a, b);
  for (const [dx, dy] of [a, b]) assert.ok(Math.abs(Math.hypot(dx, dy) - S.ring(2)) < 0.2);
});

test('every day keeps exactly one frame per unit, and positions are unchanged', () => {
  const units = [[frame(0, 3, A), frame(4, 4, B), frame(5, 20, A)], [frame(2, 30, A)], [frame(10, 11, A)]];
  const out = S.fan(units);
  units.forEach((frames, u) => {
    for (let day = 0; day <= 30; day++) {
      const before = frames.filter((f) => f[0] <= day && day <= f[1]);
      const after = out[u].filter((f) => f[0] <= day && day <= f[1]);
      assert.strictEqual(after.length, before.length, `unit ${u} day ${day}`);
      if (before.length) assert.deepStrictEqual(after[0].slice(2, 5), before[0].slice(2, 5));
    }
    for (let k = 1; k < out[u].length; k++) assert.ok(out[u][k][0] > out[u][k - 1][1]);
  });
  // day 10: three at A, each in its own slot of a ring of three
  const slots = out.map((frames) => frames.find((f) => f[0] <= 10 && 10 <= f[1])[5]);
  assert.deepStrictEqual(slots, [S.polar(0, 3), S.polar(1, 3), S.polar(2, 3)]);
});

test('slots take whole steps of direction, never the same one in a stack', () => {
  for (const n of [2, 3, 5, 7, 14, 24, 30, 60]) {
    const seen = new Set();
    for (let j = 0; j < n; j++) {
      const [a, d] = S.polar(j, n);
      assert.strictEqual(a % S.STEP, 0);
      assert.ok(a >= 0 && a < 360 && d >= S.ring(n));
      seen.add(`${a}:${d}`);
    }
    assert.strictEqual(seen.size, n, `stack of ${n}`);
  }
  assert.deepStrictEqual(S.slot(0, 2), [0, -S.ring(2)]);  // the first slot is above the place
});

test('the ring grows with the stack', () => {
  assert.strictEqual(S.ring(1), 0);
  assert.ok(S.ring(2) < S.ring(6) && S.ring(6) < S.ring(14));
});

test("a stack's label lists the strongest first, then +n", () => {
  const members = [{text: 'a', strength: 10}, {text: 'b', strength: 0}, {text: 'c', strength: 300},
                   {text: 'd', strength: 20}, {text: 'e', strength: 0}];
  assert.deepStrictEqual(S.stackLabel(members), {text: 'c\nd\na\n+2', strength: 300});
  // four fit without a "+1" line
  assert.strictEqual(S.stackLabel(members.slice(0, 4)).text, 'c\nd\na\nb');
  assert.strictEqual(S.stackLabel([{text: 'x', strength: 0}, {text: 'y', strength: 0}]).text, 'x\ny');
});
