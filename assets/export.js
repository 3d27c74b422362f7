/* Far East Atlas: the PNG export of the current view, made in the browser (no server).
 *
 * The live MapLibre canvas is what the reader sees (the moving units, the lit routes and the
 * borders of the day are MapLibre layers of atlas.js, not in Plotly's figure), so it is the
 * one captured: the map is drawn once more at the chosen pixel ratio and copied in the
 * 'render' event, while WebGL's drawing buffer still holds the frame (the map is not created
 * with preserveDrawingBuffer, and Plotly.toImage would redraw the figure without those
 * layers). The copy is composed on a 2D canvas with a title band, a legend column and an
 * attribution line, all from components/snapshot.py (the store `snapshot-config`).
 */
(function () {
  'use strict';

  var CAPTURE_TIMEOUT_MS = 15000;
  var FOLLOW_DAYS = 28;  // the animation form's default span (components/layout.py)
  var AUTO = {start: null, end: null};  // what the form's dates were last set to here

  function fontStack(stack) {
    return stack.split(',').map(function (name) {
      name = name.trim();
      return /^(sans-serif|serif|monospace)$/.test(name) ? name : '"' + name + '"';
    }).join(', ');
  }

  // Draw the map once at `scale` device pixels per CSS pixel and copy it: resolves to a
  // canvas of the map's CSS size times `scale`.
  function captureMap(map, scale) {
    return new Promise(function (resolve, reject) {
      var canvas = map.getCanvas(), w = canvas.clientWidth, h = canvas.clientHeight;
      var prevRatio = map.getPixelRatio(), prevMax = map._maxCanvasSize, done = false;
      var gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
      var limit = gl ? gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) : 4096;
      // MapLibre lowers the pixel ratio of a canvas larger than maxCanvasSize (4096 by
      // default): allow up to what the GPU takes, so 4x stays 4x where it can.
      if (prevMax) map._maxCanvasSize = [Math.min(limit, Math.max(prevMax[0], w * scale)),
                                         Math.min(limit, Math.max(prevMax[1], h * scale))];
      function restore() {
        if (prevMax) map._maxCanvasSize = prevMax;
        map.setPixelRatio(prevRatio);
      }
      function copy() {
        if (done) return;
        done = true;
        clearTimeout(timer);
        try {
          var out = document.createElement('canvas');
          out.width = Math.round(w * scale);
          out.height = Math.round(h * scale);
          out.getContext('2d').drawImage(canvas, 0, 0, out.width, out.height);
          restore();
          resolve(out);
        } catch (err) {
          restore();
          reject(err);
        }
      }
      // A map that never settles (Play running) is copied as it stands after the timeout.
      var timer = setTimeout(function () { map.once('render', copy); map.triggerRepaint(); },
                             CAPTURE_TIMEOUT_MS);
      map.once('idle', function () { map.once('render', copy); map.triggerRepaint(); });
      map.setPixelRatio(scale);
    });
  }

  // Split `text` into lines no wider than `width`, breaking at spaces where it can and
  // anywhere in runs without spaces (Chinese and Japanese).
  function wrap(ctx, text, width) {
    var lines = [], line = '';
    for (var i = 0; i < text.length; i++) {
      var next = line + text[i];
      if (ctx.measureText(next).width <= width || !line) { line = next; continue; }
      var cut = line.lastIndexOf(' ');
      if (cut > line.length * 0.6) {
        lines.push(line.slice(0, cut));
        line = line.slice(cut + 1) + text[i];
      } else {
        lines.push(line);
        line = text[i] === ' ' ? '' : text[i];
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  function drawLegend(ctx, cfg, lang, visible, x, y, width, height) {
    var L = cfg.layout, font = fontStack(cfg.fonts[lang]);
    var rows = cfg.legend.filter(function (e) { return !visible || visible.indexOf(e.layer) >= 0; });
    ctx.fillStyle = L.text;
    ctx.font = 'bold ' + (L.legend_size + 2) + 'px ' + font;
    ctx.textBaseline = 'middle';
    ctx.fillText(cfg.words[lang].legend, x, y + 12);
    var top = y + 34, fit = Math.floor((height - 34) / L.legend_row) || 1;
    var columns = Math.ceil(rows.length / fit), colWidth = width / Math.max(columns, 1);
    ctx.font = L.legend_size + 'px ' + font;
    rows.forEach(function (entry, i) {
      var cx = x + Math.floor(i / fit) * colWidth, cy = top + (i % fit) * L.legend_row;
      ctx.fillStyle = entry.color;
      if (entry.shape === 'line') ctx.fillRect(cx, cy - 1.5, 18, 3);
      else { ctx.beginPath(); ctx.arc(cx + 9, cy, 5.5, 0, 2 * Math.PI); ctx.fill(); }
      ctx.fillStyle = L.text;
      ctx.fillText(entry.labels[lang] || entry.labels.en, cx + 26, cy, colWidth - 30);
    });
  }

  function drawAttribution(ctx, cfg, lang, x, y, width, height) {
    var L = cfg.layout, font = fontStack(cfg.fonts[lang]), size = L.attribution_size, lines;
    for (; size >= 7; size -= 0.5) {  // shrink until it fits the band
      ctx.font = size + 'px ' + font;
      lines = wrap(ctx, cfg.attribution[lang], width);
      if (lines.length * size * 1.35 <= height) break;
    }
    ctx.fillStyle = '#444444';
    ctx.textBaseline = 'top';
    lines.forEach(function (line, i) { ctx.fillText(line, x, y + i * size * 1.35); });
  }

  // The whole image: title band, map, legend column, attribution band.
  function compose(mapCanvas, cfg, o) {
    var L = cfg.layout, s = o.scale, font = fontStack(cfg.fonts[o.lang]), words = cfg.words[o.lang];
    var W = o.width + L.legend, H = L.header + o.height + L.footer;
    var out = document.createElement('canvas');
    out.width = W * s;
    out.height = H * s;
    var ctx = out.getContext('2d');
    ctx.scale(s, s);
    ctx.fillStyle = L.background;
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = L.band;
    ctx.fillRect(0, 0, W, L.header);
    ctx.fillStyle = L.band_text;
    ctx.textBaseline = 'alphabetic';
    ctx.font = 'bold ' + L.title_size + 'px ' + font;
    ctx.fillText(words.title, L.pad, L.pad + L.title_size - 2);
    ctx.font = L.subtitle_size + 'px ' + font;
    ctx.fillText(words.subtitle, L.pad, L.header - L.pad + 2);
    ctx.font = 'bold ' + L.date_size + 'px "DejaVu Sans Mono", monospace';
    ctx.textAlign = 'right';
    ctx.fillText(o.date, W - L.pad, L.header / 2 + L.date_size / 2 - 3);
    ctx.textAlign = 'left';
    ctx.drawImage(mapCanvas, 0, L.header, o.width, o.height);
    ctx.fillStyle = '#ddd6c8';
    ctx.fillRect(o.width, L.header, 1, o.height);
    ctx.fillRect(0, L.header + o.height, W, 1);
    drawLegend(ctx, cfg, o.lang, o.layers, o.width + L.pad, L.header + L.pad,
               L.legend - 2 * L.pad, o.height - 2 * L.pad);
    drawAttribution(ctx, cfg, o.lang, L.pad, L.header + o.height + L.pad / 2, W - 2 * L.pad,
                    L.footer - L.pad);
    return out;
  }

  function download(canvas, name) {
    return new Promise(function (resolve, reject) {
      canvas.toBlob(function (blob) {
        if (!blob) { reject(new Error('the browser could not encode the PNG')); return; }
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
        resolve(name);
      }, 'image/png');
    });
  }

  // The current view as a composed canvas: the page's day, language and visible layers.
  function snapshot(scale, lang, cfg) {
    var FEA = window.FEA, gd = FEA.graph(), map = FEA.mapOf(gd);
    if (!map) return Promise.reject(new Error('the map is not ready yet'));
    var S = FEA.state, canvas = map.getCanvas();
    var o = {scale: scale, lang: S.lang || lang || 'en', date: FEA.isoDate(S.day),
             layers: S.layers, width: canvas.clientWidth, height: canvas.clientHeight};
    return captureMap(map, scale).then(function (shot) {
      return {canvas: compose(shot, cfg, o), name: 'atlas-' + o.date + '-' + o.lang + '@' + scale + 'x.png'};
    });
  }

  // What the server needs to render the animation as the reader sees the map now.
  function viewRequest(clicks, lang) {
    var FEA = window.FEA, S = FEA.state, map = FEA.mapOf(FEA.graph());
    var request = {lang: S.lang || lang || 'en', layers: S.layers, nonce: clicks};
    if (map) {
      var c = map.getCenter(), canvas = map.getCanvas();
      request.view = {lon: c.lng, lat: c.lat, zoom: map.getZoom()};
      request.size = [canvas.clientWidth, canvas.clientHeight];
    }
    return request;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {snapshot: {
    request: function (clicks, lang) {
      return clicks ? viewRequest(clicks, lang) : window.dash_clientside.no_update;
    },
    // A job id kept in localStorage (a reload, or a new request) starts or resumes the job.
    resume: function (job) {
      return job && job.id ? job : window.dash_clientside.no_update;
    },
    // The form's dates follow the map's date (from it, four weeks on) until the reader edits
    // one of them; then that one stays as typed.
    follow: function (timeline, start, end) {
      var nu = window.dash_clientside.no_update;
      if (!timeline || timeline.day === null || timeline.day === undefined) return [nu, nu];
      var s = window.FEA.isoDate(timeline.day);
      var e = window.FEA.isoDate(Math.min(timeline.day + FOLLOW_DAYS, timeline.max));
      var out = [nu, nu];
      if (AUTO.start === null || start === AUTO.start) { if (start !== s) out[0] = s; AUTO.start = s; }
      if (AUTO.end === null || end === AUTO.end) { if (end !== e) out[1] = e; AUTO.end = e; }
      return out;
    },
    cancel: function (clicks) {
      return clicks ? null : window.dash_clientside.no_update;
    },
    png: function (clicks, scale, lang, cfg) {
      if (!clicks || !cfg) return window.dash_clientside.no_update;
      var words = cfg.words[lang] || cfg.words.en;
      return snapshot(+scale || 1, lang, cfg).then(function (shot) {
        return download(shot.canvas, shot.name);
      }).then(function (name) {
        return words.exported + ': ' + name;
      }).catch(function (err) {
        console.error('atlas export: ' + err);
        return words.export_failed + ': ' + err.message;
      });
    }
  }});

  window.FEA_SNAPSHOT = {snapshot: snapshot, captureMap: captureMap, compose: compose, wrap: wrap};
})();
