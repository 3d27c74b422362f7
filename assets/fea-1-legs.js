/* Far East Atlas engine, pure: the leg of its track a unit is on, as the map draws it.
 *
 * While a unit moves, its leg is an arrow from where it is to where it is going. A move the
 * sources date to a day or two (the attack of 20 August 1939) would never be seen moving, so
 * the arrow of the move just made stays for `arrowDays` after the unit arrives, from where it
 * came from: on the day of an attack the map shows the attack. A leg that starts in a gap
 * (the sources lose the unit) is not drawn: nobody knows where it came from.
 *
 * No DOM, no map: Node's test runner loads this file too (tests/js/legs.test.js). */
(function (root) {
  'use strict';
  var C = root.FEA_CORE || (typeof require !== 'undefined' ? require('./fea-1-core.js') : null);

  /** The index k of the waypoint of `track` the unit last reached on `day` (0 before). */
  function segment(track, day) {
    var k = 0;
    while (k + 1 < track.length && track[k + 1][0] <= day) k++;
    return k;
  }

  /**
   * The leg to draw on `day` for a unit with `track` ([[day, lon, lat, gapFrom?], ...]),
   * `movements` (how it reached each waypoint, or null), last day `end`: {from, to, at,
   * movement, arrived} with from/to/at as [lon, lat] (at: where the unit is), movement
   * 'none' where the sources do not say; or null when no leg is drawn.
   */
  function legAt(track, movements, end, day, transit, arrowDays) {
    var at = C.positionAt(track, end, day, transit);
    if (!at) return null;
    var k = segment(track, day), a = track[k], b = track[k + 1], moves = movements || [];
    if (b && a[3] == null && (at[0] !== a[1] || at[1] !== a[2])) {
      return {from: at, to: [b[1], b[2]], at: at, movement: moves[k + 1] || 'none', arrived: false};
    }
    var prev = track[k - 1];
    if (k < 1 || prev[3] != null || day - a[0] >= (arrowDays || 0)) return null;
    if (prev[1] === a[1] && prev[2] === a[2]) return null;
    return {from: [prev[1], prev[2]], to: [a[1], a[2]], at: at, movement: moves[k] || 'none', arrived: true};
  }

  /** Where the unit has been up to `day`: the waypoints reached, then where it is now. */
  function trailAt(track, end, day, transit) {
    var at = C.positionAt(track, end, day, transit);
    if (!at) return [];
    var out = track.slice(0, segment(track, day) + 1).map(function (w) { return [w[1], w[2]]; });
    var last = out[out.length - 1];
    if (last[0] !== at[0] || last[1] !== at[1]) out.push(at);
    return out;
  }

  /** The bearing (degrees clockwise from north) of a → b as drawn on a Mercator map: the
   * rotation of the arrowhead at b. */
  function bearing(a, b) {
    var merc = function (lat) { return Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360)) * 180 / Math.PI; };
    return Math.atan2(b[0] - a[0], merc(b[1]) - merc(a[1])) * 180 / Math.PI;
  }

  var api = {legAt: legAt, trailAt: trailAt, segment: segment, bearing: bearing};
  root.FEA_LEGS = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})(typeof window !== 'undefined' ? window : this);
