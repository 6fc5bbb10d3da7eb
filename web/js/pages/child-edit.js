// Edit a child's details: sends only the fields that changed (PATCH).

import { h, heading, backLink } from '../dom.js';
import { get, patch } from '../api.js';
import { options, codesOf } from '../codes.js';
import { Form } from '../forms.js';
import { teams } from '../ui.js';
import { childName } from './child.js';

export async function render(ctx) {
  const id = ctx.params.id;
  const [d, teamList] = await Promise.all([get(`/children/${encodeURIComponent(id)}`), teams()]);
  const c = d.child;
  const name = childName(c);
  ctx.title(`Edit details: ${name}`);
  const back = `/children/${encodeURIComponent(id)}`;
  const form = new Form({
    submit: 'Save changes',
    secondary: h('a', { href: back }, 'Cancel'),
    onSubmit: async (v) => {
      const body = {};
      for (const [k, val] of Object.entries(v)) {
        const before = k === 'flags' ? codesOf(c.flags).join(';') : (c[k] ?? '');
        const after = k === 'flags' ? val.join(';') : val;
        if (String(before) !== String(after)) body[k] = k === 'flags' ? val : (after === '' ? null : after);
      }
      if (!Object.keys(body).length) {
        ctx.navigate(back, { flash: { title: 'Nothing was changed.', kind: 'info' } });
        return;
      }
      await patch(`/children/${encodeURIComponent(id)}`, body);
      ctx.navigate(back, { flash: { title: `${name}'s details were saved.`, body: `Changed: ${Object.keys(body).map((k) => k.replace(/_/g, ' ')).join(', ')}.` } });
    },
  });
  const teamOpts = [...new Set([...teamList, ...(c.team ? [c.team] : [])])].map((t) => [t, t]);
  const opt = { emptyValue: '' };
  form.add(
    form.group('Name and identity', null,
      form.text('first_name', 'First name', { value: c.first_name, width: 'w20', ...opt }),
      form.text('last_name', 'Last name', { value: c.last_name, width: 'w20', ...opt }),
      form.date('date_of_birth', 'Date of birth', { value: c.date_of_birth, ...opt }),
      form.text('gender', 'Gender', { value: c.gender, width: 'w20', ...opt }),
      form.text('ethnicity', 'Ethnicity', { value: c.ethnicity, width: 'w20', ...opt }),
      form.text('responsible_authority', 'Responsible council', { value: c.responsible_authority, hint: 'Leave empty for this council. Give the council that placed the child here, for an OLA child.', ...opt })),
    form.group('Case', null,
      form.select('case_status', 'Case status', options('case_status'), { value: c.case_status, empty: 'Not recorded', ...opt }),
      form.checkboxes('flags', 'Risk flags', options('flags'), { value: codesOf(c.flags), hint: 'Select all that apply.' }),
      form.select('team', 'Allocated team', teamOpts, { value: c.team, empty: 'No team', ...opt }),
      form.text('worker', 'Allocated worker', { value: c.worker, width: 'w20', ...opt })),
    form.group('Placement and school', null,
      form.select('placement_type', 'Placement type', options('placement_type'), { value: c.placement_type, empty: 'Not recorded', ...opt }),
      form.text('placement_name', 'Placement name', { value: c.placement_name, hint: 'The named home, carer or provider.', ...opt }),
      form.radios('out_of_area', 'Is the placement out of the council\'s area?', [['y', 'Yes'], ['n', 'No']], { value: c.out_of_area, inline: true }),
      form.text('school', 'School or education placement', { value: c.school, ...opt })),
    form.group('Missing plan', null,
      form.textarea('missing_plan', 'The missing plan', { value: c.missing_plan, rows: 5, ...opt }),
      form.date('plan_reviewed', 'Date the plan was last reviewed', { value: c.plan_reviewed, ...opt }),
      form.date('plan_review_due', 'Date the plan\'s next review is due', { value: c.plan_review_due, ...opt })),
  );
  ctx.show(backLink(back, `Back to ${name}`), form.summary, heading('Edit details', `${name} (${c.child_id})`), form.el);
}
