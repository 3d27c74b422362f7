// Unit tests of the URL state of assets/fea-1-core.js: parseQuery and toQuery (deep links).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const C = require('../../assets/fea-1-core.js');

const CTX = {
  first: C.dayNumber('1917-01-01'), last: C.dayNumber('1946-12-31'),
  langs: ['en', 'zh', 'ja'], layers: ['places', 'routes', 'deployments', 'events', 'shipments']
};
const parse = q => C.parseQuery(q, CTX);

test('the deep-link form of today restores date, language, layers and view', () => {
  const {state, notices} = parse('?date=1939-08-20&lang=zh&layers=deployments,events&view=118.5,47.6,6');
  assert.deepStrictEqual(state, {
    day: 14475, lang: 'zh', layers: ['deployments', 'events'],
    view: {lon: 118.5, lat: 47.6, zoom: 6}
  });
  assert.deepStrictEqual(notices, []);
});

test('links written by the old page (URLSearchParams escapes the commas) still work', () => {
  const {state, notices} = parse('?date=1939-08-20&lang=ja&layers=events%2Cplaces&view=118.5%2C47.6%2C6');
  assert.deepStrictEqual(state.layers, ['events', 'places']);
  assert.deepStrictEqual(state.view, {lon: 118.5, lat: 47.6, zoom: 6});
  assert.deepStrictEqual(notices, []);
  assert.deepStrictEqual(parse('date=1939-08-20').state.day, 14475);  // no leading '?'
});

test('toQuery and parseQuery round-trip the state', () => {
  const state = {day: C.dayNumber('1945-08-09'), lang: 'ja', layers: ['routes', 'events'],
                 view: {lon: 125.3235, lat: 43.8171, zoom: 5.25}};
  const q = C.toQuery(state);
  assert.strictEqual(q, '?date=1945-08-09&lang=ja&layers=routes,events&view=125.3235,43.8171,5.25');
  assert.deepStrictEqual(parse(q), {state, notices: []});
  const off = {day: null, lang: null, layers: [], view: null};
  assert.strictEqual(C.toQuery(off), '?layers=');
  assert.deepStrictEqual(parse(C.toQuery(off)).state, off);
});

test('toQuery: 4 decimals, no trailing zeros, null keys left out', () => {
  assert.strictEqual(C.toQuery({day: 0, lang: null, layers: null,
                                view: {lon: 118.123456, lat: -0.00001, zoom: 6.1}}),
                     '?date=1900-01-01&view=118.1235,0,6.1');
  assert.strictEqual(C.toQuery({day: null, lang: null, layers: null, view: null}), '');
  assert.strictEqual(C.toQuery({day: C.dayNumber('-0044-03-15')}), '?date=-0044-03-15');
});

test('a missing parameter leaves its state key null', () => {
  assert.deepStrictEqual(parse(''), {state: {day: null, lang: null, layers: null, view: null}, notices: []});
  assert.deepStrictEqual(parse('?'), parse(null));
  assert.deepStrictEqual(parse('?lang=en').state, {day: null, lang: 'en', layers: null, view: null});
});

test('a bad date is ignored with a notice naming it and why', () => {
  let r = parse('?date=1939-02-30');
  assert.strictEqual(r.state.day, null);
  assert.deepStrictEqual(r.notices, ["date='1939-02-30': not a real day as YYYY-MM-DD"]);
  r = parse('?date=1950-01-01');
  assert.strictEqual(r.state.day, null);
  assert.deepStrictEqual(r.notices, ["date='1950-01-01': outside 1917-01-01 – 1946-12-31"]);
  assert.strictEqual(parse('?date=1917-01-01').state.day, CTX.first);
  assert.strictEqual(parse('?date=1946-12-31').state.day, CTX.last);
  assert.strictEqual(parse('?date=1916-12-31').notices.length, 1);
});

test('an unknown language is ignored with a notice', () => {
  const r = parse('?lang=fr');
  assert.strictEqual(r.state.lang, null);
  assert.deepStrictEqual(r.notices, ["lang='fr': expected one of en, zh, ja"]);
});

test('layers: known ones kept, empty turns all off, only unknown ones keep the defaults', () => {
  let r = parse('?layers=events,bogus');
  assert.deepStrictEqual(r.state.layers, ['events']);
  assert.deepStrictEqual(r.notices, ["layers: unknown layer 'bogus' ignored"]);
  r = parse('?layers=');
  assert.deepStrictEqual(r.state.layers, []);
  assert.deepStrictEqual(r.notices, []);
  r = parse('?layers=nonsense');
  assert.strictEqual(r.state.layers, null);
  assert.strictEqual(r.notices.length, 1);
  assert.match(r.notices[0], /^layers='nonsense': no known layer, the default layers are kept/);
  assert.deepStrictEqual(parse('?layers=events,,events, places').state.layers, ['events', 'places']);
});

