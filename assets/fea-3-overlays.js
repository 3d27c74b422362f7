/* Far East Atlas engine: what tells the story over the moving layers (MapLibre's public API).
 *
 * Unit labels (short name and the strength of the day, "US AEF 7,950"), the leg a moving unit
 * is on (or has just made: FEA_LEGS.legAt) as an arrow in its nation's colour, drawn by the
 * kind of movement the sources give (attack, advance, withdrawal, transfer: scene.movements),
 * with a faint trail of where it has been, and the direction of each shipment along its route. These few features change with the day, so
 * they are small GeoJSON sources set anew on a step (tens of features), unlike the frames of
 * fea-3-layers.js. Labels collide: MapLibre places the strongest units' labels first and
 * drops those that would overlap (symbol-sort-key). The units standing at one place share
 * one label (FEA_STACKS.stackLabel), set beyond the ring their markers are fanned out on.
 *
 * FEA_OVERLAYS.create(map, scene, beneath) -> {update(day, lang, visible), setScale(k), raise()}. */
(function (root) {
  'use strict';
  var C = root.FEA_CORE, STACKS = root.FEA_STACKS, LEGS = root.FEA_LEGS;
  var IDS = {trails: 'atlas-trails', legs: 'atlas-legs', heads: 'atlas-heads', labels: 'atlas-unit-labels'};
  var SOURCE = 'atlas-overlays';

  function spec(scene, id) {
    for (var i = 0; i < scene.layers.length; i++) if (scene.layers[i].id === id) return scene.layers[i];
    return null;
  }

  // An arrowhead pointing up, white: drawn as an SDF image so each feature can colour it.
  function arrowImage() {
    var n = 24, data = new Uint8Array(n * n * 4);
    for (var y = 0; y < n; y++) {
      for (var x = 0; x < n; x++) {
        var half = (y / (n - 1)) * (n / 2 - 1), inside = y > 2 && Math.abs(x - n / 2 + 0.5) <= half;
        data[(y * n + x) * 4 + 3] = inside ? 255 : 0;
        data[(y * n + x) * 4] = data[(y * n + x) * 4 + 1] = data[(y * n + x) * 4 + 2] = 255;
      }
    }
    return {width: n, height: n, data: data};
  }

  function strengthText(n) { return n ? ' ' + C.formatCount(n) : ''; }

  function collection(features) { return {type: 'FeatureCollection', features: features}; }

  function create(map, scene, beneath) {
    var D = scene.features.deployments, S = scene.features.shipments, st = spec(scene, 'deployments').style;
    var MV = scene.movements, kinds = Object.keys(MV);
    // a paint value by the leg's kind of movement (property m; 'none' where not said)
    var byMove = function (key, literal) {
      var expr = ['match', ['get', 'm']];
      kinds.forEach(function (k) { if (k !== 'none') expr.push(k, literal ? ['literal', MV[k][key]] : MV[k][key]); });
      expr.push(literal ? ['literal', MV.none[key]] : MV.none[key]);
      return expr;
    };
    var scale = 1, last = null, kept = {}, sent = JSON.stringify([]), font = null;
    if (!map.hasImage('fea-arrow')) map.addImage('fea-arrow', arrowImage(), {sdf: true});
    // one source for all four (one worker job a day, not four), laid out on few tiles
    map.addSource(SOURCE, {type: 'geojson', data: collection([]), maxzoom: 5, buffer: 64});
    var kind = function (k) { return ['==', ['get', 'kind'], k]; };
    map.addLayer({id: IDS.trails, type: 'line', source: SOURCE, filter: kind('trails'),
                  layout: {'line-join': 'round', 'line-cap': 'round'},
                  paint: {'line-color': ['get', 'c'], 'line-width': 2, 'line-opacity': 0.28}}, beneath);
    map.addLayer({id: IDS.legs, type: 'line', source: SOURCE, filter: kind('legs'), layout: {'line-cap': 'round'},
                  paint: {'line-color': ['get', 'c'], 'line-width': byMove('width'), 'line-opacity': 0.85,
                          'line-dasharray': byMove('dash', true)}}, beneath);
    map.addLayer({id: IDS.heads, type: 'symbol', source: SOURCE, filter: kind('heads'),
                  layout: {'icon-image': 'fea-arrow', 'icon-size': ['get', 's'], 'icon-rotate': ['get', 'b'],
                           'icon-rotation-alignment': 'map', 'icon-allow-overlap': true,
                           'icon-ignore-placement': true},
                  paint: {'icon-color': ['get', 'c'], 'icon-halo-color': '#ffffff', 'icon-halo-width': 1}});
    map.addLayer({id: IDS.labels, type: 'symbol', source: SOURCE, filter: kind('labels'),
                  layout: {'text-field': ['get', 't'], 'text-size': 12, 'text-font': ['sans-serif'],
                           'text-anchor': 'left', 'text-justify': 'left',
                           // [x, 0] ems: a property holds a number, not an array
                           'text-offset': ['interpolate', ['linear'], ['get', 'x'], 0, ['literal', [0, 0]],
                                           100, ['literal', [100, 0]]],
                           'symbol-sort-key': ['get', 'k'],
                           'text-allow-overlap': false, 'text-padding': 2, 'text-max-width': 16},
                  paint: {'text-color': '#1f1f1f', 'text-halo-color': 'rgba(255,255,255,0.9)',
                          'text-halo-width': 1.4}});

    // One label per place: a lone unit's, or the stack's (beyond the ring it is fanned on).
    function labelFeatures(stacks, keys, out) {
      keys.forEach(function (key) {
        var g = stacks[key], n = g.members.length;
        var label = n > 1 ? STACKS.stackLabel(g.members) : g.members[0];
        out.labels.push({type: 'Feature', geometry: {type: 'Point', coordinates: g.at},
                         properties: {t: label.text, k: -(label.strength || 0), n: n,
                                      x: 0.9 + STACKS.ring(n) / (12 * scale)}});
      });
    }

    function unitFeatures(day, lang, out) {
      var stacks = {}, keys = [];
      for (var i = 0; i < D.ids.length; i++) {
        var track = D.tracks[i], at = C.positionAt(track, D.ends[i], day, st.transit_days);
        if (!at) continue;
        var color = (scene.nations[D.nations[i]] || scene.nations['']).color;
        var strength = C.strengthAt(D.strengths[i], day), key = STACKS.placeKey(at[0], at[1]);
        if (!stacks[key]) { stacks[key] = {at: at, members: []}; keys.push(key); }
        stacks[key].members.push({text: D.labels[lang][i] + strengthText(strength), strength: strength || 0});
        var trail = LEGS.trailAt(track, D.ends[i], day, st.transit_days);
        if (trail.length > 1) {
          out.trails.push({type: 'Feature', geometry: {type: 'LineString', coordinates: trail}, properties: {c: color}});
        }
        var leg = LEGS.legAt(track, D.movements[i], D.ends[i], day, st.transit_days, st.arrow_days);
        if (leg) {
          var m = leg.movement;
          out.legs.push({type: 'Feature', geometry: {type: 'LineString', coordinates: [leg.from, leg.to]},
                         properties: {c: color, m: m}});
          out.heads.push({type: 'Feature', geometry: {type: 'Point', coordinates: leg.to},
                          properties: {c: color, m: m, b: LEGS.bearing(leg.from, leg.to), s: MV[m].head * scale}});
        }
      }
      labelFeatures(stacks, keys, out);
    }

    function shipmentFeatures(day, out) {
      var color = spec(scene, 'shipments').style.color;
      for (var i = 0; i < S.ids.length; i++) {
        var f = C.travelFraction(S.starts[i], S.ends[i], day);
        if (f === null) continue;
        var path = S.paths[i], cum = C.cumulative(path);
        var here = C.pointAlong(path, cum, f), ahead = C.pointAlong(path, cum, Math.min(1, f + 0.02));
        if (ahead[0] === here[0] && ahead[1] === here[1]) ahead = path[path.length - 1];
        if (ahead[0] === here[0] && ahead[1] === here[1]) continue;
        out.heads.push({type: 'Feature', geometry: {type: 'Point', coordinates: here},
                        properties: {c: color, b: LEGS.bearing(here, ahead), s: 0.55 * scale}});
      }
    }

    function update(day, lang, visible) {
      var key = day + ':' + lang + ':' + visible.join() + ':' + scale;
      if (key === last) return;
      last = key;
      var out = {labels: [], trails: [], legs: [], heads: []};
      if (visible.indexOf('deployments') >= 0) unitFeatures(day, lang, out);
      if (visible.indexOf('shipments') >= 0) shipmentFeatures(day, out);
      var all = [];
      Object.keys(IDS).forEach(function (k) {
        out[k].forEach(function (f) { f.properties.kind = k; all.push(f); });
      });
      // a day that draws what the last one drew (no unit moved) costs MapLibre nothing: setting
      // the same data again would re-tile it and repaint the map (a second in software WebGL)
      var data = JSON.stringify(all);
      if (data !== sent) map.getSource(SOURCE).setData(collection(all));
      sent = data;
      kept = out;
      if (lang !== font) map.setLayoutProperty(IDS.labels, 'text-font', scene.fonts[lang].split(', '));
      font = lang;
    }

    // Scale the labels and arrowheads (projector mode: 1.5).
    function setScale(k) {
      scale = k;
      map.setLayoutProperty(IDS.labels, 'text-size', 12 * k);
      last = null;
    }

    // Keep the arrowheads and labels above everything, Plotly's place labels included, so
    // that a unit's label wins over the name of the place it stands on (Plotly re-adds its
    // layers on top when it redraws).
    function raise() {
      var order = map.getLayersOrder ? map.getLayersOrder() : map.getStyle().layers.map(function (l) { return l.id; });
      if (order[order.length - 1] === IDS.labels) return;
      map.moveLayer(IDS.heads);
      map.moveLayer(IDS.labels);
    }

    function drawn(k) { return kept[k] || []; }

    raise();
    // True once the first update is drawn: the first one is never held back.
    function ready() { return last !== null; }
    return {update: update, setScale: setScale, raise: raise, drawn: drawn, ready: ready};
  }

  root.FEA_OVERLAYS = {create: create};
})(typeof window !== 'undefined' ? window : this);
