// Runs a table of calls through assets/fea-1-core.js for tests/test_js_parity.py.
// Usage: node parity_runner.js <calls.json> <results.json>
//   calls.json: [[functionName, [arg, ...]], ...]; results.json: one result per call,
//   {"error": message} where the call throws.
'use strict';
const fs = require('fs');
const core = require('../../assets/fea-1-core.js');

const calls = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = calls.map(([name, args]) => {
  if (typeof core[name] !== 'function') return {error: `no function ${name} in fea-1-core.js`};
  try {
    const result = core[name](...args);
    return result === undefined ? {error: 'returned undefined'} : result;
  } catch (e) {
    return {error: String(e)};
  }
});
fs.writeFileSync(process.argv[3], JSON.stringify(results));
