// Interviews: for police liaison, the completed interviews shared with the
// police; for others, the interviews of one child or episode (?child_id=).

import { h, heading, table } from '../dom.js';
import { get } from '../api.js';
import { label, codesOf } from '../codes.js';
import { dateTime, date } from '../format.js';
import { interviewLink, episodeLink, decisionTag } from '../ui.js';

export async function render(ctx) {
  const police = ctx.session.role === 'police_liaison';
  const title = police ? 'Interviews shared with the police' : 'Interviews';
  ctx.title(title);
  const childId = ctx.query.get('child_id') || '';
  const episodeId = ctx.query.get('episode_id') || '';
  const d = await get('/interviews', { child_id: childId, episode_id: episodeId });
  const rows = d.interviews || [];
  ctx.show(
    heading(title),
    police ? h('p', null, 'Return home interviews the missing team has shared with the police, for intelligence. Only what has been shared is shown.') : null,
    table({
      caption: title,
      captionHidden: true,
      rows,
      empty: police ? 'No interviews have been shared with the police.' : 'No interviews found.',
      columns: [
        { head: 'Interview', cell: (r) => interviewLink(r.interview_id), rowHeader: true },
        { head: 'Child ID', cell: (r) => r.child_id },
        { head: 'Episodes', cell: (r) => h('span', null, codesOf(r.episode_ids).map((e, i) => [i ? ', ' : '', police ? e : episodeLink(e)])) },
        police ? null : { head: 'Decision', cell: (r) => decisionTag(r.decision) },
        { head: 'Completed', cell: (r) => dateTime(r.completed) },
        { head: 'Reasons', cell: (r) => codesOf(r.reasons).map((x) => label('reasons', x)).join('; ') },
        { head: 'Screening', cell: (r) => label('screening', r.screening) },
        { head: 'Shared', cell: (r) => date(r.shared_with_police) },
      ].filter(Boolean),
    }),
  );
}
