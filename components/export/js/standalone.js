/* Far East Atlas, standalone page: the engine's adapter in a page with no server.
 *
 * plotly.js draws window.FEA_DATA.figure and the engine (assets/fea-1..5-*.js) moves
 * everything with the date, exactly as in the app; this file only wires the page's plain
 * DOM controls (slider, Play, step, layers, language, details) to the engine's API.
 */
(function () {
  'use strict';
  var D = window.FEA_DATA, scene = D.scene, $ = function (id) { return document.getElementById(id); };
  var slider = $('slider'), playButton = $('play'), speed = $('speed');
  var atlas = null, shown = null;

  function word(key, lang) { return scene.strings[key][lang] || scene.strings[key].en; }
  function lang() { return atlas ? atlas.getState().lang : D.state.lang; }

  function chrome() {
    var L = lang();
    document.documentElement.lang = L;
    ['title', 'subtitle'].forEach(function (k) { $(k).textContent = word(k, L); });
    $('on-this-day-heading').textContent = word('on_this_day', L);
    $('guide-heading').textContent = word('guide', L);
    scene.periods.forEach(function (p) { $('period-' + p.id).textContent = p.labels[L]; });
    $('layers-heading').textContent = word('layers', L);
    $('legend-heading').textContent = word('legend', L);
    $('speed-label').textContent = word('speed', L);
    $('legend').innerHTML = D.legend[L];
    $('attribution').textContent = scene.attribution[L];
    Array.prototype.forEach.call(speed.options, function (o) { o.textContent = word(o.value, L); });
    D.layers[L].forEach(function (o) { $('layer-label-' + o.value).textContent = o.label; });
    details(shown);
  }

  // The details of a feature: the atlas' own are made in advance (HTML of our own making);
  // an imported one's are made by the engine from its pack, as text (fea-3-packdetails.js).
  function details(id) {
    var box = $('details'), made = null;
    shown = id;
    if (id && atlas && /^pack:/.test(id)) {
      made = window.FEA_PACKDETAILS.build(atlas.packs(), id, lang(), scene);
    }
    if (made) {
      box.textContent = '';
      box.appendChild(made);
      return;
    }
    box.innerHTML = (id && D.details[id]) ? D.details[id][lang()] : D.hint[lang()];
  }

  // On this day: the engine's list of the date, each line opening its details.
  function onThisDay() {
    var list = $('on-this-day');
    list.innerHTML = '';
    atlas.active().forEach(function (x) {
      var li = document.createElement('li'), b = document.createElement('button');
      b.type = 'button'; b.className = 'otd-link otd-' + x.layer; b.textContent = x.text;
      b.addEventListener('click', function () { details(x.id); });
      li.appendChild(b); list.appendChild(li);
    });
  }

  // The key moment of the date: the last one at or before it (the first before all of them).
  function moment() {
    var days = scene.moments.map(function (m) { return m.day; });
    var k = window.FEA_CORE.momentAt(days, atlas ? atlas.getState().day : D.state.day);
    $('guide-body').innerHTML = k < 0 ? '' : D.moments[lang()][k];
    return k;
  }

  function onChange(st, what) {
    if (what !== 'view') { onThisDay(); moment(); }
    slider.value = st.day;
    slider.setAttribute('aria-valuenow', st.day);
    slider.setAttribute('aria-valuetext', window.FEA.formatDate(st.day, st.lang, scene));
    $('current-date').textContent = window.FEA.formatDate(st.day, st.lang, scene);
    $('current-date').setAttribute('datetime', st.date);
    playButton.textContent = (st.playing ? '❚❚ ' : '▶ ') + word(st.playing ? 'pause' : 'play', st.lang);
    if (what === 'lang') chrome();
  }

  function build() {
    scene.langs.forEach(function (code) {
      var label = document.createElement('label'), input = document.createElement('input');
      input.type = 'radio'; input.name = 'lang'; input.value = code; input.checked = code === D.state.lang;
      input.addEventListener('change', function () { if (atlas) atlas.setLang(code); });
      label.appendChild(input); label.appendChild(document.createTextNode(' ' + scene.lang_labels[code]));
      $('lang').appendChild(label);
    });
    D.layers[D.state.lang].forEach(function (o) {
      var label = document.createElement('label'), input = document.createElement('input');
      var name = document.createElement('span');
      input.type = 'checkbox'; input.value = o.value; input.checked = D.state.layers.indexOf(o.value) >= 0;
      input.addEventListener('change', function () {
        var on = Array.prototype.filter.call($('layers').querySelectorAll('input'), function (i) { return i.checked; });
        if (atlas) atlas.setLayers(on.map(function (i) { return i.value; }));
      });
      name.id = 'layer-label-' + o.value;
      label.appendChild(input); label.appendChild(document.createTextNode(' ')); label.appendChild(name);
      $('layers').appendChild(label);
    });
    scene.timeline.speeds.forEach(function (s) {
      var o = document.createElement('option'); o.value = s; o.selected = s === scene.timeline.default_speed;
      speed.appendChild(o);
    });
    scene.periods.forEach(function (p) {
      var b = document.createElement('button');
      b.type = 'button'; b.className = 'period'; b.id = 'period-' + p.id;
      b.addEventListener('click', function () { if (atlas) { atlas.setDay(p.day); atlas.setView(p.view); } });
      $('periods').appendChild(b);
    });
    [['guide-prev', -1], ['guide-next', 1]].forEach(function (g) {
      $(g[0]).addEventListener('click', function () {
        if (!atlas || !scene.moments.length) return;
        var n = scene.moments.length, m = scene.moments[((moment() + g[1]) % n + n) % n];
        atlas.setDay(m.day); atlas.setView(m.view);
      });
    });
    slider.min = scene.span.first_day; slider.max = scene.span.last_day; slider.value = D.state.day;
    slider.setAttribute('aria-valuemin', scene.span.first_day);
    slider.setAttribute('aria-valuemax', scene.span.last_day);
    slider.addEventListener('input', function () { if (atlas) atlas.setDay(+slider.value); });
    playButton.addEventListener('click', function () { if (atlas) atlas.toggle(); });
    speed.addEventListener('change', function () { if (atlas) atlas.setSpeed(speed.value); });
    chrome();
  }

  build();
  var gd = $('graph');
  window.Plotly.newPlot(gd, D.figure.data, D.figure.layout,
                        {scrollZoom: true, displaylogo: false, displayModeBar: false, responsive: true})
    .then(function () {
      atlas = window.FEA.mount(gd, scene, D.state, {url: false, plotted: D.state});
      atlas.onChange(onChange).onSelect(function (picked) { details(picked ? picked.id : null); });
      window.FEA.page = atlas;
      onChange(atlas.getState(), 'init');
    });
})();
