/* Far East Atlas engine, pure: units standing at one place (a stack).
 *
 * Many units stand at the same place on the same days (a landing at Vladivostok, the groups
 * of 20 August 1939 at one height). Drawn where they stand they would hide one another and
 * only the top one could be clicked. So:
 *   - fan(frames) splits every unit's frames where the units sharing its place change, and
 *     gives each frame an offset in pixels: the units of a stack stand on a ring around the
 *     place, each with its own slot, and a lone unit stays on the place;
 *   - stackLabel(members) makes the one label of a stack: the strongest units first, a few
 *     lines, then "+n" for the rest.
 * The ring is in screen pixels, so a stack reads the same at every zoom.
 *
 * No DOM, no map: Node's test runner loads this file too (tests/js/stacks.test.js). */
(function (root) {
  'use strict';

  /** Lines a stack's label shows before "+n". */
  var LABEL_LINES = 3;

  /** The key of a place: frames at the same key stand together (about 10 m apart at most). */
  function placeKey(lon, lat) { return lon.toFixed(4) + ',' + lat.toFixed(4); }

  /** Directions a slot may take, every STEP degrees: the engine draws a marker image per
   * shape and direction (MapLibre cannot offset a symbol by two data values, but it turns an
   * offset with the icon: a marker turned back by its own direction stays upright). */
  var STEP = 15, PER_RING = 360 / STEP;

  /** The radius in pixels of the ring the n units of a stack stand on (0 for a lone one). */
  function ring(n) { return n < 2 ? 0 : 10 + 2.5 * Math.min(n, PER_RING); }

  /** Slot j of a stack of n: [direction in degrees clockwise from up (a multiple of STEP),
   * distance in pixels]. Beyond PER_RING units, further rings stand outside the first. */
  function polar(j, n) {
    if (n < 2) return [0, 0];
    var k = Math.floor(j / PER_RING), on = Math.min(n - k * PER_RING, PER_RING);
    var a = Math.round((360 * (j % PER_RING) / on) / STEP) * STEP % 360;
    return [a, ring(n) + 18 * k];
  }

  /** The offset [dx, dy] in pixels (y down) of slot j of a stack of n. */
  function slot(j, n) {
    var p = polar(j, n), rad = p[0] * Math.PI / 180;
    return [Math.round(p[1] * Math.sin(rad) * 10) / 10, Math.round(-p[1] * Math.cos(rad) * 10) / 10];
  }

  /**
   * Fan out the units of every stack. `units` is a list of frame lists, one per unit, each
   * frame [from, to, lon, lat, radius] (FEA_CORE.unitFrames). Returns new frame lists in the
   * same order, with every frame [from, to, lon, lat, radius, [direction, distance]] (see
   * polar; slot gives the same as [dx, dy] pixels): frames split on the
   * days another unit arrives at or leaves their place, adjacent frames with the same
   * offset merged. A unit's slot is its rank among the units at the place that day (their
   * order in `units`), so slots do not jump when a stack does not change.
   */
  function fan(units) {
    var byPlace = {};
    units.forEach(function (frames, u) {
      frames.forEach(function (f, k) {
        var key = placeKey(f[2], f[3]);
        (byPlace[key] = byPlace[key] || []).push({u: u, k: k, from: f[0], to: f[1]});
      });
    });
    // per unit and frame: the pieces [from, to, offset] it is split into
    var pieces = units.map(function (frames) { return frames.map(function () { return null; }); });
    Object.keys(byPlace).forEach(function (key) {
      var at = byPlace[key];
      var owners = {};
      at.forEach(function (e) { owners[e.u] = true; });
      if (Object.keys(owners).length < 2) return;  // one unit only ever stands here
      var cuts = {};
      at.forEach(function (e) { cuts[e.from] = true; cuts[e.to + 1] = true; });
      var days = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
      at.forEach(function (e) {
        var out = [];
        for (var i = 0; i + 1 < days.length; i++) {
          var from = days[i], to = days[i + 1] - 1;
          if (to < e.from || from > e.to) continue;
          var here = [];
          at.forEach(function (o) { if (o.from <= from && from <= o.to && here.indexOf(o.u) < 0) here.push(o.u); });
          here.sort(function (a, b) { return a - b; });
          out.push([Math.max(from, e.from), Math.min(to, e.to), polar(here.indexOf(e.u), here.length)]);
        }
        pieces[e.u][e.k] = out;
      });
    });
    return units.map(function (frames, u) {
      var out = [];
      frames.forEach(function (f, k) {
        (pieces[u][k] || [[f[0], f[1], [0, 0]]]).forEach(function (p) {
          var last = out[out.length - 1];
          if (last && last[1] === p[0] - 1 && last[2] === f[2] && last[3] === f[3] && last[4] === f[4] &&
              last[5][0] === p[2][0] && last[5][1] === p[2][1]) {
            last[1] = p[1];
          } else {
            out.push([p[0], p[1], f[2], f[3], f[4], p[2]]);
          }
        });
      });
      return out;
    });
  }

  /**
   * The one label of the units standing at a place: `members` as [{text, strength}], the
   * strongest first (ties keep their order), at most LABEL_LINES lines and "+n" for the rest.
   * Returns {text, strength} where strength is the strongest member's (for label priority).
   */
  function stackLabel(members) {
    var sorted = members.map(function (m, i) { return {m: m, i: i}; }).sort(function (a, b) {
      return (b.m.strength || 0) - (a.m.strength || 0) || a.i - b.i;
    }).map(function (x) { return x.m; });
    var lines = sorted.slice(0, sorted.length > LABEL_LINES + 1 ? LABEL_LINES : LABEL_LINES + 1)
      .map(function (m) { return m.text; });
    if (sorted.length > lines.length) lines.push('+' + (sorted.length - lines.length));
    return {text: lines.join('\n'), strength: sorted.length ? sorted[0].strength || 0 : 0};
  }

  var api = {fan: fan, ring: ring, polar: polar, slot: slot, stackLabel: stackLabel, placeKey: placeKey,
             LABEL_LINES: LABEL_LINES, STEP: STEP};
  root.FEA_STACKS = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})(typeof window !== 'undefined' ? window : this);
