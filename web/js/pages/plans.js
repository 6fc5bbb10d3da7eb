// The action plans (GET /reports/plans): a plan filter and an "as at"
// date; how many actions are overdue, first; the downloads; the report
// document (report-doc.js) with ratings as tags with their words and
// movement as words with arrows. A coordinator or team manager may also
// upload a plan saved from a spreadsheet as CSV (POST
// /action-plans/import: all or nothing, every row error listed) and rate
// an action (POST /action-plans/ratings).

import { h, heading, backLink, link, warning, capitalise, tag } from '../dom.js';
import { request, query, postCsv, post, ApiError } from '../api.js';
import { dateTime, date, number, parseDate } from '../format.js';
import { Form } from '../forms.js';
import { can } from '../roles.js';
import { reader, documentParts, downloads, today, ragTag, travel, shortDate, findTable, anchors, tableAnchor } from '../report-doc.js';
import { fileErrors, parseErrorLine } from '../row-errors.js';

const MAX_BYTES = 4 * 1024 * 1024;
const RATINGS = [['red', 'Red'], ['amber', 'Amber'], ['green', 'Green'], ['complete', 'Complete']];
const RAG_COLUMNS = new Set(['rag', 'latest', 'previous']);
const LONG_TEXT = new Set(['area', 'outcome', 'action', 'success_measure', 'progress']);

/** The plans' names in the order the report lists their actions. */
function planNames(d) {
  const t = d && findTable(d, 'action_plans', 'actions');
  const names = [];
  for (const r of (t && t.rows) || []) if (r.plan && !names.includes(r.plan)) names.push(r.plan);
  return names;
}

/** The report's "as at" date ("as at 2026-11-23"), else the one asked for, else today. */
function asAtOf(d, asked, now) {
  const m = /(\d{4}-\d{2}-\d{2})/.exec((d && d.period) || '');
  return m ? m[1] : parseDate(asked) || now.date;
}

/** "action-plan-missing-plan-2026-2026-11-23.csv", as the server names it. */
function fileName(plan, on, fmt) {
  if (!plan) return `action-plans-${on}.${fmt}`;
  const slug = plan.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 68);
  return `action-plan-${slug}-${on}.${fmt}`;
}

async function report(plan, on, reviver) {
  return request('GET', '/reports/plans', { query: { plan: plan || null, date: on || null }, reviver });
}

