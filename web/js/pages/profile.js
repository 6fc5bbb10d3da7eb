// A child's missing profile (BCP guidance 4.1): what the police need the
// moment the child is reported missing. Casework roles write it and upload
// the photograph; police liaison read it while the child is missing. The
// printable A4 page opens in a new tab; "Send to police" records that it
// was sent for the episode open now.
//
// ?form=send (the route /children/:id/profile/send): who it was sent to.

import { h, heading, backLink, summaryList, table, warning, inset, tag } from '../dom.js';
import { get, patch, post, putBytes, url } from '../api.js';
import { date, dateTime } from '../format.js';
import { label, placeText } from '../codes.js';
import { Form } from '../forms.js';
import { can } from '../roles.js';

/** The fields of the profile, in the order they are printed. */
export const FIELDS = ['description', 'mobile', 'social_media', 'associates', 'addresses', 'places_found', 'risks', 'medical'];
const LABELS = {
  description: 'Description', mobile: 'Mobile numbers', social_media: 'Social media', associates: 'Known associates',
  addresses: 'Addresses frequented', places_found: 'Places found before', risks: 'Specific risks', medical: 'Medical needs',
};
const HINTS = {
  description: 'Height, build, hair, marks such as scars or tattoos, and the clothes they usually wear.',
  mobile: 'Each number on its own line, with whose phone it is if not the child\'s.',
  social_media: 'Which apps or sites, and the account names.',
  associates: 'Friends and adults the child is known to be with, especially any who pose a risk.',
  addresses: 'Addresses and places the child goes to: friends, family, shops, parks.',
  places_found: 'Where the child has been found when missing before.',
  risks: 'For example exploitation, self-harm, going missing with people who pose a risk.',
  medical: 'Conditions, medication and what happens without it.',
};

const path = (id, rest = '') => `/children/${encodeURIComponent(id)}/profile${rest}`;

/** "Fri 3 Apr 2026, 22:00 (police reference MP/1)": the episode open now. */
function missingNowText(m) {
  const parts = [`Missing now since ${dateTime(m.last_seen)}`];
  if (m.risk) parts.push(`${label('risk', m.risk).toLowerCase()} risk`);
  parts.push(`police reference ${m.police_ref || 'not recorded'}`);
  if (m.missing_from) parts.push(`missing from ${m.missing_from}`);
  return `${parts.join(', ')}.`;
}

/** The photograph, served to those who may see it (an authenticated API route), or a note. */
export function photoFigure(p, name) {
  if (!p.photo) return h('p', { class: 'profile-photo profile-photo--none' }, 'No photograph recorded.');
  return h('figure', { class: 'profile-photo' },
    h('img', { src: `${p.photo.url}?v=${encodeURIComponent(p.photo.uploaded_at)}`, alt: `Photograph of ${name}` }),
    h('figcaption', { class: 'secondary' }, `Uploaded ${date(p.photo.uploaded_at)} by ${p.photo.uploaded_by}`));
}

/** The child's details as the police need them. */
export function detailsList(p) {
  const c = p.child;
  const place = placeText(c.placement_type, c.placement_name);
  return summaryList([
    ['Date of birth', c.date_of_birth ? `${date(c.date_of_birth)}${c.age !== null ? ` (age ${c.age})` : ''}` : null],
    ['Gender', c.gender],
    ['Ethnicity', c.ethnicity],
    ['Placement', place ? `${place}${c.out_of_area ? ' (out of area)' : ''}` : null],
    ['School', c.school],
    ['Risk flags', c.flags.length ? h('div', { class: 'tags' }, c.flags.map((f) => tag(label('flags', f), 'yellow'))) : 'None'],
    ['Allocated worker', [c.worker, c.team].filter(Boolean).join(', ') || null],
  ]);
}

/** The profile's text, read-only. */
export function textList(p, fields = FIELDS) {
  return summaryList(fields.map((f) => [LABELS[f], p.profile[f] ? h('p', { class: 'pre-line' }, p.profile[f]) : null]));
}

export function absencesTable(p) {
  return table({
    caption: `Previous absences (${p.previous_absences.length}), newest first`,
    captionHidden: true,
    rows: p.previous_absences,
    empty: 'No previous absences recorded in Homeward.',
    compact: true,
    columns: [
      { head: 'Last seen', cell: (a) => h('span', { class: 'nowrap' }, dateTime(a.last_seen)), rowHeader: true },
      { head: 'Returned', cell: (a) => h('span', { class: 'nowrap' }, dateTime(a.returned)) },
      { head: 'How long', cell: (a) => a.duration },
      { head: 'Kind', cell: (a) => (a.kind === 'absent' ? 'Away' : 'Missing') },
      { head: 'Missing from', cell: (a) => a.missing_from },
      { head: 'Found at', cell: (a) => a.found_location },
      { head: 'With', cell: (a) => a.with },
    ],
  });
}

