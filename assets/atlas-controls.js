/* Far East Atlas: the page's controls, in the browser (used with atlas.js).
 *
 * ArrowLeft/ArrowRight step the time slider from anywhere on the page; Dash's clientside
 * callbacks (namespace `atlas`) reduce the timeline's inputs (slider, Play, speed, steps,
 * period buttons, deep links) to a day, and apply the layer switches and the language to the
 * map. They work the map through window.FEA_MAP (atlas.js), looked up when they run.
 */
(function () {
  'use strict';

  // Looked up when called: the page loads this file before atlas-time.js and atlas.js.
  function mapApi() { return window.FEA_MAP; }
  function isoDate(day) { return window.FEA_TIME.isoDate(day); }
  function stepDay(day, speed, n) { return window.FEA_TIME.stepDay(day, speed, n); }

  // ---------------------------------------------------------------- keyboard on the slider
  document.addEventListener('keydown', function (ev) {
    var M = mapApi();
    if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
    var active = document.activeElement, slider = document.getElementById('time-slider');
    var onPage = !active || active === document.body;
    var inSlider = slider && slider.contains(active) && active.getAttribute('role') !== 'slider';
    if (!onPage && !inSlider) return;
    var thumb = slider && slider.querySelector('[role=slider]');
    var now = thumb ? +thumb.getAttribute('aria-valuenow') : M.state.day;
    var min = thumb ? +thumb.getAttribute('aria-valuemin') : -Infinity;
    var max = thumb ? +thumb.getAttribute('aria-valuemax') : Infinity;
    var next = Math.min(Math.max(now + (ev.key === 'ArrowRight' ? 1 : -1), min), max);
    ev.preventDefault();
    window.dash_clientside.set_props('time-slider', {value: next});
  });

  // ------------------------------------------------------------------ clientside callbacks
  function triggered() {
    var t = window.dash_clientside.callback_context.triggered || [];
    return t.length ? t[0].prop_id : '';
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {atlas: {
    timeline: function (value, play, ticks, speed, back, fwd, periods, jump, lang, state, cfg) {
      var M = mapApi();
      var s = Object.assign({}, state), id = triggered(), day = s.day, nu = window.dash_clientside.no_update;
      M.state.cfg = cfg;
      if (id === 'time-slider.value' && value !== null && value !== undefined) day = value;
      else if (id === 'play.n_clicks') {
        s.playing = !s.playing;
        if (s.playing && day >= s.max) day = s.min;
      } else if (id === 'play-timer.n_intervals' && s.playing) {
        day = stepDay(day, s.speed, 1);
        if (day >= s.max) { day = s.max; s.playing = false; }
      } else if (id === 'speed.value') s.speed = speed;
      else if (id === 'step-back.n_clicks') day = stepDay(day, s.speed, -1);
      else if (id === 'step-forward.n_clicks') day = stepDay(day, s.speed, 1);
      else if (id.indexOf('period-button') >= 0) {
        var p = cfg.periods[JSON.parse(id.slice(0, id.lastIndexOf('.'))).index];
        day = p.day; M.setView(p.view);
      } else if (id === 'view.data' && jump) {
        if (jump.day !== null && jump.day !== undefined) day = jump.day;
        M.setView(jump.view);
      }
      s.day = Math.min(Math.max(day, s.min), s.max);
      M.applyDay(s.day);
      var word = cfg.words[s.playing ? 'pause' : 'play'][lang || 'en'];
      return [s, s.day === value ? nu : s.day, isoDate(s.day), !s.playing,
              (s.playing ? '❚❚ ' : '▶ ') + word];
    },
    layers: function (visible) {
      var M = mapApi();
      M.state.layers = visible || [];
      M.whenReady(function (gd) {
        var idx = [], vis = [];
        gd.data.forEach(function (tr, i) {
          if (!tr.meta) return;
          var want = M.state.layers.indexOf(tr.meta.layer) >= 0;
          if ((tr.visible !== false) !== want) { idx.push(i); vis.push(want); }
        });
        if (idx.length) return window.Plotly.restyle(gd, {visible: vis}, idx);
        M.refresh(false);
      });
      M.syncUrl();
    },
    language: function (lang) {
      var M = mapApi();
      var changed = M.state.lang !== null && M.state.lang !== lang;
      M.state.lang = lang;
      M.whenReady(function (gd) {
        if (!changed && (gd.layout.meta || {}).lang === lang) return;
        var idx = [], hover = [], text = [], font = [];
        gd.data.forEach(function (tr, i) {
          if (!tr.meta || !tr.meta.hover) return;
          idx.push(i);
          hover.push(tr.meta.hover[lang]);
          text.push(tr.meta.labels ? tr.meta.labels[lang] : null);
          font.push(tr.meta.fonts ? tr.meta.fonts[lang] : null);
        });
        return window.Plotly.update(gd, {hovertext: hover, text: text, 'textfont.family': font},
                             {'meta.lang': lang}, idx);
      });
      M.syncUrl();
    }
  }});
})();
