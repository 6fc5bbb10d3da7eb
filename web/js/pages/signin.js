// Sign in: user name and password; where each role starts afterwards.

import { h, heading } from '../dom.js';
import { Form } from '../forms.js';
import { post, setSession } from '../api.js';
import { home } from '../roles.js';

function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : null;
}

export async function render(ctx) {
  if (ctx.session) {
    ctx.navigate(home(ctx.session.role), { replace: true });
    return;
  }
  ctx.title('Sign in');
  const form = new Form({
    submit: 'Sign in',
    onSubmit: async (v) => {
      try {
        const me = await post('/session', { user: v.user, password: v.password });
        setSession(me);
        const next = safeNext(ctx.query.get('next'));
        // A page kept from before sign-in is used only when it is not another role's start page.
        ctx.navigate(next && next !== '/' ? next : home(me.role), { replace: true });
      } catch (err) {
        if (err.status === 401) err.field = 'user';
        if (err.status === 429) err.field = null;
        throw err;
      }
    },
  });
  form.add(
    form.text('user', 'User name', { autocomplete: 'username', width: 'w20', required: 'Enter your user name' }),
    form.password('password', 'Password', { width: 'w20', required: 'Enter your password' }),
  );
  ctx.show(form.summary, heading('Sign in to Homeward'),
    h('p', null, 'Use the user name and password your administrator gave you. After 5 wrong attempts your account is locked for 15 minutes.'),
    form.el);
}
