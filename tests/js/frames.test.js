// Unit tests of the frames of assets/fea-1-core.js: [from, to, lon, lat, radius], merged.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const C = require('../../assets/fea-1-core.js');

const SPEC = {min_radius: 6, max_radius: 22, unknown_radius: 5, per_sqrt_thousand: 2};

// Every frame's position must be what positionAt (or pointAlong) says for each of its days.
function assertCovers(frames, first, last, at) {
  for (let day = first - 3; day <= last + 3; day++) {
    const k = C.frameAt(frames, day), want = at(day);
    if (want === null) {
      assert.strictEqual(k, -1, `day ${day}: no frame expected`);
    } else {
      assert.notStrictEqual(k, -1, `day ${day}: a frame expected`);
      assert.deepStrictEqual(frames[k].slice(2, 4), want, `day ${day}`);
    }
  }
}

test('unitFrames: a stay is one frame, each transit day one frame', () => {
  const track = [[0, 130, 40], [10, 140, 50], [20, 140, 50]];
  const frames = C.unitFrames(track, [[0, 1000]], 25, 4, SPEC);
  assert.deepStrictEqual(frames, [
    [0, 6, 130, 40, 8],
    [7, 7, 132.5, 42.5, 8],
    [8, 8, 135, 45, 8],
    [9, 9, 137.5, 47.5, 8],
    [10, 25, 140, 50, 8]  // the stay at the second waypoint merges with the third
  ]);
  assertCovers(frames, 0, 25, d => C.positionAt(track, 25, d, 4));
});

test('unitFrames: no transit moves over the whole leg; strength changes the radius', () => {
  const track = [[0, 0, 0], [4, 4, 0], [6, 4, 0]];
  const frames = C.unitFrames(track, [[2, 1000], [6, 4000]], 8, null, SPEC);
  assert.strictEqual(frames.length, 6);
  assert.deepStrictEqual(frames[0], [0, 0, 0, 0, 8]);  // before any known strength: the first
  assert.deepStrictEqual(frames[1], [1, 1, 1, 0, 8]);
  assert.deepStrictEqual(frames[4], [4, 5, 4, 0, 8]);
  assert.deepStrictEqual(frames[5], [6, 8, 4, 0, 10]);
  assertCovers(frames, 0, 8, d => C.positionAt(track, 8, d, null));
});

test('unitFrames: the end cuts the track short; no inverted frames', () => {
  const track = [[0, 0, 0], [10, 10, 0], [30, 20, 0]];
  const frames = C.unitFrames(track, [], 12, 2, SPEC);
  assert.ok(frames.every(f => f[0] <= f[1]), JSON.stringify(frames));
  assert.deepStrictEqual(frames[frames.length - 1], [10, 12, 10, 0, 5]);
  assertCovers(frames, 0, 12, d => C.positionAt(track, 12, d, 2));
  assert.deepStrictEqual(C.unitFrames([], [], 12, 2, SPEC), []);
});

test('shipmentFrames: one frame a day along the route', () => {
  const path = [[0, 0], [1, 0], [3, 0]], cum = C.cumulative(path);
  const frames = C.shipmentFrames(path, cum, 10, 13, 4);
  assert.strictEqual(frames.length, 4);
  assert.deepStrictEqual(frames[0], [10, 10, 0, 0, 4]);
  assert.deepStrictEqual(frames[3], [13, 13, 3, 0, 4]);
  assertCovers(frames, 10, 13, d => {
    const f = C.travelFraction(10, 13, d);
    return f === null ? null : C.pointAlong(path, cum, f);
  });
  assert.deepStrictEqual(C.shipmentFrames(path, cum, 5, 5, 4), [[5, 5, 3, 0, 4]]);
});

test('shipmentFrames: a standing shipment is one frame', () => {
  const path = [[2, 2], [2, 2]];
  assert.deepStrictEqual(C.shipmentFrames(path, C.cumulative(path), 0, 9, 3), [[0, 9, 2, 2, 3]]);
});

test('eventFrames: one frame from `before` days ahead to `after` days behind', () => {
  const frames = C.eventFrames([120, 45], 10, 12, 2, 5, 7);
  assert.deepStrictEqual(frames, [[8, 17, 120, 45, 7]]);
  for (let day = 5; day < 20; day++) {
    assert.strictEqual(C.frameAt(frames, day) === 0, C.eventPhase(10, 12, day, 2, 5) > 0);
  }
});

test('frameAt: binary search, gaps give -1', () => {
  const frames = [[0, 2, 0, 0, 1], [3, 3, 0, 0, 1], [7, 9, 0, 0, 1]];
  assert.deepStrictEqual([-1, 0, 2, 3, 4, 6, 7, 9, 10].map(d => C.frameAt(frames, d)),
                         [-1, 0, 0, 1, -1, -1, 2, 2, -1]);
  assert.strictEqual(C.frameAt([], 3), -1);
  const many = [];
  for (let i = 0; i < 100000; i++) many.push([2 * i, 2 * i, i, 0, 1]);
  assert.strictEqual(C.frameAt(many, 123456), 61728);
  assert.strictEqual(C.frameAt(many, 123457), -1);
});

test('unitFrames and positionAt: a gap in the track draws nothing until the next waypoint', () => {
  // at (130, 40) from day 0, last placed there on day 4; next known at (140, 50) on day 10
  const track = [[0, 130, 40, 4], [10, 140, 50]];
  const spec = {min_radius: 5, max_radius: 22, unknown_radius: 6, per_sqrt_thousand: 3};
  const frames = C.unitFrames(track, [[0, null], [10, null]], 20, 30, spec);
  assert.deepStrictEqual(frames, [[0, 4, 130, 40, 6], [10, 20, 140, 50, 6]]);
  assert.strictEqual(C.frameAt(frames, 7), -1);
  assert.deepStrictEqual(C.positionAt(track, 20, 4, 30), [130, 40]);
  assert.strictEqual(C.positionAt(track, 20, 5, 30), null);
  assert.deepStrictEqual(C.positionAt(track, 20, 10, 30), [140, 50]);
});

test('the scale bar takes the longest round distance that fits', () => {
  const D = require('../../assets/fea-3-detail.js');
  const s = D.scaleFor(0, 0, 120);  // 78.3 km a pixel at the equator, zoom 0
  assert.strictEqual(s.km, 5000);
  assert.ok(s.px <= 120 && s.px > 50);
  const close = D.scaleFor(47.7, 9, 120);  // Khalkhin Gol at zoom 9: about 0.1 km a pixel
  assert.strictEqual(close.km, 10);
  assert.strictEqual(close.px, 97);
});
