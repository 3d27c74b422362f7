// Unit tests of assets/fea-1-core.js: dates, motion and key moments (node --test, Node 18+).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const C = require('../../assets/fea-1-core.js');

const D = C.dayNumber;

test('the module exports only its API', () => {
  assert.deepStrictEqual(Object.keys(C).sort(), [
    'addMonths', 'civil', 'cumulative', 'dayNumber', 'eventFrames', 'eventPhase', 'formatCount',
    'formatDate', 'frameAt', 'isoDate', 'momentAt', 'parseQuery', 'pointAlong', 'positionAt', 'shipmentFrames',
    'stepDay', 'strengthAt', 'toQuery', 'travelFraction', 'unitFrames', 'unitRadius'
  ]);
});

test('as a classic script (the page) it sets window.FEA_CORE and nothing else', () => {
  const fs = require('node:fs');
  const vm = require('node:vm');
  const path = require('node:path');
  const source = fs.readFileSync(path.join(__dirname, '../../assets/fea-1-core.js'), 'utf8');
  const window = {};
  const context = vm.createContext({window});
  vm.runInContext(source, context);
  assert.deepStrictEqual(Object.keys(window), ['FEA_CORE']);
  assert.strictEqual(window.FEA_CORE.isoDate(14475), '1939-08-20');
  assert.deepStrictEqual(Object.keys(context), ['window']);
});

test('dayNumber: days since 1900-01-01, across the 1899/1900 boundary', () => {
  assert.strictEqual(D('1900-01-01'), 0);
  assert.strictEqual(D('1899-12-31'), -1);
  assert.strictEqual(D('1900-01-02'), 1);
  assert.strictEqual(D('1939-08-20'), 14475);
  assert.strictEqual(D('1918-08-15'), 6800);
  assert.strictEqual(D('  1939-08-20\n'), 14475);  // stripped, as Python strips
});

test('dayNumber: leap days are real only in leap years', () => {
  assert.strictEqual(D('1940-02-29') - D('1940-02-28'), 1);
  assert.strictEqual(D('2000-02-29') - D('2000-02-28'), 1);
  assert.strictEqual(D('1900-02-29'), null);  // 1900 is not a leap year
  assert.strictEqual(D('1939-02-29'), null);
  assert.strictEqual(D('-0004-02-29') - D('-0004-02-28'), 1);
});

test('dayNumber: years before 1 and with more than four digits', () => {
  assert.strictEqual(D('0000-01-01'), -693961);  // 1900 proleptic years of 365.2425 days
  assert.strictEqual(D('-0001-12-31'), D('0000-01-01') - 1);
  assert.strictEqual(D('10000-01-01') - D('9999-12-31'), 1);
});

test('dayNumber: null for anything that is not a real YYYY-MM-DD day', () => {
  for (const bad of ['', '1939', '1939-8-20', '39-08-20', '1939-13-01', '1939-00-10',
                     '1939-04-31', '1939-04-00', '1939/08/20', '1939-08-20T00:00',
                     '+1939-08-20', '1939-08-20x', '--1939-08-20', null, undefined, 14475, {}]) {
    assert.strictEqual(D(bad), null, JSON.stringify(bad));
  }
});

test('civil and isoDate invert dayNumber, with the extended form before year 0', () => {
  assert.deepStrictEqual(C.civil(0), [1900, 1, 1]);
  assert.deepStrictEqual(C.civil(-1), [1899, 12, 31]);
  assert.strictEqual(C.isoDate(14475), '1939-08-20');
  assert.strictEqual(C.isoDate(D('-0044-03-15')), '-0044-03-15');
  assert.strictEqual(C.isoDate(D('-12345-01-01')), '-12345-01-01');
  assert.strictEqual(C.isoDate(D('0007-07-07')), '0007-07-07');
  assert.strictEqual(C.isoDate(D('12345-06-30')), '12345-06-30');
  for (let day = D('-0100-01-01'); day < D('2100-12-31'); day += 97) {
    assert.strictEqual(D(C.isoDate(day)), day);
  }
});

