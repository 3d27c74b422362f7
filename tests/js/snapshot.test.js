// Unit tests of assets/fea-5-snapshot.js: what the PNG of the view says of the reader's packs.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
global.window = global;
require('../../assets/fea-5-snapshot.js');
const S = global.FEA_SNAPSHOT;

const SCENE = {attribution: {en: 'Sources: a.txt. Basemap: GSHHG.', ja: '出典：a.txt。'},
               strings: {import_source: {en: 'Source (yours)', ja: '出典（利用者のもの）'}}};

test("the packs on the map get a legend row each, in their colour, a long name cut", () => {
  const long = 'A'.repeat(80);
  const rows = S.packRows([{name: 'Our regiment', color: '#1565c0'}, {name: long, color: '#2e7d32'}]);
  assert.deepStrictEqual(rows[0], {color: '#1565c0', shape: 'dot', labels: {en: 'Our regiment'}});
  assert.strictEqual(rows[1].labels.en.length, 60);
  assert.ok(rows[1].labels.en.endsWith('…'));
});

test("the credit names the reader's files once, as theirs, in the language", () => {
  assert.strictEqual(S.credit(SCENE, 'en', []), 'Sources: a.txt. Basemap: GSHHG.');
  const packs = [{name: 'Lesson', file: 'lesson.csv'}, {name: 'Again', file: 'lesson.csv'}, {name: 'Story', file: ''}];
  assert.strictEqual(S.credit(SCENE, 'en', packs), 'Sources: a.txt. Basemap: GSHHG. Source (yours): lesson.csv, Story.');
  assert.ok(S.credit(SCENE, 'ja', packs).includes('出典（利用者のもの）: lesson.csv'));
});
