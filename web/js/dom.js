// dom.js - building the page with DOM APIs only: text goes in as text
// nodes, never as HTML, so nothing from the records can become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' && 'value' in el) el.value = v;
    else if (k === 'checked' || k === 'selected') el[k] = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** h('p', {class: 'x'}, 'text', child, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function frag(...children) {
  const f = document.createDocumentFragment();
  append(f, children);
  return f;
}

export function link(href, text, attrs = {}) {
  return h('a', { href, ...attrs }, text);
}

/** The page's heading: focused after a move between pages. */
export function heading(text, caption) {
  return h('h1', { tabindex: '-1', id: 'page-heading' },
    caption ? h('span', { class: 'caption' }, caption) : null, text);
}

export function backLink(href, text = 'Back') {
  return h('a', { href, class: 'back-link' }, '‹ ', text);
}

export function tag(text, colour) {
  return h('strong', { class: ['tag', colour && `tag--${colour}`] }, text);
}

/** A summary list from [key, value] pairs; pairs whose value is undefined are left out. */
export function summaryList(rows, attrs = {}) {
  return h('dl', { class: 'summary-list', ...attrs },
    rows.filter((r) => r && r[1] !== undefined).map(([k, v]) =>
      h('div', { class: 'summary-list__row' },
        h('dt', { class: 'summary-list__key' }, k),
        h('dd', { class: 'summary-list__value' }, v === null || v === '' ? 'Not recorded' : v))));
}

/**
 * A table. columns: [{head, cell(row) → node|string, numeric, rowHeader}].
 * The first column whose rowHeader is true is a <th scope="row">.
 * Wrapped in a scrollable, keyboard-focusable region when wide.
 */
export function table({ caption, columns, rows, empty = 'None.', captionHidden = false, compact = false, id }) {
  if (!rows || rows.length === 0) {
    return frag(
      captionHidden ? null : h('h3', { class: 'h3' }, caption),
      h('p', { class: 'secondary' }, empty));
  }
  const head = h('thead', null, h('tr', null, columns.map((c) =>
    h('th', { scope: 'col', class: c.numeric ? 'numeric' : null }, c.head))));
  const body = h('tbody', null, rows.map((r) => h('tr', null, columns.map((c) => {
    const v = c.cell(r);
    const content = v === null || v === undefined || v === '' ? '–' : v;
    return c.rowHeader
      ? h('th', { scope: 'row', class: c.numeric ? 'numeric' : null }, content)
      : h('td', { class: c.numeric ? 'numeric' : null }, content);
  }))));
  const t = h('table', { class: ['table', compact && 'table--compact'], id },
    h('caption', { class: captionHidden ? 'visually-hidden' : null }, caption), head, body);
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' }, t);
}

export function warning(text) {
  return h('div', { class: 'warning-text' },
    h('span', { class: 'warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('span', null, h('span', { class: 'visually-hidden' }, 'Warning: '), text));
}

export function inset(...children) {
  return h('div', { class: 'inset' }, children);
}

/** A success (or information) banner. */
export function banner(title, body, kind = 'success') {
  return h('div', { class: ['banner', `banner--${kind}`], role: kind === 'success' ? 'alert' : 'region', 'aria-labelledby': 'banner-title' },
    h('h2', { class: 'banner__title', id: 'banner-title' }, kind === 'success' ? 'Success' : 'Important'),
    h('div', { class: 'banner__body' }, h('p', { class: 'h3' }, title), body || null));
}

export function list(items, plain = false) {
  return h('ul', { class: ['list', plain && 'list--plain'] }, items.map((i) => h('li', null, i)));
}

export function buttonLink(href, text, secondary = true, small = false) {
  return h('a', { href, class: ['button', secondary && 'button--secondary', small && 'button--small'], draggable: 'false' }, text);
}

export function capitalise(text) {
  const t = String(text ?? '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
