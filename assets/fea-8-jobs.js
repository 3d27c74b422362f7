/* Far East Atlas: the page follows its export jobs (components/page/exports.py, handout.py).
 *
 * `requestHandout` asks for a handout: it POSTs the form and the reader's imported packs that
 * the map shows (the engine's packs(), kept in this browser: fea-9-import.js) to
 * /_fea/handout as JSON, which checks them all and answers the job's id or what was wrong.
 * Packs bigger than the server takes (the button's data-limit) are not sent: the page says so.
 * `requestAnimation` does the same for the GIF (/_fea/animation): what the map shows (the
 * anim-request store, fea-6-page.js animationRequest), the form and the shown packs; the
 * packs (up to 10 MB) never go through a Dash callback's body.
 * Each panel (the GIF's, prefix ANIM; the handout's, prefix HANDOUT) holds only its job's id
 * (its <prefix>-job store, in localStorage: a reload finds the job again). `watch` (the GIF)
 * and `watchHandout` poll GET /_fea/jobs/<id>?lang= once a second and show what the server
 * says (queued n, starting, rendering frame k or drawing map k of n, encoding, done, failed,
 * cancelled); a poll that fails (a restart, a dropped connection) is tried again after 1, 2,
 * 4, 8, then 15 s, and the page says so. When the job is done its file (the GIF, the PDF) is
 * downloaded from /_fea/jobs/<id>/<key> (streamed by the server, a file, not JSON); the
 * frames' zip on a click.
 * Clientside callbacks of namespace `fea_jobs`; the component ids come from the page store. */
