// The quarterly and annual analyses (GET /reports/quarterly, /reports/annual):
// a financial year (and a quarter), whether it is for publication (small
// numbers suppressed: publish=1, carried into the downloads), the
// downloads, a list of the sections, and each section of the report
// document as the server built it (drawn by report-doc.js: its
// introduction, its tables, their charts).

import { h, heading, backLink, inset } from '../dom.js';
import { request, query } from '../api.js';
import { dateTime, date } from '../format.js';
import { Form } from '../forms.js';
import { reader, documentParts, downloads, fyName, fyStart, today } from '../report-doc.js';

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
const YEARS = 5; // the financial years offered: this one and the four before

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
  const publish = ctx.query.get('publish') === '1';
  ctx.title(`${r.title}, ${period}${publish ? ', for publication' : ''}`);

  const { reviver, isPercent } = reader();
  const params = { year, quarter: quarterly ? q : null, publish: publish ? 1 : null };
  const d = await request('GET', `/reports/${kind}`, { query: params, reviver });

  const years = [];
  for (let i = 0; i < YEARS; i++) years.push(now.fy - i);
  if (!years.includes(fy)) years.push(fy);
  const form = new Form({
    submit: 'Show',
    onSubmit: async (v) => ctx.navigate(`/reports/${kind}${query({
      year: v.year, quarter: quarterly ? v.quarter : null, publish: (v.publish || []).includes('1') ? 1 : null,
    })}`),
  });
  form.add(h('div', { class: 'date-time date-time--spaced' },
    form.select('year', 'Financial year', years.sort((a, b) => b - a).map((y) => [fyName(y), `${fyName(y)} (April ${y} to March ${y + 1})`]),
      { value: year, hint: 'April to March' }),
    quarterly ? form.select('quarter', 'Quarter', [1, 2, 3, 4].map((x) => [String(x), `Q${x}: ${QUARTER_MONTHS[x]}`]),
      { value: String(q), hint: 'Of that financial year' }) : null));
  form.add(form.checkboxes('publish', 'Publication', [['1', 'For publication (small numbers suppressed)',
    'Counts under 5, and any number they could be worked out from, are shown as c; tables naming children are left out. The downloads are the same.']],
  { value: publish ? ['1'] : [] }));

  const [first, last] = span(fy, q);
  const what = quarterly ? 'quarter' : 'year';
  const state = now.date < first
    ? inset(h('p', null, `This ${what} has not started yet: there are no figures for it.`))
    : now.date <= last
      ? inset(h('p', null, `This ${what} has not ended: the figures are to ${date(now.date)}, and will change.`))
      : null;

  const ext = { csv: 'csv', xlsx: 'xlsx', html: 'html' };
  const file = (fmt) => `${kind}-analysis-${year}${quarterly ? `-q${q}` : ''}${publish ? '-publication' : ''}.${ext[fmt]}`;
  const { contents, sections } = documentParts(d, isPercent);

  ctx.show(
    backLink('/reports', 'All reports'),
    form.summary,
    heading(r.title, `${d.period || period}: ${months(fy, q)}`),
    h('p', null, r.about),
    h('p', { class: 'secondary' }, `${d.council || 'The council'}. Produced ${dateTime(d.produced) || 'now'}.`),
    d.publication ? inset(h('p', { class: 'publication-notice' }, h('strong', null, d.notice || 'For publication.')), h('p', null, d.footnote || '')) : null,
    state,
    form.el,
    downloads(`/reports/${kind}`, params, file),
    contents,
    sections.length ? sections : h('p', null, 'This analysis has no sections.'),
  );
}
