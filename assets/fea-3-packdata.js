/* Far East Atlas engine: the reader's imported packs as the engine draws them (pure, Node-tested).
 *
 * A pack (the importer's GeoJSON FeatureCollection, /tmp/pack-format.md, docs in the README's
 * "Your own data") becomes a fragment: the same frames the atlas' own layers are drawn from
 * (FEA_CORE.eventFrames, unitFrames, shipmentFrames), its routes, its timeline-only entries,
 * its span, bounds and the marks it puts on the slider. FEA_PACKS (fea-3-packs.js) draws
 * fragments; the page's import panel (fea-9-import.js) keeps the packs in IndexedDB.
 *
 * Nothing of a pack is ever read as HTML: names, notes and quotes are text, links are text. */
(function (root) {
  'use strict';
  var C = root.FEA_CORE || (typeof require !== 'undefined' ? require('./fea-1-core.js') : null);
  //: The packs' colours, one a pack, apart from the nations', events' and shipments' colours.
  var COLORS = ['#1565c0', '#2e7d32', '#6d4c41', '#455a64', '#7b1fa2', '#00897b'];
  //: Undated rows (precision "none") are shown on every day: from ALWAYS[0] to ALWAYS[1].
  var ALWAYS = [-10000000, 10000000];
  var MAX_SHIPMENT_DAYS = 3660;  // longer: drawn at its start, not travelling day by day
  var RADIUS = {places: 5, events: 8, shipments: 6, timeline: 0};

  function pickName(names, lang) {
    if (!names || typeof names !== 'object') return '';
    var v = names[lang] || names.en;
    if (typeof v === 'string' && v) return v;
    for (var k in names) if (typeof names[k] === 'string' && names[k]) return names[k];
    return '';
  }

  /** [start, end] day numbers of a feature's properties; ALWAYS for an undated one; null if unreadable. */
  function daysOf(p) {
    if (p.precision === 'none') return ALWAYS.slice();
    var s = C.dayNumber(p.start), e = C.dayNumber(p.end != null ? p.end : p.start);
    if (s === null || e === null) return null;
    return s <= e ? [s, e] : null;
  }

  function lonlatOf(g) {
    if (!g || !g.coordinates) return null;
    if (g.type === 'Point') return g.coordinates.slice(0, 2);
    if (g.type === 'MultiPoint' && g.coordinates.length) return g.coordinates[0].slice(0, 2);
    return null;
  }

  function lineOf(g) {
    if (!g || !g.coordinates) return null;
    if (g.type === 'LineString') return g.coordinates.map(function (c) { return c.slice(0, 2); });
    if (g.type === 'MultiLineString') {
      return [].concat.apply([], g.coordinates).map(function (c) { return c.slice(0, 2); });
    }
    return null;
  }

  function finite(p) { return p && isFinite(p[0]) && isFinite(p[1]) && Math.abs(p[1]) <= 90; }

  /** The fragment the engine draws of `pack`, the `index`th pack shown (its colour, unless
   * the pack keeps its `slot`: the page's colour of a pack sent to a job without the hidden
   * ones before it). `styles` are the scene's layer styles by id (deployments' radius and
   * transit, events' fading). */
  function fragment(pack, index, styles, key) {
    var slot = pack && typeof pack.slot === 'number' ? pack.slot : index;
    var color = COLORS[slot % COLORS.length], feats = (pack && pack.features) || [];
    var F = {key: key || String(index), name: pack.name || pack.file || 'pack', file: pack.file || '',
             color: color, items: [], routes: [], timeline: [], props: {}, skipped: 0,
             tour: pack.tour || []};
    var ev = styles.events || {}, units = {};
    feats.forEach(function (f) {
      var p = (f && f.properties) || {}, days = daysOf(p), id = String(p.id);
      if (!days || !p.id) { F.skipped++; return; }
      F.props[id] = p;
      var layer = p.layer, g = f.geometry;
      if (layer === 'timeline' || !g) { F.timeline.push({id: id, start: days[0], end: days[1]}); return; }
      if (layer === 'deployments' && finite(lonlatOf(g))) {
        var unit = p.deployment || id;
        (units[unit] = units[unit] || []).push({p: p, days: days, at: lonlatOf(g)});
      } else if ((layer === 'routes' || layer === 'shipments') && lineOf(g)) {
        var line = lineOf(g).filter(finite);
        if (line.length < 2) { F.skipped++; return; }
        if (layer === 'routes') { F.routes.push({id: id, line: line, start: days[0], end: days[1]}); return; }
        var frames = days[1] - days[0] <= MAX_SHIPMENT_DAYS
          ? C.shipmentFrames(line, C.cumulative(line), days[0], days[1], RADIUS.shipments)
          : C.eventFrames(line[0], days[0], days[1], 0, 0, RADIUS.shipments);
        F.items.push({layer: 'shipments', id: id, frames: frames, start: days[0], end: days[1]});
      } else if (finite(lonlatOf(g))) {
        var lit = layer === 'events', before = lit ? ev.before_days || 0 : 0, after = lit ? ev.after_days || 0 : 0;
        if (days[0] === ALWAYS[0]) before = after = 0;
        F.items.push({layer: layer === 'events' ? 'events' : 'places', id: id, start: days[0], end: days[1],
                      frames: C.eventFrames(lonlatOf(g), days[0], days[1], before, after,
                                            layer === 'events' ? RADIUS.events : RADIUS.places)});
      } else {
        F.skipped++;
      }
    });
    Object.keys(units).forEach(function (unit) { F.items.push(unitItem(unit, units[unit], styles.deployments || {})); });
    F.span = spanOf(pack, F);
    F.bounds = boundsOf(F);
    return F;
  }

  // One moving unit of the observations sharing a `deployment`, by `seq` then start.
  function unitItem(unit, obs, spec) {
    obs.sort(function (a, b) { return ((a.p.seq || 0) - (b.p.seq || 0)) || (a.days[0] - b.days[0]); });
    var track = obs.map(function (o) { return [o.days[0], o.at[0], o.at[1]]; });
    var strengths = obs.map(function (o) { return [o.days[0], typeof o.p.strength === 'number' ? o.p.strength : null]; });
    var end = Math.max.apply(null, obs.map(function (o) { return o.days[1]; }));
    return {layer: 'deployments', id: obs[0].p.id + '', unit: unit, waypoints: obs.map(function (o) { return o.p.id + ''; }),
            strengths: strengths, start: track[0][0], end: end,
            frames: C.unitFrames(track, strengths, end, spec.transit_days, spec)};
  }

  /** [first, last] day numbers the pack covers: its `span`, widened to its dated features. */
  function spanOf(pack, F) {
    var lo = Infinity, hi = -Infinity;
    var s = pack.span && C.dayNumber(pack.span.start), e = pack.span && C.dayNumber(pack.span.end);
    if (s != null) lo = s;
    if (e != null) hi = e;
    F.items.concat(F.routes, F.timeline).forEach(function (x) {
      if (x.start === ALWAYS[0]) return;
      lo = Math.min(lo, x.start);
      hi = Math.max(hi, x.end);
    });
    return lo <= hi ? [lo, hi] : null;
  }

  /** [[west, south], [east, north]] of what the pack draws on the map, or null. */
  function boundsOf(F) {
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    function add(p) { b[0] = Math.min(b[0], p[0]); b[1] = Math.min(b[1], p[1]); b[2] = Math.max(b[2], p[0]); b[3] = Math.max(b[3], p[1]); }
    F.items.forEach(function (x) { x.frames.forEach(function (f) { add([f[2], f[3]]); }); });
    F.routes.forEach(function (r) { r.line.forEach(add); });
    return b[0] <= b[2] ? [[b[0], b[1]], [b[2], b[3]]] : null;
  }

  /** The slider's span: the atlas' own [first, last] widened to every pack's span. */
  function widen(base, fragments) {
    var lo = base[0], hi = base[1];
    fragments.forEach(function (F) { if (F.span) { lo = Math.min(lo, F.span[0]); hi = Math.max(hi, F.span[1]); } });
    return [lo, hi];
  }

  /** A year step for the slider's year labels: about ten labels over the span. */
  function yearStep(years) {
    var steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000];
    for (var i = 0; i < steps.length; i++) if (years / steps[i] <= 10) return steps[i];
    return 10000;
  }

  /** The slider's marks over [first, last]: year labels, ◆ at the atlas' events, ◇ at its
   * timeline-only events, and ◆/◇ in its colour at each pack's events and timeline entries
   * (`style` is the atlas' event mark style). Keys are day numbers, as Dash's marks. */
  function sliderMarks(scene, fragments, first, last, style) {
    var marks = {}, F = scene.features;
    function mark(day, label, color) {
      if (day < first || day > last) return;
      marks[day] = {label: label, style: Object.assign({}, style, color ? {color: color} : {})};
    }
    F.timeline.starts.forEach(function (d) { mark(d, '◇'); });
    F.events.starts.forEach(function (d) { mark(d, '◆'); });
    fragments.forEach(function (P) {
      if (P.hidden) return;
      P.timeline.forEach(function (t) { if (t.start !== ALWAYS[0]) mark(t.start, '◇', P.color); });
      P.items.forEach(function (x) { if (x.layer === 'events' && x.start !== ALWAYS[0]) mark(x.start, '◆', P.color); });
    });
    var y0 = C.civil(first)[0], y1 = C.civil(last)[0], step = yearStep(y1 - y0);
    for (var y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
      var day = C.dayNumber((y < 0 ? '-' : '') + String(Math.abs(y)).padStart(4, '0') + '-01-01');
      if (day !== null && first <= day && day <= last) marks[day] = String(y);
    }
    return marks;
  }

  /** What a fragment shows on `day` for "On this day": units, events, timeline entries and
   * shipments of the day ([{layer: 'pack', id: 'pack:<key>:<feature id>', text}]), at most
   * MAX_ACTIVE of them and a last line saying how many more (a list of thousands of buttons
   * would take the page seconds to render on every step of a scrub). */
  var MAX_ACTIVE = 40;
  function activeAt(F, day, lang) {
    var out = [], more = 0;
    function line(id, text) {
      if (out.length < MAX_ACTIVE) out.push({layer: 'pack', id: 'pack:' + F.key + ':' + id, text: text, pack: F.key});
      else more++;
    }
    F.items.forEach(function (x) {
      if (x.layer === 'places' || x.start === ALWAYS[0]) return;  // places and undated rows are not "of the day"
      if (x.layer === 'deployments' ? C.frameAt(x.frames, day) < 0 : !(x.start <= day && day <= x.end)) return;
      var p = F.props[x.layer === 'deployments' ? x.waypoints[0] : x.id], n = x.strengths && C.strengthAt(x.strengths, day);
      line(x.id, pickName(p.names, lang) + (n ? ' · ' + C.formatCount(n) : ''));
    });
    F.timeline.forEach(function (t) {
      if (t.start !== ALWAYS[0] && t.start <= day && day <= t.end) line(t.id, pickName(F.props[t.id].names, lang));
    });
    if (more) out.push({layer: 'pack', id: 'pack:' + F.key + ':', text: F.name + ': +' + C.formatCount(more), pack: F.key});
    return out;
  }

  /** The pack key and feature id of an "On this day" or map pick id `pack:<key>:<id>`, or null. */
  function parsePick(id) {
    var m = /^pack:([^:]+):(.*)$/.exec(String(id || ''));
    return m ? {key: m[1], id: m[2]} : null;
  }

  var API = {fragment: fragment, widen: widen, sliderMarks: sliderMarks, activeAt: activeAt,
             parsePick: parsePick, pickName: pickName, yearStep: yearStep, COLORS: COLORS, ALWAYS: ALWAYS,
             MAX_ACTIVE: MAX_ACTIVE};
  if (typeof module !== 'undefined' && module.exports) module.exports = API;
  else root.FEA_PACKDATA = API;
})(typeof window !== 'undefined' ? window : this);
