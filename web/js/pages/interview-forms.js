// The forms that move an interview on: offer, an attempt, complete,
// declined, sign off (PATCH /interviews/:id, POST /attempts).

import { h, heading, backLink, inset } from '../dom.js';
import { get, patch, post } from '../api.js';
import { options, label } from '../codes.js';
import { londonParts } from '../format.js';
import { Form } from '../forms.js';

const TITLES = {
  offer: 'Record the offer of an interview',
  attempt: 'Record an attempt to hold the interview',
  complete: 'Record the completed interview',
  decline: 'Record that the child declined',
  'sign-off': 'Sign off the interview',
};

export async function render(ctx) {
  const id = ctx.params.id;
  const which = ctx.extra.form;
  const d = await get(`/interviews/${encodeURIComponent(id)}`);
  const iv = d.interview || d;
  const base = `/interviews/${encodeURIComponent(id)}`;
  const now = londonParts();
  const title = TITLES[which];
  ctx.title(`${title}: ${id}`);
  const done = (t, body) => ctx.navigate(base, { flash: { title: t, body } });
  let form;

  if (which === 'offer') {
    form = new Form({
      submit: 'Save the offer',
      secondary: h('a', { href: base }, 'Cancel'),
      onSubmit: async (v) => {
        await patch(base, { offered: v.offered });
        done('The offer was recorded.');
      },
    });
    form.add(form.dateTime('offered', 'When was the interview offered?', { value: now, what: 'it was offered', required: 'Enter when the interview was offered' }));
  } else if (which === 'attempt') {
    form = new Form({
      submit: 'Save the attempt',
      secondary: h('a', { href: base }, 'Cancel'),
      onSubmit: async (v) => {
        const body = { interview_id: id, at: v.at, face_to_face: v.face_to_face === 'yes', outcome: v.outcome };
        if (v.note) body.note = v.note;
        await post('/attempts', body);
        done('The attempt was recorded.');
      },
    });
    form.add(
      form.dateTime('at', 'When was the attempt made?', { value: now, what: 'of the attempt', required: 'Enter when the attempt was made' }),
      form.radios('face_to_face', 'Was it face to face?', [['yes', 'Yes'], ['no', 'No']], { inline: true, required: 'Select whether the attempt was face to face' }),
      form.radios('outcome', 'What happened?', options('attempt_outcome'), { required: 'Select what happened' }),
      form.textarea('note', 'Note (optional)', { hint: 'For example, who you spoke to.' }),
    );
  } else if (which === 'complete') {
    form = new Form({
      submit: 'Save the interview',
      secondary: h('a', { href: base }, 'Cancel'),
      onSubmit: async (v) => {
        const body = { completed: v.completed, outcome: 'completed', conducted_by: v.conducted_by };
        if (v.reasons && v.reasons.length) body.reasons = v.reasons.join(';');
        for (const k of ['risks', 'screening', 'lateness_reason', 'shared_with_police']) if (v[k]) body[k] = v[k];
        await patch(base, body);
        done('The interview was recorded as completed.');
      },
    });
    const due = d.timescale && d.timescale.due;
    form.add(
      form.dateTime('completed', 'When was the interview completed?', { value: now, what: 'it was completed', required: 'Enter when the interview was completed' }),
      form.radios('conducted_by', 'Who conducted it?', options('conducted_by'), { required: 'Select who conducted the interview' }),
      form.checkboxes('reasons', 'Reasons the child gave for going missing', options('reasons'), { hint: 'Select all that apply.' }),
      form.textarea('risks', 'Risks identified (optional)'),
      form.radios('screening', 'Exploitation screening outcome', options('screening'), { required: 'Select the screening outcome' }),
      form.select('lateness_reason', 'Why it was late (if it was)', options('lateness_reason'), {
        empty: 'It was not late',
        hint: due ? `Needed if it was completed more than 72 hours after the return, that is after ${new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' }).format(new Date(due))}.` : 'Needed if it was completed more than 72 hours after the return.',
      }),
      form.date('shared_with_police', 'Date shared with the police (optional)', { hint: 'Leave empty if not shared. For example, 27/3/2026' }),
    );
  } else if (which === 'decline') {
    form = new Form({
      submit: 'The child declined',
      secondary: h('a', { href: base }, 'Cancel'),
      onSubmit: async () => {
        await patch(base, { outcome: 'declined' });
        done('The interview is recorded as declined by the child.');
      },
    });
    form.add(inset(h('p', null, 'Record this only when the child has said they do not want an interview. Record attempts where the child was not in or could not be seen as attempts instead.')));
  } else if (which === 'sign-off') {
    form = new Form({
      submit: 'Sign off',
      secondary: h('a', { href: base }, 'Cancel'),
      onSubmit: async (v) => {
        await patch(base, { signed_off: v.signed_off, signed_off_by: ctx.session.display_name || ctx.session.user });
        done('The interview was signed off.');
      },
    });
    form.add(
      inset(h('p', null, `Outcome: ${label('outcome', iv.outcome)}. Signing off records that you have checked the interview's quality.`)),
      form.dateTime('signed_off', 'When did you sign it off?', { value: now, what: 'of the sign-off', required: 'Enter when you signed it off' }),
    );
  }

  ctx.show(backLink(base, `Back to interview ${id}`), form.summary, heading(title, `Interview ${id}, child ${iv.child_id}`), form.el);
}
