// An interview: the decision beside the rules' verdict, the 72-hour
// timescale, attempts, and what to record next.

import { h, heading, summaryList, table, warning, buttonLink, backLink, tag } from '../dom.js';
import { get } from '../api.js';
import { label, codesOf } from '../codes.js';
import { dateTime, date } from '../format.js';
import { decisionTag, verdictTag, criteriaList, childLink, episodeLink } from '../ui.js';
import { can } from '../roles.js';

export async function render(ctx) {
  const id = ctx.params.id;
  const d = await get(`/interviews/${encodeURIComponent(id)}`);
  const iv = d.interview || d;
  const rules = d.rules || null;
  const decision = d.decision || null;
  const ts = d.timescale || null;
  const attempts = d.attempts || [];
  const warnings = d.warnings || [];
  const police = ctx.session.role === 'police_liaison';
  ctx.title(`Interview ${iv.interview_id}`);
  const base = `/interviews/${encodeURIComponent(iv.interview_id)}`;
  const done = iv.outcome === 'completed';
  const closed = done || iv.outcome === 'declined' || iv.outcome === 'not_required';
  const episodes = codesOf(iv.episode_ids);

  const buttons = police ? null : h('div', { class: 'button-group' },
    !closed ? buttonLink(`${base}/offer`, iv.offered ? 'Change when it was offered' : 'Record the offer', !!iv.offered) : null,
    !closed ? buttonLink(`${base}/attempt`, 'Record an attempt') : null,
    !closed ? buttonLink(`${base}/complete`, 'Record the completed interview', !iv.offered) : null,
    !closed ? buttonLink(`${base}/decline`, 'The child declined') : null,
    done && !iv.signed_off && can.signOff(ctx.session) ? buttonLink(`${base}/sign-off`, 'Sign off', false) : null);

  ctx.show(
    police ? backLink('/interviews', 'Back to shared interviews') : (iv.child_id ? backLink(`/children/${encodeURIComponent(iv.child_id)}`, 'Back to the child') : null),
    heading(`Return home interview ${iv.interview_id}`),
    h('p', { class: 'lead' }, decisionTag(iv.decision), ' ', tag(label('outcome', iv.outcome || 'pending'), done ? 'green' : 'grey'),
      ts && ts.overdue ? [' ', tag('Overdue', 'red')] : null),
    warnings.map((w) => warning(typeof w === 'string' ? w : w.message || JSON.stringify(w))),
    buttons,
    h('h2', null, 'The interview'),
    summaryList([
      ['Child', police ? iv.child_id : childLink(iv.child_id)],
      ['Episodes', h('span', null, episodes.map((e, i) => [i ? ', ' : '', police ? e : episodeLink(e)]))],
      ['Decision', iv.decision ? label('decision', iv.decision) : 'Not decided'],
      ['Why', iv.decision_reason],
      ['Decided by', iv.decided_by],
      ['Offered', dateTime(iv.offered)],
      ['Outcome', label('outcome', iv.outcome)],
      ['Completed', dateTime(iv.completed)],
      ['Conducted by', label('conducted_by', iv.conducted_by)],
      ['Reasons the child gave', codesOf(iv.reasons).length ? h('ul', { class: 'list list--plain' }, codesOf(iv.reasons).map((r) => h('li', null, label('reasons', r)))) : null],
      ['Risks identified', iv.risks],
      ['Exploitation screening', label('screening', iv.screening)],
      ['Why it was late', label('lateness_reason', iv.lateness_reason) || undefined],
      ['Shared with the police', date(iv.shared_with_police)],
      ['Signed off', iv.signed_off ? `${dateTime(iv.signed_off)}${iv.signed_off_by ? ` by ${iv.signed_off_by}` : ''}` : 'Not yet'],
    ]),
    rules ? [
      h('h2', null, 'What the rules say'),
      summaryList([
        ['Verdict', verdictTag(rules.decision)],
        ...(rules.episodes || []).map((x) => [`Episode ${x.episode_id}`, h('div', null, verdictTag(x.decision, x.provisional), criteriaList(x.criteria))]),
        decision ? ['Recorded decision', decision.override ? h('span', null, tag('Overrides the rules', 'orange'), ` ${decision.reason || ''}`) : 'Follows the rules'] : undefined,
      ]),
    ] : null,
    ts ? [
      h('h2', null, 'Timescale'),
      summaryList([
        ['Due (72 hours after the return)', ts.due ? dateTime(ts.due) : 'When the child returns'],
        ['Completed', ts.completed ? dateTime(ts.completed) : 'Not yet'],
        ['In timescale', ts.in_timescale === null || ts.in_timescale === undefined ? (ts.overdue ? 'No: overdue' : 'Not yet known') : (ts.in_timescale ? 'Yes' : 'No')],
        ['Reason for lateness', label('lateness_reason', ts.lateness_reason) || undefined],
      ]),
    ] : null,
    h('h2', null, 'Attempts'),
    d.face_to_face_attempts !== undefined ? h('p', null, `${d.face_to_face_attempts} face-to-face ${d.face_to_face_attempts === 1 ? 'attempt' : 'attempts'}. At least two face-to-face attempts are expected before completing from carers' and agencies' information.`) : null,
    table({
      caption: 'Attempts to hold the interview',
      captionHidden: true,
      rows: attempts,
      empty: 'No attempts recorded.',
      columns: [
        { head: 'When', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.at)), rowHeader: true },
        { head: 'Face to face', cell: (r) => (r.face_to_face === true || r.face_to_face === 'y' ? 'Yes' : 'No') },
        { head: 'Outcome', cell: (r) => label('attempt_outcome', r.outcome) },
        { head: 'Note', cell: (r) => r.note },
      ],
    }),
  );
}
