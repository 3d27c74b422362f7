/* Far East Atlas: the page follows its export job (components/page/exports.py).
 *
 * The page holds only the job's id (the anim-job store, in localStorage: a reload finds the
 * job again). `watch` polls GET /_fea/jobs/<id>?lang= once a second and shows what the
 * server says (queued n, starting, rendering frame k of n, encoding, done, failed,
 * cancelled); a poll that fails (a restart, a dropped connection) is tried again after 1, 2,
 * 4, 8, then 15 s, and the page says so. When the job is done its GIF is downloaded from
 * /_fea/jobs/<id>/gif (streamed by the server, a file, not JSON); the zip on a click.
 * Clientside callbacks of namespace `fea_jobs`; the component ids come from the page store. */
(function (root) {
  'use strict';
  var IDS = null, loop = null;
  var ACTIVE = ['queued', 'starting', 'running', 'encoding'];
  var BACKOFF = [1000, 2000, 4000, 8000, 15000];

  function set(id, props) { root.dash_clientside.set_props(id, props); }
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

  function show(s) {
    var active = ACTIVE.indexOf(s.state) >= 0;
    var drawing = s.state === 'running' || s.state === 'encoding';
    set(IDS.ANIM_STATUS, {children: s.text});
    set(IDS.ANIM_BUTTON, {disabled: active});
    set(IDS.ANIM_CANCEL, {hidden: !active});
    set(IDS.ANIM_RETRY, {hidden: s.state !== 'failed'});
    set(IDS.ANIM_PROGRESS, {hidden: !drawing, value: String(s.done || 0), max: String(Math.max(s.total || 0, 1))});
    set(IDS.ANIM_PROGRESS_TEXT, {children: drawing ? s.done + ' / ' + s.total : ''});
  }

  function ended(id, s) {
    loop = null;
    if (s.state === 'done') {
      if (s.files.gif) fetchFile(s.files.gif);
      set(IDS.ANIM_ZIP_BUTTON, {hidden: !s.files.zip});
    }
    // the job stays known for the zip and Retry; the store is cleared, so a reload does not
    // download the GIF again
    set(IDS.ANIM_DONE, {data: {id: id, state: s.state, files: s.files}});
    set(IDS.ANIM_JOB, {data: null});
  }

  function poll(id, delay) {
    var mine = loop;
    mine.timer = setTimeout(function () {
      fetch('/_fea/jobs/' + encodeURIComponent(id) + '?lang=' + lang(), {cache: 'no-store'})
        .then(function (r) {
          if (r.status === 404) return r.json().then(function (s) { s.state = 'gone'; return s; });
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        })
        .then(function (s) {
          if (loop !== mine) return;
          mine.failures = 0;
          mine.retrying = s.retrying || mine.retrying;
          if (s.state === 'gone') {
            set(IDS.ANIM_STATUS, {children: s.text});
            show({state: 'gone', text: s.text});
            loop = null;
            set(IDS.ANIM_JOB, {data: null});
            return;
          }
          show(s);
          if (ACTIVE.indexOf(s.state) < 0) ended(id, s);
          else poll(id, 1000);
        })
        .catch(function () {
          if (loop !== mine) return;
          var wait = BACKOFF[Math.min(mine.failures, BACKOFF.length - 1)];
          mine.failures += 1;
          set(IDS.ANIM_STATUS, {children: (mine.retrying || 'No answer from the server; trying again in {s} s…')
            .replace('{s}', String(Math.round(wait / 1000)))});
          poll(id, wait);
        });
    }, delay);
  }

  // The anim-job store changed (a new job, a reload, or cleared): follow that job.
  function watch(job, page) {
    if (!page || !page.ids) return nu();
    IDS = page.ids;
    var id = job && typeof job.id === 'string' ? job.id : null;
    if (loop && loop.id !== id) { clearTimeout(loop.timer); loop = null; }
    if (id && !loop) {
      loop = {id: id, failures: 0, timer: null, retrying: null};
      set(IDS.ANIM_ZIP_BUTTON, {hidden: true});
      set(IDS.ANIM_RETRY, {hidden: true});
      poll(id, 0);
    }
    if (!id) {
      set(IDS.ANIM_CANCEL, {hidden: true});
      set(IDS.ANIM_PROGRESS, {hidden: true});
      set(IDS.ANIM_PROGRESS_TEXT, {children: ''});
      set(IDS.ANIM_BUTTON, {disabled: false});
    }
    return id;
  }

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

  root.dash_clientside = Object.assign({}, root.dash_clientside, {fea_jobs: {watch: watch, zip: zip}});
})(typeof window !== 'undefined' ? window : this);
