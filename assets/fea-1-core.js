/* Far East Atlas: the pure functions of the browser engine (dates, motion, frames, URL state,
 * key moments). No DOM, no map, no globals but its one export: window.FEA_CORE in the page
 * (Dash loads assets as classic scripts in name order, so this file comes first), and
 * module.exports under Node, where tests/js/ runs its unit tests and tests/test_js_parity.py
 * checks it against the Python on one table of cases.
 *
 * Dates are proleptic Gregorian *day numbers*: days since 1900-01-01 computed from year,
 * month and day, never epoch milliseconds (the atlas starts in 1917; the parser takes any
 * year, as components/atlas/timeline.py does).
 */
(function (root) {
  'use strict';

  // ------------------------------------------------------------------------------ dates
  var EPOCH = 693901; // daysFromCivil(1900, 1, 1)
  var ISO = /^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})$/;
  // What Python's str.strip() strips (str.isspace), so that both read the same strings.
  var SPACE = /^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

  /** Days from 0000-03-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
  function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    var era = Math.floor(y / 400);  // floored: C's truncating form needs y - 399 here
    var yoe = y - era * 400;
    var doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe;
  }

  /** Days in month m (1-12) of year y. */
  function monthLength(y, m) {
    if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
    return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  }

  /** Days since 1900-01-01 of the ISO day `[-]YYYY-MM-DD`, or null when it is not a real day. */
  function dayNumber(iso) {
    if (typeof iso !== 'string') return null;
    var m = ISO.exec(iso.replace(SPACE, ''));
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3];
    if (mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo)) return null;
    var day = daysFromCivil(y, mo, d) - EPOCH;
    return Number.isSafeInteger(day) ? day : null;  // years of 13 digits and more: not exact
  }

  /** [year, month, day] of a day number (the inverse of dayNumber). */
  function civil(day) {
    var z = day + EPOCH;
    var era = Math.floor(z / 146097);
    var doe = z - era * 146097;
    var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) -
                          Math.floor(doe / 146096)) / 365);
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    var mp = Math.floor((5 * doy + 2) / 153);
    var d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    var mo = mp + (mp < 10 ? 3 : -9);
    return [yoe + era * 400 + (mo <= 2 ? 1 : 0), mo, d];
  }

  /** The decimal digits of n, left-padded with zeros to w characters. */
  function pad(n, w) { var s = String(n); while (s.length < w) s = '0' + s; return s; }

  /** The ISO day of a day number: `1939-08-20`; before year 0 the extended form `-0044-03-15`. */
  function isoDate(day) {
    var c = civil(day);
    return (c[0] < 0 ? '-' : '') + pad(Math.abs(c[0]), 4) + '-' + pad(c[1], 2) + '-' + pad(c[2], 2);
  }

  /** The same day of the month n months later, clamped to that month's last day. */
  function addMonths(day, n) {
    var c = civil(day);
    var index = c[0] * 12 + (c[1] - 1) + n;
    var y = Math.floor(index / 12), m = index - y * 12 + 1;
    return daysFromCivil(y, m, Math.min(c[2], monthLength(y, m))) - EPOCH;
  }

  /** The day one step of speed ('day', 'week', 'month' or a whole day count) away; null if unknown. */
  function stepDay(day, speed, direction) {
    var dir = direction == null ? 1 : direction;
    if (speed === 'month') return addMonths(day, dir);
    var days = speed === 'day' ? 1 : speed === 'week' ? 7 : speed;
    return Number.isInteger(days) ? day + dir * days : null;
  }

  // ----------------------------------------------------------------------------- motion
  /** x rounded to n decimals as Python's round(x, n) does (exact decimal rounding). */
  function round(x, n) { return Number(x.toFixed(n)); }

  /** [lon, lat] of a unit on day along its track [[day, lon, lat, gapFrom?], ...]; null before
   * it, after end, and in a gap: a waypoint with a 4th number is where the sources last place
   * the unit (until that day) before its position is unknown until the next waypoint. */
  function positionAt(track, end, day, transit) {
    if (!track.length || day < track[0][0] || day > end) return null;
    for (var i = 0; i + 1 < track.length; i++) {
      var a = track[i], b = track[i + 1];
      if (a[0] <= day && day < b[0]) {
        if (a[3] != null) return day <= a[3] ? [a[1], a[2]] : null;
        var depart = transit == null ? a[0] : Math.max(a[0], b[0] - transit);
        if (day <= depart) return [a[1], a[2]];
        var f = (day - depart) / (b[0] - depart);
        return [a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
      }
    }
    var last = track[track.length - 1];
    return [last[1], last[2]];
  }

  /** Fractions (0 to 1, 4 decimals) of the way along a lon/lat polyline at each vertex. */
  function cumulative(path) {
    var lengths = [0], rad = Math.PI / 180;
    for (var i = 1; i < path.length; i++) {
      var x0 = path[i - 1][0], y0 = path[i - 1][1], x1 = path[i][0], y1 = path[i][1];
      var k = Math.cos((y0 + y1) / 2 * rad);
      lengths.push(lengths[i - 1] + Math.hypot((x1 - x0) * k, y1 - y0));
    }
    var total = lengths[lengths.length - 1] || 1;
    return lengths.map(function (l) { return round(l / total, 4); });
  }

  /** [lon, lat] fraction (0 to 1) of the way along path, whose vertex fractions are cum. */
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

  /** How far along its route (0 to 1) a shipment travelling start..end is on day; null outside. */
  function travelFraction(start, end, day) {
    if (day < start || day > end) return null;
    return end === start ? 1 : (day - start) / (end - start);
  }

  /** The latest known strength on or before day from [[day, men|null], ...]; else the first known. */
  function strengthAt(strengths, day) {
    var current = null, first = null;
    for (var i = 0; i < strengths.length; i++) {
      var s = strengths[i][1];
      if (s && first === null) first = s;
      if (strengths[i][0] <= day && s) current = s;
    }
    return current || first;
  }

  /** Marker radius in pixels of a unit of strength men (square-root scale, 2 decimals). */
  function unitRadius(strength, spec) {
    if (!strength || strength <= 0) return spec.unknown_radius;
    var r = spec.min_radius + spec.per_sqrt_thousand * Math.sqrt(strength / 1000);
    return round(Math.min(Math.max(r, spec.min_radius), spec.max_radius), 2);
  }

  /** 0: not shown; 1: shown faded (up to before days ahead, after days behind); 2: happening. */
  function eventPhase(start, end, day, before, after) {
    if (start <= day && day <= end) return 2;
    return start - before <= day && day <= end + after ? 1 : 0;
  }

  // ----------------------------------------------------------------------------- frames
  //
  // Moving things are drawn from frames [from, to, lon, lat, radius]: every position a unit
  // or shipment takes, each valid over a range of days (a stay at a waypoint is one frame, a
  // day in transit is one frame). Frames are in day order and do not overlap.

  /** Appends the frame [from, to, p[0], p[1], r] to frames, merged into the last one when equal. */
  function addFrame(frames, from, to, p, r) {
    if (from > to) return;
    var last = frames[frames.length - 1];
    if (last && last[1] === from - 1 && last[2] === p[0] && last[3] === p[1] && last[4] === r) {
      last[1] = to;
    } else {
      frames.push([from, to, p[0], p[1], r]);
    }
  }

  /** The frames of a unit: its track [[day, lon, lat, gapFrom?], ...], strengths, last day,
   * transit and radius spec; no frame in a gap. */
  function unitFrames(track, strengths, end, transit, radiusSpec) {
    var out = [];
    for (var k = 0; k < track.length; k++) {
      var a = track[k], b = track[k + 1];
      var r = unitRadius(strengthAt(strengths, a[0]), radiusSpec);
      if (b && a[3] != null) {  // a gap: drawn until the sources lose it, then not at all
        addFrame(out, a[0], Math.min(a[3], b[0] - 1, end), [a[1], a[2]], r);
        continue;
      }
      var stay = b ? Math.max(a[0], b[0] - (transit == null ? b[0] - a[0] : transit)) : end;
      if (b && stay >= b[0]) stay = b[0] - 1;
      addFrame(out, a[0], Math.min(stay, end), [a[1], a[2]], r);
      for (var d = stay + 1; b && d < b[0] && d <= end; d++) {
        addFrame(out, d, d, positionAt(track, end, d, transit), r);
      }
    }
    return out;
  }

  /** The frames of a shipment along path (vertex fractions cum) from day start to day end. */
  function shipmentFrames(path, cum, start, end, radius) {
    var out = [];
    for (var d = start; d <= end; d++) {
      addFrame(out, d, d, pointAlong(path, cum, travelFraction(start, end, d)), radius);
    }
    return out;
  }

  /** The one frame of an event at lonlat, shown from before days ahead to after days behind. */
  function eventFrames(lonlat, start, end, before, after, radius) {
    var out = [];
    addFrame(out, start - before, end + after, lonlat, radius);
    return out;
  }

  /** The index of the frame of frames current on day, or -1 (binary search). */
  function frameAt(frames, day) {
    var lo = 0, hi = frames.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (frames[mid][0] <= day) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found >= 0 && day <= frames[found][1] ? found : -1;
  }

  // -------------------------------------------------------------------------- URL state
  var KEYS = ['date', 'lang', 'layers', 'view'];
  var MAX_NOTICES = 10, MAX_SHOWN = 40;
  var NUMBER = /^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$/;

  /** A value from the URL as a notice shows it: quoted, at most MAX_SHOWN characters. */
  function shown(value) {
    return "'" + (value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN - 1) + '…' : value) + "'";
  }

  /** A query-string component decoded as a form does ('+' is a space); raw if malformed. */
  function decode(s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
    s = s.replace(/\+/g, ' ');
    try { return decodeURIComponent(s); } catch (e) { return s; }
  }

  /** {lon, lat, zoom} of `lon,lat,zoom`, or a string saying why not. */
  function readView(value) {
    var parts = value.split(',');
    if (parts.length !== 3 || !parts.every(function (p) { return NUMBER.test(p); })) {
      return 'expected three numbers lon,lat,zoom';
    }
    var lon = +parts[0], lat = +parts[1], zoom = +parts[2];
    if (!(lon >= -180 && lon <= 180 && lat >= -85 && lat <= 85 && zoom >= 0 && zoom <= 22)) {
      return 'expected -180 ≤ lon ≤ 180, -85 ≤ lat ≤ 85 and 0 ≤ zoom ≤ 22';
    }
    return {lon: lon, lat: lat, zoom: zoom};
  }

  /** The page state of a query string and one notice per ignored part: ctx {first, last, langs, layers}. */
  function parseQuery(search, ctx) {
    var state = {day: null, lang: null, layers: null, view: null};
    var seen = new Map(), notices = [], extra = 0;
    // One notice prefix + shown(value) + suffix, once per prefix and value; the text is made
    // only for the notices shown, so that a huge query costs one Set entry per value.
    function notice(prefix, value, suffix) {
      var done = seen.get(prefix);
      if (!done) seen.set(prefix, done = new Set());
      if (done.has(value)) return;
      done.add(value);
      if (notices.length < MAX_NOTICES) notices.push(prefix + shown(value) + (suffix || ''));
      else extra++;
    }
    // One pass over the parts: unknown keys get their notice at once; a known key repeated
    // keeps its last value (as Python's parse_qs did), read after the pass.
    var values = {}, parts = String(search || '').replace(/^\?/, '').split('&');
    for (var i = 0; i < parts.length; i++) {
      if (!parts[i]) continue;
      var eq = parts[i].indexOf('=');
      var key = decode(eq < 0 ? parts[i] : parts[i].slice(0, eq));
      if (KEYS.indexOf(key) < 0) notice('unknown parameter ', key);
      else values[key] = eq < 0 ? '' : parts[i].slice(eq + 1);
    }
    KEYS.forEach(function (key) {
      if (!(key in values)) return;
      var value = decode(values[key]).trim();
      if (key === 'date') {
        var day = dayNumber(value);
        if (day === null) {
          notice('date=', value, ': not a real day as YYYY-MM-DD');
        } else if (day < ctx.first || day > ctx.last) {
          notice('date=', value, ': outside ' + isoDate(ctx.first) + ' – ' + isoDate(ctx.last));
        } else {
          state.day = day;
        }
      } else if (key === 'lang') {
        if (ctx.langs.indexOf(value) >= 0) state.lang = value;
        else notice('lang=', value, ': expected one of ' + ctx.langs.join(', '));
      } else if (key === 'layers') {
        state.layers = readLayers(value, ctx.layers, notice);
      } else {
        var view = readView(value);
        if (typeof view === 'string') notice('view=', value, ': ' + view);
        else state.view = view;
      }
    });
    if (extra) {
      extra += 1;
      notices[MAX_NOTICES - 1] = '…and ' + extra + ' more';
    }
    return {state: state, notices: notices};
  }

  /** The known layer ids asked for in `a,b,c`; [] for none asked, null (defaults) for only unknown ones. */
  function readLayers(value, known, notice) {
    var asked = value.split(','), out = [], taken = new Set(), unknown = [];
    for (var i = 0; i < asked.length; i++) {
      var id = asked[i].trim();
      if (!id) continue;
      if (known.indexOf(id) >= 0) {
        if (!taken.has(id)) { taken.add(id); out.push(id); }
      } else {
        unknown.push(id);
      }
    }
    if (unknown.length && !out.length) {
      notice('layers=', value, ': no known layer, the default layers are kept (known: ' +
             known.join(', ') + ')');
      return null;
    }
    for (var k = 0; k < unknown.length; k++) notice('layers: unknown layer ', unknown[k], ' ignored');
    return out;
  }

  /** A view number as the URL writes it: 4 decimals at most, no trailing zeros. */
  function viewNumber(v) {
    var s = String(round(v, 4));
    return s === '-0' ? '0' : s;
  }

  /** The query string `?date=&lang=&layers=a,b&view=lon,lat,zoom` of a state; null keys are left out. */
  function toQuery(state) {
    var q = [];
    if (state.day != null) q.push('date=' + isoDate(state.day));
    if (state.lang != null) q.push('lang=' + encodeURIComponent(state.lang));
    if (state.layers != null) q.push('layers=' + state.layers.map(encodeURIComponent).join(','));
    if (state.view != null) {
      q.push('view=' + [state.view.lon, state.view.lat, state.view.zoom].map(viewNumber).join(','));
    }
    return q.length ? '?' + q.join('&') : '';
  }

  // ------------------------------------------------------------------------ key moments
  /** The index in sorted days of the last moment at or before day; 0 before all; -1 for none. */
  function momentAt(days, day) {
    if (!days.length) return -1;
    var lo = 0, hi = days.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (days[mid] <= day) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /** A date (ISO day) as people write it at `precision` ('year', 'month', 'day') in `lang`:
   * "20 August 1939", "August 1939", "1939"; 1939年8月20日 in zh and ja. `months` are the
   * English month names (the scene's strings). Python's format_date writes the same. */
  function formatDate(iso, precision, lang, months) {
    var c = civil(dayNumber(iso)), y = c[0], m = c[1], d = c[2];
    if (lang === 'zh' || lang === 'ja') {
      return y + '年' + (precision !== 'year' ? m + '月' : '') + (precision === 'day' ? d + '日' : '');
    }
    if (precision === 'year') return String(y);
    var month = months[m - 1] + ' ' + y;
    return precision === 'month' ? month : d + ' ' + month;
  }

  /** A count as the atlas writes it in every language: 7950 -> '7,950' ('' for none). */
  function formatCount(n) {
    if (n === null || n === undefined || n === '') return '';
    var s = String(Math.round(Math.abs(n))), out = '';
    while (s.length > 3) { out = ',' + s.slice(-3) + out; s = s.slice(0, -3); }
    return (n < 0 ? '-' : '') + s + out;
  }

  var CORE = {
    dayNumber: dayNumber, civil: civil, isoDate: isoDate, addMonths: addMonths, stepDay: stepDay,
    positionAt: positionAt, cumulative: cumulative, pointAlong: pointAlong,
    travelFraction: travelFraction, strengthAt: strengthAt, unitRadius: unitRadius,
    eventPhase: eventPhase,
    unitFrames: unitFrames, shipmentFrames: shipmentFrames, eventFrames: eventFrames,
    frameAt: frameAt,
    parseQuery: parseQuery, toQuery: toQuery,
    momentAt: momentAt, formatCount: formatCount, formatDate: formatDate
  };
  if (typeof module !== 'undefined' && module.exports) module.exports = CORE;
  else root.FEA_CORE = CORE;
})(typeof window !== 'undefined' ? window : this);
