// Unit tests of assets/fea-3-packdata.js: an imported pack as the engine draws it (node --test).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const C = require('../../assets/fea-1-core.js');
const D = require('../../assets/fea-3-packdata.js');

const STYLES = {
  events: {before_days: 14, after_days: 90},
  deployments: {min_radius: 5, max_radius: 22, unknown_radius: 6, per_sqrt_thousand: 3.0, transit_days: 30}
};
function feature(id, layer, start, end, geometry, extra) {
  return {type: 'Feature', geometry: geometry,
          properties: Object.assign({id: id, layer: layer, start: start, end: end, precision: 'day',
                                     names: {en: id.toUpperCase()}}, extra || {})};
}
const PT = (lon, lat) => ({type: 'Point', coordinates: [lon, lat]});
const PACK = {type: 'FeatureCollection', pack: 1, name: 'Rome', file: 'rome.csv',
  span: {start: '-0044-03-15', end: '1921-01-01'}, tour: [], features: [
    feature('caesar', 'events', '-0044-03-15', '-0044-03-15', PT(12.48, 41.89)),
    feature('rome', 'places', '-0753-04-21', '-0753-04-21', PT(12.5, 41.9), {precision: 'none'}),
    feature('march-1', 'deployments', '1920-01-01', '1920-01-31', PT(100, 50), {deployment: 'reg', seq: 1, strength: 900}),
    feature('march-2', 'deployments', '1920-03-01', '1920-03-31', PT(110, 52), {deployment: 'reg', seq: 2}),
    feature('road', 'routes', '1920-01-01', '1920-12-31', {type: 'LineString', coordinates: [[100, 50], [110, 52]]}),
    feature('note', 'timeline', '1921-01-01', '1921-01-01', null),
    feature('bad', 'events', '1920-05-01', '1920-04-01', PT(0, 0)),
    feature('north', 'places', '1920-01-01', '1920-01-01', PT(0, 95))
  ]};

test('a pack becomes frames: events, undated places, one moving unit, routes and timeline entries', () => {
  const F = D.fragment(PACK, 0, STYLES, 'k1');
  assert.deepStrictEqual(F.items.map(x => [x.layer, x.id]),
    [['events', 'caesar'], ['places', 'rome'], ['deployments', 'march-1']]);
  assert.deepStrictEqual(F.routes.map(r => r.id), ['road']);
  assert.deepStrictEqual(F.timeline.map(t => t.id), ['note']);
  assert.strictEqual(F.skipped, 2, 'start after end, and latitude 95');
  const unit = F.items[2];
  assert.deepStrictEqual(unit.waypoints, ['march-1', 'march-2']);
  // the unit moves: at the first waypoint in January, at the second in March, between them in February
  const at = day => { const f = unit.frames[C.frameAt(unit.frames, C.dayNumber(day))]; return [f[2], f[3]]; };
  assert.deepStrictEqual(at('1920-01-15'), [100, 50]);
  assert.deepStrictEqual(at('1920-03-15'), [110, 52]);
  assert.ok(at('1920-02-15')[0] > 100 && at('1920-02-15')[0] < 110);
});

test('the span covers years before year 1 and the undated place is shown on every day', () => {
  const F = D.fragment(PACK, 0, STYLES, 'k1');
  assert.deepStrictEqual(F.span.map(C.isoDate), ['-0044-03-15', '1921-01-01']);
  const rome = F.items[1];
  assert.ok(C.frameAt(rome.frames, C.dayNumber('-3000-01-01')) >= 0);
  assert.ok(C.frameAt(rome.frames, C.dayNumber('2500-01-01')) >= 0);
  assert.deepStrictEqual(D.widen([C.dayNumber('1917-01-01'), C.dayNumber('1945-12-31')], [F]).map(C.isoDate),
    ['-0044-03-15', '1945-12-31']);
  assert.deepStrictEqual(F.bounds, [[12.48, 41.89], [110, 52]]);
});

test('On this day: the events, units and timeline entries of the day, never the undated places', () => {
  const F = D.fragment(PACK, 0, STYLES, 'k1');
  const on = day => D.activeAt(F, C.dayNumber(day), 'ja').map(x => x.id);
  assert.deepStrictEqual(on('-0044-03-15'), ['pack:k1:caesar']);
  assert.deepStrictEqual(on('1920-01-10'), ['pack:k1:march-1']);
  assert.strictEqual(D.activeAt(F, C.dayNumber('1920-01-10'), 'en')[0].text, 'MARCH-1 · 900');
  assert.deepStrictEqual(on('1921-01-01'), ['pack:k1:note']);
  assert.deepStrictEqual(D.parsePick('pack:k1:a:b'), {key: 'k1', id: 'a:b'});
  assert.strictEqual(D.parsePick('events'), null);
});

test('slider marks: the pack\'s events and timeline entries in its colour, year labels over the widened span', () => {
  const F = D.fragment(PACK, 1, STYLES, 'k2');
  const scene = {features: {events: {starts: [C.dayNumber('1938-07-29')]}, timeline: {starts: []}}};
  const first = C.dayNumber('-0044-03-15'), last = C.dayNumber('1945-12-31');
  const marks = D.sliderMarks(scene, [F], first, last, {top: '-1rem'});
  assert.strictEqual(marks[C.dayNumber('-0044-03-15')].label, '◆');
  assert.strictEqual(marks[C.dayNumber('-0044-03-15')].style.color, D.COLORS[1]);
  assert.strictEqual(marks[C.dayNumber('1921-01-01')].label, '◇');
  assert.strictEqual(marks[C.dayNumber('1938-07-29')].style.color, undefined);
  assert.strictEqual(marks[C.dayNumber('1800-01-01')], '1800');
  assert.strictEqual(marks[C.dayNumber('0000-01-01')], '0');
  const years = Object.values(marks).filter(m => typeof m === 'string');
  assert.ok(years.length >= 5 && years.length <= 11, years.join());
  F.hidden = true;
  assert.strictEqual(D.sliderMarks(scene, [F], first, last, {})[C.dayNumber('1921-01-01')], undefined);
});

test('names: the language asked, else English, else any', () => {
  assert.strictEqual(D.pickName({en: 'a', ja: 'b'}, 'ja'), 'b');
  assert.strictEqual(D.pickName({en: 'a'}, 'zh'), 'a');
  assert.strictEqual(D.pickName({fr: 'c'}, 'zh'), 'c');
  assert.strictEqual(D.pickName(null, 'zh'), '');
});

test('On this day keeps a big pack to a few dozen lines and says how many more', () => {
  const many = {type: 'FeatureCollection', pack: 1, name: 'Many', span: {start: '1930-01-01', end: '1930-01-01'},
    features: Array.from({length: 500}, (_, i) => feature('e' + i, 'events', '1930-01-01', '1930-01-01', PT(120, 40)))};
  const F = D.fragment(many, 0, STYLES, 'm');
  const lines = D.activeAt(F, C.dayNumber('1930-01-01'), 'en');
  assert.strictEqual(lines.length, D.MAX_ACTIVE + 1);
  assert.strictEqual(lines[lines.length - 1].text, 'Many: +' + (500 - D.MAX_ACTIVE));
  assert.strictEqual(D.parsePick(lines[lines.length - 1].id).id, '');
});

test("a pack that keeps its slot keeps the page's colour, whatever its place in a job's list", () => {
  const F = D.fragment(Object.assign({}, PACK, {slot: 3}), 0, STYLES, 'k');
  assert.strictEqual(F.color, D.COLORS[3]);
  assert.strictEqual(D.fragment(PACK, 2, STYLES, 'k').color, D.COLORS[2]);
});
