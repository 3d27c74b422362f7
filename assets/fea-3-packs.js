/* Far East Atlas engine: the reader's imported packs on the map (MapLibre's public API only).
 *
 * Drawn like the atlas' own layers (fea-3-layers.js): every frame of every feature goes to
 * MapLibre once, and a step of the slider only switches the feature-state of the frames that
 * start or stop being current. One source of points (places, events, units, shipments), one
 * of routes and one label layer a pack; a pack hidden by its toggle is not drawn.
 *
 * var P = FEA_PACKS.state(scene)  -> set([{key, pack, hidden}]) (widens scene.span to cover
 *   them), create(map, beneath), update(day, lang), hit(point), active(day, lang), list(),
 *   fragment(key), camera(map), drawn(key). The engine (fea-4-engine.js) owns one. */
(function (root) {
  'use strict';
  var C = root.FEA_CORE, D = root.FEA_PACKDATA;
  var PHASE = ['number', ['feature-state', 'phase'], 0];
  var LABEL_MAX = 2000;  // frames of a pack whose names are drawn on the map

  function styles(scene) {
    var out = {};
    scene.layers.forEach(function (l) { out[l.id] = l.style; });
    return out;
  }

  function state(scene) {
    var base = [scene.span.first_day, scene.span.last_day];
    var frags = [], map = null, beneath, drawnAt = {}, lang = null;
    var events = (styles(scene).events) || {lit_opacity: 0.85, dim_opacity: 0.3};

    // The packs the reader has, in order; the scene's span widens to cover them all.
    function set(list) {
      var keep = {};
      list.forEach(function (x) { keep[x.key] = true; });
      frags.forEach(function (F) { if (!keep[F.key]) remove(F); });
      var old = {};
      frags.forEach(function (F) { old[F.key] = F; });
      frags = list.map(function (x, i) {
        var F = old[x.key] && old[x.key].pack === x.pack ? old[x.key] : D.fragment(x.pack, i, styles(scene), x.key);
        if (old[x.key] && F !== old[x.key]) remove(old[x.key]);
        F.pack = x.pack;
        F.hidden = !!x.hidden;
        return F;
      });
      var span = D.widen(base, frags);
      scene.span.first_day = span[0];
      scene.span.last_day = span[1];
      scene.span.first = C.isoDate(span[0]);
      scene.span.last = C.isoDate(span[1]);
      lang = null;  // labels set again
    }

    function ids(F) {
      var p = 'pack-' + F.key.replace(/[^A-Za-z0-9_-]/g, '_');
      return {points: p + '-points', labels: p + '-labels', routes: p + '-routes'};
    }

    function remove(F) {
      if (!map || !F.added) return;
      var I = ids(F);
      [I.labels, I.points, I.routes].forEach(function (id) { if (map.getLayer(id)) map.removeLayer(id); });
      [I.points, I.routes].forEach(function (id) { if (map.getSource(id)) map.removeSource(id); });
      F.added = false;
    }

    function add(F) {
      var I = ids(F), features = [], lines = [];
      F.first = [];
      F.current = [];
      F.items.forEach(function (x, i) {
        F.first.push(features.length + 1);
        F.current.push(-1);
        var names = F.props[x.id] ? F.props[x.id].names : {};
        x.frames.forEach(function (f) {
          features.push({type: 'Feature', id: features.length + 1, geometry: {type: 'Point', coordinates: [f[2], f[3]]},
                         properties: {r: f[4], i: i, en: D.pickName(names, 'en'), zh: D.pickName(names, 'zh'),
                                      ja: D.pickName(names, 'ja'), l: x.layer}});
        });
      });
      F.lit = [];
      F.routes.forEach(function (r, i) {
        lines.push({type: 'Feature', id: i + 1, geometry: {type: 'LineString', coordinates: r.line}, properties: {i: i}});
        F.lit.push(false);
      });
      var on = ['case', ['==', ['get', 'l'], 'events'],
                ['match', PHASE, 2, events.lit_opacity, 1, events.dim_opacity, 0], ['match', PHASE, 0, 0, 0.95]];
      map.addSource(I.routes, {type: 'geojson', data: {type: 'FeatureCollection', features: lines}});
      map.addLayer({id: I.routes, type: 'line', source: I.routes, layout: {'line-join': 'round', 'line-cap': 'round'},
                    paint: {'line-color': F.color, 'line-width': 2.5, 'line-dasharray': [2, 1],
                            'line-opacity': ['case', ['boolean', ['feature-state', 'lit'], false], 0.9, 0.2]}}, beneath);
      map.addSource(I.points, {type: 'geojson', data: {type: 'FeatureCollection', features: features}});
      // a frame not current has no size, not just no opacity: a pack of 50,000 rows has tens of
      // thousands of them, which the GPU (software WebGL: a second a frame) would fill anyway
      map.addLayer({id: I.points, type: 'circle', source: I.points, paint: {
        'circle-color': F.color, 'circle-radius': ['match', PHASE, 0, 0, ['get', 'r']], 'circle-opacity': on,
        'circle-stroke-opacity': on, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': ['match', PHASE, 0, 0, 1.2],
        'circle-opacity-transition': {duration: 0, delay: 0}, 'circle-stroke-opacity-transition': {duration: 0, delay: 0}}},
        beneath);
      // names beside what is drawn (a few thousand at most: a big layer's names are in On
      // this day and the details); they never push the atlas' own labels away
      if (features.length <= LABEL_MAX) map.addLayer({id: I.labels, type: 'symbol', source: I.points, layout: {
        'text-field': ['get', 'en'], 'text-size': 12, 'text-offset': [0, 1.1], 'text-anchor': 'top',
        'text-font': ['sans-serif'], 'text-optional': true, 'text-ignore-placement': true},
        paint: {'text-color': F.color, 'text-halo-color': '#ffffff', 'text-halo-width': 1.4,
                'text-opacity': ['match', PHASE, 2, 1, 0], 'text-opacity-transition': {duration: 0, delay: 0}}},
        beneath);
      F.added = true;
    }

    function create(m, below) {
      map = m;
      beneath = below;
    }

    function show(id, on) {
      var want = on ? 'visible' : 'none';
      if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== want) map.setLayoutProperty(id, 'visibility', want);
    }

    // Anywhere on Earth: a pack reaching outside the atlas extent (the relief image's corners)
    // gets the low-detail world land beneath it (geodata/basemap/world.py), loaded then only,
    // and the map may leave the extent (Plotly's map.bounds keeps it there otherwise). An
    // export has no server: its scene carries the land inlined (components/export/packs.py).
    var WORLD = 'fea-world-land', bounded = null;
    function world() {
      var coast = scene.detail && scene.detail.sources && scene.detail.sources['fea-coast'];
      var land = scene.world_land || (coast && coast.replace(/[^/]*$/, 'world_land.geojson'));
      var relief = map.getSource('fea-relief'), k = relief && relief.coordinates;
      if (!land || !k) return;
      var outside = frags.some(function (F) {
        var b = F.bounds;
        return !F.hidden && b && (b[0][0] < k[0][0] || b[0][1] < k[2][1] || b[1][0] > k[1][0] || b[1][1] > k[0][1]);
      });
      if (outside && !map.getSource(WORLD)) {
        map.addSource(WORLD, {type: 'geojson', data: land});
        map.addLayer({id: WORLD, type: 'fill', source: WORLD,
                      paint: {'fill-color': '#e9e2cf', 'fill-outline-color': '#4e6f86'}},
                     map.getLayer('fea-relief') ? 'fea-relief' : beneath);
      }
      if (map.getLayer(WORLD)) show(WORLD, outside);
      if (outside && map.getMaxBounds()) { bounded = map.getMaxBounds(); map.setMaxBounds(null); }
      if (!outside && bounded) { map.setMaxBounds(bounded); bounded = null; }
    }

    function update(day, language) {
      if (!map) return;
      world();
      var relabel = language !== lang;
      lang = language;
      frags.forEach(function (F) {
        if (!F.added) add(F);
        var I = ids(F);
        [I.points, I.labels, I.routes].forEach(function (id) { show(id, !F.hidden); });
        if (relabel && map.getLayer(I.labels)) {
          map.setLayoutProperty(I.labels, 'text-field', ['coalesce', ['get', language], ['get', 'en']]);
          map.setLayoutProperty(I.labels, 'text-font', (scene.fonts[language] || 'sans-serif').split(', '));
        }
        if (F.hidden) return;
        step(F, day);
        drawnAt[F.key] = day;
      });
    }

    // The feature-state switches of one day: only the frames that start or stop being current.
    function step(F, day) {
      var src = ids(F).points;
      for (var i = 0; i < F.items.length; i++) {
        var x = F.items[i], k = C.frameAt(x.frames, day), fid = k < 0 ? -1 : F.first[i] + k;
        var phase = fid < 0 ? 0 : x.layer !== 'events' || (x.start <= day && day <= x.end) ? 2 : 1;
        var key = fid < 0 ? -1 : fid * 4 + phase, old = F.current[i];
        if (old === key) continue;
        if (old > 0 && (old >> 2) !== fid) map.setFeatureState({source: src, id: old >> 2}, {phase: 0});
        if (fid > 0) map.setFeatureState({source: src, id: fid}, {phase: phase});
        F.current[i] = key;
      }
      var R = ids(F).routes;
      F.routes.forEach(function (r, j) {
        var lit = r.start <= day && day <= r.end;
        if (F.lit[j] !== lit) { map.setFeatureState({source: R, id: j + 1}, {lit: lit}); F.lit[j] = lit; }
      });
    }

    // What a click at `point` picks of the packs, top first: {layer: 'pack', id: 'pack:<key>:<id>'} or null.
    function hit(point) {
      if (!map) return null;
      var box = [[point.x - 4, point.y - 4], [point.x + 4, point.y + 4]];
      for (var n = frags.length - 1; n >= 0; n--) {
        var F = frags[n], I = ids(F);
        if (F.hidden || !F.added) continue;
        var hits = map.queryRenderedFeatures(box, {layers: [I.points]});
        for (var h = 0; h < hits.length; h++) {
          var i = hits[h].properties.i;
          if (F.current[i] > 0 && (F.current[i] >> 2) === hits[h].id) return pick(F, F.items[i].id);
        }
        var lines = map.queryRenderedFeatures(box, {layers: [I.routes]});
        if (lines.length) return pick(F, F.routes[lines[0].properties.i].id);
      }
      return null;
    }

    function pick(F, id) { return {layer: 'pack', id: 'pack:' + F.key + ':' + id}; }

    // "On this day" of the packs: a look over every row, so once a day (and language, and set of packs)
    var listed = {key: null, lines: []};
    function active(day, language) {
      var key = day + '|' + language + '|' + frags.map(function (F) { return F.key + (F.hidden ? '-' : '+'); }).join();
      if (key === listed.key && listed.frags === frags) return listed.lines.slice();
      var out = [];
      frags.forEach(function (F) { if (!F.hidden) out = out.concat(D.activeAt(F, day, language)); });
      listed = {key: key, frags: frags, lines: out};
      return out.slice();
    }

    // The view that shows every shown pack's features: {lon, lat, zoom} or null.
    function camera(m) {
      var b = null;
      frags.forEach(function (F) {
        if (F.hidden || !F.bounds) return;
        b = b ? [[Math.min(b[0][0], F.bounds[0][0]), Math.min(b[0][1], F.bounds[0][1])],
                 [Math.max(b[1][0], F.bounds[1][0]), Math.max(b[1][1], F.bounds[1][1])]] : F.bounds;
      });
      if (!b || !m) return null;
      var cam = m.cameraForBounds(b, {padding: 40, maxZoom: 5.5});  // under the battle views' finer coasts (zoom 6)
      if (!cam) return null;
      // the centre of the bounds in Mercator (cameraForBounds' own centre is off where the map has padding)
      var y = function (lat) { return Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360)); };
      var mid = (y(b[0][1]) + y(b[1][1])) / 2;
      return {lon: (b[0][0] + b[1][0]) / 2, lat: (2 * Math.atan(Math.exp(mid)) - Math.PI / 2) * 180 / Math.PI,
              zoom: Math.max(0, cam.zoom)};
    }

    // The features a pack shows now, for tests: [{id, layer, lonlat, phase}].
    function drawn(key) {
      var F = frags.filter(function (x) { return x.key === key; })[0];
      if (!F || F.hidden || !F.current) return [];
      var out = [];
      F.current.forEach(function (cur, i) {
        if (cur < 0) return;
        var x = F.items[i], f = x.frames[(cur >> 2) - F.first[i]];
        out.push({id: x.id, layer: x.layer, lonlat: [f[2], f[3]], phase: cur & 3});
      });
      return out;
    }

    if (scene.packs) set(scene.packs);  // an export's packs (components/atlas/packs.py)
    return {set: set, create: create, update: update, hit: hit, active: active, camera: camera, drawn: drawn,
            world: function () { return !!(map && map.getSource(WORLD)); },
            list: function () { return frags; },
            fragment: function (key) { return frags.filter(function (F) { return F.key === key; })[0] || null; }};
  }

  root.FEA_PACKS = {state: state};
})(typeof window !== 'undefined' ? window : this);
