// Other councils' interviews (GET /reports/ola-interviews): children placed
// here by other councils, by responsible council — interviews reported done
// and within 72 hours, how long each took, the notices sent and answered —
// for returns between two dates (the financial year so far unless asked),
// with the downloads and the report document (report-doc.js).

import { h, heading, backLink } from '../dom.js';
import { request, query, ApiError } from '../api.js';
import { dateTime, date } from '../format.js';
import { Form } from '../forms.js';
import { reader, documentParts, downloads, today } from '../report-doc.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export async function render(ctx) {
  const now = today();
  const from = ISO.test(ctx.query.get('from') || '') ? ctx.query.get('from') : `${now.fy}-04-01`;
  const to = ISO.test(ctx.query.get('to') || '') ? ctx.query.get('to') : now.date;
  ctx.title(`Other councils' interviews, ${date(from)} to ${date(to)}`);

  const { reviver, isPercent } = reader();
  const params = { from, to };
  let d = null;
  let problem = null;
  try {
    d = await request('GET', '/reports/ola-interviews', { query: params, reviver });
  } catch (err) {
    if (!(err instanceof ApiError) || ![400, 422].includes(err.status)) throw err;
    problem = err;
  }

  const form = new Form({
    submit: 'Show',
    onSubmit: async (v) => ctx.navigate(`/reports/ola-interviews${query({ from: v.from, to: v.to })}`),
  });
  form.add(h('div', { class: 'date-time date-time--spaced' },
    form.date('from', 'Returns from', { value: from, required: 'Enter the first day', what: 'The first day' }),
    form.date('to', 'to', { value: to, required: 'Enter the last day', what: 'The last day' })));

  const parts = d ? documentParts(d, isPercent) : { contents: null, sections: [] };
  ctx.show(
    backLink('/reports', 'All reports'),
    form.summary,
    heading("Other councils' interviews", `Returns from ${date(from)} to ${date(to)}`),
    h('p', null, 'Children placed here by other councils: the council responsible for each holds the return home interview and tells us when it is done. By council: episodes returned, the notices sent of each kind, interviews reported done and within 72 hours, how long they took, and what is outstanding or unanswered.'),
    d ? h('p', { class: 'secondary' }, `${d.council || 'The council'}. Produced ${dateTime(d.produced) || 'now'}.`) : null,
    form.el,
    problem ? h('p', { class: 'error-message', role: 'alert' }, problem.message) : null,
    d ? downloads('/reports/ola-interviews', params, (fmt) => `ola-interviews-${from}-to-${to}.${fmt}`) : null,
    parts.contents,
    parts.sections,
  );
}
