/* Far East Atlas: the page's Import panel (components/page/import_panel.py).
 *
 * A file dropped or chosen is POSTed to /import (components/page/imports.py), which parses it
 * and keeps nothing; the pack it answers is kept in this browser's IndexedDB (a reload keeps
 * it; 50,000 rows do not fit localStorage) and handed to the engine (atlas.setPacks, drawn by
 * fea-3-packs.js). Each pack gets a row: its colour (its legend entry), a toggle, its
 * counts, "Share link" (POST /pack: a link and a delete link) and "Remove". The details of an
 * imported feature are made here, from the pack: the server keeps no reader's data.
 * `?pack=<hash>` opens a shared pack (GET /pack/<hash>.json).
 *
 * Everything of a pack is set as text (textContent), never as HTML. */
(function (root) {
  'use strict';
  var DB = 'fea-imports', STORE = 'packs';
  var IDS = {panel: 'import-panel', heading: 'import-heading', drop: 'import-drop', file: 'import-file',
             choose: 'import-choose', template: 'import-template', list: 'import-list',
             report: 'import-report', details: 'import-details', slider: 'time-slider'};
  var ACCEPT = '.csv,.tsv,.txt,.xlsx,.ods,.json,.geojson,.jsonld,.jsonl,.ndjson';
  var EVENT_MARK = {color: '#c81e1e', fontSize: '.6rem', top: '-1.05rem', bottom: 'auto'};
  var SHARED = sharedHash();
  var A = null, SCENE = null, records = [], lastReport = null;

  function el(id) { return document.getElementById(id); }
  function lang() { return A ? A.getState().lang : 'en'; }
  function word(key, vars) {
    var s = SCENE && SCENE.strings[key] ? (SCENE.strings[key][lang()] || SCENE.strings[key].en) : key;
    Object.keys(vars || {}).forEach(function (k) { s = s.replace('{' + k + '}', vars[k]); });
    return s;
  }
  function make(tag, text, cls) {
    var n = document.createElement(tag);
    if (text != null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }

  // ?pack=<hash>: read, then taken off the URL before the engine reads the rest of it.
  function sharedHash() {
    var m = /[?&]pack=([0-9a-f]{64})(?:&|$)/.exec(root.location.search);
    if (!m) return null;
    var rest = root.location.search.replace(/([?&])pack=[0-9a-f]{64}&?/, '$1').replace(/[?&]$/, '');
    try { root.history.replaceState(root.history.state, '', rest || root.location.pathname); } catch (e) { /* */ }
    return m[1];
  }

  // ------------------------------------------------------------------------- IndexedDB
  function db() {
    return new Promise(function (resolve, reject) {
      var req = root.indexedDB.open(DB, 1);
      req.onupgradeneeded = function () { req.result.createObjectStore(STORE, {keyPath: 'key'}); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }
  function tx(mode, fn) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction(STORE, mode), out = fn(t.objectStore(STORE));
        t.oncomplete = function () { d.close(); resolve(out && out.result); };
        t.onerror = function () { d.close(); reject(t.error); };
      });
    });
  }
  var saved = {
    all: function () { return tx('readonly', function (s) { return s.getAll(); }); },
    put: function (rec) { return tx('readwrite', function (s) { s.put(rec); }); },
    remove: function (key) { return tx('readwrite', function (s) { s.delete(key); }); }
  };

  // ------------------------------------------------------------------- packs and engine
  function apply(fit) {
    records.sort(function (a, b) { return a.added - b.added; });
    A.setPacks(records.map(function (r) { return {key: r.key, pack: r.pack, hidden: !!r.hidden}; }));
    slider();
    renderList();
    if (fit) {
      var F = A.packs().filter(function (x) { return x.key === fit; })[0], day = A.getState().day;
      if (F && F.span && (day < F.span[0] || day > F.span[1])) A.setDay(F.span[0]);
      A.fitPacks();
    }
  }

  // The slider covers the packs: its bounds and marks follow the widened span.
  function slider() {
    var span = SCENE.span, frags = A.packs();
    var marks = root.FEA_PACKDATA.sliderMarks(SCENE, frags, span.first_day, span.last_day, EVENT_MARK);
    root.dash_clientside.set_props(IDS.slider, {min: span.first_day, max: span.last_day, marks: marks});
  }

  function add(pack, report, key) {
    var rec = {key: key || 'p' + Date.now().toString(36) + Math.random().toString(36).slice(2, 6),
               pack: pack, report: report || null, hidden: false, added: Date.now()};
    records = records.filter(function (r) { return r.key !== rec.key; }).concat([rec]);
    apply(rec.key);
    return saved.put(rec).catch(function (err) { showError(pack.file || '', 'IndexedDB: ' + err); });
  }

  function upload(file) {
    var form = new FormData();
    form.append('file', file, file.name);
    showReport({reading: file.name});
    return fetch('import', {method: 'POST', body: form}).then(function (res) {
      return res.json().catch(function () { return {error: file.name + ': HTTP ' + res.status}; });
    }).then(function (body) {
      if (body.error) { showError(file.name, body.error); return; }
      showReport(body.report);
      if (body.pack.features.length) return add(body.pack, body.report);
    }).catch(function (err) { showError(file.name, String(err)); });
  }

  function openShared(hash) {
    return fetch('pack/' + hash + '.json').then(function (res) { return res.json(); }).then(function (body) {
      if (body.error) { showError(hash.slice(0, 12), body.error); return; }
      return add(body, null, 'shared-' + hash.slice(0, 16));
    }).catch(function (err) { showError(hash.slice(0, 12), String(err)); });
  }

  function share(rec, out) {
    out.textContent = '…';
    return fetch('pack', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(rec.pack)})
      .then(function (res) { return res.json(); }).then(function (body) {
        out.textContent = '';
        if (body.error) { out.appendChild(make('span', body.error, 'import-error')); return; }
        rec.share = body;
        [[word('import_shared', {days: body.days}), body.url, 'import-share-url'],
         [word('import_delete_link'), body['delete'], 'import-delete-url']].forEach(function (x) {
          var label = make('label', x[0] + ' '), input = make('input', null, x[2]);
          input.readOnly = true;
          input.value = x[1];
          label.appendChild(input);
          out.appendChild(label);
        });
      }).catch(function (err) { out.textContent = String(err); });
  }

  // ------------------------------------------------------------------------ the panel
  function problemLine(p, kind) {
    var where = ['row', 'line', 'feature', 'slide'].filter(function (k) { return p[k] != null; })
      .map(function (k) { return word('import_' + k) + ' ' + p[k]; })[0];
    return [kind === 'warning' ? word('import_warning') : '', where, p.field].filter(Boolean).join(', ') + ': ' + p.message;
  }

  function showReport(report) {
    var box = el(IDS.report);
    if (!box) return;
    lastReport = report;
    box.textContent = '';
    if (report.reading) { box.appendChild(make('p', word('import_reading') + ' ' + report.reading + '…')); return; }
    box.appendChild(make('p', report.file + ': ' + word('import_result', {n: report.features, m: report.skipped}),
                         'import-summary'));
    var problems = (report.errors || []).map(function (p) { return problemLine(p, 'error'); })
      .concat((report.warnings || []).map(function (p) { return problemLine(p, 'warning'); }));
    if (!problems.length) return;
    var list = make('ul', null, 'import-problems');
    problems.slice(0, 200).forEach(function (t) { list.appendChild(make('li', t)); });
    if (problems.length > 200) list.appendChild(make('li', '… ' + (problems.length - 200)));
    box.appendChild(list);
  }

  function showError(file, message) {
    var box = el(IDS.report);
    if (!box) return;
    box.textContent = '';
    box.appendChild(make('p', word('import_failed') + ': ' + (message.indexOf(file) >= 0 ? message : file + ': ' + message),
                         'import-error'));
  }

  function renderList() {
    var list = el(IDS.list);
    if (!list) return;
    list.textContent = '';
    A.packs().forEach(function (F) {
      var rec = records.filter(function (r) { return r.key === F.key; })[0];
      var li = make('li', null, 'import-pack'), head = make('div', null, 'legend-row');
      li.dataset.key = F.key;
      var toggle = make('input');
      toggle.type = 'checkbox';
      toggle.checked = !rec.hidden;
      toggle.className = 'import-toggle';
      toggle.setAttribute('aria-label', word('import_show') + ': ' + F.name);
      toggle.addEventListener('change', function () {
        rec.hidden = !toggle.checked;
        saved.put(rec);
        apply(null);
      });
      var swatch = make('span', null, 'swatch');
      swatch.style.background = F.color;
      var n = (F.pack.features || []).length;
      head.appendChild(toggle);
      head.appendChild(swatch);
      head.appendChild(make('span', F.name + ' (' + n + ')', 'import-name'));
      var remove = make('button', word('import_remove'), 'import-remove');
      remove.addEventListener('click', function () {
        records = records.filter(function (r) { return r.key !== F.key; });
        saved.remove(F.key);
        apply(null);
        details(null);  // its details go with it
      });
      var out = make('div', null, 'import-share-out'), shareButton = make('button', word('import_share'), 'import-share');
      shareButton.addEventListener('click', function () { share(rec, out); });
      head.appendChild(shareButton);
      head.appendChild(remove);
      li.appendChild(head);
      if (F.tour.length) li.appendChild(tour(F));
      li.appendChild(out);
      list.appendChild(li);
    });
  }

  // A StoryMap's slides: a guided tour, a button a stop (its day, its place, its text).
  function tour(F) {
    var box = make('div', null, 'import-tour'), C = root.FEA_CORE;
    F.tour.forEach(function (stop, i) {
      var b = make('button', (i + 1) + '. ' + root.FEA_PACKDATA.pickName(stop.names, lang()), 'import-stop');
      b.addEventListener('click', function () {
        var day = C.dayNumber(stop.start);
        if (day !== null) A.setDay(day);
        if (stop.center) A.setView({lon: stop.center[0], lat: stop.center[1], zoom: stop.zoom != null ? Math.min(stop.zoom, 9) : 6});
        details({layer: 'pack', id: 'pack:' + F.key + ':' + stop.id});
      });
      box.appendChild(b);
    });
    return box;
  }

  function relabel() {
    [['heading', 'import_heading'], ['choose', 'import_choose'], ['template', 'import_template']].forEach(function (x) {
      var n = el(IDS[x[0]]);
      if (n) n.textContent = word(x[1]);
    });
    var hint = document.querySelector('#' + IDS.drop + ' .import-hint');
    if (hint) hint.textContent = word('import_drop');
    renderList();
    if (lastReport && !lastReport.reading) showReport(lastReport);
    if (shown) details(shown, true);
  }

  // ------------------------------------------------------------------- details (in the browser)
  // The pick whose details are shown, made again in the new language when it changes.
  var shown = null;
  function details(picked, again) {
    var box = el(IDS.details), pick = picked && picked.layer === 'pack' && root.FEA_PACKDATA.parsePick(picked.id);
    if (!box) return;
    shown = pick ? picked : null;
    box.textContent = '';
    box.hidden = !pick;
    if (!pick) return;
    // made by the engine's one maker, shared with the standalone export (fea-3-packdetails.js)
    var made = root.FEA_PACKDETAILS.build(A.packs(), picked.id, lang(), SCENE);
    if (!made) { box.hidden = true; return; }
    box.appendChild(made);
    if (!again && root.matchMedia && !root.matchMedia('(prefers-reduced-motion: reduce)').matches) box.scrollIntoView({block: 'nearest'});
  }

  // "On this day" lines of imported rows (their buttons' Dash ids hold "pack|pack:<key>:<id>")
  function onThisDayClick(ev) {
    var b = ev.target && ev.target.closest && ev.target.closest('button.otd-pack');
    if (!b) return;
    try { details({layer: 'pack', id: JSON.parse(b.id).index.split('|').slice(1).join('|')}); } catch (e) { /* */ }
  }

  // ---------------------------------------------------------------------------- wiring
  function wire() {
    var drop = el(IDS.drop), choose = el(IDS.choose);
    if (!drop || !choose) return false;
    var input = make('input', null, 'visually-hidden');  // Dash has no <input type=file>
    input.type = 'file';
    input.id = IDS.file;
    input.multiple = true;
    input.accept = ACCEPT;
    input.tabIndex = -1;
    input.setAttribute('aria-hidden', 'true');
    drop.appendChild(input);
    choose.addEventListener('click', function () { input.click(); });
    input.addEventListener('change', function () {
      Array.prototype.reduce.call(input.files, function (p, f) { return p.then(function () { return upload(f); }); },
                                  Promise.resolve()).then(function () { input.value = ''; });
    });
    ['dragenter', 'dragover'].forEach(function (t) {
      drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.add('dragging'); });
    });
    drop.addEventListener('dragleave', function () { drop.classList.remove('dragging'); });
    drop.addEventListener('drop', function (ev) {
      ev.preventDefault();
      drop.classList.remove('dragging');
      Array.prototype.reduce.call(ev.dataTransfer.files, function (p, f) { return p.then(function () { return upload(f); }); },
                                  Promise.resolve());
    });
    document.addEventListener('click', onThisDayClick);
    return true;
  }

  function start() {
    A = root.FEA && root.FEA.page;
    if (!A || !el(IDS.list) || !A.map()) { setTimeout(start, 100); return; }
    SCENE = A.scene;
    wire();
    A.onSelect(details);
    A.onChange(function (st, what) { if (what === 'lang') relabel(); });
    relabel();
    // once the page's first drawing is done (its linked view applied), so that a fit stays
    A.idle(120000).catch(function () { /* drawn late: go on */ }).then(function () {
      return saved.all();
    }).then(function (all) {
      records = all || [];
      if (records.length) apply(null);
      if (SHARED) return openShared(SHARED);
    }).catch(function (err) { showError('IndexedDB', String(err)); }).then(function () {
      root.FEA_IMPORT.ready = true;
    });
  }

  root.FEA_IMPORT = {ready: false, upload: upload, records: function () { return records; }};
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  }
})(typeof window !== 'undefined' ? window : this);
