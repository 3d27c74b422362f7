// Plotly.js's core with the one trace type the atlas draws: scattermap (MapLibre).
var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/lib/scattermap')]);

module.exports = Plotly;
