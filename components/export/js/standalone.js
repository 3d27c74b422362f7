/* Far East Atlas, standalone page: the controls Dash provides in the app, in plain DOM.
 *
 * The map itself is the app's: plotly.js draws window.FEA_DATA.figure and the app's
 * assets/atlas.js moves everything with the date, exactly as in the app. This file only
 * wires the slider, Play, the step, the layer switches, the language switch and the details
 * panel to the same `dash_clientside.atlas` functions the app's callbacks call.
 */
(function () {
  'use strict';
  var D = window.FEA_DATA, DC = window.dash_clientside;
  var $ = function (id) { return document.getElementById(id); };
  var slider = $('slider'), playButton = $('play'), speed = $('speed');
  var state = {day: D.day, min: D.min, max: D.max, speed: D.speed, playing: false};
  var lang = D.lang, timer = null, shown = null;
  DC.no_update = DC.no_update || {};
  DC.callback_context = {triggered: []};
  // atlas.js steps the slider on arrow keys, and names the border unit clicked where no
  // point is, through Dash's set_props
  DC.set_props = function (id, props) {
    if (id === 'time-slider' && props.value !== undefined) dispatch('time-slider.value', props.value);
    if (id === 'border-click' && props.data) details(props.data.id);
  };

  function dispatch(prop, value) {
    DC.callback_context.triggered = [{prop_id: prop, value: value}];
    var out = DC.atlas.timeline(value, 0, 0, speed.value, 0, 0, [], null, lang, state, D.cfg);
    state = out[0];
    slider.value = state.day;
    slider.setAttribute('aria-valuenow', state.day);
    $('current-date').textContent = out[2];
    playButton.textContent = out[4];
    if (out[3]) { clearInterval(timer); timer = null; }
    else if (!timer) timer = setInterval(function () { dispatch('play-timer.n_intervals', null); }, D.interval);
  }

  function words(key) { return D.words[key][lang] || D.words[key].en; }

  function chrome() {
    document.documentElement.lang = lang;
    $('title').textContent = words('title');
    $('subtitle').textContent = words('subtitle');
    $('layers-heading').textContent = words('layers');
    $('legend-heading').textContent = words('legend');
    $('speed-label').textContent = words('speed');
    $('legend').innerHTML = D.legend[lang];
    $('attribution').textContent = D.attribution[lang];
    playButton.textContent = (state.playing ? '❚❚ ' : '▶ ') + words(state.playing ? 'pause' : 'play');
    Array.prototype.forEach.call(speed.options, function (o) { o.textContent = words(o.value); });
    D.layers[lang].forEach(function (o) { $('layer-label-' + o.value).textContent = o.label; });
    details(shown);
  }

  function details(id) {
    shown = id;
    $('details').innerHTML = (id && D.details[id]) ? D.details[id][lang] : D.hint[lang];
  }

  function build() {
    Object.keys(D.langs).forEach(function (code) {
      var label = document.createElement('label'), input = document.createElement('input');
      input.type = 'radio'; input.name = 'lang'; input.value = code; input.checked = code === lang;
      input.addEventListener('change', function () {
        lang = code; DC.atlas.language(lang); chrome(); dispatch('time-slider.value', state.day);
      });
      label.appendChild(input); label.appendChild(document.createTextNode(' ' + D.langs[code]));
      $('lang').appendChild(label);
    });
    D.layers[lang].forEach(function (o) {
      var label = document.createElement('label'), input = document.createElement('input');
      var name = document.createElement('span');
      input.type = 'checkbox'; input.value = o.value; input.checked = D.visible.indexOf(o.value) >= 0;
      input.addEventListener('change', function () {
        var on = Array.prototype.filter.call($('layers').querySelectorAll('input'),
                                              function (i) { return i.checked; });
        DC.atlas.layers(on.map(function (i) { return i.value; }));
      });
      name.id = 'layer-label-' + o.value;
      label.appendChild(input); label.appendChild(document.createTextNode(' ')); label.appendChild(name);
      $('layers').appendChild(label);
    });
    D.speeds.forEach(function (s) {
      var o = document.createElement('option'); o.value = s; o.selected = s === D.speed;
      speed.appendChild(o);
    });
    slider.min = D.min; slider.max = D.max; slider.value = D.day;
    slider.setAttribute('aria-valuemin', D.min);
    slider.setAttribute('aria-valuemax', D.max);
    slider.addEventListener('input', function () { dispatch('time-slider.value', +slider.value); });
    playButton.addEventListener('click', function () { dispatch('play.n_clicks', null); });
    speed.addEventListener('change', function () { dispatch('speed.value', speed.value); });
    chrome();
  }

  build();
  var gd = $('graph');
  window.Plotly.newPlot(gd, D.figure.data, D.figure.layout,
                        {scrollZoom: true, displaylogo: false, displayModeBar: false, responsive: true})
    .then(function () {
      gd.on('plotly_click', function (ev) {
        var p = ev && ev.points && ev.points[0];
        if (p && typeof p.customdata === 'string') details(p.customdata);
        else if (p && Array.isArray(p.customdata)) details(p.customdata[0]);
      });
      DC.atlas.layers(D.visible);
      dispatch('time-slider.value', D.day);
    });
})();
