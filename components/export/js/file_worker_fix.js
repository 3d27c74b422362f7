/* Far East Atlas, standalone page: let MapLibre start its worker from a file:// page.
 *
 * Plotly.js hands MapLibre its worker as a blob: URL holding an ES module. A page opened
 * from file:// has the origin "file://" while its blob: URLs have "null", so MapLibre takes
 * the blob for cross-origin and loads it through a module import, which Chromium refuses
 * there: the worker never starts and the map never loads. This shim drops the module's one
 * `export {x as default}` (nothing imports it) and marks the URL as a classic script
 * ("#worker.cjs"), so MapLibre starts it as a classic worker, which file:// pages may do.
 * It does nothing on http(s) pages. Load it before plotly.js.
 */
(function () {
  if (location.protocol !== 'file:') return;
  var B = window.Blob, exp = /;\s*export\s*\{\s*[\w$]+\s+as\s+default\s*\}\s*;/;
  function Blob(parts, opts) {
    if (opts && opts.type === 'text/javascript' && parts && parts.length === 1 &&
        typeof parts[0] === 'string' && exp.test(parts[0]) && parts[0].indexOf('maplibre') >= 0) {
      parts = [parts[0].replace(exp, ';')];
      var b = new B(parts, opts); b.__feaWorker = true; return b;
    }
    return new B(parts, opts);
  }
  Blob.prototype = B.prototype; window.Blob = Blob;
  var create = URL.createObjectURL;
  URL.createObjectURL = function (o) {
    var u = create.call(URL, o);
    return o && o.__feaWorker ? u + '#worker.cjs' : u;
  };
})();
