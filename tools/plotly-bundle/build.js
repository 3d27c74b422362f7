// Build ../../assets/vendor/plotly-map.min.js from entry.js (run: npm ci && npm run build).
// The settings follow plotly.js's own esbuild configuration (esbuild-config.js in its
// package): an IIFE that sets window.Plotly, MapLibre's CSS inlined.
const path = require('path');
const esbuild = require('esbuild');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');
const { environmentPlugin } = require('esbuild-plugin-environment');
const version = require('plotly.js/package.json').version;

esbuild.build({
  entryPoints: [path.join(__dirname, 'entry.js')],
  outfile: path.join(__dirname, '..', '..', 'assets', 'vendor', 'plotly-map.min.js'),
  format: 'iife',
  globalName: 'Plotly',
  bundle: true,
  minify: true,
  target: 'es2016',
  legalComments: 'eof',
  banner: {js: '/* plotly.js v' + version + ' (MIT), core and scattermap only, with maplibre-gl ' +
                '(BSD-3-Clause); built by tools/plotly-bundle for Far East Atlas */'},
  plugins: [InlineCSSPlugin(), environmentPlugin({NODE_DEBUG: false})],
  alias: {stream: 'stream-browserify'},
  define: {global: 'window', 'define.amd': 'false'},
  logLevel: 'info'
}).catch(function () { process.exit(1); });
