// The children missing now, each with their missing profile: what police
// liaison see of the profiles (and, after a return, of those sent to them
// for a few days). Casework roles see their own team's children here too.

import { h, heading, link, summaryList, tag } from '../dom.js';
import { get } from '../api.js';
import { dateTime } from '../format.js';
import { label } from '../codes.js';
import { photoFigure, detailsList, textList, printLink } from './profile.js';

function card(p) {
  const id = p.child.child_id;
  const name = p.child.name;
  const m = p.missing_now;
  const headingId = `child-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return h('section', { class: 'profile-card', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, link(`/children/${encodeURIComponent(id)}/profile`, name), ' ',
      h('span', { class: 'secondary' }, id), ' ',
      m ? tag('Missing now', 'red') : tag('Returned: profile sent to the police', 'grey')),
    h('div', { class: 'profile-who' }, photoFigure(p, name),
      h('div', null,
        m ? summaryList([
          ['Missing since', dateTime(m.last_seen)],
          ['Risk', m.risk ? label('risk', m.risk) : null],
          ['Police reference', m.police_ref],
          ['Missing from', m.missing_from],
        ]) : null,
        detailsList(p))),
    textList(p, ['description', 'mobile', 'risks', 'medical']),
    h('div', { class: 'button-group' }, printLink(id),
      h('a', { href: `/children/${encodeURIComponent(id)}/profile`, class: 'button button--secondary' },
        'The full profile', h('span', { class: 'visually-hidden' }, ` of ${name}`))));
}

export async function render(ctx) {
  ctx.title('Children missing now');
  const d = await get('/profiles/missing');
  const list = d.profiles || [];
  ctx.show(
    heading('Children missing now'),
    h('p', null, ctx.session.role === 'police_liaison'
      ? 'The missing profile of every child missing now, and of those whose profile was sent to you in the last few days. Printing a profile is written in the audit log.'
      : 'The missing profile of each child of your team missing now.'),
    list.length ? list.map(card) : h('p', { class: 'body', id: 'none-missing' }, 'No child is missing now.'),
  );
}
