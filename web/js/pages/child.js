// A child's page: details, the missing plan, every episode newest first,
// interviews, actions, notifications and the children they go missing with.

import { h, heading, summaryList, table, link, warning, buttonLink, tag } from '../dom.js';
import { get } from '../api.js';
import { label, codesOf, placeText } from '../codes.js';
import { date, dateTime, hours, hoursBetween } from '../format.js';
import { riskTag, statusTag, decisionTag, verdictTag, criteriaList, episodeLink, interviewLink, recordsTable, childLink } from '../ui.js';
import { can } from '../roles.js';
import { printLink } from './profile.js';

const RECENT = 4; // episodes shown in full; older ones in a table

export function childName(c) {
  return [c.first_name, c.last_name].filter(Boolean).join(' ') || c.child_id;
}

function flagsOf(c) {
  const f = codesOf(c.flags);
  return f.length ? h('div', { class: 'tags' }, f.map((x) => tag(label('flags', x), 'yellow'))) : 'None';
}

function placement(c) {
  const place = placeText(c.placement_type, c.placement_name);
  if (!place) return null;
  return `${place}${c.out_of_area === 'y' ? ' (out of area)' : ''}`;
}

/** The escalation summary of an episode: a list of actions with status tags, or counts. */
export function escalationSummary(esc) {
  if (!esc) return null;
  if (Array.isArray(esc)) {
    if (!esc.length) return 'Nothing due';
    return h('ul', { class: 'list list--plain' }, esc.map((x) => h('li', null,
      statusTag(x.status), ' ', `${label('actions', x.action)}${x.seq > 1 ? ` (${x.seq})` : ''}`,
      x.due ? h('span', { class: 'secondary' }, ` – due ${dateTime(x.due)}`) : null)));
  }
  const counts = Object.entries(esc).filter(([, n]) => typeof n === 'number' && n > 0);
  if (!counts.length) return 'Nothing due';
  return h('div', { class: 'tags' }, counts.map(([k, n]) => h('span', null, statusTag(k), ` ${n}`)));
}

function episodeItem(item) {
  const e = item.episode || item;
  const rhi = item.rhi || e.rhi || {};
  const esc = item.escalation || e.escalation;
  const open = !e.returned;
  const hrs = e.hours ?? hoursBetween(e.last_seen, e.returned);
  return h('li', { class: 'timeline__item' },
    h('h3', { class: 'timeline__title' }, link(`/episodes/${encodeURIComponent(e.episode_id)}`, `${label('kind', e.kind) || 'Missing'}: ${e.episode_id}`),
      ' ', riskTag(e.risk), open ? [' ', tag('Still missing', 'red')] : null),
    summaryList([
      ['Last seen', dateTime(e.last_seen)],
      ['Returned', open ? 'Not yet' : dateTime(e.returned)],
      ['Hours', hrs === null ? undefined : `${hours(hrs)}${open ? ' so far' : ''}`],
      ['Missing from', placeText(e.missing_from_type, e.missing_from_name) || undefined],
      ['Found at', e.found_location || undefined],
      ['Interview (the rules)', rhi.decision ? h('div', null, verdictTag(rhi.decision, rhi.provisional), codesOf(rhi.criteria).length ? criteriaList(rhi.criteria) : null) : undefined],
      ['Interview due', rhi.due ? dateTime(rhi.due) : undefined],
      ['Interview done', rhi.completed ? `${dateTime(rhi.completed)}${rhi.in_timescale === false ? ' (late)' : rhi.in_timescale ? ' (in time)' : ''}` : undefined],
      ['Actions', esc ? escalationSummary(esc) : undefined],
    ]));
}

