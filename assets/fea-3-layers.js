/* Far East Atlas engine: the layers it draws itself (MapLibre's public API only).
 *
 * Moving things are drawn from frames (FEA_CORE.unitFrames and the like): every position a
 * unit or shipment takes, each valid over a range of days. All frames go to MapLibre once;
 * a step of the slider then only switches the feature-state of the frames that start or stop
 * being current: no new data, no worker round trip, one repaint. Routes are one line layer,
 * each route lit by feature-state while in use. Units are marker images (a shape per nation),
 * and the units of a stack stand fanned out on a ring around their place (FEA_STACKS.fan):
 * the offset is a property of each frame, so fanning costs a step nothing either.
 *
 * FEA_LAYERS.create(map, scene, beneath) -> {update(day, visible), hit(point), positions(layer),
 * hoverPositions(layer), drawn(layer)}. */
(function (root) {
  'use strict';
  var C = root.FEA_CORE, STACKS = root.FEA_STACKS;
  var MOVING = ['events', 'shipments', 'deployments'];
  var PAINT = {
    deployments: {stroke: '#ffffff', width: 1, on: 0.9},
    shipments: {stroke: '#ffffff', width: 1, on: 1},
    events: {stroke: '#7f1010', width: 0, on: 1}
  };

  function spec(scene, id) {
    for (var i = 0; i < scene.layers.length; i++) if (scene.layers[i].id === id) return scene.layers[i];
    return null;
  }

  // The frames of every feature of a moving layer, with its colour.
  function framesOf(scene, layer) {
    var F = scene.features[layer], st = spec(scene, layer).style, out = [];
    if (layer === 'deployments') {
      var fanned = STACKS.fan(F.ids.map(function (_id, i) {
        return C.unitFrames(F.tracks[i], F.strengths[i], F.ends[i], st.transit_days, st);
      }));
      return fanned.map(function (frames, i) {
        var nation = scene.nations[F.nations[i]] || scene.nations[''];
        return {frames: frames, color: nation.color, shape: nation.shape};
      });
    }
    for (var i = 0; i < F.ids.length; i++) {
      if (layer === 'shipments') {
        out.push({frames: C.shipmentFrames(F.paths[i], C.cumulative(F.paths[i]), F.starts[i],
                                           F.ends[i], st.size / 2), color: st.color});
      } else {
        out.push({frames: C.eventFrames(F.lonlat[i], F.starts[i], F.ends[i], st.before_days,
                                        st.after_days, st.size / 2), color: st.color});
      }
    }
    return out;
  }

  // A marker image: the outline (points in a unit square) filled, as a 2 * MARKER_RADIUS
  // pixel alpha mask that MapLibre colours per feature (sdf), turned by -turn degrees: drawn
  // with icon-rotate = turn, it stands upright while its offset points that way (a stack's
  // ring; FEA_STACKS.polar). The circle has no outline in the scene: it is drawn as a circle.
  var MARKER_RADIUS = 24;
  function markerImage(outline, turn) {
    var n = 2 * MARKER_RADIUS, canvas = document.createElement('canvas');
    canvas.width = canvas.height = n;
    var ctx = canvas.getContext('2d'), pad = 4, k = n - 2 * pad;
    ctx.translate(n / 2, n / 2);
    ctx.rotate(-turn * Math.PI / 180);
    ctx.translate(-n / 2, -n / 2);
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    if (!outline.length) ctx.arc(n / 2, n / 2, k / 2, 0, 2 * Math.PI);
    outline.forEach(function (p, i) {
      if (i) ctx.lineTo(pad + p[0] * k, pad + p[1] * k); else ctx.moveTo(pad + p[0] * k, pad + p[1] * k);
    });
    ctx.closePath();
    ctx.fill();
    return ctx.getImageData(0, 0, n, n);
  }

  function create(map, scene, beneath) {
    var sets = {}, routes = null;

    // The marker images the units' frames name (a shape in a direction): only those, since
    // most units never stand in a stack, so start-up draws a few images, not every direction.
    function addMarkers(markers, features) {
      var used = {};
      features.forEach(function (f) { used[f.properties.m + '-' + f.properties.a] = f.properties; });
      Object.keys(used).forEach(function (key) {
        var name = 'fea-marker-' + key, shape = used[key].m;
        if (!map.hasImage(name)) map.addImage(name, markerImage(markers[shape] || [], used[key].a), {sdf: true});
      });
    }

    function addMoving(layer) {
      var S = sets[layer] = {items: framesOf(scene, layer), first: [], current: [], features: []};
      S.items.forEach(function (item) {
        S.first.push(S.features.length + 1);
        S.current.push(null);
        item.frames.forEach(function (f) {
          // a stack's slot: the direction, and the distance in icon-offset's units (pixels at
          // icon-size 1): one number each, since a feature's properties cannot hold an array
          var slot = f[5] || [0, 0];
          S.features.push({type: 'Feature', id: S.features.length + 1,
                           geometry: {type: 'Point', coordinates: [f[2], f[3]]},
                           properties: {c: item.color, r: f[4], m: item.shape || 'circle', a: slot[0],
                                        d: slot[1] * MARKER_RADIUS / f[4]}});
        });
      });
      var id = 'atlas-' + layer, st = spec(scene, layer).style, p = PAINT[layer];
      map.addSource(id, {type: 'geojson', data: {type: 'FeatureCollection', features: S.features}});
      var on = layer === 'events'
        ? ['match', ['number', ['feature-state', 'phase'], 0], 2, st.lit_opacity, 1, st.dim_opacity, 0]
        : ['case', ['boolean', ['feature-state', 'on'], false], p.on, 0];
      if (layer !== 'deployments') {
        map.addLayer({id: id, type: 'circle', source: id, paint: {
          'circle-color': ['get', 'c'], 'circle-radius': ['get', 'r'], 'circle-opacity': on,
          'circle-stroke-opacity': on, 'circle-stroke-color': p.stroke, 'circle-stroke-width': p.width,
          'circle-opacity-transition': {duration: 0, delay: 0},
          'circle-stroke-opacity-transition': {duration: 0, delay: 0}}}, beneath);
        return;
      }
      // units: one image per nation's shape, coloured per feature (SDF), so that colour-blind
      // readers tell nations apart by shape too; a stack's units offset on their ring
      addMarkers(scene.markers, S.features);
      map.addLayer({id: id, type: 'symbol', source: id,
        layout: {'icon-image': ['concat', 'fea-marker-', ['get', 'm'], '-', ['to-string', ['get', 'a']]],
                 'icon-size': ['/', ['get', 'r'], MARKER_RADIUS], 'icon-rotate': ['get', 'a'],
                 'icon-rotation-alignment': 'viewport',
                 // [0, -d], turned with the icon by a: the slot on the ring
                 'icon-offset': ['interpolate', ['linear'], ['get', 'd'], 0, ['literal', [0, 0]],
                                 10000, ['literal', [0, -10000]]],
                 'icon-allow-overlap': true, 'icon-ignore-placement': true},
        paint: {'icon-color': ['get', 'c'], 'icon-opacity': on, 'icon-halo-color': p.stroke,
                'icon-halo-width': 1.2, 'icon-opacity-transition': {duration: 0, delay: 0}}}, beneath);
    }

    function addRoutes() {
      var R = scene.features.routes, st = spec(scene, 'routes').style, features = [];
      R.ids.forEach(function (rid, i) {
        var mode = scene.modes[R.modes[i]];
        features.push({type: 'Feature', id: i + 1, geometry: {type: 'LineString', coordinates: R.lines[i]},
                       properties: {c: mode.color, w: mode.width, i: i}});
      });
      routes = {current: [], features: features};
      var lit = ['boolean', ['feature-state', 'lit'], false];
      map.addSource('atlas-routes', {type: 'geojson', data: {type: 'FeatureCollection', features: features}});
      map.addLayer({id: 'atlas-routes', type: 'line', source: 'atlas-routes',
                    layout: {'line-join': 'round', 'line-cap': 'round'},
                    paint: {'line-color': ['get', 'c'],
                            'line-opacity': ['case', lit, st.lit_opacity, st.dim_opacity],
                            'line-width': ['*', ['get', 'w'], ['case', lit, st.lit_width, st.dim_width]],
                            'line-opacity-transition': {duration: 0, delay: 0},
                            'line-width-transition': {duration: 0, delay: 0}}}, beneath);
    }

    function show(id, on) {
      var want = on ? 'visible' : 'none';
      if (map.getLayoutProperty(id, 'visibility') !== want) map.setLayoutProperty(id, 'visibility', want);
    }

    function updateMoving(layer, day) {
      var S = sets[layer], F = scene.features[layer], source = 'atlas-' + layer;
      for (var i = 0; i < S.items.length; i++) {
        var k = C.frameAt(S.items[i].frames, day), fid = k < 0 ? -1 : S.first[i] + k;
        var phase = fid < 0 ? 0 : layer !== 'events' ? 1 : (F.starts[i] <= day && day <= F.ends[i] ? 2 : 1);
        var key = fid + ':' + phase, old = S.current[i];
        if (old === key) continue;
        var oldId = old ? +old.split(':')[0] : -1;
        if (oldId > 0 && oldId !== fid) map.setFeatureState({source: source, id: oldId}, {on: false, phase: 0});
        if (fid > 0) map.setFeatureState({source: source, id: fid}, {on: true, phase: phase});
        S.current[i] = key;
      }
    }

    function update(day, visible) {
      if (!map.getSource('atlas-routes')) addRoutes();
      MOVING.forEach(function (layer) { if (!sets[layer]) addMoving(layer); });
      show('atlas-routes', visible.indexOf('routes') >= 0);
      var R = scene.features.routes;
      for (var i = 0; i < R.ids.length; i++) {
        var on = R.starts[i] <= day && day <= R.ends[i];
        if (routes.current[i] === on) continue;
        map.setFeatureState({source: 'atlas-routes', id: i + 1}, {lit: on});
        routes.current[i] = on;
      }
      MOVING.forEach(function (layer) {
        show('atlas-' + layer, visible.indexOf(layer) >= 0);
        updateMoving(layer, day);
      });
    }

    // Where each feature of a moving layer is drawn now: [lon, lat, radius, [direction,
    // pixels] off its place in a stack] or null.
    function positions(layer) {
      var S = sets[layer];
      return S.current.map(function (key, i) {
        var fid = key ? +key.split(':')[0] : -1;
        if (fid < 0) return null;
        var f = S.items[i].frames[fid - S.first[i]];
        return [f[2], f[3], f[4], f[5] || [0, 0]];
      });
    }

    // Where a pointer finds each feature now (Plotly's hover points): its place, moved by its
    // offset in a stack at the map's zoom of the moment.
    function hoverPositions(layer) {
      return positions(layer).map(function (p) {
        if (!p || !p[3][1]) return p;
        var rad = p[3][0] * Math.PI / 180, px = map.project([p[0], p[1]]);
        var ll = map.unproject([px.x + p[3][1] * Math.sin(rad), px.y - p[3][1] * Math.cos(rad)]);
        return [ll.lng, ll.lat, p[2]];
      });
    }

    // The index of the feature of `layer` whose current frame is feature `fid`, or -1.
    function indexOf(layer, fid) {
      var S = sets[layer];
      for (var i = 0; i < S.current.length; i++) {
        if (S.current[i] && +S.current[i].split(':')[0] === fid) return i;
      }
      return -1;
    }

    // What a click at `point` picks, top first: a unit, a shipment, an event, then a route
    // anywhere along its length (a few pixels of slack); or null.
    function hit(point, visible) {
      var box = [[point.x - 4, point.y - 4], [point.x + 4, point.y + 4]];
      var order = ['deployments', 'shipments', 'events'];
      for (var n = 0; n < order.length; n++) {
        var layer = order[n];
        if (visible.indexOf(layer) < 0 || !map.getLayer('atlas-' + layer)) continue;
        var hits = map.queryRenderedFeatures(box, {layers: ['atlas-' + layer]});
        for (var h = 0; h < hits.length; h++) {
          var i = indexOf(layer, hits[h].id);
          if (i >= 0) return {layer: layer, id: scene.features[layer].ids[i]};
        }
      }
      if (visible.indexOf('routes') >= 0 && map.getLayer('atlas-routes')) {
        var lines = map.queryRenderedFeatures(box, {layers: ['atlas-routes']});
        if (lines.length) return {layer: 'routes', id: scene.features.routes.ids[lines[0].properties.i]};
      }
      return null;
    }

    // The features a layer shows now (for tests): current frames, or lit routes.
    function drawn(layer) {
      if (layer === 'routes') return routes ? routes.features.filter(function (f, i) { return routes.current[i]; }) : [];
      var S = sets[layer];
      if (!S || map.getLayoutProperty('atlas-' + layer, 'visibility') === 'none') return [];
      return S.current.filter(Boolean).map(function (key) { return S.features[+key.split(':')[0] - 1]; })
        .filter(Boolean);
    }

    return {update: update, positions: positions, hoverPositions: hoverPositions, hit: hit, drawn: drawn};
  }

  root.FEA_LAYERS = {create: create, MOVING: MOVING};
})(typeof window !== 'undefined' ? window : this);
