// The team's lists: due, daily, high risk, missing plans, weekly figures.
// Each is a table with a download of the same list as a file.

import { h, heading, table, link } from '../dom.js';
import { get, url, query } from '../api.js';
import { label, codesOf } from '../codes.js';
import { dateTime, date, duration, hours, number, parseDate } from '../format.js';
import { riskTag, childLink, episodeLink, actionLinks, teamFilter, decisionTag, verdictTag, criteriaList, name } from '../ui.js';
import { OPS } from '../roles.js';

const LISTS = {
  due: { title: 'Due and overdue actions', nav: 'Due', api: '/due', csv: true },
  daily: { title: 'Daily list', nav: 'Daily', api: '/daily', csv: false },
  'high-risk': { title: 'High-risk list', nav: 'High risk', api: '/high-risk', csv: true },
  plans: { title: 'Missing plans to review', nav: 'Plans', api: '/plans', csv: true },
  weekly: { title: 'Weekly figures', nav: 'Weekly', api: '/weekly', csv: true },
};

function subNav(ctx, current) {
  if (!OPS.includes(ctx.session.role)) return null;
  const team = ctx.query.get('team');
  return h('nav', { class: 'nav nav--sub', 'aria-label': 'Lists' }, h('ul', { class: 'nav__list' },
    Object.entries(LISTS).map(([k, l]) => h('li', null,
      h('a', { href: `/lists/${k}${team && k !== 'weekly' ? query({ team }) : ''}`, 'aria-current': k === current ? 'page' : null }, l.nav)))));
}

const actionColumns = (withLinks) => [
  { head: 'Due', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.due)) },
  { head: 'Overdue by', cell: (r) => (r.overdue_minutes > 0 ? duration(r.overdue_minutes) : 'Not yet') },
  { head: 'Action', cell: (r) => `${label('actions', r.action)}${r.seq > 1 ? ` (${r.seq})` : ''}` },
  { head: 'Child', cell: (r) => childLink(r.child_id, r.name) },
  { head: 'Episode', cell: (r) => episodeLink(r.episode_id) },
  { head: 'Team', cell: (r) => r.team },
  { head: 'Worker', cell: (r) => r.worker },
  { head: 'Risk', cell: (r) => riskTag(r.risk) },
  { head: 'Still missing', cell: (r) => (r.missing ? 'Yes' : 'No') },
  withLinks ? { head: 'Record it', cell: (r) => actionLinks(r) } : null,
].filter(Boolean);

function dueList(d) {
  const rows = d.due || [];
  return table({ caption: `${number(rows.length)} actions due or overdue, soonest first`, rows, empty: 'Nothing is due.', columns: actionColumns(true) });
}

