/* Far East Atlas: the Dash page's adapter over the engine (fea-4-engine.js).
 *
 * The only script that knows the page's component ids, and it takes them from the store the
 * layout fills from components/page/ids.py. Dash's clientside callbacks (namespace
 * `fea_page`, registered in components/page/callbacks.py) hand each control's input to the
 * engine; the engine's changes come back to the controls through dash_clientside.set_props.
 * The URL's state (?date=&lang=&layers=&view=) is read before the engine mounts, so the
 * first drawing is already the linked one. */
(function (root) {
  'use strict';
  var A = null, IDS = null, SCENE = null, lastMoment = -1, covered = null;

  function el(id) { return document.getElementById(id); }
  function set(id, props) { root.dash_clientside.set_props(id, props); }
  function nu() { return root.dash_clientside.no_update; }
  function word(key, lang) { return SCENE.strings[key][lang] || SCENE.strings[key].en; }

  function thumb() {
    var slider = el(IDS.TIME_SLIDER);
    return slider && slider.querySelector('[role=slider]');
  }

  function showNotices(notices, lang) {
    if (!notices.length) return;
    set(IDS.NOTICE, {hidden: false, children: notices.map(function (text) {
      return {type: 'P', namespace: 'dash_html_components', props: {children: word('ignored', lang) + ': ' + text}};
    })});
  }

  function momentDays() { return SCENE.moments.map(function (m) { return m.day; }); }

  // The key moment shown: the last one at or before the day (the first before all of them).
  function showMoment(day) {
    var k = root.FEA_CORE.momentAt(momentDays(), day);
    if (k === lastMoment || k < 0) return;
    SCENE.moments.forEach(function (m, i) {  // the first time, every panel; then two
      if (lastMoment < 0 || i === k || i === lastMoment) set({type: IDS.MOMENT, index: i}, {hidden: i !== k});
    });
    lastMoment = k;
  }

  // "On this day": a line per unit, event and shipment of the day, each a button that
  // opens its details; set again only when the list changes.
  var lastDay = null;
  function onThisDay(st) {
    var items = A.active(), key = st.lang + '|' + items.map(function (x) { return x.layer + ':' + x.id; }).join();
    if (key === lastDay) return;
    lastDay = key;
    set(IDS.ON_THIS_DAY_HEADING, {children: word('on_this_day', st.lang)});
    set(IDS.ON_THIS_DAY, {children: items.map(function (x) {
      var button = {type: 'Button', namespace: 'dash_html_components',
                    props: {children: x.text, className: 'otd-link otd-' + x.layer, n_clicks: 0,
                            id: {type: IDS.ON_THIS_DAY_ITEM, index: x.layer + '|' + x.id}}};
      return {type: 'Li', namespace: 'dash_html_components', props: {children: button}};
    })});
  }

  // What is not the slider itself (On this day, the timeline store the export form and the
  // details read) follows once the day rests, so that a quick scrub re-renders no panel.
  var restTimer = null;
  function afterRest(st, what) {
    clearTimeout(restTimer);
    restTimer = setTimeout(function () {
      var now = A.getState();
      onThisDay(now);  // set again only when its list changed
      set(IDS.TIMELINE, {data: {day: now.day, min: SCENE.span.first_day, max: SCENE.span.last_day,
                                speed: now.speed, playing: now.playing}});
    }, what === 'day' ? 150 : 0);
  }

  function onChange(st, what) {
    if (what === 'day' || what === 'lang' || what === 'init') {
      set(IDS.TIME_SLIDER, {value: st.day});
      set(IDS.CURRENT_DATE, {children: root.FEA.formatDate(st.day, st.lang, SCENE), dateTime: st.date});
      var t = thumb();
      if (t) t.setAttribute('aria-valuetext', root.FEA.formatDate(st.day, st.lang, SCENE));
      showMoment(st.day);
      if (covered !== A.bordersCovered()) {
        covered = A.bordersCovered();
        set(IDS.BORDERS_NOTE, {hidden: covered});
      }
    }
    if (tourTimer && ((what === 'day' && st.day !== tourDay) || (what === 'playing' && st.playing))) stopTour();
    if (what === 'lang' || what === 'init') tourButton(!!tourTimer, st.lang);
    if (what === 'playing' || what === 'lang' || what === 'init') {
      document.documentElement.lang = st.lang;
      set(IDS.PLAY, {children: (st.playing ? '❚❚ ' : '▶ ') + word(st.playing ? 'pause' : 'play', st.lang)});
    }
    if (what !== 'view') afterRest(st, what);
  }

  function onSelect(picked) {
    set(IDS.SELECTION, {data: picked});
    if (picked) {
      setTimeout(function () {
        var panel = el(IDS.DETAILS);
        var still = root.matchMedia && root.matchMedia('(prefers-reduced-motion: reduce)').matches;
        if (panel) panel.scrollIntoView({block: 'nearest', behavior: still ? 'auto' : 'smooth'});
      }, 400);
    }
  }

  // The WAI-ARIA slider keys, from anywhere on the page but text fields: every press moves
  // the engine's day at once (no waiting for the slider to re-render), so none is lost.
  function onKey(ev) {
    if (!A || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var target = ev.target, tag = (target && target.tagName) || '';
    var onThumb = target && target.getAttribute && target.getAttribute('role') === 'slider';
    if (!onThumb && (/^(INPUT|TEXTAREA|SELECT|BUTTON|SUMMARY|A)$/.test(tag) || target.isContentEditable)) return;
    var C = root.FEA_CORE, day = A.getState().day, next = null;
    switch (ev.key) {
      case 'ArrowRight': case 'ArrowUp': next = day + 1; break;
      case 'ArrowLeft': case 'ArrowDown': next = day - 1; break;
      case 'PageUp': next = C.addMonths(day, 1); break;
      case 'PageDown': next = C.addMonths(day, -1); break;
      case 'Home': next = SCENE.span.first_day; break;
      case 'End': next = SCENE.span.last_day; break;
      case ' ': case 'Spacebar': A.toggle(); break;
      default: return;
    }
    ev.preventDefault();
    ev.stopPropagation();
    if (next !== null) A.setDay(next);
  }

  // Mount the engine on the page's graph with the URL's state; returns the language, the
  // layers and the figure the URL asks for, which Dash sets as this callback's outputs.
  function start(scene, page, figure) {
    if (A || !scene || !page || !figure) return [nu(), nu(), nu()];
    SCENE = scene;
    IDS = page.ids;
    var parsed = root.FEA.fromUrl(root.location.search, scene), st = parsed.state;
    // Dash plots the figure from this callback's output, so the first drawing is already the
    // linked one, and a later plot of the same figure keeps it.
    var linked = st.view || st.day !== page.plotted.day || st.lang !== page.plotted.lang ||
      st.layers.join() !== page.plotted.layers.join();
    (function mountWhenReady() {
      var box = el(IDS.MAP), gd = box && box.querySelector('.js-plotly-plot');
      if (!gd) { setTimeout(mountWhenReady, 30); return; }
      A = root.FEA.mount(gd, scene, Object.assign({}, st, {view: null}),
                         {url: true, plotted: {lang: st.lang, layers: st.layers, day: st.day}});
      A.onChange(onChange).onSelect(onSelect);
      root.FEA.page = A;  // for tests and the benchmark
      onChange(A.getState(), 'init');
      showNotices(parsed.notices, st.lang);
    })();
    document.addEventListener('keydown', onKey, true);
    return [st.lang !== page.plotted.lang ? st.lang : nu(),
            st.layers.join() !== page.plotted.layers.join() ? st.layers : nu(),
            linked ? root.FEA.figureFor(figure, scene, st) : nu()];
  }

  function engine(fn) { return function () { if (A) fn.apply(null, arguments); }; }

  function period(clicks) {
    var id = root.dash_clientside.callback_context.triggered_id;
    if (!A || !id || !clicks || !clicks.some(Boolean)) return;
    var p = SCENE.periods.filter(function (x) { return x.id === id.index; })[0];
    if (p) { A.setDay(p.day); A.setView(p.view); }
  }

  // ------------------------------------------------------------------ the guided tour
  // The key moments one after another, each for scene.timeline.tour_ms: a teacher talks over
  // them. Any other move of the date (the slider, Play, a key) ends the tour.
  var tourTimer = null, tourDay = null;

  function tourButton(on, lang) {
    var b = el(IDS.GUIDE_TOUR);
    if (!b) return;
    b.textContent = (on ? '■ ' : '▶ ') + word(on ? 'tour_stop' : 'tour', lang);
    b.setAttribute('aria-pressed', on ? 'true' : 'false');
  }

  function stopTour() {
    clearTimeout(tourTimer);
    tourTimer = tourDay = null;
    tourButton(false, A.getState().lang);
  }

  function tourStop(k) {
    var m = SCENE.moments[k];
    if (A.getState().playing) A.pause();
    tourDay = m.day;
    A.setDay(m.day);
    A.setView(m.view);
    tourButton(true, A.getState().lang);
    tourTimer = setTimeout(function () {
      var st = A.getState();
      if (st.day !== tourDay || st.playing) return stopTour();
      if (k + 1 < SCENE.moments.length) tourStop(k + 1); else stopTour();
    }, SCENE.timeline.tour_ms);
  }

  // From the moment shown (the first before all of them); pressed again, it stops.
  function tour(clicks) {
    if (!A || !clicks || !SCENE.moments.length) return;
    if (tourTimer) return stopTour();
    var days = momentDays(), k = root.FEA_CORE.momentAt(days, A.getState().day);
    tourStop(k < 0 || k === days.length - 1 ? 0 : k);
  }

  function moment(direction) {
    return function (clicks) {
      if (!A || !clicks) return;
      var days = momentDays(), n = days.length, day = A.getState().day;
      var k = root.FEA_CORE.momentAt(days, day);
      // before the first moment, "next" goes to the first one
      var m = SCENE.moments[day < days[0] && direction > 0 ? 0 : ((k + direction) % n + n) % n];
      A.setDay(m.day);
      A.setView(m.view);
    };
  }

  // ------------------------------------------------------------------ exports in the page
  function png(clicks, scale) {
    if (!clicks || !A) return nu();
    var lang = A.getState().lang;
    return A.snapshot(+scale || SCENE.snapshot.default_scale).then(function (shot) {
      return download(shot.canvas, shot.name);
    }).then(function (name) {
      return word('exported', lang) + ': ' + name;
    }).catch(function (err) {
      console.error('atlas export: ' + err);
      return word('export_failed', lang) + ': ' + err.message;
    });
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

  // What the server needs to render the animation as the reader sees the map now.
  function animationRequest(clicks) {
    if (!clicks || !A) return nu();
    var st = A.getState(), map = A.map(), request = {lang: st.lang, layers: st.layers, nonce: clicks};
    if (map) {
      var canvas = map.getCanvas();
      request.view = st.view;
      request.size = [canvas.clientWidth, canvas.clientHeight];
    }
    return request;
  }

  // The animation form's dates follow the map's date (from it, scene.timeline.animation_days
  // on) until the reader edits one of them; then that one stays as typed.
  var AUTO = {start: null, end: null};
  function follow(timeline, startValue, endValue) {
    if (!timeline || timeline.day === null || timeline.day === undefined || !SCENE) return [nu(), nu()];
    var C = root.FEA_CORE, s = C.isoDate(timeline.day);
    var e = C.isoDate(Math.min(timeline.day + SCENE.timeline.animation_days, timeline.max));
    var out = [nu(), nu()];
    if (AUTO.start === null || startValue === AUTO.start) { if (startValue !== s) out[0] = s; AUTO.start = s; }
    if (AUTO.end === null || endValue === AUTO.end) { if (endValue !== e) out[1] = e; AUTO.end = e; }
    return out;
  }

  root.dash_clientside = Object.assign({}, root.dash_clientside, {fea_page: {
    start: start,
    day: engine(function (value) { if (value !== null && value !== undefined) A.setDay(value); }),
    play: engine(function (clicks) { if (clicks) A.toggle(); }),
    speed: engine(function (speed) { A.setSpeed(speed); }),
    back: engine(function (clicks) { if (clicks) A.step(-1); }),
    forward: engine(function (clicks) { if (clicks) A.step(1); }),
    period: period,
    lang: engine(function (lang) { A.setLang(lang); onChange(A.getState(), 'lang'); }),
    layers: engine(function (ids) { A.setLayers(ids || []); }),
    previousMoment: moment(-1),
    nextMoment: moment(1),
    tour: tour,
    onThisDay: function (clicks) {
      var id = root.dash_clientside.callback_context.triggered_id;
      if (!A || !id || !clicks || !clicks.some(Boolean)) return;
      var cut = id.index.indexOf('|');
      onSelect({layer: id.index.slice(0, cut), id: id.index.slice(cut + 1)});
    },
    png: png,
    animationRequest: animationRequest,
    follow: follow
  }});
})(typeof window !== 'undefined' ? window : this);
