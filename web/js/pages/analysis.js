// The quarterly and annual analyses (GET /reports/quarterly, /reports/annual):
// a financial year (and a quarter), the downloads, a list of the sections,
// and each section of the report document as the server built it: its
// introduction, its tables (numbers right-aligned, a note under each) and
// their charts, drawn from the tables' rows.

import { h, heading, table, backLink, inset } from '../dom.js';
import { request, url, query } from '../api.js';
import { londonParts, number, percent, dateTime, date } from '../format.js';
import { chart, REPORT_COLOURS } from '../chart.js';
import { Form } from '../forms.js';

const REPORTS = {
  quarterly: {
    title: 'Quarterly analysis',
    about: 'The quarter against the same quarter last year: where children went missing from, for how long, who they were, return home interviews in timescale, strategy meetings and what children said.',
  },
  annual: {
    title: 'Annual analysis',
    about: 'The financial year against the year before, with each section quarter by quarter.',
  },
};
const QUARTER_MONTHS = { 1: 'April to June', 2: 'July to September', 3: 'October to December', 4: 'January to March' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const YEARS = 5; // the financial years offered: this one and the four before
const NUMERIC = new Set(['integer', 'percent', 'date', 'mixed', 'empty']);

/** "2016-17" for the year starting April 2016. */
const fyName = (start) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`;

/** The first calendar year of "2016-17", or null. */
function fyStart(text) {
  const m = /^(\d{4})-(\d{2})$/.exec(text || '');
  return m && (Number(m[1]) + 1) % 100 === Number(m[2]) ? Number(m[1]) : null;
}

/** Today in England: its financial year and quarter. */
function today() {
  const d = londonParts().date;
  const [y, m] = d.split('-').map(Number);
  return { date: d, fy: m >= 4 ? y : y - 1, quarter: m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4 };
}

/** The first and last day of a year's quarter (or of the year), "YYYY-MM-DD". */
function span(fy, q) {
  if (!q) return [`${fy}-04-01`, `${fy + 1}-03-31`];
  const first = q === 4 ? `${fy + 1}-01-01` : `${fy}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const last = { 1: `${fy}-06-30`, 2: `${fy}-09-30`, 3: `${fy}-12-31`, 4: `${fy + 1}-03-31` }[q];
  return [first, last];
}

/** "April 2026 to March 2027", "July to September 2026". */
function months(fy, q) {
  if (!q) return `April ${fy} to March ${fy + 1}`;
  return `${QUARTER_MONTHS[q]} ${q === 4 ? fy + 1 : fy}`;
}

/** "5 Apr 2017" for "2017-04-05". */
function shortDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : String(iso ?? '');
}

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

