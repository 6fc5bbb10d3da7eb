// Record an action or meeting: done, or not needed and why (POST /actions).

import { h, heading, backLink } from '../dom.js';
import { post } from '../api.js';
import { label, options } from '../codes.js';
import { londonParts } from '../format.js';
import { Form } from '../forms.js';

export async function render(ctx) {
  const q = ctx.query;
  const episodeId = q.get('episode_id') || '';
  const action = q.get('action') || '';
  const outcome = q.get('outcome') || '';
  const seq = q.get('seq') || '1';
  const title = action ? `Record: ${label('actions', action).toLowerCase()}` : 'Record an action or meeting';
  ctx.title(title);
  const form = new Form({
    submit: 'Save',
    validate: (v) => (v.outcome === 'not_needed' && !v.reason ? [{ field: 'reason', message: 'Enter why it was not needed' }] : []),
    secondary: episodeId ? h('a', { href: `/episodes/${encodeURIComponent(episodeId)}` }, 'Cancel') : null,
    onSubmit: async (v) => {
      const body = { episode_id: v.episode_id, action: v.action, seq: parseInt(v.seq || '1', 10), outcome: v.outcome };
      if (v.at) body.at = v.at;
      if (v.reason) body.reason = v.reason;
      await post('/actions', body);
      const what = `${label('actions', v.action)}${body.seq > 1 ? ` (${body.seq})` : ''}`;
      ctx.navigate(`/episodes/${encodeURIComponent(v.episode_id)}`, {
        flash: { title: `${what} recorded as ${v.outcome === 'done' ? 'done' : 'not needed'}.`, body: `Episode ${v.episode_id}.` },
      });
    },
  });
  form.add(
    form.text('episode_id', 'Episode ID', { value: episodeId, width: 'w20', required: 'Enter the episode ID' }),
    form.select('action', 'Action or meeting', options('actions').filter(([c]) => c !== 'rhi'), { value: action, empty: 'Choose an action', required: 'Choose the action or meeting' }),
    form.text('seq', 'Which one', { value: seq, width: 'w4', inputmode: 'numeric', pattern: /^[1-9]\d{0,3}$/, patternMessage: 'Which one must be a whole number from 1, for example 2 for the second review', hint: '1 for the first; 2 for the second review, and so on.' }),
    form.radios('outcome', 'What happened?', [['done', 'Done', 'The meeting was held, or the notification or check was made.'], ['not_needed', 'Not needed', 'Give the reason below, for example the child was found first. This is not the same as missed.']], { value: outcome, required: 'Select done or not needed' }),
    form.dateTime('at', 'When was it done?', { value: londonParts(), what: 'it was done', hint: 'UK time. For example, 22/11/2026 and 17:49 (24-hour clock). For not needed, when it was decided.' }),
    form.textarea('reason', 'Reason', { hint: 'Needed when it was not needed.' }),
  );
  ctx.show(
    episodeId ? backLink(`/episodes/${encodeURIComponent(episodeId)}`, `Back to episode ${episodeId}`) : null,
    form.summary,
    heading(title, episodeId ? `Episode ${episodeId}` : null),
    form.el,
  );
}
