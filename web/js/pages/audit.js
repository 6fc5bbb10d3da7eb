// The audit log (admin): search by user, action and record; verify the
// hash chain.

import { h, heading, table } from '../dom.js';
import { get, query } from '../api.js';
import { dateTime, number } from '../format.js';

const LIMIT = 200;

export async function render(ctx) {
  ctx.title('Audit log');
  const q = { user: ctx.query.get('user') || '', action: ctx.query.get('action') || '', record: ctx.query.get('record') || '' };
  const d = await get('/audit', { ...q, limit: LIMIT });
  const entries = d.entries || [];

  const field = (name, text, hint) => h('div', { class: 'form-group' },
    h('label', { class: 'label', for: `audit-${name}` }, text),
    h('div', { class: 'hint', id: `audit-${name}-hint` }, hint),
    h('input', { class: 'input input--w10', id: `audit-${name}`, name, type: 'text', value: q[name], 'aria-describedby': `audit-${name}-hint`, autocomplete: 'off', spellcheck: 'false' }));
  const form = h('form', { class: 'inline-form', role: 'search', 'aria-label': 'Search the audit log' },
    field('user', 'User', 'For example, amy'),
    field('action', 'Action', 'For example, user_add'),
    field('record', 'Record', 'An ID, for example C001194'),
    h('button', { type: 'submit', class: 'button button--secondary' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    ctx.navigate(`/admin/audit${query({ user: fd.get('user').trim(), action: fd.get('action').trim(), record: fd.get('record').trim() })}`);
  });

  const result = h('div', { id: 'verify-result', role: 'status' });
  const verify = h('button', { type: 'button', class: 'button' }, 'Verify the chain');
  verify.addEventListener('click', async () => {
    verify.disabled = true;
    result.replaceChildren(h('p', null, 'Checking every entry…'));
    try {
      const v = await get('/audit/verify');
      result.replaceChildren(v.intact
        ? h('div', { class: 'panel' }, h('h2', null, 'The audit log is intact'), h('p', null, `${number(v.entries)} entries checked: every hash matches.`))
        : h('div', { class: 'panel panel--bad' }, h('h2', null, 'The audit log has been altered'), h('p', null, v.message || 'An entry does not match its hash.')));
    } catch (err) {
      result.replaceChildren(h('p', { class: 'error-message' }, `The chain could not be checked: ${err.message}`));
    } finally {
      verify.disabled = false;
    }
  });

  const filtered = q.user || q.action || q.record;
  ctx.show(
    heading('Audit log'),
    h('p', null, 'Every sign-in, view and change, newest first. Entries cannot be changed or removed; each holds the hash of the one before, so an altered entry shows when the chain is verified.'),
    verify,
    result,
    h('h2', null, 'Search'),
    form,
    table({
      caption: `${entries.length >= LIMIT ? `The newest ${LIMIT}` : number(entries.length)} entries${filtered ? ' matching the search' : ''}`,
      rows: entries,
      empty: 'No entries match.',
      compact: true,
      columns: [
        { head: 'Number', cell: (r) => String(r.seq), numeric: true, rowHeader: true },
        { head: 'When', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.at)) },
        { head: 'User', cell: (r) => r.user },
        { head: 'Action', cell: (r) => r.action },
        { head: 'Record', cell: (r) => [r.record_type, r.record_id].filter(Boolean).join(' ') },
        { head: 'Detail', cell: (r) => r.detail },
      ],
    }),
  );
}
