/* Far East Atlas engine: the close views (MapLibre's public API only).
 *
 * FEA_DETAIL.create(map, detail, container) -> {update()}:
 * - the first time the map is zoomed in to detail.from_zoom, the basemap's `hi` coast, lakes
 *   and rivers (the Khalkhin Gol and Lake Khasan among them) are added beside the `lo` ones,
 *   which then give way at that zoom; the first load fetches none of them;
 * - a scale bar in the map's corner, a round distance in kilometres, kept in step with the
 *   view (Mercator: a pixel is 40,075 km * cos(latitude) / (512 * 2^zoom)). */
(function (root) {
  'use strict';
  var STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

  /** The longest round distance (km) at most `maxPx` wide, and its width in pixels. */
  function scaleFor(lat, zoom, maxPx) {
    var kmPerPx = 40075.016686 * Math.cos(lat * Math.PI / 180) / (512 * Math.pow(2, zoom));
    var km = STEPS[0];
    for (var i = 0; i < STEPS.length; i++) if (STEPS[i] / kmPerPx <= maxPx) km = STEPS[i];
    return {km: km, px: Math.round(km / kmPerPx)};
  }

  function create(map, detail, container) {
    var added = false, bar = null;
    if (container) {
      bar = document.createElement('div');
      bar.className = 'fea-scale';
      bar.setAttribute('aria-hidden', 'true');
      container.appendChild(bar);
    }

    function addDetail() {
      var style = map.getStyle();
      Object.keys(detail.sources || {}).forEach(function (id) {
        var lo = style.layers.filter(function (l) { return l.id === id; })[0];
        if (!lo || map.getSource(id + '-hi')) return;
        map.addSource(id + '-hi', {type: 'geojson', data: detail.sources[id]});
        var hi = {id: id + '-hi', type: lo.type, source: id + '-hi', minzoom: detail.from_zoom,
                  paint: lo.paint || {}, layout: lo.layout || {}};
        map.addLayer(hi, id);
        map.setLayerZoomRange(id, 0, detail.from_zoom);
      });
      added = true;
    }

    function update() {
      if (!added && detail && detail.from_zoom && map.getZoom() >= detail.from_zoom - 0.5) addDetail();
      if (bar) {
        var s = scaleFor(map.getCenter().lat, map.getZoom(), 120);
        bar.style.width = s.px + 'px';
        bar.textContent = s.km.toLocaleString('en-US') + ' km';
      }
    }

    map.on('moveend', update);
    update();
    return {update: update};
  }

  var API = {create: create, scaleFor: scaleFor};
  if (typeof module !== 'undefined' && module.exports) module.exports = API;
  else root.FEA_DETAIL = API;
})(typeof window !== 'undefined' ? window : this);
