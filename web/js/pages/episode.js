// An episode: what happened, the interview the rules call for, the
// escalation schedule with each action's status, and what to do next.

import { h, heading, summaryList, table, tag, buttonLink, backLink } from '../dom.js';
import { get, patch, query } from '../api.js';
import { label, codesOf, options, placeText } from '../codes.js';
import { dateTime, hours, hoursBetween } from '../format.js';
import { riskTag, statusTag, decisionTag, verdictTag, criteriaList, childLink, interviewLink, actionLinks } from '../ui.js';
import { Form } from '../forms.js';

export async function render(ctx) {
  const id = ctx.params.id;
  const d = await get(`/episodes/${encodeURIComponent(id)}`);
  const e = d.episode;
  const rhi = d.rhi || null;
  const esc = d.escalation || null;
  const pattern = d.pattern || null;
  const interviews = d.interviews || [];
  ctx.title(`Episode ${e.episode_id}`);
  const open = !e.returned;
  const hrs = hoursBetween(e.last_seen, e.returned);
  const yn = (v) => (v === 'y' ? 'Yes' : v === 'n' ? 'No' : null);

  const buttons = h('div', { class: 'button-group' },
    open ? buttonLink(`/record-return${query({ episode_id: e.episode_id })}`, 'Record a return', false) : null,
    !open ? buttonLink(`/decide-interview${query({ episode_id: e.episode_id })}`, interviews.length ? 'Record another interview decision' : 'Decide the interview', !!interviews.length) : null,
    buttonLink(`/record-action${query({ episode_id: e.episode_id })}`, 'Record an action or meeting'));

  // Changing the risk level (the schedule follows it).
  const riskForm = new Form({
    submit: 'Change the risk level',
    onSubmit: async (v) => {
      await patch(`/episodes/${encodeURIComponent(id)}`, { risk: v.risk });
      ctx.navigate(`/episodes/${encodeURIComponent(id)}`, { flash: { title: `The risk level is now ${label('risk', v.risk).toLowerCase()}.`, body: 'The escalation schedule follows the new level.' } });
    },
  });
  riskForm.add(riskForm.radios('risk', 'Police risk level', options('risk'), { value: e.risk, inline: true, required: 'Select the risk level' }));

  ctx.show(
    backLink(`/children/${encodeURIComponent(e.child_id)}`, 'Back to the child'),
    heading(`${label('kind', e.kind) || 'Missing'}: episode ${e.episode_id}`, null),
    h('p', { class: 'lead' }, riskTag(e.risk), ' ', open ? tag('Still missing', 'red') : tag('Returned', 'green')),
    buttons,
    h('h2', null, 'What happened'),
    summaryList([
      ['Child', childLink(e.child_id)],
      ['Kind', label('kind', e.kind)],
      ['Last seen', dateTime(e.last_seen)],
      ['Reported', dateTime(e.reported)],
      ['Returned', open ? 'Not yet' : dateTime(e.returned)],
      ['Hours', hrs === null ? null : `${hours(hrs)}${open ? ' so far' : ''}`],
      ['Missing from', placeText(e.missing_from_type, e.missing_from_name) + (e.out_of_area === 'y' ? ' (out of area)' : '')],
      ['Case status at the time', label('case_status', e.case_status)],
      ['Police reference', e.police_ref],
      ['Reported by', e.reported_by],
      ['Found at', e.found_location],
      ['Safe and well check', dateTime(e.safe_well_at)],
      ['Hurt or harmed', yn(e.harmed)],
      ['Crime while absent', yn(e.crime_while_absent)],
      ['With other children', codesOf(e.with_children).length ? h('span', null, codesOf(e.with_children).map((c, i) => [i ? ', ' : '', childLink(c)])) : 'No'],
    ]),

    rhi ? [
      h('h2', null, 'Return home interview'),
      summaryList([
        ['The rules say', h('div', null, verdictTag(rhi.decision, rhi.provisional), rhi.provisional ? h('p', { class: 'secondary small' }, 'Provisional until the child returns.') : null)],
        ['Because', criteriaList(rhi.criteria)],
        ['Due', rhi.due ? dateTime(rhi.due) : 'When the child returns'],
        ['Completed', rhi.completed ? dateTime(rhi.completed) : 'Not yet'],
        ['In timescale', rhi.in_timescale === null || rhi.in_timescale === undefined ? undefined : (rhi.in_timescale ? 'Yes' : 'No')],
      ]),
    ] : null,

    h('h2', null, 'Interviews for this episode'),
    table({
      caption: 'Interviews',
      captionHidden: true,
      rows: interviews,
      empty: 'No interview decision recorded yet.',
      columns: [
        { head: 'Interview', cell: (r) => interviewLink(r.interview_id), rowHeader: true },
        { head: 'Decision', cell: (r) => decisionTag(r.decision) },
        { head: 'Reason', cell: (r) => r.decision_reason },
        { head: 'Offered', cell: (r) => dateTime(r.offered) },
        { head: 'Outcome', cell: (r) => label('outcome', r.outcome) },
        { head: 'Completed', cell: (r) => dateTime(r.completed) },
      ],
    }),

    esc ? [
      h('h2', null, 'Escalation schedule'),
      table({
        caption: 'What the guidance says must happen, and when',
        rows: esc,
        empty: 'Nothing is due for this episode.',
        columns: [
          { head: 'Action', cell: (r) => `${label('actions', r.action)}${r.seq > 1 ? ` (${r.seq})` : ''}`, rowHeader: true },
          { head: 'Due', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.due)) },
          { head: 'Status', cell: (r) => statusTag(r.status) },
          { head: 'Record it', cell: (r) => (r.status === 'overdue' || r.status === 'upcoming' ? actionLinks({ ...r, episode_id: e.episode_id }) : '') },
        ],
      }),
    ] : null,

    pattern ? [
      h('h2', null, 'Pattern'),
      summaryList([
        ['Episodes in 28 days', String(pattern.episodes_in_28_days ?? '')],
        ['Episodes in the quarter', String(pattern.episodes_in_quarter ?? '')],
        ['Episodes in the month', String(pattern.episodes_in_month ?? '')],
        ['Repeat missing', pattern.repeat ? tag('Repeat', 'orange') : 'No'],
        ['Persistent', pattern.persistent_quarter || pattern.persistent_month ? tag(pattern.persistent_month ? '3 or more this month' : '3 or more this quarter', 'red') : 'No'],
      ]),
    ] : null,

    h('h2', null, 'Change the risk level'),
    riskForm.summary,
    riskForm.el,
  );
}
