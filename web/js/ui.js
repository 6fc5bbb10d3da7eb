// ui.js - pieces several pages share: risk and status tags, links to
// records, the quick "Done" / "Not needed" links, the coordinator's team
// filter.

import { h, tag, link, table } from './dom.js';
import { label, codesOf } from './codes.js';
import { get, query } from './api.js';
import { dateTime as dateTimeText, date as dateText } from './format.js';

const RISK_COLOUR = { high: 'high', medium: 'medium', low: 'low' };

export function riskTag(risk) {
  if (!risk) return h('span', { class: 'secondary' }, 'Not given');
  return tag(`${label('risk', risk)} risk`, RISK_COLOUR[risk] || 'grey');
}

const STATUS_COLOUR = { overdue: 'red', upcoming: 'blue', done: 'green', not_needed: 'grey', found_first: 'purple', closed: 'grey' };

export function statusTag(status) {
  return tag(label('escalation_status', status), STATUS_COLOUR[status] || 'grey');
}

const DECISION_COLOUR = { required: 'orange', not_required: 'grey', judgement: 'blue', forwarded: 'purple' };

/** A recorded interview decision. */
export function decisionTag(decision, provisional) {
  if (!decision) return h('span', { class: 'secondary' }, 'Not decided');
  return tag(`${label('decision', decision)}${provisional ? ' (provisional)' : ''}`, DECISION_COLOUR[decision] || 'grey');
}

/** The rules' verdict on an interview (may be "forwarded" for a child placed by another council). */
export function verdictTag(verdict, provisional) {
  if (!verdict) return h('span', { class: 'secondary' }, 'No verdict yet');
  return tag(`${label('rhi', verdict)}${provisional ? ' (provisional)' : ''}`, DECISION_COLOUR[verdict] || 'grey');
}

export function childLink(id, name) {
  if (!id) return '';
  return h('span', null, link(`/children/${encodeURIComponent(id)}`, name || id), name ? h('span', { class: 'secondary nowrap' }, ` ${id}`) : null);
}

export function episodeLink(id) {
  return id ? link(`/episodes/${encodeURIComponent(id)}`, id) : '';
}

export function interviewLink(id) {
  return id ? link(`/interviews/${encodeURIComponent(id)}`, id) : '';
}

export function criteriaList(criteria) {
  const c = codesOf(criteria);
  if (!c.length) return h('span', { class: 'secondary' }, 'None of the criteria');
  return h('ul', { class: 'list list--plain' }, c.map((x) => h('li', null, label('rhi_criteria', x))));
}

export function name(row) {
  return row.name || [row.first_name, row.last_name].filter(Boolean).join(' ');
}

/** "Done" and "Not needed" links that open the record-action form for one due action. */
export function actionLinks(row) {
  const q = (outcome) => `/record-action${query({ episode_id: row.episode_id, action: row.action, seq: row.seq, outcome })}`;
  const what = `${label('actions', row.action)}${row.seq > 1 ? ` ${row.seq}` : ''}, ${row.episode_id}`;
  return h('span', { class: 'nowrap' },
    h('a', { href: q('done'), class: 'button button--secondary button--small' }, 'Done', h('span', { class: 'visually-hidden' }, `: ${what}`)),
    h('a', { href: q('not_needed'), class: 'button button--secondary button--small' }, 'Not needed', h('span', { class: 'visually-hidden' }, `: ${what}`)));
}

let teamsCache = null;

export async function teams() {
  if (!teamsCache) {
    teamsCache = get('/teams').then((d) => d.teams || []).catch(() => {
      teamsCache = null;
      return [];
    });
  }
  return teamsCache;
}

/**
 * The coordinator's team filter: a small GET-style form that moves to the
 * same page with ?team=. Returns null for other roles.
 */
export async function teamFilter(ctx, extraParams = {}) {
  if (ctx.session.role !== 'coordinator') return null;
  const list = await teams();
  const current = ctx.query.get('team') || '';
  const select = h('select', { class: 'select', id: 'team', name: 'team' },
    h('option', { value: '' }, 'All teams'),
    list.map((t) => h('option', { value: t, selected: t === current }, t)));
  const form = h('form', { class: 'inline-form', role: 'search', 'aria-label': 'Team' },
    h('div', { class: 'form-group' }, h('label', { class: 'label', for: 'team' }, 'Team'), select),
    h('button', { type: 'submit', class: 'button button--secondary' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = { ...extraParams, team: select.value };
    ctx.navigate(`${ctx.path}${query(params)}`);
  });
  return form;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODED = { action: 'actions', outcome: 'outcome', risk: 'risk', kind: 'kind', decision: 'decision', role: 'roles', event: 'routing_events', status: 'escalation_status' };

/** A value of a record as text or a link, for tables of records whose shape is not fixed. */
export function cellValue(key, v) {
  if (v === null || v === undefined || v === '') return '';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'object') return JSON.stringify(v);
  if (key === 'episode_id') return episodeLink(v);
  if (key === 'interview_id') return interviewLink(v);
  if (key === 'child_id') return childLink(v);
  if (CODED[key]) return label(CODED[key], v);
  if (typeof v === 'string' && ISO_TIME.test(v)) return h('span', { class: 'nowrap' }, dateTimeText(v));
  if (typeof v === 'string' && ISO_DATE.test(v)) return h('span', { class: 'nowrap' }, dateText(v));
  return String(v);
}

export function humanise(key) {
  const t = String(key).replace(/_id$/, ' ID').replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A table of records: the given keys first, then any others they have (up to max columns). */
export function recordsTable(caption, rows, { keys = [], heads = {}, empty, max = 9, skip = [] } = {}) {
  const all = [...keys];
  for (const r of rows || []) for (const k of Object.keys(r || {})) if (!all.includes(k) && !skip.includes(k)) all.push(k);
  const cols = all.filter((k) => !skip.includes(k)).slice(0, max);
  return table({
    caption, rows: rows || [], empty,
    columns: cols.map((k, i) => ({ head: heads[k] || humanise(k), cell: (r) => cellValue(k, r[k]), rowHeader: i === 0 })),
  });
}
