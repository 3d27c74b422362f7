/* Far East Atlas: the date and motion arithmetic of the page (mirrors components/timeline.py).
 * Pure functions, no map, no DOM: loaded before atlas.js (Dash serves assets in name order,
 * and the exporters list both files in components/export/kaleido_batch.py ATLAS_SCRIPTS). */
(function () {
  'use strict';

  // ---------------------------------------------------------------- dates (see timeline.py)
  var EPOCH = 693901; // daysFromCivil(1900, 1, 1)

  function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    var era = Math.floor((y >= 0 ? y : y - 399) / 400);
    var yoe = y - era * 400;
    var doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe;
  }

  function monthLength(y, m) {
    if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
    return [4, 6, 9, 11].indexOf(m) >= 0 ? 30 : 31;
  }

  function dayNumber(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3];
    if (mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo)) return null;
    return daysFromCivil(y, mo, d) - EPOCH;
  }

  function civil(day) {
    var z = day + EPOCH;
    var era = Math.floor((z >= 0 ? z : z - 146096) / 146097);
    var doe = z - era * 146097;
    var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) -
                          Math.floor(doe / 146096)) / 365);
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    var mp = Math.floor((5 * doy + 2) / 153);
    var d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    var mo = mp + (mp < 10 ? 3 : -9);
    return [yoe + era * 400 + (mo <= 2 ? 1 : 0), mo, d];
  }

  function pad(n, w) { var s = String(n); while (s.length < w) s = '0' + s; return s; }

  function isoDate(day) {
    var c = civil(day);
    return pad(c[0], 4) + '-' + pad(c[1], 2) + '-' + pad(c[2], 2);
  }

  function addMonths(day, months) {
    var c = civil(day);
    var index = c[0] * 12 + (c[1] - 1) + months;
    var y = Math.floor(index / 12), m = index - y * 12 + 1;
    return daysFromCivil(y, m, Math.min(c[2], monthLength(y, m))) - EPOCH;
  }

  function stepDay(day, speed, direction) {
    if (speed === 'month') return addMonths(day, direction);
    return day + direction * (speed === 'week' ? 7 : 1);
  }

  // ------------------------------------------------- moving things (see timeline.py, map.py)
  function positionAt(track, end, day, transit) {
    if (!track.length || day < track[0][0] || day > end) return null;
    for (var i = 0; i + 1 < track.length; i++) {
      var a = track[i], b = track[i + 1];
      if (a[0] <= day && day < b[0]) {
        var depart = transit == null ? a[0] : Math.max(a[0], b[0] - transit);
        if (day <= depart) return [a[1], a[2]];
        var f = (day - depart) / (b[0] - depart);
        return [a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
      }
    }
    var last = track[track.length - 1];
    return [last[1], last[2]];
  }

  function pointAlong(path, cum, fraction) {
    fraction = Math.min(Math.max(fraction, 0), 1);
    for (var i = 1; i < path.length; i++) {
      if (fraction <= cum[i] || i === path.length - 1) {
        var span = (cum[i] - cum[i - 1]) || 1, f = (fraction - cum[i - 1]) / span;
        return [path[i - 1][0] + (path[i][0] - path[i - 1][0]) * f,
                path[i - 1][1] + (path[i][1] - path[i - 1][1]) * f];
      }
    }
    return [path[0][0], path[0][1]];
  }

  function strengthAt(strengths, day) {
    var current = null, first = null;
    for (var i = 0; i < strengths.length; i++) {
      var s = strengths[i][1];
      if (s && first === null) first = s;
      if (strengths[i][0] <= day && s) current = s;
    }
    return current || first;
  }

  function unitRadius(strength, spec) {
    if (!strength || strength <= 0) return spec.unknown_radius;
    var r = spec.min_radius + spec.per_sqrt_thousand * Math.sqrt(strength / 1000);
    return Math.round(Math.min(Math.max(r, spec.min_radius), spec.max_radius) * 100) / 100;
  }

  function eventPhase(start, end, day, before, after) {
    if (start <= day && day <= end) return 2;
    return start - before <= day && day <= end + after ? 1 : 0;
  }

  window.FEA_TIME = {dayNumber: dayNumber, isoDate: isoDate, addMonths: addMonths,
                     stepDay: stepDay, positionAt: positionAt, pointAlong: pointAlong,
                     strengthAt: strengthAt, unitRadius: unitRadius, eventPhase: eventPhase};
})();
