/* Far East Atlas, export driver: one live map in the batch renderer's page.
 *
 * Loaded after plotly.js and the app's assets/atlas.js in kaleido's page. The figure is
 * plotted once (FEA_EXPORT.load); each further frame only moves the date (FEA_EXPORT.day):
 * atlas.js moves the units and shipments, re-lights routes and events and filters the
 * borders, exactly as in the app. The title annotation is drawn as an HTML box over the
 * graph with the annotation's own font, colours and place: relaying out an annotation
 * would make Plotly rebuild the whole map (seconds in software WebGL), setting a box's
 * text costs nothing. Python takes the screenshot.
 */
(function () {
  'use strict';
  var DC = window.dash_clientside = window.dash_clientside || {};
  DC.no_update = DC.no_update || {};
  DC.callback_context = DC.callback_context || {triggered: []};
  DC.set_props = DC.set_props || function () {};
  var CFG = {periods: {}, words: {play: {en: 'Play'}, pause: {en: 'Pause'}}, fonts: {}};
  // file:// pages may not rewrite their URL; atlas.js keeps it in sync with the view.
  var replace = window.history.replaceState.bind(window.history);
  window.history.replaceState = function () {
    try { replace.apply(null, arguments); } catch (e) { /* not on file:// */ }
  };

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

  function mapOf(gd) {
    var fl = gd._fullLayout, sp = fl && fl.map && fl.map._subplot;
    return sp && sp.map;
  }

  // Resolve once the map has drawn all it was given. MapLibre fires 'idle' after a render
  // with nothing left to load; when nothing changed it renders nothing, so kick it then.
  function idle(gd) {
    return new Promise(function (resolve, reject) {
      var map = mapOf(gd), done = false;
      if (!map) { reject(new Error('no map in the figure')); return; }
      var timer = setTimeout(function () {
        if (!done) reject(new Error('the map did not finish drawing in 60 s'));
      }, 60000);
      map.once('idle', function () { done = true; clearTimeout(timer); resolve(true); });
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          if (!done && !map._frameRequest && map.loaded()) map.triggerRepaint();
        });
      });
    });
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

  function setDay(day, lang) {
    DC.callback_context.triggered = [{prop_id: 'time-slider.value', value: day}];
    DC.atlas.timeline(day, 0, 0, 'week', 0, 0, [], null, lang, {day: day, min: -1e9, max: 1e9,
                      speed: 'week', playing: false}, CFG);
    clearTimeout(FEA.state.retry);  // the map is ready: atlas.js has drawn the day already
  }

  window.FEA_EXPORT = {
    // Plot `fig` (its layout has width and height), then show `day`. `cfg` is the reducer's
    // configuration (borders, fonts: render.page_config), `visible` the layer ids shown.
    load: function (fig, day, lang, cfg, visible) {
      var gd = container();
      CFG = cfg || CFG;
      FEA.state.layers = visible || null;
      FEA.state.lang = lang;
      gd.style.width = fig.layout.width + 'px';
      gd.style.height = fig.layout.height + 'px';
      titleBox(fig);
      return window.Plotly.react(gd, fig.data, fig.layout, {staticPlot: true})
        .then(function () {
          mapOf(gd)._fadeDuration = 0;  // symbols at once, no fade-in frames to wait for
          FEA.state.day = null;
          return idle(gd);
        })
        .then(function () { return FEA_EXPORT.day(day, lang, null); });
    },
    // Show `day` (and `title`, when given, in the title box); resolves once drawn.
    day: function (day, lang, title) {
      var gd = container(), box = document.getElementById('fea-export-title');
      setDay(day, lang);
      if (title !== null && title !== undefined && box.style.display !== 'none') {
        box.innerHTML = title;
      }
      return idle(gd).then(function () { return FEA.state.day; });
    }
  };
})();
