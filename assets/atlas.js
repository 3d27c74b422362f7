/* Far East Atlas: every step of the timeline, computed in the browser.
 *
 * The figure (components/map.py) carries in each trace's `meta` the tracks, spans and names
 * its points need. On a new day this file moves only what moves: it hands MapLibre new
 * positions for the units and shipments (small sources), re-lights routes and events when
 * their state changes, and leaves everything else alone. No server round trip, no resending
 * of the dataset. Date arithmetic uses proleptic day numbers (days since 1900-01-01 from
 * year/month/day), never epoch milliseconds: the atlas starts in 1917.
 */
(function () {
  'use strict';

  // Date and motion arithmetic: assets/atlas-time.js.
  var T = window.FEA_TIME;
  var dayNumber = T.dayNumber, isoDate = T.isoDate, addMonths = T.addMonths,
      positionAt = T.positionAt, pointAlong = T.pointAlong, strengthAt = T.strengthAt,
      unitRadius = T.unitRadius;

  // ------------------------------------------------------------------- the map, per trace
  //
  // Moving things are drawn from *frames*: every position a unit or shipment takes, each
  // valid over a range of days (a stay at a waypoint is one frame; a day in transit is one
  // frame). All frames go to MapLibre once; a step of the slider then only switches the
  // feature-state of the frames that start or stop being current. Feature-state is applied
  // on the main thread: no worker round trip, no new data, one repaint.
  var S = {day: null, lang: null, layers: null, keys: {}, urlTimer: null, retry: null,
           traces: {}, loaded: null};

  function graph() {
    var el = document.getElementById('map');
    return el && el.querySelector('.js-plotly-plot');
  }

  function mapOf(gd) {
    var fl = gd && gd._fullLayout, sp = fl && fl.map && fl.map._subplot;
    return sp && sp.map;
  }

  function arr(v, i) { return Array.isArray(v) ? v[i] : v; }

  // Append a frame [from, to, lon, lat, radius], merging it into the last one when equal.
  function addFrame(frames, from, to, p, r) {
    var last = frames[frames.length - 1];
    if (last && last[1] === from - 1 && last[2] === p[0] && last[3] === p[1] && last[4] === r) {
      last[1] = to;
    } else {
      frames.push([from, to, p[0], p[1], r]);
    }
  }

  var FRAMES = {
    deployments: function (m, i) {
      var track = m.tracks[i], out = [];
      for (var k = 0; k < track.length; k++) {
        var a = track[k], b = track[k + 1];
        var r = unitRadius(strengthAt(m.strengths[i], a[0]), m.radius);
        var stay = b ? Math.max(a[0], b[0] - (m.transit == null ? b[0] - a[0] : m.transit)) : m.ends[i];
        if (b && stay >= b[0]) stay = b[0] - 1;
        addFrame(out, a[0], Math.min(stay, m.ends[i]), [a[1], a[2]], r);
        for (var d = stay + 1; b && d < b[0] && d <= m.ends[i]; d++) {
          addFrame(out, d, d, positionAt(track, m.ends[i], d, m.transit), r);
        }
      }
      return out;
    },
    shipments: function (m, i) {
      var out = [], s = m.starts[i], e = m.ends[i];
      for (var d = s; d <= e; d++) {
        addFrame(out, d, d, pointAlong(m.paths[i], m.cums[i], e === s ? 1 : (d - s) / (e - s)), m.radius);
      }
      return out;
    },
    events: function (m, i) {
      return [[m.starts[i] - m.before, m.ends[i] + m.after, m.lonlat[i][0], m.lonlat[i][1], m.radius]];
    }
  };

  // The frame of `frames` current on `day`, or -1.
  function frameAt(frames, day) {
    var lo = 0, hi = frames.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (frames[mid][0] <= day) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found >= 0 && day <= frames[found][1] ? found : -1;
  }

  // Each moving layer gets its own MapLibre source and circle layer, holding every frame,
  // under all of Plotly's trace layers (the figure makes its trace transparent). Plotly
  // keeps the trace for hover and click; its re-renders never touch these, so a step only
  // flips feature-state here. They are added on the map's 'load' (the basemap is in), in
  // the same turn as Plotly adds its traces, so both load together. (Added before 'load',
  // they would hold it back, and Plotly's traces with it.)
  var ORDER = ['atlas-routes', 'atlas-events', 'atlas-shipments', 'atlas-deployments'];

  // The layer to insert atlas layer `id` before: the next atlas layer of ORDER already on
  // the map, else the first Plotly trace layer, else none (the top).
  function beneath(map, id) {
    var layers = map.getStyle().layers, rank = ORDER.indexOf(id);
    for (var i = 0; i < layers.length; i++) {
      var other = layers[i].id, r = ORDER.indexOf(other);
      if ((r >= 0 && r > rank) || other.indexOf('plotly-trace-layer-') === 0) return other;
    }
    return undefined;
  }

  // True once the style itself is parsed, its sources perhaps still loading: layers can be
  // added. (map.isStyleLoaded() also waits for every source.)
  function styleReady(map) {
    return !!(map.style && map.style._loaded);
  }

  var PAINT = {
    deployments: {'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1, on: 0.9},
    shipments: {'circle-stroke-color': '#5a4500', 'circle-stroke-width': 1, on: 1},
    events: {'circle-stroke-color': '#7f1010', 'circle-stroke-width': 0, on: 1}
  };

  function frameSet(tr) {
    var m = tr.meta, T = S.traces[m.layer];
    if (T && T.meta === m) return T;
    T = S.traces[m.layer] = {meta: m, frames: [], first: [], current: {}, uid: tr.uid};
    var features = [];
    for (var i = 0; i < m.ids.length; i++) {
      var frames = FRAMES[m.layer](m, i);
      T.first.push(features.length + 1);
      T.frames.push(frames);
      for (var k = 0; k < frames.length; k++) {
        var f = frames[k];
        features.push({type: 'Feature', id: features.length + 1,
                       geometry: {type: 'Point', coordinates: [f[2], f[3]]},
                       properties: {c: m.colors ? m.colors[i] : arr(tr.marker.color, i), r: f[4]}});
      }
    }
    T.features = features;
    return T;
  }

  function adopt(map, tr) {
    var m = tr.meta, id = 'atlas-' + m.layer;
    var T = frameSet(tr), paint = PAINT[m.layer];
    if (!map.getSource(id)) {
      map.addSource(id, {type: 'geojson', data: {type: 'FeatureCollection', features: T.features}});
      T.current = {};
    }
    if (!map.getLayer(id)) {
      var on = m.layer === 'events'
        ? ['match', ['number', ['feature-state', 'phase'], 0], 2, m.lit, 1, m.dim, 0]
        : ['case', ['boolean', ['feature-state', 'on'], false], paint.on, 0];
      map.addLayer({id: id, type: 'circle', source: id, paint: {
        'circle-color': ['get', 'c'], 'circle-radius': ['get', 'r'], 'circle-opacity': on,
        'circle-stroke-opacity': on, 'circle-stroke-color': paint['circle-stroke-color'],
        'circle-stroke-width': paint['circle-stroke-width'],
        'circle-opacity-transition': {duration: 0, delay: 0},
        'circle-stroke-opacity-transition': {duration: 0, delay: 0}}}, beneath(map, id));
    }
    if (map.getLayoutProperty(id, 'visibility') === 'none') map.setLayoutProperty(id, 'visibility', 'visible');
    return T;
  }

  // Switch the current frame of every point of a trace for `day`; keep Plotly's calcdata
  // (what hover and click use) on the drawn positions.
  function updateFrames(map, tr, cd, day) {
    var T = adopt(map, tr);
    if (!T) return;
    var source = 'atlas-' + tr.meta.layer, m = tr.meta, fresh = T.cd !== cd;
    T.cd = cd;
    for (var i = 0; i < T.frames.length; i++) {
      var k = frameAt(T.frames[i], day), id = k < 0 ? -1 : T.first[i] + k;
      var state = id < 0 ? 0 : m.layer !== 'events' ? 1
        : (m.starts[i] <= day && day <= m.ends[i] ? 2 : 1);
      var key = id + ':' + state;
      if (T.current[i] !== key) {
        var old = T.current[i] ? +T.current[i].split(':')[0] : -1;
        if (old > 0 && old !== id) map.setFeatureState({source: source, id: old}, {on: false, phase: 0});
        if (id > 0) map.setFeatureState({source: source, id: id}, {on: true, phase: state});
        T.current[i] = key;
      } else if (!fresh) continue;
      if (!cd[i]) continue;
      var f = k < 0 ? null : T.frames[i][k];
      cd[i].lonlat = f ? [f[2], f[3]] : [undefined, undefined];
      if (f) cd[i].mrc = f[4];
    }
  }

  // Routes: all of them in one line layer of our own, each lit by feature-state while in
  // use; Plotly's route traces (transparent in the figure) stay for hover and click.
  function updateRoutes(map, trs, day) {
    var first = trs[0], key = trs.map(function (t) { return t.uid; }).join(',');
    var T = S.traces.routes;
    if (!T || T.key !== key) {
      T = S.traces.routes = {key: key, routes: [], current: {}};
      var features = [];
      trs.forEach(function (tr) {
        var m = tr.meta;
        m.ids.forEach(function (id, i) {
          T.routes.push({start: m.starts[i], end: m.ends[i], meta: m});
          features.push({type: 'Feature', id: features.length + 1,
                         geometry: {type: 'LineString', coordinates: m.lines[i]},
                         properties: {c: m.color, w: m.width}});
        });
      });
      T.features = features;
    }
    var m = first.meta, lit = ['boolean', ['feature-state', 'lit'], false];
    if (!map.getSource('atlas-routes')) {
      map.addSource('atlas-routes', {type: 'geojson', data: {type: 'FeatureCollection', features: T.features}});
      T.current = {};
    }
    if (!map.getLayer('atlas-routes')) {
      map.addLayer({id: 'atlas-routes', type: 'line', source: 'atlas-routes',
                    layout: {'line-join': 'round', 'line-cap': 'round'},
                    paint: {'line-color': ['get', 'c'],
                            'line-opacity': ['case', lit, m.lit, m.dim],
                            'line-width': ['*', ['get', 'w'], ['case', lit, m.lit_width, m.dim_width]],
                            'line-opacity-transition': {duration: 0, delay: 0},
                            'line-width-transition': {duration: 0, delay: 0}}}, beneath(map, 'atlas-routes'));
    }
    if (map.getLayoutProperty('atlas-routes', 'visibility') === 'none') {
      map.setLayoutProperty('atlas-routes', 'visibility', 'visible');
    }
    for (var i = 0; i < T.routes.length; i++) {
      var on = T.routes[i].start <= day && day <= T.routes[i].end;
      if (T.current[i] === on) continue;
      map.setFeatureState({source: 'atlas-routes', id: i + 1}, {lit: on});
      T.current[i] = on;
    }
  }

  var UPDATERS = {deployments: updateFrames, shipments: updateFrames, events: updateFrames};

  // Bring the details panel into view once the server has filled it.
  function showDetails() {
    setTimeout(function () {
      var panel = document.getElementById('details');
      if (panel) panel.scrollIntoView({block: 'nearest', behavior: 'smooth'});
    }, 400);
  }

  function hook(gd, map) {
    if (gd._feaHooked !== map) {
      gd._feaHooked = map;
      gd.on('plotly_afterplot', function () { refresh(true); });
      gd.on('plotly_click', function () {
        window.dash_clientside.set_props('border-click', {data: null});
        showDetails();
      });
      map.on('moveend', syncUrl);
      // A click where Plotly has no point (its own handler ran first): the border unit there,
      // for the details panel; or nothing, which brings the hint back.
      map.on('click', function (e) {
        if (gd._hoverdata && gd._hoverdata.length) return;
        var id = window.FEA_BORDERS.unitAt(map, e.point);
        window.dash_clientside.set_props('map', {clickData: null});
        window.dash_clientside.set_props('border-click', {data: id ? {id: id} : null});
        if (id) showDetails();
      });
      if (map.loaded()) S.loaded = map;
      else map.once('load', function () { S.loaded = map; refresh(true); });
      map.on('error', function (e) { console.warn('atlas map error: ' + (e.error && e.error.stack)); });
    }
  }

  // Redraw the moving layers for S.day (force: after Plotly rebuilt its sources).
  function refresh(force) {
    var gd = graph(), map = mapOf(gd);
    if (S.day === null) return;
    if (gd && map) hook(gd, map);
    if (map && S.loaded !== map) return;  // again on the map's 'load' (see hook)
    if (!gd || !map || !gd.calcdata || !styleReady(map)) {
      clearTimeout(S.retry);
      S.retry = setTimeout(function () { refresh(true); }, 50);
      return;
    }
    var data = gd._fullData, routes = [];
    for (var i = 0; i < data.length; i++) {
      var rm = gd.data[i] && gd.data[i].meta;
      if (rm && rm.layer === 'routes' && data[i].visible === true) { routes.push(data[i]); continue; }
      var tr = data[i], meta = gd.data[i] && gd.data[i].meta, fn = meta && UPDATERS[meta.layer];
      if (fn && tr.visible === true && gd.calcdata[i]) fn(map, tr, gd.calcdata[i], S.day, force);
      else if (meta && map.getLayer('atlas-' + meta.layer)) {
        map.setLayoutProperty('atlas-' + meta.layer, 'visibility', 'none');
      }
    }
    if (routes.length) updateRoutes(map, routes, S.day);
    window.FEA_BORDERS.update(map, S.day, S);
  }

  function applyDay(day) {
    var first = S.day === null;
    S.day = day;
    refresh(first);
    syncUrl();
  }

  // Through Plotly (not map.jumpTo) so that its layout keeps the view on later updates.
  function setView(view) {
    if (!view) return;
    whenReady(function (gd) {
      return window.Plotly.relayout(gd, {'map.center': {lon: view.lon, lat: view.lat},
                                         'map.zoom': view.zoom});
    });
  }

  function syncUrl() {
    clearTimeout(S.urlTimer);
    S.urlTimer = setTimeout(function () {
      var q = new URLSearchParams(), map = mapOf(graph());
      if (S.day !== null) q.set('date', isoDate(S.day));
      if (S.lang) q.set('lang', S.lang);
      if (S.layers) q.set('layers', S.layers.join(','));
      if (map) {
        var c = map.getCenter();
        q.set('view', [c.lng, c.lat, map.getZoom()].map(function (v) {
          return String(Math.round(v * 1e4) / 1e4);
        }).join(','));
      }
      window.history.replaceState(window.history.state, '', '?' + q.toString());
    }, 300);
  }

  // Run fn(gd) once the graph and its map are ready, one Plotly call after another.
  var queue = Promise.resolve();
  function whenReady(fn) {
    var gd = graph(), map = mapOf(gd);
    if (!gd || !gd._fullData || !window.Plotly || !map || !map.isStyleLoaded()) {
      setTimeout(function () { whenReady(fn); }, 50);
      return;
    }
    queue = queue.then(function () { return fn(graph()); }).catch(function (err) {
      console.warn('atlas: ' + err);
    });
  }

  // The page's controls (keyboard, Dash's clientside callbacks: assets/atlas-controls.js)
  // work the map through these.
  window.FEA_MAP = {state: S, applyDay: applyDay, setView: setView, whenReady: whenReady,
                    refresh: refresh, syncUrl: syncUrl};

  // The features a layer shows now: for moving layers the current frames (for tests).
  function drawn(layer) {
    var gd = graph(), map = mapOf(gd), out = [];
    if (layer === 'routes') {
      var R = S.traces.routes;
      return R ? R.features.filter(function (f, i) { return R.current[i]; }) : [];
    }
    (gd && gd._fullData || []).forEach(function (tr) {
      if (!tr.meta || tr.meta.layer !== layer || tr.visible !== true) return;
      var T = S.traces[layer];
      if (T && T.current) {
        Object.keys(T.current).forEach(function (i) {
          var id = +T.current[i].split(':')[0];
          if (id > 0) out.push(T.features[id - 1]);
        });
        return;
      }
      var kind = layer === 'routes' ? 'line' : 'circle';
      var source = map && map.getSource('source-' + tr.uid + '-' + kind);
      var data = source && source.serialize().data;
      (data && data.features || []).forEach(function (f) { out.push(f); });
    });
    return out;
  }

  // For tests and the benchmark: the same arithmetic the page uses.
  window.FEA = {dayNumber: dayNumber, isoDate: isoDate, positionAt: positionAt,
                addMonths: addMonths, graph: graph, mapOf: mapOf, drawn: drawn, state: S,
                beneath: beneath};
})();
