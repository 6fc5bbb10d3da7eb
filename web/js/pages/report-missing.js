// Report a missing child: a police notification (POST /episodes). A child
// not yet known is added (not open to services) with the names given.

import { h, heading, link } from '../dom.js';
import { post } from '../api.js';
import { options } from '../codes.js';
import { londonParts } from '../format.js';
import { Form } from '../forms.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/;

export async function render(ctx) {
  ctx.title('Report a missing child');
  const police = ctx.session.role === 'police_liaison';
  const now = londonParts();
  const form = new Form({
    submit: 'Report missing',
    validate: (v) => {
      const nowText = `${londonParts().date} ${londonParts().time}`;
      return v.last_seen && v.last_seen > nowText ? [{ field: 'last_seen', message: 'The time the child was last seen must be in the past' }] : [];
    },
    onSubmit: async (v) => {
      const body = {};
      for (const k of ['episode_id', 'child_id', 'kind', 'last_seen', 'risk', 'police_ref', 'reported_by', 'first_name', 'last_name', 'date_of_birth']) {
        if (v[k] !== undefined) body[k] = v[k];
      }
      let r;
      try {
        r = await post('/episodes', body);
      } catch (err) {
        if (err.status === 409 && !err.field) err.field = /child/i.test(err.message) && !/episode/i.test(err.message) ? 'child_id' : 'episode_id';
        throw err;
      }
      const ep = r.episode || {};
      const told = r.notifications ?? 0;
      const flash = {
        title: `Episode ${ep.episode_id || v.episode_id} recorded: ${v.child_id} is missing.`,
        body: `${r.child_added ? `${v.child_id} was not known and has been added as not open to children's services. ` : ''}${told} ${told === 1 ? 'notification' : 'notifications'} to send.`,
      };
      if (police) ctx.navigate('/report-missing', { flash });
      else ctx.navigate(`/episodes/${encodeURIComponent(ep.episode_id || v.episode_id)}`, { flash });
    },
  });
  form.add(
    form.text('episode_id', 'Episode ID', {
      width: 'w20', required: 'Enter the episode ID', pattern: ID, patternMessage: 'The episode ID must be letters and digits, for example E0001530',
      hint: 'The reference for this absence, for example E0001530.',
    }),
    form.text('child_id', 'Child ID', {
      width: 'w20', value: ctx.query.get('child_id') || '', required: 'Enter the child ID', pattern: ID, patternMessage: 'The child ID must be letters and digits, for example C001194',
      hint: 'The case-management ID, for example C001194. If the child is not known to children\'s services, give a new ID and their names and date of birth below.',
    }),
    form.radios('kind', 'What kind of absence is it?', options('kind').map(([c, l]) => [c, l,
      c === 'missing' ? 'Whereabouts unknown.' : 'Whereabouts known, but not where they should be.']), { value: 'missing', required: 'Select the kind of absence' }),
    form.dateTime('last_seen', 'When was the child last seen?', { value: now, what: 'the child was last seen', required: 'Enter when the child was last seen' }),
    form.radios('risk', 'Police risk level', options('risk').map(([c, l]) => [c, l]), { inline: true, required: 'Select the police risk level' }),
    form.text('police_ref', 'Police reference (optional)', { width: 'w20', hint: 'For example, MP/26/017134.' }),
    form.text('reported_by', 'Reported by (optional)', { hint: 'Who told the police, for example the carer or the home\'s manager.' }),
    form.group('If the child is new to us', 'Leave these empty when the child ID is already recorded.',
      form.text('first_name', 'First name', { width: 'w20', autocomplete: 'off' }),
      form.text('last_name', 'Last name', { width: 'w20', autocomplete: 'off' }),
      form.date('date_of_birth', 'Date of birth', { hint: 'For example, 27/3/2012' })),
  );
  ctx.show(
    form.summary,
    heading('Report a missing child'),
    h('p', null, `Record a police missing notification. The people who must be told are worked out from the risk level${police ? '' : ', and the child\'s page shows what the guidance says must happen next'}.`),
    police ? h('p', null, 'To record that a child has been found, ', link('/record-return', 'record a return'), '.') : null,
    form.el,
  );
}
