/* Far East Atlas engine: the details of an imported feature, made in the browser from its pack.
 *
 * One maker for every page that shows packs: the app's import panel (fea-9-import.js) and the
 * standalone export (components/export/js/standalone.js). The server keeps no reader's data,
 * so nothing of a pack has details made in advance: they are made here, from the fragment the
 * engine draws (fea-3-packdata.js). Names in the language, dates with their precision (and
 * "~" when approximate), the reader's note and source (document, row/line/feature/slide,
 * quote, citation), marked as theirs.
 *
 * Nothing of a pack is ever read as HTML: every piece is a text node (textContent).
 *
 * FEA_PACKDETAILS.build(fragments, pickId, lang, scene, doc) -> a DocumentFragment, or null
 *   when `pickId` ('pack:<key>:<feature id>') is no feature of `fragments`. */
(function (root) {
  'use strict';
  var SOURCE_KEYS = ['row', 'line', 'feature', 'slide'];
  var NODE = typeof module !== 'undefined' && module.exports;

  function build(fragments, pickId, lang, scene, doc) {
    var D = NODE ? require('./fea-3-packdata.js') : root.FEA_PACKDATA;
    var C = NODE ? require('./fea-1-core.js') : root.FEA_CORE, pick = D.parsePick(pickId);
    doc = doc || root.document;
    if (!pick) return null;
    var F = (fragments || []).filter(function (x) { return x.key === pick.key; })[0], p = F && F.props[pick.id];
    if (!p) return null;

    function word(key) {
      var s = scene.strings[key];
      return s ? (s[lang] || s.en) : key;
    }
    function make(tag, text, cls) {
      var n = doc.createElement(tag);
      if (text != null) n.textContent = String(text);
      if (cls) n.className = cls;
      return n;
    }
    var months = [];
    for (var m = 1; m <= 12; m++) months.push(word('month_' + m));
    function when(q) {
      if (q.precision === 'none') return '—';
      var s = C.formatDate(q.start, q.precision || 'day', lang, months);
      var e = C.formatDate(q.end || q.start, q.precision || 'day', lang, months);
      return (s === e ? s : s + ' – ' + e) + (q.approximate ? ' (~)' : '');
    }

    var out = doc.createDocumentFragment();
    out.appendChild(make('h3', D.pickName(p.names, lang), 'details-title'));
    // a moving unit: every observation of it, each with its date and its source
    var item = F.items.filter(function (x) { return x.id === pick.id; })[0];
    var steps = item && item.waypoints ? item.waypoints.map(function (w) { return F.props[w]; }) : [p];
    var facts = make('dl', null, 'details-facts');
    function fact(k, v) {
      if (v == null || v === '') return;
      facts.appendChild(make('dt', k));
      facts.appendChild(make('dd', v));
    }
    fact(word('dates'), steps.map(when).join('\n'));
    fact(word('import_timeline'), p.layer === 'timeline' ? '✓' : null);
    fact(word('strength'), typeof p.strength === 'number' ? C.formatCount(p.strength) : null);
    fact(word('import_note'), p.note);  // the reader's note, not the atlas'
    fact(word('import_geocoded'), p.geocoded_from ? p.geocoded_from + (p.confidence != null ? ' (' + p.confidence + ')' : '') : null);
    fact(word('import_links'), (p.links || []).join('\n'));  // plain text: nothing is loaded
    out.appendChild(facts);
    out.appendChild(make('h4', word('import_source')));
    var sources = make('ul', null, 'details-sources');
    steps.forEach(function (q) {
      (q.source || []).forEach(function (s) {
        var where = SOURCE_KEYS.filter(function (k) { return s[k] != null; })
          .map(function (k) { return word('import_' + k) + ' ' + s[k]; })[0];
        var li = make('li', [s.document || F.file, where].filter(Boolean).join(', ') + ': ');
        li.appendChild(make('q', s.quote || ''));
        if (s.cite) { li.appendChild(doc.createTextNode(' ')); li.appendChild(make('cite', s.cite)); }  // LPF's citation
        sources.appendChild(li);
      });
    });
    out.appendChild(sources);
    return out;
  }

  if (NODE) module.exports = {build: build};
  else root.FEA_PACKDETAILS = {build: build};
})(typeof window !== 'undefined' ? window : this);