function dailyList(d) {
  const missingCols = [
    { head: 'Child', cell: (r) => childLink(r.child_id, r.name), rowHeader: true },
    { head: 'Risk', cell: (r) => riskTag(r.risk) },
    { head: 'Last seen', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.last_seen)) },
    { head: 'Hours', cell: (r) => hours(r.hours), numeric: true },
    { head: 'Team', cell: (r) => r.team },
    { head: 'Worker', cell: (r) => r.worker },
    { head: 'Placement', cell: (r) => r.placement },
    { head: 'Episode', cell: (r) => episodeLink(r.episode_id) },
  ];
  return [
    h('h2', null, 'Missing now'),
    table({ caption: 'Children missing now', captionHidden: true, rows: d.missing || [], empty: 'No child is missing.', columns: missingCols }),
    h('h2', null, 'Away from placement now'),
    table({ caption: 'Children away from placement without authorisation', captionHidden: true, rows: d.absent || [], empty: 'No child is away from placement.', columns: missingCols }),
    h('h2', null, 'Back in the last 24 hours'),
    table({
      caption: 'Children who returned in the last 24 hours, with the interview decision', captionHidden: true, rows: d.returned || [], empty: 'No child returned in the last 24 hours.',
      columns: [
        { head: 'Child', cell: (r) => childLink(r.child_id, r.name), rowHeader: true },
        { head: 'Returned', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.returned)) },
        { head: 'Hours missing', cell: (r) => hours(r.hours), numeric: true },
        { head: 'Risk', cell: (r) => riskTag(r.risk) },
        { head: 'The rules say', cell: (r) => h('div', null, verdictTag(r.rhi), codesOf(r.criteria).length ? criteriaList(r.criteria) : null) },
        { head: 'Interview due', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.rhi_due)) },
        { head: 'Interview', cell: (r) => label('outcome', r.interview) || 'Not decided' },
        { head: 'Episode', cell: (r) => episodeLink(r.episode_id) },
      ],
    }),
    h('h2', null, 'Overdue'),
    table({
      caption: 'Overdue actions', captionHidden: true, rows: d.overdue || [], empty: 'Nothing is overdue.',
      columns: [
        { head: 'Due', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.due)) },
        { head: 'Action', cell: (r) => `${label('actions', r.action)}${r.seq > 1 ? ` (${r.seq})` : ''}` },
        { head: 'Child', cell: (r) => childLink(r.child_id, r.name) },
        { head: 'Episode', cell: (r) => episodeLink(r.episode_id) },
        { head: 'Record it', cell: (r) => actionLinks(r) },
      ],
    }),
  ];
}

function highRiskList(d) {
  const rows = d.children || [];
  return table({
    caption: `${number(rows.length)} children on the high-risk list`, rows, empty: 'No child is on the high-risk list.',
    columns: [
      { head: 'Child', cell: (r) => childLink(r.child_id, name(r)), rowHeader: true },
      { head: 'Why', cell: (r) => h('ul', { class: 'list list--plain' }, codesOf(r.reasons).map((x) => h('li', null, label('high_risk_reasons', x)))) },
      { head: 'Episodes in 28 days', cell: (r) => String(r.episodes_in_28_days ?? ''), numeric: true },
      { head: 'In the quarter', cell: (r) => String(r.episodes_in_quarter ?? ''), numeric: true },
      { head: 'In the month', cell: (r) => String(r.episodes_in_month ?? ''), numeric: true },
      { head: 'Latest episode', cell: (r) => h('span', null, episodeLink(r.latest_episode), h('br'), h('span', { class: 'secondary nowrap' }, dateTime(r.latest_last_seen))) },
      { head: 'Returned', cell: (r) => (r.latest_returned ? h('span', { class: 'nowrap' }, dateTime(r.latest_returned)) : 'Still missing') },
      { head: 'Open actions', cell: (r) => String(r.open_actions ?? ''), numeric: true },
      { head: 'Team', cell: (r) => r.team },
      { head: 'Worker', cell: (r) => r.worker },
    ],
  });
}

function plansList(d) {
  const rows = d.plans || [];
  return table({
    caption: `${number(rows.length)} missing plans to review`, rows, empty: 'No missing plan needs review.',
    columns: [
      { head: 'Child', cell: (r) => childLink(r.child_id, name(r)), rowHeader: true },
      { head: 'Why', cell: (r) => h('ul', { class: 'list list--plain' }, codesOf(r.reasons).map((x) => h('li', null, label('plan_reasons', x)))) },
      { head: 'Has a plan', cell: (r) => (r.has_plan ? 'Yes' : 'No') },
      { head: 'Last reviewed', cell: (r) => date(r.plan_reviewed) },
      { head: 'Review due', cell: (r) => date(r.plan_review_due) },
      { head: 'Last missing', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.last_missing)) },
      { head: 'Team', cell: (r) => r.team },
      { head: 'Worker', cell: (r) => r.worker },
    ],
  });
}

