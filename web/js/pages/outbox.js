// The coordinator's outbox: notices to the councils that placed children
// here (GET /notices), each with its text and Send or Record the answer;
// the interviews now overdue with a council, whose 72-hour notice can be
// made (from the due list); and the notifications not yet acknowledged
// (GET /outbox). docs/notices.md says how notices work.

import { h, heading, summaryList, table, tag, buttonLink, backLink } from '../dom.js';
import { get, post, query } from '../api.js';
import { label } from '../codes.js';
import { dateTime, duration, number } from '../format.js';
import { childLink, episodeLink } from '../ui.js';
import { Form } from '../forms.js';

const KINDS = {
  reported: 'Reported missing',
  risk_raised_high: 'Missing at high risk',
  returned: 'Found or returned',
  rhi_overdue: 'Interview overdue (72-hour notice)',
};

const VIEWS = [
  ['open', 'Not yet answered'],
  ['unsent', 'Not sent'],
  ['unanswered', 'Sent, waiting for an answer'],
  ['all', 'All notices'],
];

/**
 * Runs fn when the button is pressed; while it runs the button is
 * disabled, and a refusal is shown beside the button (and announced).
 */
function act(button, fn) {
  const message = h('p', { class: 'error-message', role: 'alert', hidden: true });
  button.addEventListener('click', async () => {
    button.disabled = true;
    message.hidden = true;
    try {
      await fn();
    } catch (err) {
      button.disabled = false;
      message.replaceChildren(h('span', { class: 'visually-hidden' }, 'Error: '), err.message || String(err));
      message.hidden = false;
    }
  });
  return h('span', null, message, button);
}

function state(n) {
  if (!n.sent_at) return tag('Not sent', 'red');
  if (!n.answered_at) return tag('Waiting for an answer', 'orange');
  return tag('Answered', 'green');
}

/** One notice: who, what, where it stands, its text, and what to do next. */
function noticeCard(ctx, n) {
  const send = act(h('button', { type: 'button', class: 'button', 'data-notice': n.id }, 'Send',
    h('span', { class: 'visually-hidden' }, ` notice ${n.id}`)), async () => {
    await post('/notices/send', { id: n.id });
    ctx.navigate(`/outbox${ctx.query.get('status') ? query({ status: ctx.query.get('status') }) : ''}`, {
      flash: { title: `Notice ${n.id} recorded as sent to ${n.council}.`, body: 'Send its text to the council by secure email or letter, as your council does.' },
    });
  });
  const titleId = `notice-${n.id}-title`;
  return h('section', { class: 'notice', 'aria-labelledby': titleId, id: `notice-${n.id}` },
    h('h3', { id: titleId, class: 'notice__title' }, `Notice ${n.id}: ${KINDS[n.kind] || n.kind}, to ${n.council || 'the responsible council'}`),
    h('p', null, state(n)),
    summaryList([
      ['Child', childLink(n.child_id)],
      ['Episode', episodeLink(n.episode_id)],
      ['Made', `${dateTime(n.created_at)} by ${n.created_by}`],
      ['Sent', n.sent_at ? `${dateTime(n.sent_at)} by ${n.sent_by}` : 'Not yet'],
      ['Answer', n.answered_at ? `${n.answer} (recorded ${dateTime(n.answered_at)} by ${n.answered_by})` : 'None yet'],
      ['Interview done, as the council reports', n.interview_completed ? dateTime(n.interview_completed) : undefined],
    ]),
    h('details', { class: 'details', open: !n.sent_at ? true : null },
      h('summary', null, `The text of notice ${n.id}`),
      h('pre', { class: 'details__text notice__text', tabindex: '0' }, n.notice || '')),
    !n.sent_at ? h('div', { class: 'button-group' }, send) : null,
    n.sent_at && !n.answered_at
      ? h('div', { class: 'button-group' }, buttonLink(`/outbox/notices/${n.id}/answer`, `Record the answer to notice ${n.id}`, false))
      : null);
}

