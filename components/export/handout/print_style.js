/* Far East Atlas, handout: the map restyled for paper, in the batch renderer's page.
 *
 * Evaluated after FEA_EXPORT.load (components/export/js/driver.js) has mounted the engine.
 * Grey shades alone do not tell the route modes apart (air, sea and land print as the same
 * grey), so each mode gets a dashed copy of the engine's route layer, filtered on its colour,
 * with the dash pattern the handout's legend draws; the engine's own layer is made
 * transparent (not hidden: the engine sets its visibility on every day). The copies read the
 * same source and feature state, so they light up and dim with the day as the original does.
 * MapLibre's public API only (the map from FEA_PLOTLY.mapOf).
 */
(function (root) {
  'use strict';
  root.FEA_HANDOUT = {
    // `modes`: [{color, dash: [numbers in line widths]}]; resolves once the map is idle.
    printStyle: function (modes) {
      var gd = document.getElementById('map').firstChild, map = root.FEA_PLOTLY.mapOf(gd);
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
      return new Promise(function (resolve) {
        map.once('idle', function () { resolve(modes.length); });
        map.triggerRepaint();
      });
    }
  };
})(typeof window !== 'undefined' ? window : this);