const WEEKLY = [
  ['returned', 'Children returned'], ['rhi_required', 'Interviews required'], ['rhi_in_time', 'Done in 72 hours'],
  ['rhi_late', 'Done late'], ['rhi_closed', 'Closed otherwise'], ['rhi_needed', 'Still needed'],
  ['completed_in_week', 'Completed this week'], ['update_on_time', 'Record updated in 5 working days'],
  ['update_late', 'Updated late'], ['update_overdue', 'Update overdue'], ['update_not_due', 'Update not yet due'],
];

function weeklyList(ctx, d) {
  const rows = d.teams || [];
  const weekOf = ctx.query.get('week_of') || '';
  const input = h('input', { class: 'input input--w10', id: 'week_of', name: 'week_of', type: 'text', value: weekOf ? weekOf.split('-').reverse().join('/') : '', 'aria-describedby': 'week_of-hint', inputmode: 'numeric' });
  const err = h('p', { class: 'error-message', id: 'week_of-error', hidden: true });
  const group = h('div', { class: 'form-group' }, h('label', { class: 'label', for: 'week_of' }, 'Week including'),
    h('div', { class: 'hint', id: 'week_of-hint' }, 'A date in the week, for example 23/11/2026. Leave empty for this week.'), err, input);
  const form = h('form', { class: 'inline-form', 'aria-label': 'Week' }, group, h('button', { type: 'submit', class: 'button button--secondary' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = input.value.trim();
    const iso = v ? parseDate(v) : '';
    if (v && !iso) {
      err.replaceChildren(h('span', { class: 'visually-hidden' }, 'Error: '), 'Enter a real date, for example 23/11/2026');
      err.hidden = false;
      group.classList.add('form-group--error');
      input.classList.add('input--error');
      input.setAttribute('aria-describedby', 'week_of-hint week_of-error');
      input.focus();
      return;
    }
    ctx.navigate(`/lists/weekly${query({ week_of: iso })}`);
  });
  const totals = {};
  for (const [k] of WEEKLY) totals[k] = rows.reduce((a, r) => a + (Number(r[k]) || 0), 0);
  return [
    form,
    h('p', null, `From ${dateTime(d.from)} to ${dateTime(d.to)}.`),
    table({
      caption: 'Interviews and record updates, per team', rows: rows.length ? [...rows, { team: 'All teams', ...totals }] : rows, empty: 'No figures for this week.',
      columns: [
        { head: 'Team', cell: (r) => r.team || 'No team', rowHeader: true },
        ...WEEKLY.map(([k, t]) => ({ head: t, cell: (r) => number(r[k] ?? 0), numeric: true })),
      ],
    }),
  ];
}

export async function render(ctx) {
  const which = ctx.extra.list;
  const l = LISTS[which];
  ctx.title(l.title);
  const team = ctx.query.get('team') || '';
  const params = which === 'weekly' ? { week_of: ctx.query.get('week_of') || '' } : { team };
  const [d, filter] = await Promise.all([get(l.api, params), which === 'weekly' ? null : teamFilter(ctx)]);
  let body;
  if (which === 'due') body = dueList(d);
  else if (which === 'daily') body = dailyList(d);
  else if (which === 'high-risk') body = highRiskList(d);
  else if (which === 'plans') body = plansList(d);
  else body = weeklyList(ctx, d);
  const fmt = l.csv ? 'csv' : 'text';
  const scope = which === 'weekly' ? null : team || d.team || (ctx.session.role === 'coordinator' ? 'All teams' : ctx.session.team);
  ctx.show(
    subNav(ctx, which),
    heading(l.title, scope),
    h('p', { class: 'secondary' }, `As at ${dateTime(d.at || d.as_at || new Date())}.`),
    filter,
    h('ul', { class: 'downloads' }, h('li', null,
      link(url(l.api, { ...params, format: fmt }), `Download this list (${l.csv ? 'CSV' : 'text'})`, { download: `${which}${team ? `-${team.replace(/\W+/g, '-').toLowerCase()}` : ''}.${l.csv ? 'csv' : 'txt'}` }))),
    body,
  );
}
