// The scorecard (GET /reports/scorecard): a financial year and, if wanted,
// the last month to show; the downloads; and the report document
// (report-doc.js) with each RAG rating as a tag with its word and the
// direction of travel as a word with an arrow.

import { h, heading, backLink, inset, tag } from '../dom.js';
import { request, query, ApiError } from '../api.js';
import { dateTime, date, month } from '../format.js';
import { Form } from '../forms.js';
import { reader, documentParts, downloads, fyName, fyStart, today, ragTag, travel, findTable } from '../report-doc.js';

const YEARS = 5; // the financial years offered: this one and the four before
const MONTH_IDS = ['apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'jan', 'feb', 'mar'];
const YM = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "YYYY-MM" of the i-th month (0: April) of the year starting April fy. */
const monthOf = (fy, i) => {
  const m = ((i + 3) % 12) + 1;
  return `${m >= 4 ? fy : fy + 1}-${String(m).padStart(2, '0')}`;
};

/** The months that may be chosen: the whole of an earlier year; this year to this month. */
function monthsOf(fy, now) {
  const out = [];
  for (let i = 0; i < 12; i++) {
    const ym = monthOf(fy, i);
    if (fy < now.fy || ym <= now.month) out.push(ym);
  }
  return out;
}

export async function render(ctx) {
  const now = today();
  const asked = fyStart(ctx.query.get('year'));
  const fy = asked !== null && asked >= 1990 && asked <= now.fy ? asked : now.fy;
  const year = fyName(fy);
  const toAsked = ctx.query.get('to_month') || '';
  const to = YM.test(toAsked) ? toAsked : '';
  ctx.title(`Scorecard, ${year}${to ? ` to ${month(to)}` : ''}`);

  const { reviver, isPercent } = reader();
  const params = { year, to_month: to || null };
  let d = null;
  let problem = null;
  try {
    d = await request('GET', '/reports/scorecard', { query: params, reviver });
  } catch (err) {
    // A year or month the server refuses: say so beside the controls.
    if (!(err instanceof ApiError) || ![400, 422].includes(err.status)) throw err;
    problem = err;
  }

  const years = [];
  for (let i = 0; i < YEARS; i++) years.push(now.fy - i);
  if (!years.includes(fy)) years.push(fy);
  years.sort((a, b) => b - a);

  const form = new Form({
    submit: 'Show',
    onSubmit: async (v) => ctx.navigate(`/reports/scorecard${query({ year: v.year, to_month: v.to_month })}`),
  });
  const monthOptions = (y) => {
    const list = monthsOf(y, now);
    return [['', y < now.fy ? 'The whole year' : 'The year so far'], ...list.map((ym) => [ym, month(ym)])];
  };
  const yearGroup = form.select('year', 'Financial year', years.map((y) => [fyName(y), `${fyName(y)} (April ${y} to March ${y + 1})`]),
    { value: year, hint: 'April to March' });
  const initialMonths = monthOptions(fy);
  if (to && !initialMonths.some(([v]) => v === to)) initialMonths.push([to, month(to)]);
  const monthGroup = form.select('to_month', 'Up to month', initialMonths,
    { value: to, hint: 'The last month to show (optional)' });
  // The months follow the year chosen.
  const yearSelect = yearGroup.querySelector('select');
  const monthSelect = monthGroup.querySelector('select');
  yearSelect.addEventListener('change', () => {
    const y = fyStart(yearSelect.value);
    const keep = monthSelect.value;
    const opts = monthOptions(y);
    monthSelect.replaceChildren(...opts.map(([v, l]) => h('option', { value: v, selected: v === keep }, l)));
  });
  form.add(h('div', { class: 'date-time date-time--spaced' }, yearGroup, monthGroup));

  const about = h('p', null, 'The board\'s indicators month by month from April: the year to date, the direction of travel, and a red, amber or green rating of the year to date against the target.');
  if (!d) {
    ctx.show(backLink('/reports', 'All reports'), form.summary, heading('Scorecard', year), about, form.el);
    form.showErrors([{ field: problem.field === 'year' || problem.field === 'to_month' ? problem.field : null, message: problem.message }]);
    return;
  }

  const indicators = findTable(d, 'scorecard', 'indicators');
  const shown = indicators ? indicators.columns.filter((c) => MONTH_IDS.includes(c.id)).length : 12;
  const last = shown ? monthOf(fy, shown - 1) : null;
  const ended = `${fy + 1}-03-31` < now.date;
  const state = !ended && last === now.month
    ? inset(h('p', null, `This year has not ended: the figures are to ${date(now.date)} (${month(now.month).split(' ')[0]} so far), and will change.`))
    : null;
  const file = (fmt) => `scorecard-${year}${shown >= 12 || !last ? '' : `-to-${last}`}.${fmt}`;

  const key = h('div', { class: 'scorecard-key' },
    h('h3', { class: 'h3' }, 'Reading the scorecard'),
    h('ul', { class: 'list' },
      h('li', null, 'RAG: the year to date (YTD) against the target: ', tag('Green', 'green'), ' meets it, ',
        tag('Amber', 'orange'), ' misses it by no more than the tolerance, ', tag('Red', 'red'),
        ' misses it by more. No rating without a target.'),
      h('li', null, 'DOT (direction of travel): the last month shown against the month before it: ',
        travel('Better'), ', ', travel('Worse'), ' or ', travel('Same'), ', honouring whether higher or lower is better.')));

  const { contents, sections } = documentParts(d, isPercent, {
    contentsFrom: 2,
    rowHeader: (t) => (t.columns.some((c) => c.id === 'indicator') ? 'indicator' : null),
    tableClass: (t) => (t.id === 'indicators' ? 'report-table--scorecard' : null),
    before: (t) => (t.id === 'indicators' ? key : null),
    cell: ({ table: t, column: c, value }) => {
      if (t.id !== 'indicators') return undefined;
      if (c.id === 'rag') return ragTag(value);
      if (c.id === 'dot') return travel(value);
      return undefined;
    },
  });

  ctx.show(
    backLink('/reports', 'All reports'),
    form.summary,
    heading('Scorecard', d.period || year),
    about,
    h('p', { class: 'secondary' }, `${d.council || 'The council'}. Produced ${dateTime(d.produced) || 'now'}.`),
    state,
    form.el,
    downloads('/reports/scorecard', params, file),
    contents,
    sections.length ? sections : h('p', null, 'The scorecard has no sections.'),
  );
}
