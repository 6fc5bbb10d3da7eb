// app.js - Homeward's browser UI: the router, the header and navigation for
// the signed-in role, and the handling every page shares (sign-in when the
// session ends, "no access", "not found", moving focus between pages).

import { h, heading, banner } from './js/dom.js';
import { ApiError, loadSession, currentSession, setSession, whenUnauthorised, del } from './js/api.js';
import { loadCodes, label } from './js/codes.js';
import { OPS, home } from './js/roles.js';
import * as signin from './js/pages/signin.js';
import * as dashboard from './js/pages/dashboard.js';
import * as children from './js/pages/children.js';
import * as child from './js/pages/child.js';
import * as childEdit from './js/pages/child-edit.js';
import * as profile from './js/pages/profile.js';
import * as missingNow from './js/pages/missing-now.js';
import * as episode from './js/pages/episode.js';
import * as interviews from './js/pages/interviews.js';
import * as interview from './js/pages/interview.js';
import * as interviewForms from './js/pages/interview-forms.js';
import * as reportMissing from './js/pages/report-missing.js';
import * as recordReturn from './js/pages/record-return.js';
import * as decide from './js/pages/decide.js';
import * as recordAction from './js/pages/record-action.js';
import * as lists from './js/pages/lists.js';
import * as reports from './js/pages/reports.js';
import * as monthly from './js/pages/monthly.js';
import * as analysis from './js/pages/analysis.js';
import * as scorecard from './js/pages/scorecard.js';
import * as plans from './js/pages/plans.js';
import * as olaInterviews from './js/pages/ola-interviews.js';
import * as outbox from './js/pages/outbox.js';
import * as importPage from './js/pages/import.js';
import * as users from './js/pages/users.js';
import * as audit from './js/pages/audit.js';

const REPORTS = ['coordinator', 'team_manager', 'analyst'];
const POLICE = 'police_liaison';

// [path pattern, page module, roles (null: anyone, signed in or not), extra]
const ROUTES = [
  ['/sign-in', signin, null],
  ['/', dashboard, OPS],
  ['/children', children, OPS],
  ['/children/:id', child, OPS],
  ['/children/:id/edit', childEdit, OPS],
  ['/children/:id/profile', profile, [...OPS, POLICE]],
  ['/children/:id/profile/send', profile, OPS, { form: 'send' }],
  ['/missing-now', missingNow, [...OPS, POLICE]],
  ['/episodes/:id', episode, OPS],
  ['/interviews', interviews, [...OPS, POLICE]],
  ['/interviews/:id', interview, [...OPS, POLICE]],
  ['/interviews/:id/offer', interviewForms, OPS, { form: 'offer' }],
  ['/interviews/:id/attempt', interviewForms, OPS, { form: 'attempt' }],
  ['/interviews/:id/complete', interviewForms, OPS, { form: 'complete' }],
  ['/interviews/:id/decline', interviewForms, OPS, { form: 'decline' }],
  ['/interviews/:id/sign-off', interviewForms, ['coordinator', 'team_manager'], { form: 'sign-off' }],
  ['/report-missing', reportMissing, ['coordinator', POLICE]],
  ['/record-return', recordReturn, [...OPS, POLICE]],
  ['/decide-interview', decide, OPS],
  ['/record-action', recordAction, OPS],
  ['/lists', lists, OPS, { list: 'due' }],
  ['/lists/due', lists, OPS, { list: 'due' }],
  ['/lists/daily', lists, OPS, { list: 'daily' }],
  ['/lists/high-risk', lists, OPS, { list: 'high-risk' }],
  ['/lists/plans', lists, OPS, { list: 'plans' }],
  ['/lists/weekly', lists, [...OPS, 'analyst'], { list: 'weekly' }],
  ['/reports', reports, REPORTS],
  ['/reports/monthly', monthly, REPORTS],
  ['/reports/quarterly', analysis, REPORTS, { report: 'quarterly' }],
  ['/reports/annual', analysis, REPORTS, { report: 'annual' }],
  ['/reports/scorecard', scorecard, REPORTS],
  ['/reports/plans', plans, REPORTS],
  ['/reports/ola-interviews', olaInterviews, REPORTS],
  ['/reports/:id', reports, REPORTS, { one: true }],
  ['/import', importPage, ['coordinator']],
  ['/outbox', outbox, ['coordinator']],
  ['/outbox/notices/:id/answer', outbox, ['coordinator'], { form: 'answer' }],
  ['/admin/users', users, ['admin']],
  ['/admin/users/new', users, ['admin'], { form: 'new' }],
  ['/admin/users/:id/password', users, ['admin'], { form: 'password' }],
  ['/admin/users/:id/disable', users, ['admin'], { form: 'disable' }],
  ['/admin/audit', audit, ['admin']],
];

