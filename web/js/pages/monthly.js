// The monthly data profile: the measures per month as a table (months as
// columns, as councils publish it), a chart of episodes and children per
// month, and the downloads (CSV, Excel, HTML).

import { h, heading, link, table, backLink } from '../dom.js';
import { get, url, query } from '../api.js';
import { month, monthsBefore, londonParts, number, percent } from '../format.js';
import { chart } from '../chart.js';
import { Form } from '../forms.js';

const MEASURES = [
  ['children_missing', 'Children who went missing', number],
  ['children_offered', 'Children offered an interview', number],
  ['children_done', 'Children with an interview done', number],
  ['episodes', 'Missing episodes', number],
  ['episodes_done', 'Episodes with an interview done', number],
  ['offer_rate', 'Interview offer rate (children)', percent],
  ['done_rate', 'Interviews done, % of episodes', percent],
  ['lac_done_rate', 'Interviews done, % of episodes, looked-after children', percent],
];

const YM = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function render(ctx) {
  const thisMonth = londonParts().month;
  const to = YM.test(ctx.query.get('to') || '') ? ctx.query.get('to') : thisMonth;
  const from = YM.test(ctx.query.get('from') || '') ? ctx.query.get('from') : monthsBefore(to, 11);
  ctx.title(`Monthly data profile, ${month(from)} to ${month(to)}`);
  const d = await get('/reports/monthly', { from, to });
  const months = d.months || [];

  const form = new Form({
    submit: 'Show these months',
    validate: (v) => (v.from && v.to && v.from > v.to ? [{ field: 'to', message: 'The last month must be the same as or after the first month' }] : []),
    onSubmit: async (v) => ctx.navigate(`/reports/monthly${query({ from: v.from, to: v.to })}`),
  });
  const monthField = (name, text, value) => {
    const g = form.text(name, text, { value, type: 'month', width: 'w10', hint: 'For example, 2026-04', required: `Enter the ${name === 'from' ? 'first' : 'last'} month`, pattern: YM, patternMessage: `The ${name === 'from' ? 'first' : 'last'} month must be a month as year and month, for example 2026-04` });
    return g;
  };
  form.add(h('div', { class: 'date-time date-time--spaced' }, monthField('from', 'First month', from), monthField('to', 'Last month', to)));

  const dl = (fmt, text) => h('li', null, link(url('/reports/monthly', { from, to, format: fmt }), text, { download: `monthly-profile-${from}-to-${to}.${fmt}` }));

  ctx.show(
    backLink('/reports', 'All reports'),
    form.summary,
    heading('Monthly data profile', `${month(from)} to ${month(to)}`),
    h('p', null, 'Months are local UK months; an episode counts in the month the child was last seen. Children placed here by other councils are not counted.'),
    form.el,
    h('h2', null, 'Download'),
    h('ul', { class: 'downloads' }, dl('csv', 'CSV'), dl('xlsx', 'Excel'), dl('html', 'Web page (HTML)')),
    h('h2', null, 'The profile'),
    table({
      caption: `Monthly data profile, ${month(from)} to ${month(to)}`,
      rows: MEASURES,
      columns: [
        { head: 'Measure', cell: (m) => m[1], rowHeader: true },
        ...months.map((mo) => ({ head: month(mo.month, true), cell: (m) => m[2](mo[m[0]]), numeric: true })),
      ],
    }),
    months.length ? chart({
      title: 'Missing episodes and children missing, per month',
      type: 'bar',
      categories: months.map((mo) => month(mo.month, true)),
      longCategories: months.map((mo) => month(mo.month)),
      series: [
        { name: 'Missing episodes', values: months.map((mo) => mo.episodes ?? 0) },
        { name: 'Children who went missing', values: months.map((mo) => mo.children_missing ?? 0) },
      ],
    }) : null,
  );
}