export async function render(ctx) {
  const id = ctx.params.id;
  const d = await get(`/children/${encodeURIComponent(id)}`);
  const c = d.child;
  const name = childName(c);
  ctx.title(`${name} (${c.child_id})`);
  const episodes = d.episodes || [];
  const latest = episodes.length ? (episodes[0].episode || episodes[0]) : null;
  const openEp = episodes.map((x) => x.episode || x).find((e) => !e.returned);
  const review = d.missing_plan_review;
  const q = (p, v) => `${p}?${new URLSearchParams(v)}`;

  const buttons = h('div', { class: 'button-group' },
    can.reportMissing(ctx.session) ? buttonLink(q('/report-missing', { child_id: c.child_id }), 'Report missing', false) : null,
    openEp ? buttonLink(q('/record-return', { episode_id: openEp.episode_id }), 'Record a return') : null,
    latest && latest.returned ? buttonLink(q('/decide-interview', { episode_id: latest.episode_id }), 'Decide an interview') : null,
    latest ? buttonLink(q('/record-action', { episode_id: latest.episode_id }), 'Record an action or meeting') : null,
    buttonLink(`/children/${encodeURIComponent(c.child_id)}/edit`, 'Edit details'));

  const associates = Array.isArray(d.associates) ? d.associates : (d.associates && d.associates.associates) || [];

  ctx.show(
    heading(name, `Child ${c.child_id}`),
    review && review.needed ? warning(`The missing plan needs review: ${codesOf(review.reasons).map((r) => label('plan_reasons', r).toLowerCase()).join('; ') || 'see the plan'}.`) : null,
    buttons,
    h('h2', null, 'Details'),
    summaryList([
      ['Name', name],
      ['Child ID', c.child_id],
      ['Date of birth', date(c.date_of_birth)],
      ['Gender', c.gender],
      ['Ethnicity', c.ethnicity],
      ['Case status', label('case_status', c.case_status)],
      ['Risk flags', flagsOf(c)],
      ['Responsible council', c.responsible_authority || 'This council'],
      ['Placement', placement(c)],
      ['Team', c.team],
      ['Worker', c.worker],
      ['School', c.school],
      ['Missing plan', c.missing_plan],
      ['Plan reviewed', date(c.plan_reviewed)],
      ['Plan review due', date(c.plan_review_due)],
    ]),

    h('h2', { id: 'missing-profile' }, 'Missing profile'),
    h('p', null, 'The description, photograph, mobile numbers, associates, places and risks the police need when the child is reported missing, with their previous absences.'),
    h('div', { class: 'button-group' },
      buttonLink(`/children/${encodeURIComponent(c.child_id)}/profile`, 'View or change the missing profile'),
      printLink(c.child_id)),

    h('h2', { id: 'episodes' }, `Episodes (${episodes.length})`),
    episodes.length ? h('ol', { class: 'timeline', 'aria-label': 'Episodes, newest first' }, episodes.slice(0, RECENT).map(episodeItem))
      : h('p', null, 'No episodes recorded.'),
    episodes.length > RECENT ? table({
      caption: `Older episodes (${episodes.length - RECENT})`,
      rows: episodes.slice(RECENT).map((x) => ({ ...(x.episode || x), rhi: x.rhi || {}, escalation: x.escalation || [] })),
      compact: true,
      columns: [
        { head: 'Episode', cell: (e) => link(`/episodes/${encodeURIComponent(e.episode_id)}`, e.episode_id), rowHeader: true },
        { head: 'Kind', cell: (e) => label('kind', e.kind) },
        { head: 'Risk', cell: (e) => riskTag(e.risk) },
        { head: 'Last seen', cell: (e) => h('span', { class: 'nowrap' }, dateTime(e.last_seen)) },
        { head: 'Returned', cell: (e) => (e.returned ? h('span', { class: 'nowrap' }, dateTime(e.returned)) : tag('Still missing', 'red')) },
        { head: 'Hours', cell: (e) => hours(hoursBetween(e.last_seen, e.returned)), numeric: true },
        { head: 'Interview (the rules)', cell: (e) => (e.rhi.decision ? verdictTag(e.rhi.decision, e.rhi.provisional) : '') },
        { head: 'Overdue actions', cell: (e) => String(Array.isArray(e.escalation) ? e.escalation.filter((a) => a.status === 'overdue').length : ''), numeric: true },
      ],
    }) : null,

    h('h2', { id: 'interviews' }, 'Return home interviews'),
    table({
      caption: 'Interviews',
      captionHidden: true,
      rows: d.interviews || [],
      empty: 'No interviews recorded.',
      columns: [
        { head: 'Interview', cell: (r) => interviewLink(r.interview_id), rowHeader: true },
        { head: 'Episodes', cell: (r) => h('span', null, codesOf(r.episode_ids).map((e, i) => [i ? ', ' : '', episodeLink(e)])) },
        { head: 'Decision', cell: (r) => decisionTag(r.decision) },
        { head: 'Offered', cell: (r) => dateTime(r.offered) },
        { head: 'Outcome', cell: (r) => label('outcome', r.outcome) },
        { head: 'Completed', cell: (r) => dateTime(r.completed) },
      ],
    }),

    h('h2', { id: 'actions' }, 'Actions and meetings recorded'),
    recordsTable('Actions and meetings', d.actions || [], {
      keys: ['episode_id', 'action', 'seq', 'outcome', 'at', 'reason'],
      heads: { seq: 'Number', at: 'When' },
      empty: 'No actions recorded.',
    }),

    h('h2', { id: 'notifications' }, 'Notifications sent'),
    recordsTable('Notifications', d.notifications || [], { empty: 'No notifications about this child.' }),

    h('h2', { id: 'associates' }, 'Gone missing with'),
    associates.length ? table({
      caption: 'Children this child has gone missing with',
      rows: associates,
      columns: [
        { head: 'Child', cell: (r) => childLink(r.child_id, r.name), rowHeader: true },
        ...Object.keys(associates[0]).filter((k) => !['child_id', 'name'].includes(k)).slice(0, 5)
          .map((k) => ({ head: k.replace(/_/g, ' ').replace(/^./, (x) => x.toUpperCase()), cell: (r) => (Array.isArray(r[k]) ? r[k].join(', ') : String(r[k] ?? '')) })),
      ],
    }) : h('p', null, 'No other children recorded with them.'),
  );
}