test('day numbers run on without gap or repeat across year 0 and the 400-year eras', () => {
  let previous = null;
  for (let day = D('-0801-01-01'); day <= D('0401-12-31'); day++) {
    const iso = C.isoDate(day);
    assert.strictEqual(D(iso), day, iso);
    if (previous) assert.notStrictEqual(iso, previous);
    previous = iso;
  }
  assert.strictEqual(D('0000-01-01') - D('-0400-01-01'), 146097);  // 400 years, 97 leap days
  assert.strictEqual(D('0001-01-01') - D('0000-01-01'), 366);  // year 0 is a leap year
  assert.strictEqual(D('-0001-03-01') - D('-0001-02-28'), 1);  // -1 is not
});

test('dayNumber: null where a year is too large for an exact day number', () => {
  assert.strictEqual(C.isoDate(D('1000000000-01-01')), '1000000000-01-01');
  assert.strictEqual(D('99999999999999-01-01'), null);
});

test('addMonths clamps to the last day of the month', () => {
  const iso = (s, n) => C.isoDate(C.addMonths(D(s), n));
  assert.strictEqual(iso('1938-01-31', 1), '1938-02-28');
  assert.strictEqual(iso('1940-01-31', 1), '1940-02-29');
  assert.strictEqual(iso('1940-03-31', -1), '1940-02-29');
  assert.strictEqual(iso('1939-08-31', 1), '1939-09-30');
  assert.strictEqual(iso('1939-12-15', 1), '1940-01-15');
  assert.strictEqual(iso('1940-01-15', -1), '1939-12-15');
  assert.strictEqual(iso('1939-08-20', 25), '1941-09-20');
  assert.strictEqual(iso('0000-01-31', -1), '-0001-12-31');
  assert.strictEqual(iso('1939-08-20', 0), '1939-08-20');
});

test('stepDay: a day, a week, a month or a day count, either way', () => {
  const d = D('1939-08-20');
  assert.strictEqual(C.stepDay(d, 'day', 1), d + 1);
  assert.strictEqual(C.stepDay(d, 'day', -1), d - 1);
  assert.strictEqual(C.isoDate(C.stepDay(d, 'week', 1)), '1939-08-27');
  assert.strictEqual(C.isoDate(C.stepDay(d, 'month', -1)), '1939-07-20');
  assert.strictEqual(C.isoDate(C.stepDay(D('1939-01-31'), 'month', 1)), '1939-02-28');
  assert.strictEqual(C.stepDay(d, 'week'), d + 7);  // direction defaults to 1
  assert.strictEqual(C.stepDay(d, 3, -1), d - 3);
  assert.strictEqual(C.stepDay(d, 'fortnight', 1), null);
});

test('positionAt: waits, moves over the transit days, holds until the end', () => {
  const track = [[0, 130, 40], [10, 140, 50]];
  assert.deepStrictEqual(C.positionAt(track, 20, 5), [135, 45]);
  assert.deepStrictEqual(C.positionAt(track, 20, 5, 4), [130, 40]);
  assert.deepStrictEqual(C.positionAt(track, 20, 6, 4), [130, 40]);
  assert.deepStrictEqual(C.positionAt(track, 20, 8, 4), [135, 45]);
  assert.deepStrictEqual(C.positionAt(track, 20, 10, 4), [140, 50]);
  assert.deepStrictEqual(C.positionAt(track, 20, 15), [140, 50]);
  assert.strictEqual(C.positionAt(track, 20, -1), null);
  assert.strictEqual(C.positionAt(track, 20, 21), null);
  assert.strictEqual(C.positionAt([], 20, 5), null);
  assert.deepStrictEqual(C.positionAt(track, 20, 5, 100), [135, 45]);  // transit longer than the leg
});