test('view: three numbers in range, else a notice', () => {
  assert.deepStrictEqual(parse('?view=-180,-85,0').state.view, {lon: -180, lat: -85, zoom: 0});
  assert.deepStrictEqual(parse('?view=180,85,22').state.view, {lon: 180, lat: 85, zoom: 22});
  for (const bad of ['1,2', '1,2,3,4', 'a,b,c', '181,0,3', '0,86,3', '0,0,23', '0,0,-1',
                     'NaN,0,3', 'Infinity,0,3', ',,', '1,2,3x', '0x10,0,3']) {
    const r = parse('?view=' + bad);
    assert.strictEqual(r.state.view, null, bad);
    assert.strictEqual(r.notices.length, 1, bad);
    assert.ok(r.notices[0].startsWith('view='), r.notices[0]);
  }
  assert.deepStrictEqual(parse('?view=1e2,-.5,+3.').state.view, {lon: 100, lat: -0.5, zoom: 3});
});

test('unknown parameters get a notice; a repeated key keeps its last value', () => {
  let r = parse('?zoom=3&date=1939-08-20&foo');
  assert.deepStrictEqual(r.notices, ["unknown parameter 'zoom'", "unknown parameter 'foo'"]);
  assert.strictEqual(r.state.day, 14475);
  r = parse('?lang=fr&lang=ja');
  assert.deepStrictEqual(r, {state: {day: null, lang: 'ja', layers: null, view: null}, notices: []});
});

test('notices: one string each, de-duplicated, values cut to 40 characters, at most 10', () => {
  let r = parse('?layers=events,bogus,bogus,bogus');
  assert.deepStrictEqual(r.notices, ["layers: unknown layer 'bogus' ignored"]);
  r = parse('?lang=' + 'x'.repeat(500));
  assert.strictEqual(r.notices.length, 1);
  assert.ok(r.notices[0].includes("'" + 'x'.repeat(39) + "…'"), r.notices[0]);
  assert.ok(r.notices[0].length < 100);
  const many = [];
  for (let i = 0; i < 25; i++) many.push('p' + i + '=1');
  r = parse('?' + many.join('&'));
  assert.strictEqual(r.notices.length, 10);
  assert.strictEqual(r.notices[8], "unknown parameter 'p8'");
  assert.strictEqual(r.notices[9], '…and 16 more');
  assert.ok(r.notices.every(n => typeof n === 'string' && !n.includes('\n')));
  const ten = many.slice(0, 10).join('&');
  assert.strictEqual(parse('?' + ten).notices[9], "unknown parameter 'p9'");  // exactly 10: no "more"
});

test('a malformed escape is read as it stands, never thrown', () => {
  const r = parse('?lang=%E0%A4%A&date=%');
  assert.strictEqual(r.notices.length, 2);
  assert.strictEqual(parse('?lang=z%68').state.lang, 'zh');
  assert.strictEqual(parse('?lang=+ja+').state.lang, 'ja');  // '+' is a space, then trimmed
});

test('a 5 MB query is read fast, with at most 10 notices', () => {
  const ids = [];
  for (let i = 0, n = 0; n < 5e6; i++) { ids.push('bogus' + i); n += ids[i].length + 1; }
  const junk = ids.join(',');
  for (const q of ['?layers=' + junk, '?layers=events,' + junk, '?' + junk.replace(/,/g, '=1&'),
                   '?layers=' + 'x'.repeat(5e6), '?' + '&'.repeat(5e6)]) {
    const t0 = process.hrtime.bigint();
    const r = parse(q);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(q.length >= 5e6);
    assert.ok(ms < 3000, `${ms} ms`);  // linear: about 0.3 s here; quadratic would take minutes
    assert.ok(r.notices.length <= 10, String(r.notices.length));
    assert.ok(r.notices.every(n => n.length < 200));
  }
  assert.strictEqual(parse('?layers=' + junk).state.layers, null);
  assert.deepStrictEqual(parse('?layers=events,' + junk).state.layers, ['events']);
  assert.match(parse('?layers=events,' + junk).notices[9], /^…and \d+ more$/);
});