(function (root) {
  'use strict';
  var IDS = null;
  // the panels this script follows: their ids' prefix, the file fetched when done, the loop
  var PANELS = {ANIM: {file: 'gif', loop: null}, HANDOUT: {file: 'pdf', loop: null}};
  var ACTIVE = ['queued', 'starting', 'running', 'encoding'];
  var BACKOFF = [1000, 2000, 4000, 8000, 15000];

  function set(id, props) { root.dash_clientside.set_props(id, props); }
  // the component <prefix>_<name> of a panel (the handout has no zip button: skipped)
  function setIn(p, name, props) { var id = IDS[p + '_' + name]; if (id) set(id, props); }
  function nu() { return root.dash_clientside.no_update; }
  function lang() { return document.documentElement.lang || 'en'; }

  function fetchFile(url) {
    var a = document.createElement('a');
    a.href = url;
    a.download = '';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function show(p, s) {
    var active = ACTIVE.indexOf(s.state) >= 0;
    var drawing = s.state === 'running' || s.state === 'encoding';
    setIn(p, 'STATUS', {children: s.text});
    setIn(p, 'BUTTON', {disabled: active});
    setIn(p, 'CANCEL', {hidden: !active});
    setIn(p, 'RETRY', {hidden: s.state !== 'failed'});
    setIn(p, 'PROGRESS', {hidden: !drawing, value: String(s.done || 0), max: String(Math.max(s.total || 0, 1))});
    setIn(p, 'PROGRESS_TEXT', {children: drawing ? s.done + ' / ' + s.total : ''});
  }

  function ended(p, id, s) {
    PANELS[p].loop = null;
    if (s.state === 'done') {
      var file = s.files[PANELS[p].file];
      if (file) fetchFile(file);
      setIn(p, 'ZIP_BUTTON', {hidden: !s.files.zip});
    }
    // the job stays known for the zip and Retry; the store is cleared, so a reload does not
    // download the file again
    setIn(p, 'DONE', {data: {id: id, state: s.state, files: s.files}});
    setIn(p, 'JOB', {data: null});
  }

  function poll(p, id, delay) {
    var mine = PANELS[p].loop;
    mine.timer = setTimeout(function () {
      fetch('/_fea/jobs/' + encodeURIComponent(id) + '?lang=' + lang(), {cache: 'no-store'})
        .then(function (r) {
          if (r.status === 404) return r.json().then(function (s) { s.state = 'gone'; return s; });
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        })
        .then(function (s) {
          if (PANELS[p].loop !== mine) return;
          mine.failures = 0;
          mine.retrying = s.retrying || mine.retrying;
          if (s.state === 'gone') {
            show(p, {state: 'gone', text: s.text});
            PANELS[p].loop = null;
            setIn(p, 'JOB', {data: null});
            return;
          }
          show(p, s);
          if (ACTIVE.indexOf(s.state) < 0) ended(p, id, s);
          else poll(p, id, 1000);
        })
        .catch(function () {
          if (PANELS[p].loop !== mine) return;
          var wait = BACKOFF[Math.min(mine.failures, BACKOFF.length - 1)];
          mine.failures += 1;
          setIn(p, 'STATUS', {children: (mine.retrying || 'No answer from the server; trying again in {s} s…')
            .replace('{s}', String(Math.round(wait / 1000)))});
          poll(p, id, wait);
        });
    }, delay);
  }

  // A panel's job store changed (a new job, a reload, or cleared): follow that job.
  function follow(p, job, page) {
    if (!page || !page.ids) return nu();
    IDS = page.ids;
    var panel = PANELS[p];
    var id = job && typeof job.id === 'string' ? job.id : null;
    if (panel.loop && panel.loop.id !== id) { clearTimeout(panel.loop.timer); panel.loop = null; }
    if (id && !panel.loop) {
      panel.loop = {id: id, failures: 0, timer: null, retrying: null};
      setIn(p, 'ZIP_BUTTON', {hidden: true});
      setIn(p, 'RETRY', {hidden: true});
      poll(p, id, 0);
    }
    if (!id) {
      setIn(p, 'CANCEL', {hidden: true});
      setIn(p, 'PROGRESS', {hidden: true});
      setIn(p, 'PROGRESS_TEXT', {children: ''});
      setIn(p, 'BUTTON', {disabled: false});
    }
    return id;
  }

  // The packs the map shows now: the reader's imports, in the engine's order, each with the
  // slot of its colour on the page (a hidden pack before it must not shift it).
  function shownPacks() {
    var A = root.FEA && root.FEA.page;
    return A ? A.packs().map(function (F, i) { return F.hidden ? null : Object.assign({}, F.pack, {slot: i % 6}); })
      .filter(Boolean) : [];
  }

  function word(key) {
    var A = root.FEA && root.FEA.page, strings = A && A.scene && A.scene.strings;
    var s = strings && strings[key];
    return s ? (s[lang()] || s.en) : key;
  }

  // "Make PDF": the form and the shown packs to the server; the job's id, or what was wrong.
  function requestHandout(clicks, what, dates, paper, orientation, maps, language, timeline, page) {
    if (!clicks || !page || !page.ids) return [nu(), nu()];
    IDS = page.ids;
    var body = JSON.stringify({what: what, dates: dates, paper: paper, orientation: orientation, maps: maps,
                               lang: language, day: timeline && timeline.day, packs: shownPacks()});
    return tooBig('HANDOUT', body, 'handout_bad', 'a handout') ||
      post('HANDOUT', '/_fea/handout?lang=' + encodeURIComponent(language || lang()), body);
  }

  // A request bigger than the server takes (its button's data-limit) is not sent: the page
  // says so at once, [no job, the message], instead of uploading megabytes to be refused.
  function tooBig(p, body, badKey, what) {
    var button = document.getElementById(IDS[p + '_BUTTON']);
    var limit = Number(button && button.getAttribute('data-limit')) || Infinity;
    var size = new Blob([body]).size;
    if (size <= limit) return null;
    return [nu(), word(badKey).replace('{error}', 'the imported data shown is too big for ' + what + ' (' + size.toLocaleString('en') +
            ' bytes, at most ' + limit.toLocaleString('en') + '): hide some of it')];
  }

  // POST a job's request; [the job store's value, the status line] from the answer.
  function post(p, url, body) {
    setIn(p, 'BUTTON', {disabled: true});
    return fetch(url, {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: body, cache: 'no-store'
    }).then(function (r) {
      return r.json().catch(function () { return {error: 'HTTP ' + r.status}; });
    }).then(function (answer) {
      if (answer.id) return [{id: answer.id}, answer.text];
      setIn(p, 'BUTTON', {disabled: false});
      return [nu(), answer.error];
    }).catch(function (err) {
      setIn(p, 'BUTTON', {disabled: false});
      return [nu(), String(err)];
    });
  }

  // "Make GIF": the map's request (a new one a click), the form and the shown packs.
  function requestAnimation(request, start, end, step, frames, page) {
    if (!request || !page || !page.ids) return [nu(), nu()];
    IDS = page.ids;
    var language = (request && request.lang) || lang();
    var body = JSON.stringify({request: request, start: start, end: end, step: step, zip: frames,
                               packs: shownPacks()});
    return tooBig('ANIM', body, 'anim_bad', 'a GIF') || post('ANIM', '/_fea/animation?lang=' + encodeURIComponent(language), body);
  }

  function watch(job, page) { return follow('ANIM', job, page); }
  function watchHandout(job, page) { return follow('HANDOUT', job, page); }

  // The frames' zip of the finished job, on a click; says so when it is no longer kept.
  function zip(clicks, done) {
    if (!clicks || !done || !done.files || !done.files.zip) return nu();
    var url = done.files.zip;
    return fetch(url, {method: 'HEAD', cache: 'no-store'}).then(function (r) {
      if (!r.ok) return fetch(url + '?lang=' + lang()).then(function (s) { return s.text(); });
      fetchFile(url);
      return nu();
    });
  }

  root.dash_clientside = Object.assign({}, root.dash_clientside, {fea_jobs: {watch: watch, watchHandout: watchHandout, zip: zip,
                                                                            requestHandout: requestHandout,
                                                                            requestAnimation: requestAnimation}});
})(typeof window !== 'undefined' ? window : this);
