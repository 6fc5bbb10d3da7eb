// Children: find a child by name or ID.

import { h, heading, table, link } from '../dom.js';
import { get, query } from '../api.js';
import { label } from '../codes.js';
import { date, number } from '../format.js';
import { teamFilter } from '../ui.js';

const PAGE = 50;

export async function render(ctx) {
  const q = ctx.query.get('q') || '';
  const team = ctx.query.get('team') || '';
  const offset = Math.max(0, parseInt(ctx.query.get('offset') || '0', 10) || 0);
  ctx.title(q ? `Children matching “${q}”` : 'Children');
  const [d, filter] = await Promise.all([
    get('/children', { q, team, limit: PAGE, offset }),
    teamFilter(ctx, { q }),
  ]);
  const rows = d.children || [];
  const total = d.total ?? rows.length;

  const input = h('input', { class: 'input input--w20', id: 'q', name: 'q', type: 'search', value: q, 'aria-describedby': 'q-hint', autocomplete: 'off', spellcheck: 'false' });
  const form = h('form', { class: 'inline-form', role: 'search' },
    h('div', { class: 'form-group' },
      h('label', { class: 'label', for: 'q' }, 'Search by name or child ID'),
      h('div', { class: 'hint', id: 'q-hint' }, 'For example, Jake, Eccles or C001194'),
      input),
    h('button', { type: 'submit', class: 'button' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(`/children${query({ q: input.value.trim(), team })}`);
  });

  const page = (o) => `/children${query({ q, team, offset: o || null })}`;
  ctx.show(
    heading('Children'),
    form,
    filter,
    h('p', { role: 'status' }, total === 0 ? 'No children found.' :
      `${number(total)} ${total === 1 ? 'child' : 'children'}${q ? ` matching “${q}”` : ''}${total > rows.length ? `: ${number(offset + 1)} to ${number(offset + rows.length)} shown` : ''}.`),
    rows.length ? table({
      caption: 'Children',
      captionHidden: true,
      rows,
      columns: [
        { head: 'Name', cell: (r) => link(`/children/${encodeURIComponent(r.child_id)}`, [r.first_name, r.last_name].filter(Boolean).join(' ') || r.child_id), rowHeader: true },
        { head: 'Child ID', cell: (r) => r.child_id },
        { head: 'Date of birth', cell: (r) => h('span', { class: 'nowrap' }, date(r.date_of_birth)) },
        { head: 'Case status', cell: (r) => label('case_status', r.case_status) },
        { head: 'Team', cell: (r) => r.team || 'No team' },
        { head: 'Worker', cell: (r) => r.worker },
      ],
    }) : null,
    total > PAGE ? h('nav', { class: 'pagination', 'aria-label': 'Pages of results' },
      offset > 0 ? link(page(Math.max(0, offset - PAGE)), '‹ Previous') : null,
      offset + PAGE < total ? link(page(offset + PAGE), 'Next ›') : null) : null,
  );
}
