// Users (admin): the table, adding a user, setting a password, disabling.

import { h, heading, table, buttonLink, backLink, tag, inset, warning } from '../dom.js';
import { get, post, patch, ApiError } from '../api.js';
import { label, options } from '../codes.js';
import { dateTime } from '../format.js';
import { Form } from '../forms.js';
import { teams } from '../ui.js';

const ROLES = ['coordinator', 'team_manager', 'worker', 'analyst', 'police_liaison', 'admin'];
const NAME = /^[A-Za-z0-9._@-]{1,64}$/;

async function findUser(id) {
  const d = await get('/users');
  const u = (d.users || []).find((x) => x.user === id);
  if (!u) {
    throw new ApiError(404, `There is no user ${id}.`);
  }
  return u;
}

async function list(ctx) {
  ctx.title('Users');
  const d = await get('/users');
  const users = d.users || [];
  ctx.show(
    heading('Users'),
    buttonLink('/admin/users/new', 'Add a user', false),
    table({
      caption: `${users.length} users`,
      rows: users,
      columns: [
        { head: 'User name', cell: (u) => u.user, rowHeader: true },
        { head: 'Name', cell: (u) => u.display_name },
        { head: 'Role', cell: (u) => label('user_roles', u.role) },
        { head: 'Team', cell: (u) => u.team },
        { head: 'Added', cell: (u) => h('span', { class: 'nowrap' }, dateTime(u.created_at)) },
        { head: 'Status', cell: (u) => (u.disabled_at ? h('span', null, tag('Disabled', 'grey'), h('br'), h('span', { class: 'secondary small' }, dateTime(u.disabled_at))) : tag('Active', 'green')) },
        {
          head: 'Change',
          cell: (u) => (u.disabled_at ? '' : h('span', { class: 'nowrap' },
            h('a', { href: `/admin/users/${encodeURIComponent(u.user)}/password`, class: 'button button--secondary button--small' }, 'Set password', h('span', { class: 'visually-hidden' }, ` for ${u.user}`)),
            u.user === ctx.session.user ? null : h('a', { href: `/admin/users/${encodeURIComponent(u.user)}/disable`, class: 'button button--secondary button--small' }, 'Disable', h('span', { class: 'visually-hidden' }, ` ${u.user}`)))),
        },
      ],
    }),
  );
}

async function addUser(ctx) {
  ctx.title('Add a user');
  const teamList = await teams();
  const roleOpts = options('user_roles').filter(([c]) => ROLES.includes(c));
  for (const r of ROLES) if (!roleOpts.some(([c]) => c === r)) roleOpts.push([r, label('user_roles', r)]);
  const form = new Form({
    submit: 'Add the user',
    secondary: h('a', { href: '/admin/users' }, 'Cancel'),
    validate: (v) => {
      const errs = [];
      if (['team_manager', 'worker'].includes(v.role) && !v.team) errs.push({ field: 'team', message: 'Choose the team of a team manager or worker' });
      if (v.password && [...v.password].length < 12) errs.push({ field: 'password', message: 'The password must have at least 12 characters' });
      return errs;
    },
    onSubmit: async (v) => {
      const body = { user: v.user, display_name: v.display_name, role: v.role, password: v.password };
      if (v.team) body.team = v.team;
      await post('/users', body);
      ctx.navigate('/admin/users', { flash: { title: `User ${v.user} was added.`, body: `Give them their password in person or by a separate, secure route.` } });
    },
  });
  form.add(
    form.text('user', 'User name', { width: 'w20', required: 'Enter a user name', pattern: NAME, patternMessage: 'The user name must be 1 to 64 letters, digits, dots, underscores, hyphens or @', hint: 'What they sign in with: letters, digits, dots, underscores, hyphens or @, for example amy.jones.' }),
    form.text('display_name', 'Full name', { required: 'Enter their full name', hint: 'As people read it, for example Amy Jones.', spellcheck: 'true' }),
    form.select('role', 'Role', roleOpts, { empty: 'Choose a role', required: 'Choose a role' }),
    form.select('team', 'Team', teamList.map((t) => [t, t]), { empty: 'No team', hint: 'Team managers and workers see only their own team\'s children.' }),
    form.password('password', 'Password', { width: 'w20', autocomplete: 'new-password', required: 'Enter a password', hint: 'At least 12 characters.' }),
  );
  ctx.show(backLink('/admin/users', 'Back to users'), form.summary, heading('Add a user'), form.el);
}

async function setPassword(ctx) {
  const u = await findUser(ctx.params.id);
  ctx.title(`Set a password for ${u.user}`);
  const form = new Form({
    submit: 'Set the password',
    secondary: h('a', { href: '/admin/users' }, 'Cancel'),
    validate: (v) => (v.password && [...v.password].length < 12 ? [{ field: 'password', message: 'The password must have at least 12 characters' }] : []),
    onSubmit: async (v) => {
      await patch(`/users/${encodeURIComponent(u.user)}`, { password: v.password });
      ctx.navigate('/admin/users', { flash: { title: `The password for ${u.user} was set.`, body: 'Their sessions have ended: they sign in again with the new password.' } });
    },
  });
  form.add(form.password('password', 'New password', { width: 'w20', autocomplete: 'new-password', required: 'Enter the new password', hint: 'At least 12 characters.' }));
  ctx.show(backLink('/admin/users', 'Back to users'), form.summary, heading('Set a password', `${u.display_name || u.user} (${u.user})`), form.el);
}

async function disable(ctx) {
  const u = await findUser(ctx.params.id);
  ctx.title(`Disable ${u.user}`);
  const form = new Form({
    submit: `Disable ${u.user}`,
    warningButton: true,
    secondary: h('a', { href: '/admin/users' }, 'Cancel'),
    onSubmit: async () => {
      await patch(`/users/${encodeURIComponent(u.user)}`, { disabled: true });
      ctx.navigate('/admin/users', { flash: { title: `${u.user} was disabled.` } });
    },
  });
  ctx.show(backLink('/admin/users', 'Back to users'), form.summary,
    heading(`Are you sure you want to disable ${u.user}?`, u.display_name),
    warning('They will not be able to sign in. Their sessions end and their API tokens stop working. This cannot be undone here.'),
    inset(h('p', null, `Role: ${label('user_roles', u.role)}${u.team ? `, ${u.team}` : ''}.`)),
    form.el);
}

export async function render(ctx) {
  const which = ctx.extra.form;
  if (which === 'new') return addUser(ctx);
  if (which === 'password') return setPassword(ctx);
  if (which === 'disable') return disable(ctx);
  return list(ctx);
}
