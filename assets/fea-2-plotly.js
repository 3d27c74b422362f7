/* Far East Atlas engine: the one module that touches Plotly's and MapLibre's internals.
 *
 * Everything else in the engine goes through these few functions (and MapLibre's public
 * API), so an upgrade of either library is checked here and nowhere else. */
(function (root) {
  'use strict';

  /** The MapLibre map inside a Plotly graph div, or null before Plotly made it. */
  function mapOf(gd) {
    var fl = gd && gd._fullLayout, sp = fl && fl.map && fl.map._subplot;
    return (sp && sp.map) || null;
  }

  /** True once the style is parsed (its sources perhaps still loading): layers can be added.
   * (map.isStyleLoaded() would also wait for every source.) */
  function styleReady(map) {
    return !!(map && map.style && map.style._loaded);
  }

  /** The layer and id of the point Plotly shows a hover label for, or null. */
  function hoveredPoint(gd) {
    var pt = gd && gd._hoverdata && gd._hoverdata[0];
    if (!pt || !pt.data || !pt.data.meta) return null;
    return {layer: pt.data.meta.layer, id: pt.customdata};
  }

  /** Ready to draw: the graph has its data, its map and a parsed style. */
  function plotted(gd) {
    return !!(gd && gd._fullData && gd.calcdata && styleReady(mapOf(gd)));
  }

  /** Move the hover points of the trace of `layer` to `positions` ([lon, lat] or null per
   * point, in the scene's order): Plotly's hover reads calcdata, which it does not recompute
   * until the next plot. */
  function setHoverPoints(gd, layer, positions) {
    for (var i = 0; i < gd._fullData.length; i++) {
      var meta = gd.data[i] && gd.data[i].meta, cd = gd.calcdata[i];
      if (!meta || meta.layer !== layer || !cd) continue;
      for (var k = 0; k < positions.length && k < cd.length; k++) {
        var p = positions[k];
        if (!cd[k]) continue;
        cd[k].lonlat = p ? [p[0], p[1]] : [undefined, undefined];
        if (p && p[2]) cd[k].mrc = p[2];
      }
    }
  }

  /** The indices of the traces of each layer, by layer id. */
  function traceIndex(gd) {
    var out = {};
    (gd.data || []).forEach(function (tr, i) {
      if (tr.meta && tr.meta.layer) (out[tr.meta.layer] = out[tr.meta.layer] || []).push(i);
    });
    return out;
  }

  /** Let the canvas grow to w x h device pixels (MapLibre caps it at 4096 by default);
   * returns a function that restores the cap. */
  function liftCanvasCap(map, w, h) {
    var prev = map._maxCanvasSize;
    if (!prev) return function () {};
    var canvas = map.getCanvas(), gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
    var limit = gl ? gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) : 4096;
    map._maxCanvasSize = [Math.min(limit, Math.max(prev[0], w)), Math.min(limit, Math.max(prev[1], h))];
    return function () { map._maxCanvasSize = prev; };
  }

  /** Symbols appear at once, with no fade-in frames (for exports). */
  function noFade(map) { map._fadeDuration = 0; }

  /** True while MapLibre has a repaint scheduled. */
  function repaintPending(map) { return !!map._frameRequest; }

  var API = {mapOf: mapOf, styleReady: styleReady, hoveredPoint: hoveredPoint, plotted: plotted,
             setHoverPoints: setHoverPoints, traceIndex: traceIndex, liftCanvasCap: liftCanvasCap,
             noFade: noFade, repaintPending: repaintPending};
  if (typeof module !== 'undefined' && module.exports) module.exports = API;
  else root.FEA_PLOTLY = API;
})(typeof window !== 'undefined' ? window : this);