// What each role's navigation shows: [href, text, the paths it stands for].
const NAV = {
  coordinator: [['/', 'Dashboard'], ['/children', 'Children'], ['/report-missing', 'Report missing'],
    ['/lists/due', 'Lists', '/lists'], ['/outbox', 'Outbox'], ['/reports', 'Reports'], ['/import', 'Import']],
  team_manager: [['/', 'Dashboard'], ['/children', 'Children'], ['/lists/due', 'Lists', '/lists'], ['/reports', 'Reports']],
  worker: [['/', 'Dashboard'], ['/children', 'Children'], ['/lists/due', 'Lists', '/lists']],
  analyst: [['/reports', 'Reports'], ['/lists/weekly', 'Weekly figures']],
  police_liaison: [['/report-missing', 'Report a missing child'], ['/record-return', 'Record a return'], ['/interviews', 'Shared interviews'],
    ['/missing-now', 'Missing now']],
  admin: [['/admin/users', 'Users'], ['/admin/audit', 'Audit log']],
};


const compiled = ROUTES.map(([pattern, page, roles, extra]) => {
  const names = [];
  const re = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n) => {
    names.push(n);
    return '([^/]+)';
  })}/?$`);
  return { pattern, re, names, page, roles, extra: extra || {} };
});

function match(path) {
  for (const r of compiled) {
    const m = r.re.exec(path);
    if (m) {
      const params = {};
      r.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
      return { route: r, params };
    }
  }
  return null;
}

const main = document.getElementById('main');
let seq = 0;
let pendingFlash = null;
let firstRender = true;

export function navigate(to, { replace = false, flash = null } = {}) {
  pendingFlash = flash;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  render();
}

function setTitle(t) {
  document.title = t ? `${t} – Homeward` : 'Homeward';
}

function renderHeader(session) {
  const account = document.getElementById('account');
  const nav = document.getElementById('nav');
  const navList = document.getElementById('nav-list');
  const service = document.getElementById('service-link');
  service.setAttribute('href', session ? home(session.role) : '/sign-in');
  if (!session) {
    account.replaceChildren();
    nav.hidden = true;
    navList.replaceChildren();
    return;
  }
  const signOut = h('button', { type: 'button', class: 'header__signout' }, 'Sign out');
  signOut.addEventListener('click', async () => {
    try {
      await del('/session');
    } catch {
      // Signed out already, or the server is away: forget the session either way.
    }
    setSession(null);
    navigate('/sign-in', { flash: { title: 'You have signed out.', kind: 'success' } });
  });
  account.replaceChildren(
    h('p', { class: 'header__user' }, h('span', { class: 'visually-hidden' }, 'Signed in as '),
      h('strong', null, session.display_name || session.user), ' ',
      h('span', { class: 'header__role' }, `(${label('user_roles', session.role)}${session.team ? `, ${session.team}` : ''})`)),
    signOut);
  const path = location.pathname;
  navList.replaceChildren(...(NAV[session.role] || []).map(([href, text, prefix]) => {
    const current = path === href || (prefix && path.startsWith(prefix)) ||
      (href !== '/' && path.startsWith(`${href}/`));
    return h('li', null, h('a', { href, 'aria-current': current ? 'page' : null }, text));
  }));
  nav.hidden = false;
}

/** A page that says what went wrong, for errors no page handles itself. */
export function errorPage(ctx, err) {
  if (err instanceof ApiError && err.status === 403) {
    ctx.title('You do not have access to this');
    ctx.show(heading('You do not have access to this'), h('p', { class: 'body', id: 'access-message' }, err.message),
      h('p', null, 'If you need to see this, ask your team manager or the missing-children coordinator.'));
  } else if (err instanceof ApiError && err.status === 404) {
    ctx.title('Not found');
    ctx.show(heading('Not found'), h('p', null, err.message),
      h('p', null, 'Check the ID or the address and try again.'));
  } else if (err instanceof ApiError && err.status === 0) {
    ctx.title('The service cannot be reached');
    ctx.show(heading('The service cannot be reached'), h('p', null, err.message));
  } else {
    ctx.title('Sorry, there is a problem with the service');
    ctx.show(heading('Sorry, there is a problem with the service'),
      h('p', null, err && err.message ? err.message : String(err)), h('p', null, 'Try again later.'));
    if (!(err instanceof ApiError)) console.error(err);
  }
}

async function render() {
  const mine = ++seq;
  const path = location.pathname;
  const query = new URLSearchParams(location.search);
  const flash = pendingFlash;
  pendingFlash = null;
  let session = currentSession();
  const ctx = {
    main, path, query, params: {}, session, flash, extra: {},
    title: setTitle,
    navigate,
    isCurrent: () => mine === seq,
    show: (...nodes) => {
      if (mine !== seq) return;
      main.replaceChildren(...(flash ? [banner(flash.title, flash.body ? h('p', null, flash.body) : null, flash.kind || 'success')] : []), ...nodes.flat().filter(Boolean));
      main.removeAttribute('aria-busy');
      if (!firstRender) {
        const target = main.querySelector('.error-summary') || document.getElementById('page-heading') || main;
        target.focus({ preventScroll: true });
        window.scrollTo(0, 0);
      }
    },
  };
  main.setAttribute('aria-busy', 'true');
  try {
    if (!session && firstRender) session = await loadSession();
    ctx.session = session;
    renderHeader(session);
    const found = match(path);
    if (!found) {
      setTitle('Page not found');
      ctx.show(heading('Page not found'), h('p', null, 'If you typed the web address, check it is correct.'));
      return;
    }
    const { route, params } = found;
    ctx.params = params;
    ctx.extra = route.extra;
    if (route.roles && !session) {
      const next = path === '/' ? '' : `?next=${encodeURIComponent(path + location.search)}`;
      navigate(`/sign-in${next}`, { replace: true, flash });
      return;
    }
    if (route.pattern === '/' && session && !OPS.includes(session.role)) {
      navigate(home(session.role), { replace: true, flash });
      return;
    }
    if (route.roles && !route.roles.includes(session.role)) {
      errorPage(ctx, new ApiError(403, `A ${label('user_roles', session.role).toLowerCase()} cannot use this page.`));
      return;
    }
    if (session) await loadCodes();
    await route.page.render(ctx);
  } catch (err) {
    if (mine !== seq) return;
    if (err instanceof ApiError && err.handled) return; // whenUnauthorised has moved to sign-in
    errorPage(ctx, err);
  } finally {
    if (mine === seq) firstRender = false;
  }
}

whenUnauthorised(() => {
  setSession(null);
  if (location.pathname === '/sign-in') return;
  const next = `${location.pathname}${location.search}`;
  navigate(`/sign-in?next=${encodeURIComponent(next)}`, {
    replace: true, flash: { title: 'Your session has ended.', body: 'Sign in again to carry on.', kind: 'info' },
  });
});

// Links inside the app move between pages without reloading; links to a
// place on the page move focus there; downloads and API links are left alone.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest('a[href]');
  if (!a || a.hasAttribute('download') || (a.target && a.target !== '_self')) return;
  const href = a.getAttribute('href');
  if (href.startsWith('#')) {
    const target = document.getElementById(decodeURIComponent(href.slice(1)));
    if (!target) return;
    e.preventDefault();
    if (!target.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) target.setAttribute('tabindex', '-1');
    target.scrollIntoView();
    target.focus({ preventScroll: true });
    return;
  }
  const u = new URL(a.href, location.href);
  if (u.origin !== location.origin || u.pathname.startsWith('/api/')) return;
  e.preventDefault();
  navigate(u.pathname + u.search);
});

window.addEventListener('popstate', () => render());

render();
