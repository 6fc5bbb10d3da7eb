// Record a return: when and where the child was found, and the police
// safe-and-well check (POST /returns). Shows what the rules now say about
// a return home interview.

import { h, heading, backLink } from '../dom.js';
import { post } from '../api.js';
import { label, codesOf } from '../codes.js';
import { londonParts } from '../format.js';
import { Form } from '../forms.js';
import { OPS } from '../roles.js';

export async function render(ctx) {
  ctx.title('Record a return');
  const staff = OPS.includes(ctx.session.role);
  const given = ctx.query.get('episode_id') || '';
  const now = londonParts();
  const form = new Form({
    submit: 'Record the return',
    validate: (v) => {
      const nowText = `${londonParts().date} ${londonParts().time}`;
      return v.at && v.at > nowText ? [{ field: 'at', message: 'The time the child was found must be in the past' }] : [];
    },
    onSubmit: async (v) => {
      const body = { episode_id: v.episode_id, at: v.at };
      if (v.found_location) body.found_location = v.found_location;
      if (v.safe_well_at) body.safe_well_at = v.safe_well_at;
      const r = await post('/returns', body);
      const rhi = r.rhi || null;
      const told = r.notifications ?? 0;
      let verdict = '';
      if (rhi && rhi.decision) {
        const crit = codesOf(rhi.criteria).map((c) => label('rhi_criteria', c).toLowerCase());
        verdict = `The rules say a return home interview is ${label('decision', rhi.decision).toLowerCase()}${crit.length ? ` (${crit.join('; ')})` : ''}. `;
      }
      const flash = { title: `The return was recorded for episode ${v.episode_id}.`, body: `${verdict}${told} ${told === 1 ? 'notification' : 'notifications'} to send.` };
      if (staff) ctx.navigate(`/episodes/${encodeURIComponent(v.episode_id)}`, { flash });
      else ctx.navigate('/record-return', { flash });
    },
  });
  form.add(
    form.text('episode_id', 'Episode ID', { value: given, width: 'w20', required: 'Enter the episode ID', hint: 'The episode the child was missing in, for example E0001530.' }),
    form.dateTime('at', 'When was the child found or did they return?', { value: now, what: 'the child was found', required: 'Enter when the child was found or returned' }),
    form.text('found_location', 'Where were they found? (optional)', { hint: 'For example, a friend\'s address or the town centre.' }),
    form.dateTime('safe_well_at', 'When was the police safe and well check? (optional)', { what: 'of the safe and well check', hint: 'Leave empty if it has not happened yet. UK time, for example 22/11/2026 and 18:30.' }),
  );
  ctx.show(
    given && staff ? backLink(`/episodes/${encodeURIComponent(given)}`, `Back to episode ${given}`) : null,
    form.summary,
    heading('Record a return', given ? `Episode ${given}` : null),
    h('p', null, 'Record when a missing child was found or came back. The return home interview is due within 72 hours of this time.'),
    form.el,
  );
}
