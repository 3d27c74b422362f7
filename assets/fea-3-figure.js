/* Far East Atlas engine: what the figure shows in a language and on a day.
 *
 * The place labels of a date (renamings looked up in the scene), the hover texts and labels
 * a language change restyles, and a copy of a figure set to a state before it is plotted.
 * Pure functions of the figure's data and the scene: no map, no DOM. */
(function (root) {
  'use strict';

  /** The stretch of days with the same place names that `day` falls in (an index). */
  function nameStretch(scene, day) {
    var changes = scene.features.places.renamings.changes, lo = 0, hi = changes.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (changes[mid] <= day) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /** The place labels of `day` in `lang`: the places' names, and for the renamed ones the
   * name in force that day (looked up in the scene: components/atlas/scene.py labels_on). */
  function labelsOn(scene, day, lang) {
    var P = scene.features.places, labels = P.labels[lang].slice();
    var over = P.renamings.labels[nameStretch(scene, day)][lang];
    Object.keys(over).forEach(function (i) { labels[+i] = over[i]; });
    return labels;
  }

  /** What changes in the traces `data` (a figure's) for `lang`: per trace index in `order`,
   * its hover texts, its labels and their font (null where a trace has none). */
  function languageUpdate(data, scene, lang, day) {
    var F = scene.features, out = {order: [], hover: [], text: [], font: []};
    data.forEach(function (tr, i) {
      var layer = tr.meta && tr.meta.layer;
      if (!layer || !F[layer]) return;
      var hover = F[layer].hover[lang];
      if (layer === 'routes') {  // one hover text per vertex and one per gap between routes
        hover = [];
        F.routes.lines.forEach(function (line, k) {
          for (var n = 0; n <= line.length; n++) hover.push(F.routes.hover[lang][k]);
        });
      }
      out.order.push(i);
      out.hover.push(hover);
      out.text.push(layer === 'places' ? labelsOn(scene, day, lang) : null);
      out.font.push(layer === 'places' ? scene.fonts[lang] : null);
    });
    return out;
  }

  /** A copy of `figure` showing `state`'s view, layers and language (for a figure that is
   * yet to be plotted: the page's first drawing is then already the linked one). */
  function figureFor(figure, scene, state) {
    var out = Object.assign({}, figure, {layout: Object.assign({}, figure.layout)});
    out.layout.map = Object.assign({}, figure.layout.map);
    if (state.view) {
      out.layout.map.center = {lon: state.view.lon, lat: state.view.lat};
      out.layout.map.zoom = state.view.zoom;
    }
    var u = languageUpdate(figure.data, scene, state.lang, state.day);
    out.data = figure.data.map(function (tr, i) {
      var copy = Object.assign({}, tr, {visible: state.layers.indexOf(tr.meta.layer) >= 0});
      var k = u.order.indexOf(i);
      if (k >= 0) {
        copy.hovertext = u.hover[k];
        if (u.text[k]) {
          copy.text = u.text[k];
          copy.textfont = Object.assign({}, tr.textfont, {family: u.font[k]});
        }
      }
      return copy;
    });
    out.layout.hoverlabel = Object.assign({}, figure.layout.hoverlabel,
                                          {font: {family: scene.fonts[state.lang]}});
    return out;
  }

  root.FEA_FIGURE = {nameStretch: nameStretch, labelsOn: labelsOn, languageUpdate: languageUpdate,
                     figureFor: figureFor};
})(typeof window !== 'undefined' ? window : this);