export async function render(ctx) {
  const now = today();
  const planAsked = ctx.query.get('plan') || '';
  const dateAsked = ctx.query.get('date') || '';
  // The date as typed in the address may be 22/11/2026: the server takes YYYY-MM-DD.
  const dateParam = dateAsked ? parseDate(dateAsked) || dateAsked : '';
  const manager = can.updatePlans(ctx.session);
  ctx.title(`Action plans${planAsked ? `: ${planAsked}` : ''}`);

  const { reviver, isPercent } = reader();
  let d = null;
  let problem = null;
  const [mine, every] = await Promise.allSettled([
    report(planAsked, dateParam, reviver),
    // Every plan's name, for the filter, when the report is of one plan.
    planAsked ? report('', dateParam.match(/^\d{4}-\d{2}-\d{2}$/) ? dateParam : '', null) : Promise.resolve(null),
  ]);
  if (mine.status === 'fulfilled') d = mine.value;
  else if (mine.reason instanceof ApiError && [400, 404, 422].includes(mine.reason.status) && mine.reason.field) problem = mine.reason;
  else throw mine.reason;
  let names = planAsked ? (every.status === 'fulfilled' ? planNames(every.value) : []) : planNames(d);
  if (!d && !names.length) names = planNames(await report('', '', null).catch(() => null));
  const on = asAtOf(d, dateParam, now);
  const here = `/reports/plans${query({ plan: planAsked, date: dateAsked })}`;

  // ---- the filter ----
  const filter = new Form({
    submit: 'Show',
    onSubmit: async (v) => ctx.navigate(`/reports/plans${query({ plan: v.plan, date: v.date })}`),
  });
  const planChoices = names.map((n) => [n, n]);
  if (planAsked && !names.includes(planAsked)) planChoices.push([planAsked, planAsked]);
  filter.add(h('div', { class: 'date-time date-time--spaced' },
    filter.select('plan', 'Plan', planChoices, { id: 'filter-plan', empty: 'Every plan', value: planAsked }),
    filter.date('date', 'As at', { id: 'as-at', value: on, hint: 'Overdue means due before this date. For example, 27/3/2026' })));

  const intro = [
    h('p', null, 'Every action of the board\'s action plans with its latest rating and the one before it, how it moved, and the actions overdue: due before the date and not rated green or complete.'),
  ];
  const jump = manager ? h('p', null, 'Update a plan: ', link('#upload-title', 'upload an action plan'), ' or ', link('#rate-title', 'rate an action'), '.') : null;

  let body = [];
  if (d) {
    const overdue = findTable(d, 'action_plans', 'overdue');
    const late = overdue ? (overdue.rows || []).length : 0;
    const sectionAnchor = anchors(d.sections || [])[(d.sections || []).findIndex((s) => s.id === 'action_plans')];
    const overdueId = overdue && sectionAnchor ? tableAnchor(sectionAnchor, overdue) : null;
    const alert = late
      ? h('div', { class: 'overdue-alert', id: 'overdue-alert' },
        warning(`${number(late)} ${late === 1 ? 'action is' : 'actions are'} overdue: due before ${date(on)} and not rated green or complete.`),
        overdueId ? h('p', null, link(`#${overdueId}`, 'See the overdue actions')) : null)
      : h('p', { class: 'overdue-none', id: 'overdue-alert' }, `No action is overdue as at ${date(on)}.`);
    const { contents, sections } = documentParts(d, isPercent, {
      contentsFrom: 2,
      tableClass: (t) => (t.id === 'overdue' && late ? 'report-table--alert' : t.id === 'actions' ? 'report-table--wide' : null),
      empty: (t) => (t.id === 'overdue' ? 'No action is overdue.' : t.id === 'actions' ? 'No actions: upload a plan.' : 'No rows.'),
      cell: ({ table: t, column: c, value, text }) => {
        if (RAG_COLUMNS.has(c.id) && t.id !== 'movement') return ragTag(value);
        if (c.id === 'movement' && t.id === 'actions') return travel(value);
        if (t.id === 'movement' && c.id === 'movement') return travel(value);
        if (c.id === 'overdue' && t.id === 'actions') return value === 'Yes' ? tag('Overdue', 'red') : value ? String(value) : 'No';
        // "Initial", or the date a rating was as at.
        if (/_on$/.test(c.id) && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return h('span', { class: 'nowrap' }, shortDate(value));
        if (c.id === 'due' && text) return h('span', { class: 'nowrap' }, text);
        // Long text (the action, progress notes) keeps a readable width, and its lines.
        if (LONG_TEXT.has(c.id) && text) return h('span', { class: 'cell-long' }, text);
        return undefined;
      },
    });
    body = [
      alert,
      ...downloads('/reports/plans', { plan: planAsked || null, date: dateParam || null }, (fmt) => fileName(planAsked, on, fmt)),
      contents,
      ...(sections.length ? sections : [h('p', null, 'The report has no sections.')]),
    ];
  }

  const forms = manager ? [uploadSection(ctx, names, planAsked, dateAsked), rateSection(ctx, names, planAsked, here, now)] : [];
  // One form's errors at a time: sending one clears the others' (before it shows its own).
  const parts = [{ form: filter, clear: () => filter.clearErrors() }, ...forms];
  for (const part of parts) {
    if (part.form) part.form.el.addEventListener('submit', () => parts.forEach((o) => o !== part && o.clear()), { capture: true });
  }

  ctx.show(
    backLink('/reports', 'All reports'),
    filter.summary,
    heading('Action plans', d ? `${planAsked ? `${planAsked}, as` : 'As'} at ${date(on)}` : null),
    intro,
    d ? h('p', { class: 'secondary' }, `${d.council || 'The council'}. Produced ${dateTime(d.produced) || 'now'}.`) : null,
    jump,
    filter.el,
    ...body,
    ...forms.map((f) => f.el),
  );
  if (problem) {
    const field = problem.field === 'plan' ? 'plan' : problem.field === 'date' ? 'date' : null;
    filter.showErrors([{ field, message: problem.message }]);
  }
}

/** "Upload an action plan": the plan's name and its CSV file. Returns {el, form, clear}. */
function uploadSection(ctx, names, planAsked, dateAsked) {
  const result = h('div', { id: 'upload-result' });
  let fileInput;
  const form = new Form({
    submit: 'Upload the plan',
    validate: () => {
      const errs = [];
      if (!fileInput.files.length) errs.push({ field: 'file', message: 'Choose the plan\'s CSV file' });
      else if (fileInput.files[0].size > MAX_BYTES) errs.push({ field: 'file', message: 'The file must be smaller than 4 MB' });
      return errs;
    },
    onSubmit: async (v) => {
      result.replaceChildren();
      const file = fileInput.files[0];
      const text = await file.text();
      let r;
      try {
        r = await postCsv(`/action-plans/import${query({ plan: v.plan })}`, text);
      } catch (err) {
        if (!(err instanceof ApiError) || err.status !== 422) throw err;
        const lines = (err.errors || []).map(parseErrorLine);
        if (!lines.length) {
          // The whole file is wrong (a column, the name): the server calls
          // every upload plan.csv, so name the file chosen.
          const m = /^plan\.csv(?::(\d+))?: ([\s\S]*)$/.exec(String(err.message));
          const what = m ? `${m[1] ? `Line ${m[1]} of ${file.name}` : `The file ${file.name}`}: ${m[2]}` : String(err.message);
          form.showErrors([{ field: /the plan's name/.test(what) ? 'plan' : 'file', message: `${what}. Nothing was changed.` }]);
          return false;
        }
        form.clearErrors();
        const { summary, nodes } = fileErrors(file.name, lines, 'upload-errors');
        result.replaceChildren(...nodes);
        if (form.baseTitle === null) form.baseTitle = document.title;
        document.title = `Error: ${form.baseTitle}`;
        summary.focus();
        return false;
      }
      const flash = {
        title: `${r.plan}: the plan is uploaded`,
        body: `${file.name}: ${number(r.rows)} ${r.rows === 1 ? 'row' : 'rows'}. Actions: ${number(r.added)} added, ${number(r.changed)} changed, ${number(r.unchanged)} unchanged. Ratings recorded: ${number(r.ratings)}.`,
      };
      ctx.navigate(`/reports/plans${query({ plan: r.plan, date: dateAsked })}`, { replace: r.plan === planAsked, flash });
    },
  });
  const planGroup = form.text('plan', 'Plan name', {
    id: 'upload-plan', required: 'Enter the plan\'s name', maxlength: 120, value: planAsked,
    hint: 'Uploading a plan again under the same name updates its actions, matched by their ref; earlier ratings and notes are kept.',
  });
  const planInput = planGroup.querySelector('input');
  if (names.length) {
    planInput.setAttribute('list', 'upload-plan-names');
    planGroup.appendChild(h('datalist', { id: 'upload-plan-names' }, names.map((n) => h('option', { value: n }))));
  }
  fileInput = h('input', { type: 'file', id: 'upload-file', name: 'file', class: 'input', accept: '.csv,text/csv', 'aria-describedby': 'upload-file-hint' });
  fileInput.addEventListener('change', () => {
    // A plan without a name takes the file's (as the command line does).
    if (!planInput.value.trim() && fileInput.files.length) planInput.value = fileInput.files[0].name.replace(/\.[^.]*$/, '');
  });
  const fileGroup = h('div', { class: 'form-group' },
    h('label', { class: 'label', for: 'upload-file' }, 'CSV file'),
    h('div', { class: 'hint', id: 'upload-file-hint' },
      'The plan saved from its spreadsheet as CSV (UTF-8), up to 4 MB, with a header row. Ref and Action are required; ',
      'also Area, Outcome, Success measure, Lead, Owner, Due (or Time), Progress, and ratings as RAG Initial, RAG <date> (RAG 01/18) or RAG. ',
      'If any row is wrong, nothing is changed and every error is listed.'),
    fileInput);
  form.register('file', { label: 'CSV file', group: fileGroup, focus: fileInput, inputs: [fileInput], describe: fileInput, read: () => ({ value: undefined }) });
  form.add(planGroup, fileGroup);
  const el = h('section', { class: 'plan-form', 'aria-labelledby': 'upload-title' },
    h('h2', { id: 'upload-title', tabindex: '-1' }, 'Upload an action plan'),
    form.summary, form.el, result);
  return { el, form, clear: () => (form.clearErrors(), result.replaceChildren()) };
}

/** "Rate an action": plan, ref, the rating, as at a date, a note. Returns {el, form, clear}. */
function rateSection(ctx, names, planAsked, here, now) {
  const section = (...nodes) => h('section', { class: 'plan-form', 'aria-labelledby': 'rate-title' },
    h('h2', { id: 'rate-title', tabindex: '-1' }, 'Rate an action'), nodes);
  if (!names.length) return { el: section(h('p', null, 'There are no action plans yet: upload one first.')), form: null, clear: () => {} };
  const form = new Form({
    submit: 'Record the rating',
    validate: (v) => (v.ref && !/^[A-Za-z0-9._\-/]{1,40}$/.test(v.ref)
      ? [{ field: 'ref', message: 'The ref must be as the plan numbers the action, for example 1.2 (letters, digits and . - _ /)' }] : []),
    onSubmit: async (v) => {
      const body = { plan: v.plan, ref: v.ref, rag: v.rag, on: v.on, note: v.note || '' };
      let r;
      try {
        r = await post('/action-plans/ratings', body);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404 && !err.field) err.field = 'ref';
        throw err;
      }
      const rating = capitalise(v.rag);
      const flash = r && r.recorded === false
        ? { title: `Action ${v.ref} was already rated ${rating} as at ${date(v.on)}`, body: `${v.plan}: nothing was changed.`, kind: 'info' }
        : { title: `Action ${v.ref} rated ${rating} as at ${date(v.on)}`, body: `${v.plan}. The report below shows the rating.` };
      ctx.navigate(here, { replace: true, flash });
    },
  });
  form.add(
    form.select('plan', 'The action\'s plan', names.map((n) => [n, n]), { id: 'rate-plan', value: names.includes(planAsked) ? planAsked : names[0], required: 'Select the plan' }),
    form.text('ref', 'Ref', { id: 'rate-ref', width: 'w10', maxlength: 40, required: 'Enter the action\'s ref, for example 1.2', hint: 'The action\'s number in the plan, for example 1.2' }),
    form.radios('rag', 'Rating', RATINGS, { id: 'rate-rag', inline: true, required: 'Select a rating: red, amber, green or complete' }),
    form.date('on', 'Rating as at', { id: 'rate-on', value: now.date, required: 'Enter the date the rating is as at', what: 'The date the rating is as at', hint: 'The date of the review. For example, 27/3/2026' }),
    form.textarea('note', 'Note (optional)', { id: 'rate-note', rows: 3, hint: 'Why, or what was agreed' }),
  );
  return { el: section(form.summary, form.el), form, clear: () => form.clearErrors() };
}
