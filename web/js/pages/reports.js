// Reports: the list the server offers (GET /reports), or the reports this
// UI has pages for when it gives no list: the monthly data profile, the
// quarterly and annual analyses, the scorecard and the action plans.

import { h, heading, link, table } from '../dom.js';
import { get, url } from '../api.js';
import { can } from '../roles.js';

const FORMAT_NAMES = { json: 'JSON', csv: 'CSV', xlsx: 'Excel', html: 'Web page (HTML)', text: 'Text' };
const ALL = ['csv', 'xlsx', 'html'];
// The reports this UI has pages for, listed when the server gives no list.
const FALLBACK = [
  { id: 'monthly', title: 'Monthly data profile', formats: ALL },
  { id: 'quarterly', title: 'Quarterly analysis', formats: ALL },
  { id: 'annual', title: 'Annual analysis', formats: ALL },
  { id: 'scorecard', title: 'Scorecard', formats: ALL },
  { id: 'plans', title: 'Action plans', formats: ALL },
  { id: 'ola-interviews', title: "Other councils' interviews", formats: ALL },
];
const DESCRIPTIONS = {
  monthly: 'Per month: children missing, offered and done a return home interview, episodes, and the rates. Local months; children placed here by other councils not counted.',
  quarterly: 'A quarter against the same quarter last year.',
  annual: 'The financial year against the year before.',
  scorecard: 'The board\'s indicators month by month: year to date, direction of travel, and red, amber or green against target.',
  plans: 'Every action with its latest rating and how it moved, and the actions overdue.',
  'ola-interviews': 'Children placed here by other councils: by responsible council, interviews reported done and within 72 hours, how long each took, notices sent and answered.',
};

async function reportList() {
  try {
    const d = await get('/reports');
    return (d && d.reports) || FALLBACK;
  } catch (e) {
    if (e.status === 404 || e.status === 405) return FALLBACK;
    throw e;
  }
}

export async function render(ctx) {
  const reports = await reportList();
  if (ctx.extra.one) {
    // A report this UI has no page for: offer its downloads.
    const r = reports.find((x) => x.id === ctx.params.id);
    if (!r) {
      ctx.title('Report not found');
      ctx.show(heading('Report not found'), h('p', null, 'There is no report with that name. ', link('/reports', 'See the reports'), '.'));
      return;
    }
    ctx.title(r.title);
    ctx.show(heading(r.title, 'Report'), h('p', null, 'Download the report:'),
      h('ul', { class: 'downloads' }, (r.formats || []).filter((f) => f !== 'json').map((f) =>
        h('li', null, link(url(`/reports/${encodeURIComponent(r.id)}`, { format: f }), FORMAT_NAMES[f] || f, { download: '' })))));
    return;
  }
  ctx.title('Reports');
  ctx.show(
    heading('Reports'),
    h('p', null, 'Figures for managers, the safeguarding board and returns. They hold no names.'),
    table({
      caption: 'Reports',
      captionHidden: true,
      rows: reports,
      columns: [
        { head: 'Report', cell: (r) => link(`/reports/${encodeURIComponent(r.id)}`, r.title || r.id), rowHeader: true },
        { head: 'About it', cell: (r) => `${r.about || r.description || DESCRIPTIONS[r.id] || ''}${r.id === 'plans' && can.updatePlans(ctx.session) ? ' Upload a plan or rate an action there.' : ''}` },
        { head: 'Downloads', cell: (r) => (r.formats || []).filter((f) => f !== 'json').map((f) => FORMAT_NAMES[f] || f).join(', ') },
      ],
    }),
  );
}
