/* Far East Atlas, handout: the map restyled for paper, in the batch renderer's page.
 *
 * Evaluated after FEA_EXPORT.load (components/export/js/driver.js) has mounted the engine.
 * Grey shades alone do not tell the route modes apart (air, sea and land print as the same
 * grey), so each mode gets a dashed copy of the engine's route layer, filtered on its colour,
 * with the dash pattern the handout's legend draws; the engine's own layer is made
 * transparent (not hidden: the engine sets its visibility on every day). The copies read the
 * same source and feature state, so they light up and dim with the day as the original does.
 * Likewise the borders' fills print as near greys (the USSR, Manchukuo and Japan's colonies
 * within a tenth of each other): each sovereign gets a hatch pattern over its fill, drawn by
 * a layer beside the engine's that takes the engine's filter of the day (follow, right after
 * each date is set: the engine sets its filter at once, and one repaint draws both).
 * restyle does both and waits for one repaint: at 300 dpi in software WebGL each costs.
 * resize fits the map to the page's pixel ratio, which the renderer changes between 1x
 * (a day being set) and print resolution (its screenshot): printing.py HandoutRenderer.
 * MapLibre's public API only (the map from FEA_PLOTLY.mapOf).
 */
(function (root) {
  'use strict';
  var HATCH = 'fea-handout-hatch';

  function map_() { return root.FEA_PLOTLY.mapOf(document.getElementById('map').firstChild); }

  // One 8x8 tile of a hatch `kind` (HATCHES in model.py, HATCH_LINES in sheet.py), drawn
  // at TILE pixels (light: the hatch is there to tell fills apart, not to cover the map).
  var TILE = 11;
  function tile(kind, ratio) {
    var n = TILE * ratio, c = document.createElement('canvas');
    ratio = ratio * TILE / 8;
    c.width = c.height = n;
    var g = c.getContext('2d');
    g.strokeStyle = 'rgba(30,30,30,0.28)';
    g.lineWidth = ratio * 0.8;
    var lines = {slash: [[0, 8, 8, 0], [-1, 1, 1, -1], [7, 9, 9, 7]],
                 backslash: [[0, 0, 8, 8], [-1, 7, 1, 9], [7, -1, 9, 1]],
                 horizontal: [[0, 4, 8, 4]], vertical: [[4, 0, 4, 8]],
                 cross: [[0, 4, 8, 4], [4, 0, 4, 8]],
                 xcross: [[0, 8, 8, 0], [0, 0, 8, 8]], dash: [[0, 4, 4, 4]]}[kind] || [];
    lines.forEach(function (l) {
      g.beginPath(); g.moveTo(l[0] * ratio, l[1] * ratio); g.lineTo(l[2] * ratio, l[3] * ratio); g.stroke();
    });
    return g.getImageData(0, 0, n, n);
  }

  function idle(map) {
    return new Promise(function (resolve) { map.once('idle', function () { resolve(true); }); map.triggerRepaint(); });
  }

  root.FEA_HANDOUT = {
    // The map at the page's pixel ratio now; given `drawn`, resolves once drawn at it.
    resize: function (drawn) {
      var map = map_();
      map.resize();
      return drawn ? idle(map) : Promise.resolve(true);
    },
    // The map for paper: `modes` as printStyle takes them, `hatches` as hatch (its tiles
    // made for the pixel ratio `ratio`, the print's); resolves once the map is drawn again
    // (one repaint for both).
    restyle: function (modes, hatches, ratio) {
      var map = map_();
      FEA_HANDOUT.printStyle(modes, true);
      FEA_HANDOUT.hatch(hatches, true, ratio);
      return idle(map);
    },
    // `hatches`: {sovereign: kind}; the pattern layer over the borders' fills, its tiles
    // made for the pixel ratio `ratio` (default: the page's). Resolves once drawn, or at
    // once given `later` (the caller waits for the repaint).
    hatch: function (hatches, later, ratio) {
      var map = map_();
      if (!map.getLayer('atlas-borders') || map.getLayer(HATCH)) return Promise.resolve(false);
      ratio = Math.max(1, Math.round(ratio || root.devicePixelRatio || 1));
      var pattern = ['match', ['get', 'sovereign']];
      Object.keys(hatches).forEach(function (k) {
        var name = 'fea-hatch-' + hatches[k];
        if (!map.hasImage(name)) map.addImage(name, tile(hatches[k], ratio), {pixelRatio: ratio});
        pattern.push(k, name);
      });
      if (!map.hasImage('fea-hatch-none')) map.addImage('fea-hatch-none', tile('none', ratio), {pixelRatio: ratio});
      pattern.push('fea-hatch-none');
      map.addLayer({id: HATCH, type: 'fill', source: 'atlas-borders', filter: map.getFilter('atlas-borders'),
                    layout: {visibility: map.getLayoutProperty('atlas-borders', 'visibility') || 'visible'},
                    paint: {'fill-pattern': pattern}}, 'atlas-border-lines');
      return later ? Promise.resolve(true) : idle(map);
    },
    // The hatch layer takes the engine's borders of the day (set, not drawn: call it right
    // after the engine's setDay, whose repaint draws both). True if there is one.
    follow: function () {
      var map = map_();
      if (!map.getLayer(HATCH)) return false;
      map.setFilter(HATCH, map.getFilter('atlas-borders'));
      map.setLayoutProperty(HATCH, 'visibility', map.getLayoutProperty('atlas-borders', 'visibility') || 'visible');
      return true;
    },
    // `modes`: [{color, dash: [numbers in line widths]}]; resolves once the map is idle, or
    // at once given `later`.
    printStyle: function (modes, later) {
      var gd = document.getElementById('map').firstChild, map = map_();
      var scale = gd.parentNode.querySelector('.fea-scale');
      if (scale) scale.style.display = 'none';  // the handout draws one scale bar for all maps
      var base = map.getLayer('atlas-routes');
      if (!base) return Promise.resolve(0);
      var paint = {};
      ['line-color', 'line-opacity', 'line-width'].forEach(function (k) { paint[k] = map.getPaintProperty('atlas-routes', k); });
      modes.forEach(function (m, i) {
        var id = 'fea-handout-routes-' + i;
        if (map.getLayer(id)) return;
        var p = Object.assign({}, paint);
        if (m.dash.length) p['line-dasharray'] = m.dash;
        map.addLayer({id: id, type: 'line', source: 'atlas-routes', filter: ['==', ['get', 'c'], m.color],
                      layout: {'line-join': 'round', 'line-cap': 'butt'}, paint: p}, 'atlas-routes');
      });
      map.setPaintProperty('atlas-routes', 'line-opacity', 0);
      if (later) return Promise.resolve(modes.length);
      return new Promise(function (resolve) {
        map.once('idle', function () { resolve(modes.length); });
        map.triggerRepaint();
      });
    }
  };
})(typeof window !== 'undefined' ? window : this);
