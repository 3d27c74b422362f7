/* Far East Atlas engine: the political borders of the day (MapLibre's public API only).
 *
 * FEA_BORDERS.create(map, B, below) returns a drawer whose update(day, lang, shown) shows
 * the units standing on the day. Source and filter change only when the day crosses a date
 * on which the borders change. In the app, B.at is the URL of one day's units (a tenth of
 * the whole file, loaded again at such a date); the exports inline the whole collection
 * (B.url) and only filter it. Outside the borders' coverage [B.first, B.last] the layer is
 * empty: covered(day) says so, and the engine tells the reader. */
(function (root) {
  'use strict';
  var C = root.FEA_CORE;
  var IDS = ['atlas-borders', 'atlas-border-lines', 'atlas-border-labels'];

  function epochOf(B, day) {
    var lo = 0, hi = B.changes.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (B.changes[mid] <= day) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function filterOf(day) {
    var iso = C.isoDate(day);
    return ['all', ['<=', ['get', 'start'], iso], ['>=', ['get', 'end'], iso]];
  }

  function covered(B, day) { return !!B && B.first <= day && day <= B.last; }

  // The labels' filter: their periods' days, and none outside the borders' coverage (a
  // pack's 1905, say), where no fill is drawn either (a name with no territory misleads).
  function labelFilterOf(B, day) { return covered(B, day) ? filterOf(day) : ['==', ['get', 'start'], '']; }

  // The data for `day`: the URL of the units standing on the first day of its stretch of
  // unchanged borders (every day of the stretch shares one response), or the inlined whole.
  function dataOf(B, day) {
    if (!covered(B, day)) return {type: 'FeatureCollection', features: []};
    if (!B.at) return B.url;
    var k = epochOf(B, day), first = k > 0 ? Math.max(B.changes[k - 1], B.first) : day;
    return B.at.replace('{date}', C.isoDate(Math.min(first, day)));
  }

  function create(map, B, below, fonts) {
    var state = {epoch: null, lang: null, shown: null, covered: null};
    function addLayers(day) {
      map.addSource('atlas-borders', {type: 'geojson', data: dataOf(B, day)});
      map.addSource('atlas-border-labels', {type: 'geojson', data: B.labels});
      var colour = ['match', ['get', 'sovereign']];
      Object.keys(B.colours).forEach(function (k) { colour.push(k, B.colours[k]); });
      colour.push('#888888');
      var under = map.getLayer(B.below) ? B.below : below, when = filterOf(day);
      var overlay = ['boolean', ['get', 'overlay'], false];
      map.addLayer({id: IDS[0], type: 'fill', source: 'atlas-borders', filter: when, paint: {
        'fill-color': colour,
        'fill-opacity': ['case', overlay, B.style.overlay_opacity, B.style.fill_opacity]}}, under);
      map.addLayer({id: IDS[1], type: 'line', source: 'atlas-borders', filter: when, paint: {
        'line-color': colour, 'line-width': B.style.line_width, 'line-opacity': 0.8}}, under);
      map.addLayer({id: IDS[2], type: 'symbol', source: 'atlas-border-labels', filter: labelFilterOf(B, day),
                    layout: {'text-field': ['get', 'en'], 'text-size': 13,
                             'text-letter-spacing': 0.08, 'text-font': ['sans-serif']},
                    paint: {'text-color': '#4a3f35', 'text-opacity': 0.85,
                            'text-halo-color': 'rgba(255,255,255,0.6)', 'text-halo-width': 1}},
                   below);
      state.epoch = epochOf(B, day);
      state.covered = covered(B, day);
    }

    function update(day, lang, shown) {
      if (!B) return;
      if (!map.getSource('atlas-borders')) addLayers(day);
      if (state.shown !== shown) {
        IDS.forEach(function (id) { map.setLayoutProperty(id, 'visibility', shown ? 'visible' : 'none'); });
        state.shown = shown;
      }
      if (state.lang !== lang) {
        map.setLayoutProperty(IDS[2], 'text-field', ['get', lang]);
        map.setLayoutProperty(IDS[2], 'text-font', fonts[lang].split(', '));
        state.lang = lang;
      }
      var epoch = epochOf(B, day), inside = covered(B, day);
      if (state.epoch !== epoch || state.covered !== inside) {
        var filter = filterOf(day);
        if (B.at || state.covered !== inside) map.getSource('atlas-borders').setData(dataOf(B, day));
        IDS.forEach(function (id) { map.setFilter(id, id === IDS[2] ? labelFilterOf(B, day) : filter); });
        state.epoch = epoch;
        state.covered = inside;
      }
    }

    // The id of the unit drawn at `point` (pixels on the map), the top one first; or null.
    function unitAt(point) {
      if (!map.getLayer(IDS[0]) || !state.shown) return null;
      var hits = map.queryRenderedFeatures(point, {layers: [IDS[0]]});
      return hits.length ? hits[0].properties.id : null;
    }

    return {update: update, unitAt: unitAt};
  }

  root.FEA_BORDERS = {create: create, covered: covered};
})(typeof window !== 'undefined' ? window : this);