test('cumulative and pointAlong', () => {
  assert.deepStrictEqual(C.cumulative([[0, 0], [1, 0], [3, 0]]), [0, 0.3333, 1]);
  assert.deepStrictEqual(C.cumulative([[5, 5]]), [0]);
  assert.deepStrictEqual(C.cumulative([[5, 5], [5, 5]]), [0, 0]);  // zero length: no division by 0
  // Longitude shrinks with the cosine of latitude: at 60° a degree east is half a degree north.
  assert.deepStrictEqual(C.cumulative([[0, 60], [2, 60], [2, 61]]), [0, 0.5, 1]);
  const path = [[0, 0], [1, 0], [3, 0]];
  assert.deepStrictEqual(C.pointAlong(path, [0, 1 / 3, 1], 2 / 3), [2, 0]);
  assert.deepStrictEqual(C.pointAlong(path, [0, 1 / 3, 1], 0), [0, 0]);
  assert.deepStrictEqual(C.pointAlong(path, [0, 1 / 3, 1], 1), [3, 0]);
  assert.deepStrictEqual(C.pointAlong(path, [0, 1 / 3, 1], 7), [3, 0]);  // clamped
  assert.deepStrictEqual(C.pointAlong(path, [0, 1 / 3, 1], -7), [0, 0]);
  assert.deepStrictEqual(C.pointAlong([[4, 5]], [0], 0.5), [4, 5]);
});

test('travelFraction', () => {
  assert.strictEqual(C.travelFraction(10, 20, 15), 0.5);
  assert.strictEqual(C.travelFraction(10, 20, 10), 0);
  assert.strictEqual(C.travelFraction(10, 20, 20), 1);
  assert.strictEqual(C.travelFraction(10, 20, 21), null);
  assert.strictEqual(C.travelFraction(10, 20, 9), null);
  assert.strictEqual(C.travelFraction(10, 10, 10), 1);
});

test('strengthAt: the latest known strength, else the first known one', () => {
  const s = [[0, 3000], [10, null], [20, 7950]];
  assert.strictEqual(C.strengthAt(s, 15), 3000);
  assert.strictEqual(C.strengthAt(s, 20), 7950);
  assert.strictEqual(C.strengthAt(s, -5), 3000);
  assert.strictEqual(C.strengthAt([[5, null], [9, 100]], 6), 100);
  assert.strictEqual(C.strengthAt([], 6), null);
  assert.strictEqual(C.strengthAt([[0, null]], 6), null);
});

test('unitRadius: square-root scale, clamped, unknown strength', () => {
  const spec = {min_radius: 6, max_radius: 22, unknown_radius: 6, per_sqrt_thousand: 2};
  assert.strictEqual(C.unitRadius(null, spec), 6);
  assert.strictEqual(C.unitRadius(0, spec), 6);
  assert.strictEqual(C.unitRadius(-5, spec), 6);
  assert.strictEqual(C.unitRadius(1000, spec), 8);
  assert.strictEqual(C.unitRadius(10 ** 6, spec), 22);
  assert.strictEqual(C.unitRadius(2000, spec), 8.83);
});

test('eventPhase', () => {
  assert.deepStrictEqual([7, 8, 10, 11, 12, 17, 18].map(d => C.eventPhase(10, 12, d, 2, 5)),
                         [0, 1, 2, 2, 2, 1, 0]);
});

test('momentAt: the last moment at or before the day, else the first', () => {
  const days = [100, 200, 300];
  assert.strictEqual(C.momentAt(days, 50), 0);
  assert.strictEqual(C.momentAt(days, 100), 0);
  assert.strictEqual(C.momentAt(days, 199), 0);
  assert.strictEqual(C.momentAt(days, 200), 1);
  assert.strictEqual(C.momentAt(days, 299), 1);
  assert.strictEqual(C.momentAt(days, 300), 2);
  assert.strictEqual(C.momentAt(days, 9999), 2);
  assert.strictEqual(C.momentAt([100], 5), 0);
  assert.strictEqual(C.momentAt([], 5), -1);
  assert.strictEqual(C.momentAt([100, 100, 200], 150), 1);  // two moments on one day: the later
});

test('formatCount writes thousands with commas, nothing for no count', () => {
  assert.strictEqual(C.formatCount(7950), '7,950');
  assert.strictEqual(C.formatCount(173175809), '173,175,809');
  assert.strictEqual(C.formatCount(800), '800');
  assert.strictEqual(C.formatCount(null), '');
});
