/* Far East Atlas: the projector mode, and the page's controls as assistive technology reads them.
 *
 * Projector mode (the header's checkbox, callback in components/page/callbacks.py, namespace
 * `fea_projector`): the class `projector` on <html> scales the interface text by 1.5 (the
 * root font size in assets/atlas.css); the engine scales the map labels by as much, once it
 * is mounted.
 *
 * Dash 4 renders dcc.RadioItems and dcc.Checklist as role=listbox/option labels wrapping
 * native inputs (nested interactive controls, with aria-selected on each label) and
 * dcc.Slider's thumb with no name. The layout puts each in a group named by a label
 * (components/page/layout.py: `named`); here Dash's roles come off, so the native radio
 * buttons and checkboxes speak for themselves, and a nameless thumb takes its group's name.
 * React sets those attributes again when it re-renders an option, hence the observer. */
(function (root) {
  'use strict';
  // the Dash page only: the exports inline every assets/fea-*.js but the page's own
  if (typeof document === 'undefined' || !document.getElementById('react-entry-point')) return;
  var SCALE = 1.5, LISTS = '.dash-options-list';

  function labelScale(k, tries) {
    var page = root.FEA && root.FEA.page;
    if (page && page.setLabelScale) { page.setLabelScale(k); return; }
    // the engine mounts after the first callbacks (a projector mode kept from the last visit)
    if (!(root.FEA && root.FEA.page) && tries > 0) setTimeout(function () { labelScale(k, tries - 1); }, 200);
  }

  function toggle(value) {
    var on = Array.isArray(value) && value.indexOf('on') >= 0;
    document.documentElement.classList.toggle('projector', on);
    if (on || (root.FEA && root.FEA.page)) labelScale(on ? SCALE : 1, 50);
    // Plotly sizes the map to its box: the sidebar's width follows the font size
    root.dispatchEvent(new Event('resize'));
  }

  function unwrap(scope) {
    scope.querySelectorAll(LISTS + '[role], ' + LISTS + ' [role=option], ' + LISTS + ' [aria-selected]')
      .forEach(function (node) { node.removeAttribute('role'); node.removeAttribute('aria-selected'); });
    scope.querySelectorAll('[aria-labelledby] [role=slider]:not([aria-labelledby]):not([aria-label])')
      .forEach(function (thumb) {
        thumb.setAttribute('aria-labelledby', thumb.parentElement.closest('[aria-labelledby]').getAttribute('aria-labelledby'));
      });
  }

  function watch() {
    unwrap(document);
    new MutationObserver(function () { unwrap(document); }).observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected']});
  }

  if (document.body) watch(); else document.addEventListener('DOMContentLoaded', watch);
  root.dash_clientside = Object.assign({}, root.dash_clientside, {fea_projector: {toggle: toggle}});
})(typeof window !== 'undefined' ? window : this);
