/* Far East Atlas engine: one API over the map, fed one scene (components/atlas/scene.py).
 *
 *   var atlas = FEA.mount(gd, scene, state, {url: true});
 *   atlas.setDay(day); atlas.setLang('zh'); atlas.setLayers(['events']); atlas.setView(v);
 *   atlas.step(1); atlas.play(); atlas.pause(); atlas.setSpeed('week');
 *   atlas.getState(); atlas.onChange(fn); atlas.onSelect(fn); atlas.snapshot(scale);
 *   atlas.setLabelScale(1.5); atlas.idle(); atlas.drawn(layer); atlas.overlay('labels')
 *   atlas.setPacks([{key, pack, hidden}]); atlas.fitPacks(); atlas.packs()  (fea-3-packs.js)
 *
 * `gd` is a Plotly graph div holding the figure of components/atlas/map.py (the page's
 * dcc.Graph, or one the export driver and the standalone page plot). The engine owns the
 * state {day, lang, layers, view, speed, playing}, all motion arithmetic (FEA_CORE), the URL
 * (when asked) and the drawing; the three adapters (the Dash page, the export driver, the
 * standalone page) only wire their controls to this API. Nothing here knows component ids. */
(function (root) {
  'use strict';
  var C = root.FEA_CORE, P = root.FEA_PLOTLY, FIG = root.FEA_FIGURE;
  var nameStretch = FIG.nameStretch, labelsOn = FIG.labelsOn, languageUpdate = FIG.languageUpdate;
  var OVERLAY_DELAY = 400;  // ms of rest before the labels and arrows follow the day

  /** The state a URL asks for, over the scene's defaults, with a notice per ignored value. */
  function fromUrl(search, scene) {
    var parsed = C.parseQuery(search || '', {
      first: scene.span.first_day, last: scene.span.last_day, langs: scene.langs,
      layers: scene.layers.map(function (l) { return l.id; })});
    var s = parsed.state;
    return {state: {
      day: s.day !== null ? s.day : scene.timeline.default_day,
      lang: s.lang || scene.default_lang,
      layers: s.layers !== null ? s.layers : defaultLayers(scene),
      view: s.view, speed: scene.timeline.default_speed, playing: false}, notices: parsed.notices};
  }

  function defaultLayers(scene) {
    return scene.layers.filter(function (l) { return l.default_visible; }).map(function (l) { return l.id; });
  }

  /** The date of `day` as people write it in `lang` (for aria-valuetext and captions). */
  function formatDate(day, lang, scene) {
    var months = [];
    for (var m = 1; m <= 12; m++) months.push(scene.strings['month_' + m].en);
    return C.formatDate(C.isoDate(day), 'day', lang, months);
  }

  function mount(gd, scene, initial, options) {
    options = options || {};
    var S = Object.assign({day: scene.timeline.default_day, lang: scene.default_lang,
                           layers: defaultLayers(scene), view: null,
                           speed: scene.timeline.default_speed, playing: false}, initial || {});
    S.day = clamp(S.day);
    var listeners = {change: [], select: []}, map = null, layers = null, borders = null;
    var overlays = null, labelScale = 1;
    var packs = root.FEA_PACKS ? root.FEA_PACKS.state(scene) : null;  // the reader's imports
    var timer = null, urlTimer = null, viewApplied = !S.view, queue = Promise.resolve();
    var plotted = options.plotted || {};  // what the figure shows as plotted
    var plottedNames = nameStretch(scene, plotted.day != null ? plotted.day : S.day);

    function clamp(day) { return Math.min(Math.max(day, scene.span.first_day), scene.span.last_day); }
    function emit(kind, what, arg) { listeners[kind].forEach(function (fn) { fn(arg, what); }); }
    function changed(what) { emit('change', what, getState()); if (options.url && viewApplied) syncUrl(); }
    function getState() {
      return {day: S.day, date: C.isoDate(S.day), lang: S.lang, layers: S.layers.slice(),
              view: currentView(), speed: S.speed, playing: S.playing};
    }

    function currentView() {
      if (!map) return S.view;
      var c = map.getCenter();
      return {lon: c.lng, lat: c.lat, zoom: map.getZoom()};
    }

    // One Plotly call after another, each once the graph can take it.
    function plotly(fn) {
      queue = queue.then(function () { return whenPlotted(); }).then(function () { return fn(); })
        .catch(function (err) { console.warn('atlas: ' + err); });
      return queue;
    }

    function whenPlotted() {
      return new Promise(function (resolve) {
        (function poll() { if (P.plotted(gd)) resolve(); else setTimeout(poll, 30); })();
      });
    }

    // Draw the day: the engine's layers, the borders, and Plotly's hover points.
    // Labels, arrows and trails are set anew as one small GeoJSON source, which costs MapLibre
    // a worker round trip and a placement of every label (about 0.2 s in software WebGL):
    // while the day changes quickly (a scrub) they follow once it rests for OVERLAY_DELAY ms,
    // so that every step of the units stays one feature-state switch.
    // Playing redraws them on every step; the exports ask for no delay.
    var overlayTimer = null;
    var overlayDelay = options.overlayDelay != null ? options.overlayDelay : OVERLAY_DELAY;
    function drawOverlays() {
      clearTimeout(overlayTimer);
      var now = function () { overlays.update(S.day, S.lang, S.layers); };
      if (!overlayDelay || !overlays.ready() || S.playing) { now(); return; }
      overlayTimer = setTimeout(now, overlayDelay);
    }

    function draw() {
      if (!layers || !P.plotted(gd)) return;
      layers.update(S.day, S.layers);
      borders.update(S.day, S.lang, S.layers.indexOf('borders') >= 0);
      drawOverlays();
      if (packs) packs.update(S.day, S.lang);
      hoverPoints();
    }

    // Plotly's hover points where the units are drawn: a stack's offsets change with the zoom.
    function hoverPoints() {
      root.FEA_LAYERS.MOVING.forEach(function (layer) { P.setHoverPoints(gd, layer, layers.hoverPositions(layer)); });
    }

    function beneath() {
      var style = map.getStyle().layers;
      for (var i = 0; i < style.length; i++) if (style[i].id.indexOf('plotly-trace-layer-') === 0) return style[i].id;
      return undefined;
    }

    function attach() {
      var m = P.mapOf(gd);
      if (!m || m === map) return;
      map = m;
      var start = function () {
        layers = root.FEA_LAYERS.create(map, scene, beneath());
        borders = root.FEA_BORDERS.create(map, scene.borders, 'atlas-routes', scene.fonts);
        overlays = root.FEA_OVERLAYS.create(map, scene, beneath());
        root.FEA_DETAIL.create(map, scene.detail, map.getContainer());
        if (packs) packs.create(map, beneath());
        if (labelScale !== 1) overlays.setScale(labelScale);
        draw();
        changed('drawn');  // what is on the map is known from now on
      };
      if (map.loaded() || P.styleReady(map)) start(); else map.once('load', start);
      map.on('click', onClick);
      map.on('moveend', function () {
        if (layers) hoverPoints();
        if (viewApplied && options.url) syncUrl();
      });
      map.on('error', function (e) { console.warn('atlas map error: ' + (e.error && e.error.message)); });
    }

    // What a click picks, top first: the engine's layers (units, shipments, events, routes),
    // then the place Plotly shows a hover label for, then the border unit under the pointer.
    function onClick(e) {
      var picked = packs ? packs.hit(e.point) : null;
      if (!picked && layers) picked = layers.hit(e.point, S.layers);
      if (!picked) {
        var hovered = P.hoveredPoint(gd);
        if (hovered && hovered.layer === 'places') picked = hovered;
      }
      if (!picked) {
        var unit = borders && borders.unitAt(e.point);
        if (unit) picked = {layer: 'borders', id: unit};
      }
      emit('select', null, picked);
    }

    function syncUrl() {
      clearTimeout(urlTimer);
      urlTimer = setTimeout(function () {
        var st = getState();
        var query = C.toQuery({day: st.day, lang: st.lang, layers: st.layers, view: st.view});
        try { root.history.replaceState(root.history.state, '', query); } catch (e) { /* file:// */ }
      }, 300);
    }

    // ------------------------------------------------------------------------- the API
    function setDay(day) {
      day = clamp(Math.round(day));
      if (day === S.day) return handle;
      S.day = day;
      draw();
      relabel();
      changed('day');
      return handle;
    }

    // The places' labels follow renamings: restyled only when the day crosses one.
    function relabel() {
      var stretch = nameStretch(scene, S.day);
      if (stretch === plottedNames) return;
      plottedNames = stretch;
      plotly(function () {
        var idx = P.traceIndex(gd).places;
        if (idx) return root.Plotly.restyle(gd, {text: [labelsOn(scene, S.day, S.lang)]}, idx);
      });
    }

    function step(n) { return setDay(C.stepDay(S.day, S.speed, n)); }

    function setSpeed(speed) {
      if (scene.timeline.speeds.indexOf(speed) < 0 || speed === S.speed) return handle;
      S.speed = speed;
      changed('speed');
      return handle;
    }

    function tick() {
      var next = C.stepDay(S.day, S.speed, 1);
      if (next >= scene.span.last_day) { setDay(scene.span.last_day); pause(); } else setDay(next);
    }

    function play() {
      if (S.playing) return handle;
      if (S.day >= scene.span.last_day) setDay(scene.span.first_day);
      S.playing = true;
      timer = setInterval(tick, scene.timeline.play_interval_ms);
      changed('playing');
      return handle;
    }

    function pause() {
      clearInterval(timer);
      timer = null;
      if (!S.playing) return handle;
      S.playing = false;
      changed('playing');
      return handle;
    }

    function setLang(lang) {
      if (scene.langs.indexOf(lang) < 0 || lang === S.lang) return handle;
      S.lang = lang;
      plotly(function () {
        var u = languageUpdate(gd.data, scene, lang, S.day);
        return root.Plotly.update(gd, {hovertext: u.hover, text: u.text, 'textfont.family': u.font},
                                  {'hoverlabel.font.family': scene.fonts[lang]}, u.order);
      }).then(draw);
      changed('lang');
      return handle;
    }

    function setLayers(ids) {
      var known = scene.layers.map(function (l) { return l.id; });
      ids = (ids || []).filter(function (id) { return known.indexOf(id) >= 0; });
      S.layers = ids;
      plotly(function () {
        var idx = P.traceIndex(gd), order = [], vis = [];
        Object.keys(idx).forEach(function (layer) {
          idx[layer].forEach(function (i) {
            var want = ids.indexOf(layer) >= 0;
            if ((gd.data[i].visible !== false) !== want) { order.push(i); vis.push(want); }
          });
        });
        if (order.length) return root.Plotly.restyle(gd, {visible: vis}, order);
      }).then(draw);
      draw();
      changed('layers');
      return handle;
    }

    // Through Plotly (not map.jumpTo) so that its layout keeps the view on later updates.
    function setView(view) {
      if (!view) return Promise.resolve(handle);
      S.view = view;
      return plotly(function () {
        return root.Plotly.relayout(gd, {'map.center': {lon: view.lon, lat: view.lat}, 'map.zoom': view.zoom});
      }).then(function () { viewApplied = true; changed('view'); return handle; });
    }

    // Resolves once the map has drawn all it was given (MapLibre's 'idle'; when nothing
    // changed it renders nothing, so it is kicked).
    function idle(timeoutMs) {
      var pending = overlayTimer ? new Promise(function (r) { setTimeout(r, overlayDelay + 10); }) : null;
      return whenPlotted().then(function () { return pending; }).then(function () {
        return new Promise(function (resolve, reject) {
          var done = false, m = P.mapOf(gd);
          var t = setTimeout(function () { if (!done) reject(new Error('the map did not finish drawing')); },
                             timeoutMs || 60000);
          m.once('idle', function () { done = true; clearTimeout(t); resolve(handle); });
          requestAnimationFrame(function () {
            requestAnimationFrame(function () { if (!done && !P.repaintPending(m) && m.loaded()) m.triggerRepaint(); });
          });
        });
      });
    }

    // Map labels (places, units) at `k` times their size: the projector mode's 1.5.
    function setLabelScale(k) {
      labelScale = k > 0 ? k : 1;
      if (overlays) { overlays.setScale(labelScale); draw(); }
      if (map && map.getLayer('atlas-border-labels')) {
        map.setLayoutProperty('atlas-border-labels', 'text-size', 13 * labelScale);  // territories
      }
      plotly(function () {
        var idx = P.traceIndex(gd).places, size = spec('places').style.text_size * labelScale;
        if (idx) return root.Plotly.restyle(gd, {'textfont.size': size}, idx);
      });
      return handle;
    }

    function spec(id) { return scene.layers.filter(function (l) { return l.id === id; })[0]; }

    // What is on the map on the day (and what the seeds date but place nowhere), for the
    // "On this day" panel: [{layer, id, text}] in the chosen language, units by strength.
    function active() {
      var F = scene.features, day = S.day, lang = S.lang, out = [], on = S.layers;
      var shown = function (layer) { return on.indexOf(layer) >= 0; };
      if (layers && shown('deployments')) {
        var units = [];
        layers.positions('deployments').forEach(function (p, i) {
          if (!p) return;
          var n = C.strengthAt(F.deployments.strengths[i], day);
          units.push({layer: 'deployments', id: F.deployments.ids[i], n: n || 0,
                      text: F.deployments.labels[lang][i] + (n ? ' · ' + C.formatCount(n) : '')});
        });
        units.sort(function (a, b) { return b.n - a.n; }).forEach(function (u) { out.push(u); });
      }
      ['events', 'timeline'].forEach(function (layer) {
        var E = F[layer];
        if (layer === 'events' && !shown('events')) return;
        E.ids.forEach(function (id, i) {
          if (E.starts[i] <= day && day <= E.ends[i]) out.push({layer: layer, id: id, text: E.labels[lang][i]});
        });
      });
      if (shown('shipments')) {
        F.shipments.ids.forEach(function (id, i) {
          if (C.travelFraction(F.shipments.starts[i], F.shipments.ends[i], day) === null) return;
          var usd = F.shipments.amounts[i];
          out.push({layer: 'shipments', id: id,
                    text: F.shipments.labels[lang][i] + (usd ? ' · $' + C.formatCount(usd) : '')});
        });
      }
      return packs ? out.concat(packs.active(day, lang)) : out;
    }

    // The reader's packs [{key, pack, hidden}]: drawn like the atlas' layers; the span widens.
    function setPacks(list) {
      if (!packs) return handle;
      packs.set(list || []);
      S.day = clamp(S.day);
      draw();
      changed('packs');
      return handle;
    }

    var handle = {
      setDay: setDay, step: step, setSpeed: setSpeed, play: play, pause: pause,
      toggle: function () { return S.playing ? pause() : play(); },
      setLang: setLang, setLayers: setLayers, setView: setView, getState: getState,
      setLabelScale: setLabelScale, active: active, setPacks: setPacks,
      packs: function () { return packs ? packs.list() : []; },
      fitPacks: function () { return setView(packs && packs.camera(map)); },
      packDrawn: function (key) { return packs ? packs.drawn(key) : []; },
      onChange: function (fn) { listeners.change.push(fn); return handle; },
      onSelect: function (fn) { listeners.select.push(fn); return handle; },
      snapshot: function (scale) { return root.FEA_SNAPSHOT.snapshot(handle, scale); },
      idle: idle, scene: scene, graph: gd,
      map: function () { return map; },
      bordersCovered: function () { return root.FEA_BORDERS.covered(scene.borders, S.day); },
      drawn: function (layer) { return layers ? layers.drawn(layer) : []; },
      overlay: function (kind) { return overlays ? overlays.drawn(kind) : []; },
      positions: function (layer) { return layers ? layers.positions(layer) : []; }
    };

    // What the figure shows as plotted: layers and language are changed only where they differ.
    var want = {layers: S.layers, lang: S.lang};
    S.layers = plotted.layers || [];
    S.lang = plotted.lang || null;
    whenPlotted().then(function () {
      gd.on('plotly_afterplot', function () { attach(); if (overlays) overlays.raise(); draw(); });
      attach();
      if (S.view) setView(S.view);
      if (want.layers.join() !== S.layers.join()) setLayers(want.layers);
      setLang(want.lang);
      relabel();
      draw();
    });
    return handle;
  }

  root.FEA = {mount: mount, fromUrl: fromUrl, formatDate: formatDate, defaultLayers: defaultLayers,
              figureFor: FIG.figureFor, labelsOn: labelsOn};
})(typeof window !== 'undefined' ? window : this);
