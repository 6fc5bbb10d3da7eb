// Decide whether a returned child is offered a return home interview
// (POST /interviews), beside the rules' verdict and the criteria that fired.

import { h, heading, backLink, inset, warning } from '../dom.js';
import { get, post, query } from '../api.js';
import { label, options, codesOf } from '../codes.js';
import { dateTime } from '../format.js';
import { Form } from '../forms.js';
import { decisionTag, verdictTag, criteriaList, childLink } from '../ui.js';

function askEpisode(ctx) {
  const form = new Form({
    submit: 'Continue',
    onSubmit: async (v) => ctx.navigate(`/decide-interview${query({ episode_id: v.episode_id })}`),
  });
  form.add(form.text('episode_id', 'Episode ID', { width: 'w20', required: 'Enter the episode ID', hint: 'The episode the child has returned from, for example E0001518.' }));
  ctx.show(form.summary, heading('Decide a return home interview'), form.el);
}

export async function render(ctx) {
  ctx.title('Decide a return home interview');
  const episodeId = ctx.query.get('episode_id');
  if (!episodeId) {
    askEpisode(ctx);
    return;
  }
  const d = await get(`/episodes/${encodeURIComponent(episodeId)}`);
  const e = d.episode;
  const rhi = d.rhi || {};
  const existing = d.interviews || [];
  const form = new Form({
    submit: 'Save the decision',
    secondary: h('a', { href: `/episodes/${encodeURIComponent(episodeId)}` }, 'Cancel'),
    onSubmit: async (v) => {
      const others = codesOf(v.other_episodes || '').filter((x) => x !== episodeId);
      const body = { child_id: e.child_id, episode_ids: [episodeId, ...others], decision: v.decision };
      if (v.decision_reason) body.decision_reason = v.decision_reason;
      const r = await post('/interviews', body);
      const iv = r.interview || {};
      ctx.navigate(iv.interview_id ? `/interviews/${encodeURIComponent(iv.interview_id)}` : `/episodes/${encodeURIComponent(episodeId)}`, {
        flash: { title: `Decision saved: interview ${label('decision', v.decision).toLowerCase()}.`, body: iv.interview_id ? `Interview ${iv.interview_id} was created. Record the offer when it is made.` : '' },
      });
    },
  });
  form.add(
    form.radios('decision', 'Is a return home interview needed?', options('decision'), { value: rhi.decision && !rhi.provisional ? rhi.decision : undefined, required: 'Select a decision', legendSize: 'm' }),
    form.textarea('decision_reason', 'Reason for the decision', { hint: 'Needed when your decision is not what the rules say, for example when a child placed here by another council is interviewed by that council.' }),
    form.text('other_episodes', 'Other episodes this interview covers (optional)', { hint: 'One interview may cover several episodes within 7 days. Give their IDs, separated by commas, for example E0001516, E0001517.' }),
  );
  ctx.show(
    backLink(`/episodes/${encodeURIComponent(episodeId)}`, `Back to episode ${episodeId}`),
    form.summary,
    heading('Decide a return home interview', `Episode ${episodeId}`),
    !e.returned ? warning('The child has not returned yet: the rules\' verdict is provisional.') : null,
    existing.length ? warning(`This episode already has ${existing.length === 1 ? 'an interview' : `${existing.length} interviews`} recorded (${existing.map((x) => x.interview_id).join(', ')}).`) : null,
    inset(
      h('p', null, 'Child: ', childLink(e.child_id), e.returned ? `. Returned ${dateTime(e.returned)}.` : '.'),
      h('p', null, h('strong', null, 'The rules say: '), verdictTag(rhi.decision, rhi.provisional), rhi.due ? ` Due by ${dateTime(rhi.due)}.` : ''),
      codesOf(rhi.criteria).length ? [h('p', null, 'Because:'), criteriaList(rhi.criteria)] : h('p', null, 'None of the criteria applies: the interview is at professional judgement.'),
    ),
    form.el,
  );
}
