/* Far East Atlas, export driver: the engine's adapter in the batch renderer's page.
 *
 * Loaded after plotly.js and the engine (assets/fea-1..5-*.js) in kaleido's page. The
 * figure is plotted once and the engine mounted on it (FEA_EXPORT.load); each further frame
 * only moves the date through the engine's API (FEA_EXPORT.day): the engine moves the units
 * and shipments, re-lights routes and events and filters the borders, exactly as in the
 * app. The title annotation is drawn as an HTML box over the graph with the annotation's own
 * font, colours and place: relaying out an annotation would make Plotly rebuild the whole
 * map (seconds in software WebGL), setting a box's text costs nothing. Python takes the
 * screenshot.
 */
(function () {
  'use strict';
  var engine = null;

  function container() {
    var box = document.getElementById('map');
    if (!box) {
      box = document.createElement('div');
      box.id = 'map';
      box.style.cssText = 'position:absolute;left:0;top:0;margin:0;padding:0';
      document.body.style.margin = '0';
      document.body.appendChild(box);
      var img = document.getElementById('kaleido-image');
      if (img) img.style.display = 'none';
      box.appendChild(document.createElement('div'));
      var title = document.createElement('div');
      title.id = 'fea-export-title';
      box.appendChild(title);
    }
    return box.firstChild;
  }

  // The title annotation becomes an HTML box styled like it (Plotly's annotation is hidden).
  function titleBox(fig) {
    var notes = fig.layout.annotations || [], box = document.getElementById('fea-export-title');
    var i = notes.findIndex(function (a) { return a.name === 'title'; });
    box.style.display = 'none';
    if (i < 0) return;
    var a = notes[i], f = a.font || {}, pad = a.borderpad || 3;
    a.visible = false;
    box.style.cssText = 'position:absolute;white-space:nowrap;line-height:1.25;' +
      'left:' + (a.x * fig.layout.width) + 'px;top:' + ((1 - a.y) * fig.layout.height) + 'px;' +
      'font-family:' + (f.family || 'sans-serif') + ';font-size:' + (f.size || 16) + 'px;' +
      'color:' + (f.color || '#000') + ';background:' + (a.bgcolor || 'transparent') + ';' +
      'border:' + (a.borderwidth || 0) + 'px solid ' + (a.bordercolor || 'transparent') + ';' +
      'padding:' + pad + 'px ' + (pad + 2) + 'px';
    box.innerHTML = a.text;
  }

  window.FEA_EXPORT = {
    // Plot `fig` (its layout has width and height) and mount the engine on it with `scene`,
    // showing `day` in `lang` with the `visible` layers (null: the defaults).
    load: function (fig, scene, day, lang, visible) {
      var gd = container();
      gd.style.width = fig.layout.width + 'px';
      gd.style.height = fig.layout.height + 'px';
      titleBox(fig);
      var layers = visible || window.FEA.defaultLayers(scene);
      return window.Plotly.react(gd, fig.data, fig.layout, {staticPlot: true}).then(function () {
        window.FEA_PLOTLY.noFade(window.FEA_PLOTLY.mapOf(gd));
        engine = window.FEA.mount(gd, scene, {day: day, lang: lang, layers: layers},
                                  {url: false, overlayDelay: 0,  // labels on every frame
                                   plotted: {lang: lang, layers: layers, day: day}});
        return engine.idle();
      }).then(function () { return engine.getState().day; });
    },
    // Show `day` (and `title`, when given, in the title box); resolves once drawn.
    day: function (day, title) {
      var box = document.getElementById('fea-export-title');
      engine.setDay(day);
      if (title !== null && title !== undefined && box.style.display !== 'none') box.innerHTML = title;
      return engine.idle().then(function () { return engine.getState().day; });
    }
  };
})();
