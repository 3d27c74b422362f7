// Runs a table of calls through the engine's pure modules (assets/fea-1-*.js: the first that
// has the function) for tests/test_js_parity.py.
// Usage: node parity_runner.js <calls.json> <results.json>
//   calls.json: [[functionName, [arg, ...]], ...]; results.json: one result per call,
//   {"error": message} where the call throws.
'use strict';
const fs = require('fs');
const path = require('path');
const assets = path.join(__dirname, '..', '..', 'assets');
const modules = fs.readdirSync(assets).filter((f) => /^fea-1-.*\.js$/.test(f)).sort()
  .map((f) => require(path.join(assets, f)));
const core = {};
modules.slice().reverse().forEach((m) => Object.assign(core, m));

const calls = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = calls.map(([name, args]) => {
  if (typeof core[name] !== 'function') return {error: `no function ${name} in assets/fea-1-*.js`};
  try {
    const result = core[name](...args);
    return result === undefined ? {error: 'returned undefined'} : result;
  } catch (e) {
    return {error: String(e)};
  }
});
fs.writeFileSync(process.argv[3], JSON.stringify(results));
