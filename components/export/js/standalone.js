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
    $('layers-heading').textContent = word('layers', L);
    $('legend-heading').textContent = word('legend', L);
    $('speed-label').textContent = word('speed', L);
    $('legend').innerHTML = D.legend[L];
    $('attribution').textContent = scene.attribution[L];
    Array.prototype.forEach.call(speed.options, function (o) { o.textContent = word(o.value, L); });
    D.layers[L].forEach(function (o) { $('layer-label-' + o.value).textContent = o.label; });
    details(shown);
  }

  function details(id) {
    shown = id;
    $('details').innerHTML = (id && D.details[id]) ? D.details[id][lang()] : D.hint[lang()];
  }

  function onChange(st, what) {
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
