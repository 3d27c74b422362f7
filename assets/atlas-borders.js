/* Far East Atlas: the political borders of the slider's day (used by atlas.js).
 * update(map, day, state) draws the units standing on the day, filtered by date. Source and
 * filter change only when the day crosses a date on which the borders change. In the app the
 * source is the day's units (B.at, a tenth of the whole file, loaded again at such a date);
 * a standalone page inlines the whole borders.geojson (B.url) and only filters it. */
(function () {
  'use strict';

  function update(map, day, S) {
    var B = S.cfg && S.cfg.borders;
    if (!B) return;
    var ids = ['atlas-borders', 'atlas-border-lines', 'atlas-border-labels'];
    if (!map.getSource('atlas-borders')) {
      map.addSource('atlas-borders', {type: 'geojson', data: borderData(B, day)});
    }
    if (!map.getSource('atlas-border-labels')) {
      map.addSource('atlas-border-labels', {type: 'geojson', data: B.labels});
    }
    if (!map.getLayer('atlas-borders')) {
      var colour = ['match', ['get', 'sovereign']];
      Object.keys(B.colours).forEach(function (k) { colour.push(k, B.colours[k]); });
      colour.push('#888888');
      var below = map.getLayer(B.below) ? B.below : window.FEA.beneath(map, 'atlas-routes');
      var overlay = ['boolean', ['get', 'overlay'], false], when = borderFilter(day);
      map.addLayer({id: ids[0], type: 'fill', source: 'atlas-borders', filter: when, paint: {
        'fill-color': colour,
        'fill-opacity': ['case', overlay, B.style.overlay_opacity, B.style.fill_opacity]}}, below);
      map.addLayer({id: ids[1], type: 'line', source: 'atlas-borders', filter: when, paint: {
        'line-color': colour, 'line-width': B.style.line_width, 'line-opacity': 0.8}}, below);
      map.addLayer({id: ids[2], type: 'symbol', source: 'atlas-border-labels', filter: when,
                    layout: {'text-field': ['get', 'en'], 'text-size': 13,
                             'text-letter-spacing': 0.08, 'text-font': ['sans-serif']},
                    paint: {'text-color': '#4a3f35', 'text-opacity': 0.85,
                            'text-halo-color': 'rgba(255,255,255,0.6)', 'text-halo-width': 1}},
                   window.FEA.beneath(map, 'atlas-routes'));
      B.lang = B.shown = null;
      B.epoch = borderEpoch(B, day);
    }
    var shown = !S.layers || S.layers.indexOf('borders') >= 0;
    if (B.shown !== shown) {
      ids.forEach(function (id) { map.setLayoutProperty(id, 'visibility', shown ? 'visible' : 'none'); });
      B.shown = shown;
    }
    var lang = S.lang || 'en';
    if (B.lang !== lang) {
      map.setLayoutProperty(ids[2], 'text-field', ['get', lang]);
      map.setLayoutProperty(ids[2], 'text-font', S.cfg.fonts[lang].split(', '));
      B.lang = lang;
    }
    var epoch = borderEpoch(B, day);
    if (B.epoch !== epoch) {
      var filter = borderFilter(day);
      if (B.at) map.getSource('atlas-borders').setData(borderData(B, day));
      ids.forEach(function (id) { map.setFilter(id, filter); });
      B.epoch = epoch;
    }
  }

  // The borders' data for `day`: the URL of the units standing on the first day of its
  // stretch of unchanged borders (so every day of the stretch shares one response), or the
  // whole inlined collection.
  function borderData(B, day) {
    if (!B.at) return B.url;
    var k = borderEpoch(B, day), first = k > 0 ? Math.max(B.changes[k - 1], B.first) : day;
    return B.at.replace('{date}', window.FEA_TIME.isoDate(Math.min(first, day)));
  }

  function borderEpoch(B, day) {
    var lo = 0, hi = B.changes.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (B.changes[mid] <= day) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function borderFilter(day) {
    var iso = window.FEA_TIME.isoDate(day);
    return ['all', ['<=', ['get', 'start'], iso], ['>=', ['get', 'end'], iso]];
  }

  // The id of the unit drawn at `point` (pixels on the map), the top one first; or null.
  function unitAt(map, point) {
    if (!map.getLayer('atlas-borders')) return null;
    var hits = map.queryRenderedFeatures(point, {layers: ['atlas-borders']});
    return hits.length ? hits[0].properties.id : null;
  }

  window.FEA_BORDERS = {update: update, unitAt: unitAt};
})();