async function overdueList(ctx) {
  const d = await get('/due');
  const rows = (d.due || []).filter((r) => r.action === 'ola_notice' && r.overdue_minutes >= 0);
  return table({
    caption: 'Interviews not reported done by the responsible council in time',
    rows,
    empty: 'No interview of a child placed here by another council is overdue.',
    columns: [
      { head: 'Child', cell: (r) => childLink(r.child_id, r.name), rowHeader: true },
      { head: 'Episode', cell: (r) => episodeLink(r.episode_id) },
      { head: 'Interview due', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.due)) },
      { head: 'Overdue by', cell: (r) => duration(r.overdue_minutes) },
      {
        head: 'The 72-hour notice',
        cell: (r) => {
          const b = h('button', { type: 'button', class: 'button button--secondary button--small' }, 'Make the notice',
            h('span', { class: 'visually-hidden' }, ` for episode ${r.episode_id}`));
          return act(b, async () => {
            const made = await post('/notices', { episode_id: r.episode_id });
            ctx.navigate('/outbox?status=unsent', { flash: { title: `Notice ${made.notice.id} made for episode ${r.episode_id}.`, body: 'Check its text, then send it.' } });
          });
        },
      },
    ],
  });
}

async function answerPage(ctx) {
  const id = ctx.params.id;
  const d = await get(`/notices/${encodeURIComponent(id)}`);
  const n = d.notice;
  ctx.title(`Record the answer to notice ${n.id}`);
  const form = new Form({
    submit: 'Record the answer',
    secondary: h('a', { href: '/outbox' }, 'Cancel'),
    onSubmit: async (v) => {
      const body = { id: n.id, answer: v.answer };
      if (v.interview_completed) body.interview_completed = v.interview_completed;
      await post('/notices/answer', body);
      ctx.navigate('/outbox', {
        flash: { title: `The answer to notice ${n.id} is recorded.`, body: v.interview_completed ? `${n.council} reports the interview done at ${v.interview_completed}.` : null },
      });
    },
  });
  form.add(
    form.textarea('answer', `What ${n.council || 'the council'} said`, { required: 'Enter what the council said', rows: 5 }),
    form.dateTime('interview_completed', 'When was the return home interview done? (optional)', {
      what: 'the interview was done',
      hint: 'Only if the council says it has been done. UK time, for example 22/11/2026 and 17:49.',
    }),
  );
  ctx.show(
    backLink('/outbox', 'Back to the outbox'),
    form.summary,
    heading(`Record the answer to notice ${n.id}`, `${KINDS[n.kind] || n.kind}, episode ${n.episode_id}, to ${n.council}`),
    summaryList([
      ['Sent', n.sent_at ? `${dateTime(n.sent_at)} by ${n.sent_by}` : 'Not yet'],
      ['Child', childLink(n.child_id)],
    ]),
    form.el,
  );
}

export async function render(ctx) {
  if (ctx.extra.form === 'answer') {
    await answerPage(ctx);
    return;
  }
  const status = VIEWS.some(([k]) => k === ctx.query.get('status')) ? ctx.query.get('status') : 'open';
  ctx.title('Outbox');
  const [notices, overdue, outbox] = await Promise.all([
    get('/notices', { status }),
    overdueList(ctx),
    get('/outbox'),
  ]);
  const list = notices.notices || [];
  const waiting = outbox.notifications || [];
  ctx.show(
    heading('Outbox', `As at ${dateTime(new Date())}`),
    h('h2', null, 'Notices to other councils'),
    h('p', null, 'A child placed here by another council gets a notice to that council when reported missing and when found, and the 72-hour notice when the council has not reported the interview done in time. Record each notice as sent once you have sent it, and record the council\'s answer.'),
    h('nav', { class: 'nav nav--sub', 'aria-label': 'Notices' }, h('ul', { class: 'nav__list' },
      VIEWS.map(([k, t]) => h('li', null, h('a', { href: `/outbox${k === 'open' ? '' : query({ status: k })}`, 'aria-current': k === status ? 'page' : null }, t))))),
    h('p', { id: 'notice-count' }, `${number(list.length)} ${list.length === 1 ? 'notice' : 'notices'}.`),
    list.map((n) => noticeCard(ctx, n)),
    h('h2', null, 'Interviews overdue with the responsible council'),
    overdue,
    h('h2', null, 'Notifications not yet acknowledged'),
    table({
      caption: 'Who must be told: notifications not yet acknowledged, oldest first',
      captionHidden: true,
      rows: waiting,
      empty: 'Every notification is acknowledged.',
      columns: [
        { head: 'Made', cell: (r) => h('span', { class: 'nowrap' }, dateTime(r.created_at)) },
        { head: 'Event', cell: (r) => label('routing_events', r.event) || r.event },
        { head: 'Episode', cell: (r) => episodeLink(r.episode_id) },
        { head: 'Child', cell: (r) => childLink(r.child_id) },
        { head: 'To', cell: (r) => [label('roles', r.role) || r.role, r.recipient ? `: ${r.recipient}` : ''].join('') },
        { head: 'Why', cell: (r) => r.reason },
      ],
    }),
  );
}