/** "Print profile": the A4 page, in a new tab (printing it is audited). */
export function printLink(id) {
  return h('a', { href: url(path(id, '/print')), target: '_blank', rel: 'noopener', class: 'button button--secondary' },
    'Print profile', h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'));
}

function sentText(s) {
  return `Sent to the police ${dateTime(s.sent_at)} by ${s.sent_by}, to ${s.sent_to} (episode ${s.episode_id}).`;
}

async function renderSend(ctx) {
  const id = ctx.params.id;
  const p = await get(path(id));
  const name = p.child.name;
  ctx.title(`Send the missing profile: ${name}`);
  const back = path(id);
  if (!p.missing_now) {
    ctx.show(backLink(back, 'Back to the missing profile'), heading('Send the missing profile', `${name} (${id})`),
      h('p', null, `${name} is not missing now. A profile is sent to the police for an open episode.`));
    return;
  }
  const form = new Form({
    submit: 'Record as sent to the police',
    secondary: h('a', { href: back }, 'Cancel'),
    onSubmit: async (v) => {
      const r = await post(path(id, '/send'), { to: v.to });
      ctx.navigate(back, { flash: { title: `The missing profile was recorded as sent to the police for episode ${r.sent.episode_id}.`, body: 'Police liaison can now read it in Homeward.' } });
    },
  });
  form.add(form.text('to', 'Who did you send it to?', {
    required: 'Enter who you sent the profile to',
    hint: 'The officer or control room, and how: for example, PC 1234 Smith, by email.',
    maxlength: 200,
  }));
  ctx.show(backLink(back, 'Back to the missing profile'), form.summary, heading('Send the missing profile', `${name} (${id})`),
    warning(missingNowText(p.missing_now)),
    h('p', null, 'Send the printed profile (or the page) to the police, then record here who it went to. Sending it is written in the audit log with your name.'),
    form.el);
}

export async function render(ctx) {
  if (ctx.extra.form === 'send') return renderSend(ctx);
  const id = ctx.params.id;
  const p = await get(path(id));
  const name = p.child.name;
  const edit = can.editProfile(ctx.session);
  ctx.title(`Missing profile: ${name}`);
  const back = edit ? backLink(`/children/${encodeURIComponent(id)}`, `Back to ${name}`) : backLink('/missing-now', 'Back to the children missing now');
  const limits = p.limits;

  const buttons = h('div', { class: 'button-group' },
    printLink(id),
    edit && p.missing_now ? h('a', { href: path(id, '/send'), class: 'button' }, 'Send to police') : null);

  let photoForm = null;
  let textForm = null;
  if (edit) {
    let fileInput;
    photoForm = new Form({
      submit: p.photo ? 'Replace the photograph' : 'Upload the photograph',
      validate: () => {
        if (!fileInput.files.length) return [{ field: 'photo', message: 'Choose a photograph to upload' }];
        if (fileInput.files[0].size === 0) return [{ field: 'photo', message: 'The photograph you chose is empty' }];
        return [];
      },
      onSubmit: async () => {
        const file = fileInput.files[0];
        const r = await putBytes(`/children/${encodeURIComponent(id)}/photo`, file, file.type);
        ctx.navigate(path(id), { flash: { title: r.photo.replaced ? 'The photograph was replaced.' : 'The photograph was uploaded.' } });
      },
    });
    const mb = (limits.photo_bytes / (1024 * 1024)).toFixed(limits.photo_bytes % (1024 * 1024) ? 1 : 0);
    fileInput = h('input', { type: 'file', id: 'photo', name: 'photo', class: 'input', accept: 'image/jpeg,image/png', 'aria-describedby': 'photo-hint' });
    const fileGroup = h('div', { class: 'form-group' },
      h('label', { class: 'label', for: 'photo' }, 'Photograph'),
      h('div', { class: 'hint', id: 'photo-hint' }, `A recent photograph: a JPEG or PNG file up to ${mb} MB. A new one replaces the one before.`),
      fileInput);
    photoForm.register('photo', { label: 'Photograph', group: fileGroup, focus: fileInput, inputs: [fileInput], describe: fileInput, read: () => ({ value: undefined }) });
    photoForm.add(fileGroup);

    textForm = new Form({
      submit: 'Save the profile',
      onSubmit: async (v) => {
        const body = {};
        for (const f of FIELDS) {
          const after = v[f] ?? '';
          if ((p.profile[f] ?? '') !== after) body[f] = after === '' ? null : after;
        }
        if (!Object.keys(body).length) {
          ctx.navigate(path(id), { flash: { title: 'Nothing was changed.', kind: 'info' } });
          return;
        }
        await patch(path(id), body);
        ctx.navigate(path(id), { flash: { title: 'The missing profile was saved.', body: `Changed: ${Object.keys(body).map((k) => LABELS[k].toLowerCase()).join(', ')}.` } });
      },
    });
    textForm.add(...FIELDS.map((f) => textForm.textarea(f, LABELS[f], {
      value: p.profile[f] ?? '',
      rows: Math.min(limits[f].lines, 6),
      hint: `${HINTS[f]} Up to ${limits[f].bytes} characters on ${limits[f].lines} lines.`,
    })));
  }

  const updated = p.profile.updated_at
    ? h('p', { class: 'secondary', id: 'profile-updated' }, `Last updated ${dateTime(p.profile.updated_at)} by ${p.profile.updated_by}.`)
    : h('p', { class: 'secondary', id: 'profile-updated' }, 'No profile has been written yet.');

  ctx.show(
    back,
    photoForm ? photoForm.summary : null,
    textForm ? textForm.summary : null,
    heading('Missing profile', `${name} (${id})`),
    p.missing_now ? warning(missingNowText(p.missing_now)) : null,
    p.sent_to_police ? inset(h('p', null, sentText(p.sent_to_police))) : null,
    h('p', null, 'What the police need the moment the child is reported missing. Printing the profile and sending it to the police are written in the audit log.'),
    buttons,
    h('div', { class: 'profile-who' }, photoFigure(p, name), detailsList(p)),
    photoForm ? h('h2', { id: 'photo-heading' }, 'Photograph') : null,
    photoForm ? photoForm.el : null,
    h('h2', { id: 'profile-heading' }, 'The profile'),
    updated,
    textForm ? textForm.el : textList(p),
    h('h2', { id: 'absences-heading' }, `Previous absences (${p.previous_absences.length})`),
    h('p', { class: 'secondary' }, 'From Homeward\'s own records, newest first. Times are UK time.'),
    absencesTable(p),
  );
}
