// Dashboard: who is missing now, what is overdue or due in 24 hours, and
// who has come back and is waiting for an interview decision.

import { h, heading, table, link } from '../dom.js';
import { get } from '../api.js';
import { label, codesOf } from '../codes.js';
import { dateTime, hours, duration, number } from '../format.js';
import { riskTag, childLink, episodeLink, actionLinks, teamFilter, decisionTag, verdictTag, criteriaList } from '../ui.js';

const SHOWN = 10; // rows of each action table; the due list has them all

function card(count, text, href, alert) {
  return h('li', { class: ['card', alert && count > 0 && 'card--alert'] },
    h('a', { href }, h('span', { class: 'card__count' }, number(count ?? 0)), h('span', { class: 'card__label' }, text)));
}

function actionTable(caption, rows, overdue, team, total = rows.length) {
  const shown = rows.slice(0, SHOWN);
  return h('div', null,
    table({
      caption,
      captionHidden: true,
      rows: shown,
      empty: overdue ? 'No actions are overdue.' : 'No actions are due in the next 24 hours.',
      columns: [
        { head: 'Due', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.due)) },
        overdue ? { head: 'Overdue by', cell: (r) => duration(r.overdue_minutes) } : null,
        { head: 'Action', cell: (r) => `${label('actions', r.action)}${r.seq > 1 ? ` (${r.seq})` : ''}` },
        { head: 'Child', cell: (r) => childLink(r.child_id, r.name) },
        { head: 'Episode', cell: (r) => episodeLink(r.episode_id) },
        { head: 'Risk', cell: (r) => riskTag(r.risk) },
        { head: 'Record it', cell: (r) => actionLinks(r) },
      ].filter(Boolean),
    }),
    total > shown.length
      ? h('p', null, `Showing ${shown.length} of ${number(total)}. `, link(`/lists/due${team ? `?team=${encodeURIComponent(team)}` : ''}`, 'See them all on the due list'), '.')
      : null);
}

export async function render(ctx) {
  ctx.title('Dashboard');
  const team = ctx.query.get('team') || '';
  const [d, filter] = await Promise.all([get('/dashboard', { team }), teamFilter(ctx)]);
  const c = d.counts || {};
  const missing = d.missing || [];
  const overdue = d.overdue || [];
  const dueSoon = d.due_soon || [];
  const awaiting = d.awaiting_decision || [];
  const scope = d.team || team || (ctx.session.role === 'coordinator' ? 'All teams' : ctx.session.team);

  ctx.show(
    heading('Dashboard', scope),
    h('p', { class: 'secondary' }, `As at ${dateTime(d.at || new Date())}.`),
    filter,
    h('h2', { class: 'visually-hidden' }, 'Counts'),
    h('ul', { class: 'cards' },
      card((c.missing ?? 0) + (c.absent ?? 0), 'missing or away now', '#missing-now', true),
      card(c.overdue ?? overdue.length, 'overdue actions', '#overdue', true),
      card(c.due_soon ?? dueSoon.length, 'actions due in the next 24 hours', '#due-soon'),
      card(c.awaiting_decision ?? awaiting.length, 'awaiting an interview decision', '#awaiting')),

    h('h2', { id: 'missing-now' }, 'Missing now'),
    table({
      caption: 'Children missing or away from placement now, longest first',
      captionHidden: true,
      rows: missing,
      empty: 'No child is missing now.',
      columns: [
        { head: 'Child', cell: (r) => childLink(r.child_id, r.name), rowHeader: true },
        { head: 'Kind', cell: (r) => label('kind', r.kind) || 'Missing' },
        { head: 'Risk', cell: (r) => riskTag(r.risk) },
        { head: 'Last seen', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.last_seen)) },
        { head: 'Hours missing', cell: (r) => hours(r.hours), numeric: true },
        { head: 'Team', cell: (r) => r.team || 'No team' },
        { head: 'Placement', cell: (r) => r.placement },
        { head: 'Episode', cell: (r) => episodeLink(r.episode_id) },
      ],
    }),

    h('h2', { id: 'overdue' }, 'Overdue actions'),
    actionTable('Actions past their due time, most overdue first', overdue, true, team, c.overdue ?? overdue.length),

    h('h2', { id: 'due-soon' }, 'Due in the next 24 hours'),
    actionTable('Actions due in the next 24 hours, soonest first', dueSoon, false, team, c.due_soon ?? dueSoon.length),

    h('h2', { id: 'awaiting' }, 'Awaiting an interview decision'),
    table({
      caption: 'Children back home with no return home interview decision recorded',
      captionHidden: true,
      rows: awaiting,
      empty: 'Every returned child has an interview decision.',
      columns: [
        { head: 'Child', cell: (r) => childLink(r.child_id, r.name), rowHeader: true },
        { head: 'Returned', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.returned)) },
        { head: 'The rules say', cell: (r) => h('div', null, verdictTag(r.rhi), codesOf(r.criteria).length ? criteriaList(r.criteria) : null) },
        { head: 'Interview due', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.rhi_due)) },
        { head: 'Episode', cell: (r) => episodeLink(r.episode_id) },
        { head: 'Decide', cell: (r) => h('a', { href: `/decide-interview?episode_id=${encodeURIComponent(r.episode_id)}`, class: 'button button--secondary button--small' }, 'Decide', h('span', { class: 'visually-hidden' }, ` the interview for ${r.episode_id}`)) },
      ],
    }),
  );
}