function reader() {
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

/** A cell's kind: "percent", "integer", "date", "text", or null when empty. */
function kindOf(col, row, first, isPercent) {
  const v = row[col.id];
  if (v === null || v === undefined) return null;
  if (col.kind !== 'mixed') return col.kind === 'empty' ? null : col.kind;
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'date' : 'text';
  return isPercent(row, col.id, v, row[first]) ? 'percent' : 'integer';
}

function cellText(kind, v) {
  if (kind === null) return '';
  if (kind === 'integer') return number(v);
  if (kind === 'percent') return percent(v);
  if (kind === 'date') return shortDate(v);
  return String(v);
}

/** A title with its years ("2025-26") kept on one line. */
function keepYears(text) {
  return String(text).split(/(\d{4}-\d{2})/).map((part, i) => (i % 2 ? h('span', { class: 'nowrap' }, part) : part));
}

function docTable(t, isPercent) {
  const first = t.columns[0] && t.columns[0].id;
  return h('div', { class: 'report-table' },
    table({
      caption: t.title || t.id,
      rows: t.rows || [],
      empty: 'No rows.',
      columns: t.columns.map((c, i) => ({
        head: keepYears(c.title || c.id),
        rowHeader: i === 0,
        numeric: i > 0 && NUMERIC.has(c.kind),
        cell: (r) => cellText(kindOf(c, r, first, isPercent), r[c.id]),
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
function anchors(sections) {
  const seen = new Set();
  return sections.map((sec, i) => {
    let a = `section-${String(sec.id || '').replace(/[^\w-]/g, '') || i + 1}`;
    if (seen.has(a)) a = `${a}-${i + 1}`;
    seen.add(a);
    return a;
  });
}

function section(sec, anchor, isPercent) {
  const tables = sec.tables || [];
  const charts = sec.charts || [];
  return h('section', { class: 'report-section', 'aria-labelledby': anchor },
    h('h2', { id: anchor, class: 'report-section__title' }, sec.title || sec.id),
    String(sec.intro || '').split('\n').filter((p) => p.trim()).map((p) => h('p', { class: 'report-section__intro' }, p)),
    tables.map((t) => [
      docTable(t, isPercent),
      charts.filter((c) => c.table === t.id).map((c) => docChart(c, tables, isPercent)),
    ]));
}

export async function render(ctx) {
  const kind = ctx.extra.report;
  const r = REPORTS[kind];
  const quarterly = kind === 'quarterly';
  const now = today();
  const asked = fyStart(ctx.query.get('year'));
  const fy = asked !== null && asked >= 1990 && asked <= now.fy ? asked : now.fy;
  const askedQ = Number(ctx.query.get('quarter'));
  const latest = fy < now.fy ? 4 : Math.max(1, now.quarter - 1);
  const q = quarterly ? ([1, 2, 3, 4].includes(askedQ) ? askedQ : latest) : 0;
  const year = fyName(fy);
  const period = quarterly ? `${year} Q${q}` : year;
  ctx.title(`${r.title}, ${period}`);

  const { reviver, isPercent } = reader();
  const params = { year, quarter: quarterly ? q : null };
  const d = await request('GET', `/reports/${kind}`, { query: params, reviver });

  const years = [];
  for (let i = 0; i < YEARS; i++) years.push(now.fy - i);
  if (!years.includes(fy)) years.push(fy);
  const form = new Form({
    submit: 'Show',
    onSubmit: async (v) => ctx.navigate(`/reports/${kind}${query({ year: v.year, quarter: quarterly ? v.quarter : null })}`),
  });
  form.add(h('div', { class: 'date-time date-time--spaced' },
    form.select('year', 'Financial year', years.sort((a, b) => b - a).map((y) => [fyName(y), `${fyName(y)} (April ${y} to March ${y + 1})`]),
      { value: year, hint: 'April to March' }),
    quarterly ? form.select('quarter', 'Quarter', [1, 2, 3, 4].map((x) => [String(x), `Q${x}: ${QUARTER_MONTHS[x]}`]),
      { value: String(q), hint: 'Of that financial year' }) : null));

  const [first, last] = span(fy, q);
  const what = quarterly ? 'quarter' : 'year';
  const state = now.date < first
    ? inset(h('p', null, `This ${what} has not started yet: there are no figures for it.`))
    : now.date <= last
      ? inset(h('p', null, `This ${what} has not ended: the figures are to ${date(now.date)}, and will change.`))
      : null;

  const ext = { csv: 'csv', xlsx: 'xlsx', html: 'html' };
  const file = (fmt) => `${kind}-analysis-${year}${quarterly ? `-q${q}` : ''}.${ext[fmt]}`;
  const dl = (fmt, text) => h('li', null, h('a', { href: url(`/reports/${kind}`, { ...params, format: fmt }), download: file(fmt) }, text));

  const sections = d.sections || [];
  const ids = anchors(sections);
  const contents = sections.length ? h('nav', { class: 'contents-list', 'aria-labelledby': 'contents-title' },
    h('h2', { class: 'contents-list__title', id: 'contents-title' }, 'Sections'),
    h('ol', { class: 'contents-list__list' }, sections.map((sec, i) =>
      h('li', { class: 'contents-list__item' }, h('a', { href: `#${ids[i]}` }, sec.title || sec.id))))) : null;

  ctx.show(
    backLink('/reports', 'All reports'),
    form.summary,
    heading(r.title, `${d.period || period}: ${months(fy, q)}`),
    h('p', null, r.about),
    h('p', { class: 'secondary' }, `${d.council || 'The council'}. Produced ${dateTime(d.produced) || 'now'}.`),
    state,
    form.el,
    h('h2', null, 'Download'),
    h('ul', { class: 'downloads' }, dl('csv', 'CSV'), dl('xlsx', 'Excel'), dl('html', 'Web page (HTML)')),
    contents,
    sections.length ? sections.map((sec, i) => section(sec, ids[i], isPercent)) : h('p', null, 'This analysis has no sections.'),
  );
}
