// Unit tests of assets/fea-1-legs.js: the leg (arrow) a unit's track gives on a day.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const L = require('../../assets/fea-1-legs.js');

// Vladivostok (day 0) to Khabarovsk (day 40), back to Vladivostok on day 100 by an attack
const TRACK = [[0, 131.88, 43.12], [40, 135.07, 48.48], [100, 131.88, 43.12]];
const MOVES = [null, 'advance', 'attack'];

test('a moving unit: the arrow runs from where it is to where it is going', () => {
  const leg = L.legAt(TRACK, MOVES, 200, 25, 30, 10);  // left on day 10, 15 of 30 days done
  assert.strictEqual(leg.arrived, false);
  assert.strictEqual(leg.movement, 'advance');
  assert.deepStrictEqual(leg.to, [135.07, 48.48]);
  assert.deepStrictEqual(leg.from, leg.at);
  assert.ok(Math.abs(leg.at[0] - (131.88 + 135.07) / 2) < 1e-9);
});

test('a unit waiting to leave has no arrow', () => {
  assert.strictEqual(L.legAt(TRACK, MOVES, 200, 5, 30, 10), null);
});

test('the arrow of the move just made stays arrowDays after the arrival, then goes', () => {
  const leg = L.legAt(TRACK, MOVES, 200, 100, 30, 10);
  assert.deepStrictEqual([leg.from, leg.to, leg.movement, leg.arrived],
                         [[135.07, 48.48], [131.88, 43.12], 'attack', true]);
  assert.ok(L.legAt(TRACK, MOVES, 200, 109, 30, 10));
  assert.strictEqual(L.legAt(TRACK, MOVES, 200, 110, 30, 10), null);
  // a move in one day (the sources date the attack, not the march) is still seen
  const quick = [[0, 118.0, 47.8], [1, 118.2, 47.7]];
  assert.strictEqual(L.legAt(quick, [null, 'attack'], 20, 1, 30, 10).movement, 'attack');
});

test('no arrow out of a gap, and none where the sources do not say the kind: "none"', () => {
  const gap = [[0, 131.88, 43.12, 5], [40, 135.07, 48.48]];
  assert.strictEqual(L.legAt(gap, [], 200, 20, 30, 10), null);
  assert.strictEqual(L.legAt(gap, [], 200, 41, 30, 10), null);
  assert.strictEqual(L.legAt(TRACK, [], 200, 25, 30, 10).movement, 'none');
});

test('the trail holds the waypoints reached, then where the unit is', () => {
  assert.deepStrictEqual(L.trailAt(TRACK, 200, 5, 30), [[131.88, 43.12]]);
  const trail = L.trailAt(TRACK, 200, 25, 30);
  assert.strictEqual(trail.length, 2);
  assert.deepStrictEqual(L.trailAt(TRACK, 200, 100, 30).length, 3);
});

test('the arrowhead points along the leg on a Mercator map', () => {
  assert.ok(Math.abs(L.bearing([130, 40], [130, 50])) < 1e-9);  // north
  assert.ok(Math.abs(L.bearing([130, 40], [140, 40]) - 90) < 1e-9);  // east
  assert.ok(Math.abs(Math.abs(L.bearing([130, 40], [130, 30])) - 180) < 1e-9);  // south
  const ne = L.bearing([131.88, 43.12], [135.07, 48.48]);
  assert.ok(ne > 0 && ne < 45, ne);  // Khabarovsk is north-north-east of Vladivostok
});
