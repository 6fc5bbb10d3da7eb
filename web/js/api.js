// api.js - the one way the pages talk to the server (/api/v1/...).
// Sends the CSRF token with every change, turns error answers into
// ApiError (status, message, field, row errors), and tells the app when the
// session has ended (401) so it can return to sign-in.

export class ApiError extends Error {
  constructor(status, message, field = null, errors = null) {
    super(message);
    this.status = status;
    this.field = field;
    this.errors = errors;
  }
}

const DEFAULTS = {
  0: 'The service could not be reached. Check your connection and try again.',
  400: 'The request was not understood.',
  401: 'You need to sign in again.',
  403: 'You do not have access to this.',
  404: 'Not found.',
  405: 'That cannot be done here.',
  409: 'That conflicts with what is already recorded.',
  413: 'That is too large to send.',
  422: 'Something you entered is not right.',
  429: 'Too many attempts. Try again later.',
  500: 'Sorry, there is a problem with the service. Try again later.',
};

let session = null; // {user, display_name, role, team, csrf}
let onUnauthorised = () => {};

export function setSession(me) {
  session = me;
}

export function currentSession() {
  return session;
}

/** Called with no arguments when any call (other than sign-in) answers 401. */
export function whenUnauthorised(fn) {
  onUnauthorised = fn;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const t = q.toString();
  return t ? `?${t}` : '';
}

/** The URL of an API path, for links (downloads). */
export function url(path, params) {
  return `/api/v1${path}${query(params)}`;
}

/**
 * request('GET', '/children', {query: {q: 'Amy'}})
 * request('POST', '/episodes', {body: {...}})
 * request('POST', '/import/children', {csv: text})
 * request('PUT', '/children/C1/photo', {bytes: file, type: file.type}) (the file as it is)
 * request('GET', '/reports/annual', {query: {...}, reviver}) (JSON.parse's reviver)
 */
export async function request(method, path, opts = {}) {
  const headers = { Accept: 'application/json' };
  let body;
  if (opts.csv !== undefined) {
    headers['Content-Type'] = 'text/csv';
    body = opts.csv;
  } else if (opts.bytes !== undefined) {
    headers['Content-Type'] = opts.type || 'application/octet-stream';
    body = opts.bytes;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && session && session.csrf) headers['X-CSRF-Token'] = session.csrf;
  let res;
  try {
    res = await fetch(url(path, opts.query), { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, DEFAULTS[0]);
  }
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text, opts.reviver) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const e = (data && data.error) || {};
    const errors = (data && data.errors) || e.errors || null;
    const err = new ApiError(res.status, e.message || DEFAULTS[res.status] || `The server answered ${res.status}.`,
      e.field || null, errors);
    if (res.status === 401 && path !== '/session' && path !== '/me') {
      err.handled = true; // the app has gone back to sign-in
      onUnauthorised(err);
    }
    throw err;
  }
  return data;
}

export const get = (path, params) => request('GET', path, { query: params });
export const post = (path, body) => request('POST', path, { body });
export const patch = (path, body) => request('PATCH', path, { body });
export const del = (path) => request('DELETE', path);
export const postCsv = (path, csv) => request('POST', path, { csv });
/** A file's bytes as they are (a photograph); the server judges what it is by them. */
export const putBytes = (path, blob, type) => request('PUT', path, { bytes: blob, type });

/** Who is signed in, with a fresh CSRF token; null when nobody is. */
export async function loadSession() {
  try {
    const me = await request('GET', '/me');
    session = me;
    return me;
  } catch (e) {
    if (e.status === 401) {
      session = null;
      return null;
    }
    throw e;
  }
}
