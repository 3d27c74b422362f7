/* Far East Atlas engine: the PNG of the current view, made in the browser (no server).
 *
 * The live MapLibre canvas is what the reader sees (the engine's layers are not in Plotly's
 * figure, and Plotly.toImage would redraw the figure without them), so it is the one
 * captured: the map is drawn once more at the chosen pixel ratio and copied in the 'render'
 * event, while WebGL's drawing buffer still holds the frame. The copy is composed on a 2D
 * canvas with a title band, a legend column and an attribution line, all from the scene
 * (strings, legend, attribution, snapshot.layout). Used through the engine's snapshot().
 */
(function (root) {
  'use strict';
  var CAPTURE_TIMEOUT_MS = 15000;

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
      var prevRatio = map.getPixelRatio(), done = false;
      var restoreCap = window.FEA_PLOTLY.liftCanvasCap(map, w * scale, h * scale);
      function restore() { restoreCap(); map.setPixelRatio(prevRatio); }
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

  // A marker shape (points in a unit square) filled in the current colour at x, y, size k.
  function marker(ctx, outline, x, y, k) {
    ctx.beginPath();
    outline.forEach(function (p, i) {
      if (i) ctx.lineTo(x + p[0] * k, y + p[1] * k); else ctx.moveTo(x + p[0] * k, y + p[1] * k);
    });
    ctx.closePath();
    ctx.fill();
  }

  // The legend rows of the reader's packs on the map: each one's name in its colour
  // (components/atlas/legend.py pack_entries cuts a name as long at 60 characters).
  function packRows(packs) {
    return packs.map(function (F) {
      var name = F.name.length > 60 ? F.name.slice(0, 59).trim() + '…' : F.name;
      return {color: F.color, shape: 'dot', labels: {en: name}};
    });
  }

  function drawLegend(ctx, scene, lang, visible, packs, x, y, width, height) {
    var L = scene.snapshot.layout, font = fontStack(scene.fonts[lang]);
    var rows = scene.legend.filter(function (e) { return !visible || visible.indexOf(e.layer) >= 0; })
      .concat(packRows(packs));
    ctx.fillStyle = L.text;
    ctx.font = 'bold ' + (L.legend_size + 2) + 'px ' + font;
    ctx.textBaseline = 'middle';
    ctx.fillText(scene.strings.legend[lang], x, y + 12);
    var top = y + 34, fit = Math.floor((height - 34) / L.legend_row) || 1;
    var columns = Math.ceil(rows.length / fit), colWidth = width / Math.max(columns, 1);
    ctx.font = L.legend_size + 'px ' + font;
    rows.forEach(function (entry, i) {
      var cx = x + Math.floor(i / fit) * colWidth, cy = top + (i % fit) * L.legend_row;
      ctx.fillStyle = entry.color;
      if (entry.shape === 'line') ctx.fillRect(cx, cy - 1.5, 18, 3);
      else if (entry.shape === 'fill') ctx.fillRect(cx + 2, cy - 6, 14, 12);
      else if ((scene.markers[entry.shape] || []).length) marker(ctx, scene.markers[entry.shape], cx + 3, cy - 6, 12);
      else { ctx.beginPath(); ctx.arc(cx + 9, cy, 5.5, 0, 2 * Math.PI); ctx.fill(); }
      ctx.fillStyle = L.text;
      ctx.fillText(entry.labels[lang] || entry.labels.en, cx + 26, cy, colWidth - 30);
    });
  }

  // The scene's attribution, and the files of the reader's packs on the map: their data is theirs.
  function credit(scene, lang, packs) {
    var files = packs.map(function (F) { return F.file || F.name; }).filter(function (f, i, all) { return all.indexOf(f) === i; });
    if (!files.length) return scene.attribution[lang];
    var yours = scene.strings.import_source;
    return scene.attribution[lang] + ' ' + (yours[lang] || yours.en) + ': ' + files.join(', ') + '.';
  }

  function drawAttribution(ctx, scene, lang, packs, x, y, width, height) {
    var L = scene.snapshot.layout, font = fontStack(scene.fonts[lang]), size = L.attribution_size, lines;
    var text = credit(scene, lang, packs);
    for (; size >= 7; size -= 0.5) {  // shrink until it fits the band
      ctx.font = size + 'px ' + font;
      lines = wrap(ctx, text, width);
      if (lines.length * size * 1.35 <= height) break;
    }
    ctx.fillStyle = '#444444';
    ctx.textBaseline = 'top';
    lines.forEach(function (line, i) { ctx.fillText(line, x, y + i * size * 1.35); });
  }

  // The whole image: title band, map, legend column, attribution band.
  function compose(mapCanvas, scene, o) {
    var L = scene.snapshot.layout, s = o.scale, font = fontStack(scene.fonts[o.lang]);
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
    ctx.fillText(scene.strings.title[o.lang], L.pad, L.pad + L.title_size - 2);
    ctx.font = L.subtitle_size + 'px ' + font;
    ctx.fillText(scene.strings.subtitle[o.lang], L.pad, L.header - L.pad + 2);
    ctx.font = 'bold ' + L.date_size + 'px "DejaVu Sans Mono", monospace';
    ctx.textAlign = 'right';
    ctx.fillText(o.written, W - L.pad, L.header / 2 + L.date_size / 2 - 3);
    ctx.textAlign = 'left';
    ctx.drawImage(mapCanvas, 0, L.header, o.width, o.height);
    ctx.fillStyle = '#ddd6c8';
    ctx.fillRect(o.width, L.header, 1, o.height);
    ctx.fillRect(0, L.header + o.height, W, 1);
    drawLegend(ctx, scene, o.lang, o.layers, o.packs, o.width + L.pad, L.header + L.pad,
               L.legend - 2 * L.pad, o.height - 2 * L.pad);
    drawAttribution(ctx, scene, o.lang, o.packs, L.pad, L.header + o.height + L.pad / 2, W - 2 * L.pad,
                    L.footer - L.pad);
    return out;
  }

  /** The engine's current view as a composed canvas and its file name:
   * atlas-YYYY-MM-DD-lang@Nx.png. */
  function snapshot(engine, scale) {
    var map = engine.map();
    if (!map) return Promise.reject(new Error('the map is not ready yet'));
    var st = engine.getState(), canvas = map.getCanvas();
    var o = {scale: scale, lang: st.lang, date: st.date, layers: st.layers,
             written: root.FEA.formatDate(st.day, st.lang, engine.scene),
             width: canvas.clientWidth, height: canvas.clientHeight,
             packs: (engine.packs ? engine.packs() : []).filter(function (F) { return !F.hidden; })};
    return captureMap(map, scale).then(function (shot) {
      return {canvas: compose(shot, engine.scene, o), name: 'atlas-' + o.date + '-' + o.lang + '@' + scale + 'x.png'};
    });
  }

  root.FEA_SNAPSHOT = {snapshot: snapshot, wrap: wrap, packRows: packRows, credit: credit};
})(typeof window !== 'undefined' ? window : this);
