// Unit tests of assets/fea-3-borders.js: the borders of the day on a stand-in map (node --test).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const C = require('../../assets/fea-1-core.js');
global.window = global;  // the drawer finds FEA_CORE on its root, as in the page
global.FEA_CORE = C;
require('../../assets/fea-3-borders.js');
const B = global.FEA_BORDERS;

// A map that keeps what the drawer asks of it: sources, layers, their filters and visibility.
function standInMap() {
  const layers = {}, sources = {};
  return {
    layers: layers,
    addSource: (id, s) => { sources[id] = {data: s.data, setData: function (d) { this.data = d; }}; },
    getSource: (id) => sources[id],
    addLayer: (spec) => { layers[spec.id] = Object.assign({visibility: 'visible'}, spec); },
    getLayer: (id) => layers[id],
    setFilter: (id, f) => { layers[id].filter = f; },
    setLayoutProperty: (id, k, v) => { if (k === 'visibility') layers[id].visibility = v; },
    queryRenderedFeatures: () => []
  };
}

// The features a MapLibre filter of the form the drawer writes lets through.
function passes(filter, props) {
  const [op, a, b] = filter;
  if (op === 'all') return filter.slice(1).every((f) => passes(f, props));
  const value = props[a[1]];
  return op === '<=' ? value <= b : op === '>=' ? value >= b : op === '==' ? value === b : false;
}

const LABELS = {type: 'FeatureCollection', features: [
  {type: 'Feature', geometry: {type: 'Point', coordinates: [138.4, 36.3]},
   properties: {start: '1875-05-07', end: '1945-09-01', en: 'Empire of Japan'}}]};
const SPEC = {url: 'borders.geojson', labels: LABELS, changes: [], first: C.dayNumber('1917-01-01'),
              last: C.dayNumber('1946-12-31'), colours: {japan: '#e0607e'}, below: 'x',
              style: {overlay_opacity: 0.2, fill_opacity: 0.3, line_width: 1}};

test('a name of the borders shows only where the borders of the day are drawn', () => {
  const map = standInMap();
  const drawer = B.create(map, SPEC, undefined, {en: 'Noto Sans', ja: 'Noto Sans CJK JP'});
  const label = LABELS.features[0].properties;
  drawer.update(C.dayNumber('1939-08-20'), 'en', true);
  assert.ok(passes(map.layers['atlas-border-labels'].filter, label));
  assert.strictEqual(map.getSource('atlas-borders').data, 'borders.geojson');
  // 1905, a pack's date: no fill, and so no name either, though Japan's period holds the day
  drawer.update(C.dayNumber('1905-03-10'), 'en', true);
  assert.deepStrictEqual(map.getSource('atlas-borders').data, {type: 'FeatureCollection', features: []});
  assert.ok(!passes(map.layers['atlas-border-labels'].filter, label));
  assert.strictEqual(B.covered(SPEC, C.dayNumber('1905-03-10')), false);
  drawer.update(C.dayNumber('1920-01-01'), 'en', true);
  assert.ok(passes(map.layers['atlas-border-labels'].filter, label));
  // and a drawer created on such a date starts with none
  const early = standInMap();
  B.create(early, SPEC, undefined, {en: 'Noto Sans'}).update(C.dayNumber('1900-01-01'), 'en', true);
  assert.ok(!passes(early.layers['atlas-border-labels'].filter, label));
});
