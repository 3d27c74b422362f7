// Unit tests of assets/fea-3-packdetails.js: an imported feature's details, as text (node --test).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const D = require('../../assets/fea-3-packdata.js');
const B = require('../../assets/fea-3-packdetails.js');

// A document of plain objects: what the builder makes, with no way to read anything as HTML.
function fakeDoc() {
  function node(tag) {
    return {tag: tag, children: [], className: '', text: '',
            set textContent(v) { this.text = v; this.children = []; },
            get textContent() { return this.text + this.children.map((c) => c.textContent).join(''); },
            set innerHTML(v) { throw new Error('innerHTML set to ' + v); },
            appendChild(c) { this.children.push(c); return c; }};
  }
  return {createElement: node, createDocumentFragment: () => node('#fragment'),
          createTextNode: (t) => ({tag: '#text', textContent: t})};
}
function find(n, tag) {
  return (n.tag === tag ? [n] : []).concat(...(n.children || []).map((c) => find(c, tag)));
}

const strings = {dates: {en: 'Dates', ja: '日付'}, import_note: {en: 'Note (yours)', ja: '注（利用者のもの）'},
                 import_source: {en: 'Source (yours)', ja: '出典（利用者のもの）'}, import_row: {en: 'row', ja: '行'},
                 import_links: {en: 'Links (not opened)'}, strength: {en: 'Strength'}};
for (let m = 1; m <= 12; m++) strings['month_' + m] = {en: ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'][m - 1]};
const SCENE = {strings: strings};
const HOSTILE = '<img src=x onerror="window.owned=1">';
const PACK = {type: 'FeatureCollection', pack: 1, name: 'Lesson', file: 'lesson.csv', features: [
  {type: 'Feature', geometry: {type: 'Point', coordinates: [123.4, 41.8]},
   properties: {id: 'mukden', layer: 'events', start: '1905-02-20', end: '1905-03-10', precision: 'day',
                approximate: true, names: {en: 'Battle of Mukden', ja: '奉天会戦'}, note: HOSTILE,
                links: ['http://example.org/a.jpg'],
                source: [{document: 'lesson.csv', row: 3, quote: 'It ended on 10 March.', cite: 'A book (1906)'}]}},
  {type: 'Feature', geometry: {type: 'Point', coordinates: [10, 10]},
   properties: {id: 'spot', layer: 'places', start: '1700-01-01', end: '1800-12-31', precision: 'year',
                names: {en: HOSTILE}, source: []}}]};
const FRAGS = [D.fragment(PACK, 0, {}, 'p1')];

test('the details give the name in the language, the dates with their precision, the note and source as the reader\'s', () => {
  const out = B.build(FRAGS, 'pack:p1:mukden', 'ja', SCENE, fakeDoc());
  assert.strictEqual(find(out, 'h3')[0].textContent, '奉天会戦');
  const facts = find(out, 'dd').map((n) => n.textContent);
  assert.strictEqual(facts[0], '1905年2月20日 – 1905年3月10日 (~)');
  assert.strictEqual(facts[1], HOSTILE);  // text: nothing of a pack is read as HTML
  assert.deepStrictEqual(find(out, 'dt').map((n) => n.textContent).slice(0, 2), ['日付', '注（利用者のもの）']);
  const source = find(out, 'li')[0];
  assert.strictEqual(source.textContent, 'lesson.csv, 行 3: It ended on 10 March. A book (1906)');
  assert.strictEqual(find(source, 'q')[0].textContent, 'It ended on 10 March.');
  assert.strictEqual(find(out, 'h4')[0].textContent, '出典（利用者のもの）');
});

test('a year-precise row is dated by its years; a hostile name is text; what is not a pack feature gives null', () => {
  const out = B.build(FRAGS, 'pack:p1:spot', 'en', SCENE, fakeDoc());
  assert.strictEqual(find(out, 'h3')[0].textContent, HOSTILE);
  assert.strictEqual(find(out, 'dd')[0].textContent, '1700 – 1800');
  assert.strictEqual(B.build(FRAGS, 'pack:p1:nothing', 'en', SCENE, fakeDoc()), null);
  assert.strictEqual(B.build(FRAGS, 'pack:p9:spot', 'en', SCENE, fakeDoc()), null);
  assert.strictEqual(B.build(FRAGS, 'lake-khasan-battle', 'en', SCENE, fakeDoc()), null);
});
