// report-doc.js - a report document (docs/reports.md, "JSON") on the page,
// as the server built it: a contents list of its sections, and each section
// with its introduction, its tables (numbers right-aligned, a note under
// each) and their charts, drawn from the tables' rows. Used by the
// quarterly and annual analyses, the scorecard and the action plans; a page
// may show some cells its own way (RAG ratings as tags) through `cell`.
// Also the financial-year helpers those pages share.

import { h, table, tag } from './dom.js';
import { url } from './api.js';
import { londonParts, number, percent } from './format.js';
import { chart, REPORT_COLOURS } from './chart.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NUMERIC = new Set(['integer', 'percent', 'date', 'mixed', 'empty']);

// ---- financial years (April to March, UK time) ----

/** "2016-17" for the year starting April 2016. */
export const fyName = (start) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`;

/** The first calendar year of "2016-17", or null. */
export function fyStart(text) {
  const m = /^(\d{4})-(\d{2})$/.exec(text || '');
  return m && (Number(m[1]) + 1) % 100 === Number(m[2]) ? Number(m[1]) : null;
}

/** Today in England: {date: "YYYY-MM-DD", month: "YYYY-MM", fy, quarter}. */
export function today() {
  const { date, month } = londonParts();
  const [y, m] = date.split('-').map(Number);
  return { date, month, fy: m >= 4 ? y : y - 1, quarter: m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4 };
}

/** "5 Apr 2017" for "2017-04-05". */
export function shortDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : String(iso ?? '');
}

// ---- reading the JSON ----

// JSON has percentages with a decimal point (32.91, 50.0) and counts
// without (149): a column of both kinds ("mixed") needs to know which each
// number was. The reviver notes the rows' keys that held a decimal point,
// where the browser gives it the source text; else percentages are told
// apart by their fraction, or by a row naming a "%".
let sourceText = false;
JSON.parse('1', (k, v, c) => {
  sourceText = Boolean(c && typeof c.source === 'string');
  return v;
});

/**
 * {reviver, isPercent}: pass reviver to request(..., {reviver}); give
 * isPercent to documentParts.
 */
export function reader() {
  const reals = new WeakMap();
  function reviver(key, value, context) {
    if (typeof value === 'number' && context && /[.eE]/.test(context.source || '')) {
      if (!reals.has(this)) reals.set(this, new Set());
      reals.get(this).add(key);
    }
    return value;
  }
  const isPercent = (row, id, v, label) => (sourceText ? Boolean(reals.get(row)?.has(id)) : !Number.isInteger(v) || /%/.test(label || ''));
  return { reviver, isPercent };
}

/**
 * A cell's kind: "percent", "integer", "date", "text", "suppressed" (a
 * number withheld from a publication, "c" in a column of numbers), or null
 * when empty.
 */
function kindOf(col, row, first, isPercent) {
  const v = row[col.id];
  if (v === null || v === undefined) return null;
  if (v === 'c' && col.kind !== 'text') return 'suppressed';
  if (col.kind !== 'mixed') return col.kind === 'empty' ? null : col.kind;
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'date' : 'text';
  return isPercent(row, col.id, v, row[first]) ? 'percent' : 'integer';
}

function cellText(kind, v) {
  if (kind === null) return '';
  if (kind === 'integer') return number(v);
  if (kind === 'percent') return percent(v);
  if (kind === 'date') return shortDate(v);
  if (kind === 'suppressed') return 'c';
  return String(v);
}

/** A title with its years ("2025-26") and months ("Apr-26") kept on one line. */
function keepYears(text) {
  return String(text).split(/(\d{4}-\d{2}|\b[A-Z][a-z]{2}-\d{2}\b)/).map((part, i) => (i % 2 ? h('span', { class: 'nowrap' }, part) : part));
}

// ---- ratings and movement, as words in tags and with arrows ----

const RAG_COLOUR = { red: 'red', amber: 'orange', green: 'green', complete: 'blue', 'not rated': 'grey' };

/** A RAG rating ("Red", "amber", "Complete") as a tag with its word; '' for none. */
export function ragTag(text) {
  if (text === null || text === undefined || text === '') return '';
  const key = String(text).trim().toLowerCase();
  if (!(key in RAG_COLOUR)) return String(text);
  return tag(String(text), RAG_COLOUR[key]);
}

const ARROWS = { better: '↑', improved: '↑', worse: '↓', worsened: '↓', same: '→' };

/** "Better", "Worsened", "Same" with an arrow before the word (the arrow is hidden from screen readers). */
export function travel(text) {
  if (text === null || text === undefined || text === '') return '';
  const arrow = ARROWS[String(text).trim().toLowerCase()];
  if (!arrow) return String(text);
  return h('span', { class: 'travel nowrap' }, h('span', { class: 'travel__arrow', 'aria-hidden': 'true' }, arrow), ' ', String(text));
}

// ---- the document ----

/** The element id of a section's table: "ANCHOR-TABLEID". */
export const tableAnchor = (sectionAnchor, t) => `${sectionAnchor}-${String(t.id || '').replace(/[^\w-]/g, '')}`;

function docTable(t, sec, anchor, isPercent, opts) {
  const first = t.columns[0] && t.columns[0].id;
  const headerId = (opts.rowHeader && opts.rowHeader(t, sec)) || first;
  return h('div', { class: ['report-table', opts.tableClass && opts.tableClass(t, sec)], id: tableAnchor(anchor, t) },
    table({
      caption: t.title || t.id,
      rows: t.rows || [],
      empty: opts.empty ? opts.empty(t, sec) : 'No rows.',
      columns: t.columns.map((c, i) => ({
        head: keepYears(c.title || c.id),
        rowHeader: c.id === headerId,
        numeric: i > 0 && NUMERIC.has(c.kind) && c.id !== headerId,
        cell: (r) => {
          const kind = kindOf(c, r, first, isPercent);
          const text = cellText(kind, r[c.id]);
          const own = opts.cell ? opts.cell({ table: t, section: sec, column: c, row: r, value: r[c.id], kind, text }) : undefined;
          return own === undefined ? text : own;
        },
      })),
    }),
    t.note ? h('p', { class: 'report-table__note' }, 'Note: ', t.note) : null);
}

/** A chart of one of the section's tables, or null when it names what is not there. */
function docChart(c, tables, isPercent) {
  const whole = tables.find((x) => x.id === c.table);
  if (!whole || !(whole.rows || []).length) return null;
  // Only the rows the chart plots (a Total row is left out).
  const t = typeof c.rows === 'number' ? { ...whole, rows: whole.rows.slice(0, c.rows) } : whole;
  const col = (id) => t.columns.find((x) => x.id === id);
  const labelCol = col(c.label);
  const cols = (c.series || []).map(col);
  if (!labelCol || !cols.length || cols.some((x) => !x)) return null;
  const first = t.columns[0].id;
  // The axis is in percent when every value is a percentage (as the other
  // formats draw it); then counts are left out, and the other way round.
  const kinds = t.rows.flatMap((r) => cols.map((x) => kindOf(x, r, first, isPercent))).filter(Boolean);
  const pct = kinds.length > 0 && kinds.every((k) => k === 'percent');
  const want = pct ? 'percent' : 'integer';
  const series = cols.map((x) => ({
    name: x.title || x.id,
    values: t.rows.map((r) => (kindOf(x, r, first, isPercent) === want ? Number(r[x.id]) : null)),
  }));
  const categories = t.rows.map((r) => cellText(kindOf(labelCol, r, first, isPercent), r[labelCol.id]) || '–');
  const format = (v) => (v === null || v === undefined ? 'no value' : pct ? percent(v) : number(v));
  const target = typeof c.target === 'number' ? c.target : null;
  const names = series.map((x) => x.name);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return chart({
    title: c.title || t.title,
    type: c.kind === 'line' ? 'line' : 'bar',
    categories,
    series,
    colours: REPORT_COLOURS,
    percent: pct,
    format,
    target,
    targetLabel: target === null ? null : `Target ${format(target)}`,
    numbersTable: false,
    description: `${c.kind === 'line' ? 'Line' : 'Bar'} chart of ${listed}, for each ${(labelCol.title || labelCol.id).toLowerCase()}${target === null ? '' : `, with a target of ${format(target)}`}. The numbers are in the table "${t.title}" above.`,
    alternative: `The numbers are in the table above: ${t.title}.`,
  });
}

/** The id of each section's heading: "section-ID" (ids are lower_snake_case), unique. */
export function anchors(sections) {
  const seen = new Set();
  return sections.map((sec, i) => {
    let a = `section-${String(sec.id || '').replace(/[^\w-]/g, '') || i + 1}`;
    if (seen.has(a)) a = `${a}-${i + 1}`;
    seen.add(a);
    return a;
  });
}

function section(sec, anchor, isPercent, opts) {
  const tables = sec.tables || [];
  const charts = sec.charts || [];
  return h('section', { class: 'report-section', 'aria-labelledby': anchor },
    h('h2', { id: anchor, class: 'report-section__title' }, sec.title || sec.id),
    String(sec.intro || '').split('\n').filter((p) => p.trim()).map((p) => h('p', { class: 'report-section__intro' }, p)),
    tables.map((t) => [
      opts.before ? opts.before(t, sec) : null,
      docTable(t, sec, anchor, isPercent, opts),
      charts.filter((c) => c.table === t.id).map((c) => docChart(c, tables, isPercent)),
    ]));
}

/**
 * The document's sections on the page: {contents, sections, anchors}.
 * contents is a <nav> listing the sections (null when there are fewer than
 * opts.contentsFrom, default 1). opts, each optional:
 *   cell({table, section, column, row, value, kind, text}) → a node or text
 *                  for that cell, or undefined to show `text`
 *   rowHeader(table, section) → the id of the column of row headers (default the first)
 *   tableClass(table, section) → a class for the table's wrapper
 *   before(table, section) → nodes to put before the table
 *   empty(table, section) → what a table without rows says
 */
export function documentParts(d, isPercent, opts = {}) {
  const sections = d.sections || [];
  const ids = anchors(sections);
  const contents = sections.length && sections.length >= (opts.contentsFrom ?? 1)
    ? h('nav', { class: 'contents-list', 'aria-labelledby': 'contents-title' },
      h('h2', { class: 'contents-list__title', id: 'contents-title' }, 'Sections'),
      h('ol', { class: 'contents-list__list' }, sections.map((sec, i) =>
        h('li', { class: 'contents-list__item' }, h('a', { href: `#${ids[i]}` }, sec.title || sec.id)))))
    : null;
  return { contents, anchors: ids, sections: sections.map((sec, i) => section(sec, ids[i], isPercent, opts)) };
}

/** A table of the document by section and table id, or null. */
export function findTable(d, sectionId, tableId) {
  const sec = (d.sections || []).find((s) => s.id === sectionId);
  return sec ? (sec.tables || []).find((t) => t.id === tableId) || null : null;
}

/**
 * The downloads of a report: an <h2> and links to its CSV, Excel and HTML,
 * each with `download` and the file name fileName(ext) gives.
 */
export function downloads(path, params, fileName) {
  const dl = (fmt, text) => h('li', null, h('a', { href: url(path, { ...params, format: fmt }), download: fileName(fmt) }, text));
  return [
    h('h2', null, 'Download'),
    h('ul', { class: 'downloads' }, dl('csv', 'CSV'), dl('xlsx', 'Excel'), dl('html', 'Web page (HTML)')),
  ];
}
