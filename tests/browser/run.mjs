#!/usr/bin/env node
// The browser tests: Homeward's UI driven in Debian's headless Chromium.
//
//   node tests/browser/run.mjs PATH-TO-HOMEWARD [NAME-FILTER]
//
// Makes a council (homeward generate --seed 7 --years 1 --scale 1) in a
// temporary folder, imports it, adds one user per role, starts
// `homeward serve` on a free loopback port, launches /usr/bin/chromium through
// playwright-core (never a downloaded browser) and runs every
// tests/browser/*.test.mjs in name order, or those whose name contains
// NAME-FILTER. Each test module exports `async function run(ctx)`; a test
// fails when it throws or when its page has an uncaught error or a Content
// Security Policy violation. Prints a line per test and a closing
// "N passed, N failed"; exits 1 on any failure. The server, the browser and
// the temporary folder are always cleaned up.
//
// HW_SCREENSHOTS=1 makes ctx.screenshot(name) write docs/screenshots/NAME.png.
// HW_BROWSER_TIMEOUT (seconds, default 180) bounds each test.
// HW_BROWSER_WEB=DIR serves the UI from DIR (serve --web) instead of the
// copy built into the binary: edit web/ and rerun without rebuilding.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { parseCsv } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const ROLES = ['coordinator', 'team_manager', 'worker', 'analyst', 'police_liaison', 'admin'];
const TEAM_ROLES = new Set(['team_manager', 'worker']);
const TEST_TIMEOUT_MS = Number(process.env.HW_BROWSER_TIMEOUT || 180) * 1000;

const binary = process.argv[2] && resolve(process.argv[2]);
const filter = process.argv[3] || '';
if (!binary || !existsSync(binary)) {
  console.error('usage: node tests/browser/run.mjs PATH-TO-HOMEWARD [NAME-FILTER]');
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'homeward-browser-'));
const env = { ...process.env, HOMEWARD_DB: join(tmp, 'homeward.db'), HOMEWARD_USER: 'browser-tests' };
for (const v of ['HOMEWARD_CONFIG', 'HOMEWARD_NOW', 'HOMEWARD_ROUTING', 'HOMEWARD_REASONS', 'HOMEWARD_NOTICES']) delete env[v];

let server = null;
let browser = null;

// Runs homeward against the tests' database: resolves {status, stdout,
// stderr}. opts.input goes to standard input.
function hwResult(args, opts = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(binary, args, { env: { ...env, ...(opts.env || {}) }, cwd: tmp });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
    // homeward may exit before reading its input: not the test's failure.
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

// Runs homeward ARGS...; resolves its standard output, or rejects naming the
// command and what it printed on standard error. A last argument that is an
// object is options: {input, env}.
async function hw(...args) {
  const opts = args.length && typeof args[args.length - 1] === 'object' ? args.pop() : {};
  const r = await hwResult(args.map(String), opts);
  if (r.status !== 0)
    throw new Error(`homeward ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
  return r.stdout;
}


// The team with the most episodes: managers and workers belong to it.
function busiestTeam(dataDir) {
  const children = parseCsv(readFileSync(join(dataDir, 'children.csv'), 'utf8'));
  const episodes = parseCsv(readFileSync(join(dataDir, 'episodes.csv'), 'utf8'));
  const teamOf = new Map(children.map((c) => [c.child_id, c.team]));
  const count = new Map();
  for (const e of episodes) {
    const t = teamOf.get(e.child_id);
    if (t) count.set(t, (count.get(t) || 0) + 1);
  }
  const best = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!best) throw new Error('the generated children have no team');
  return best[0];
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Starts homeward serve on a free port and waits until /api/v1/health answers.
async function startServer() {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const port = await freePort();
    const log = [];
    const args = ['serve', '--listen', `127.0.0.1:${port}`];
    if (process.env.HW_BROWSER_WEB) args.push('--web', resolve(process.env.HW_BROWSER_WEB));
    const child = spawn(binary, args, {
      env,
      cwd: tmp,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (d) => log.push(String(d)));
    let exited = false;
    child.on('exit', () => (exited = true));
    const base = `http://127.0.0.1:${port}`;
    const until = Date.now() + 60_000; // ASan builds start slowly
    while (!exited && Date.now() < until) {
      try {
        const r = await fetch(`${base}/api/v1/health`);
        if (r.ok) return { child, base, log, exited: () => exited };
      } catch {
        /* not listening yet */
      }
      await sleep(100);
    }
    if (!exited) child.kill('SIGKILL');
    if (attempt === 5) throw new Error(`the server did not start: ${log.join('')}`);
  }
  throw new Error('unreachable');
}

// Stops the server gracefully (SIGTERM); resolves its exit status, or a
// message when it had to be killed or had already stopped.
async function stopServer() {
  if (!server) return 0;
  const child = server.child;
  if (server.exited()) return child.exitCode ?? `signal ${child.signalCode}`;
  const done = new Promise((r) => child.once('exit', (code, sig) => r(code ?? `signal ${sig}`)));
  child.kill('SIGTERM');
  const status = await Promise.race([done, sleep(15_000).then(() => null)]);
  if (status !== null) return status;
  child.kill('SIGKILL');
  await done;
  return 'killed: it did not stop within 15 s of SIGTERM';
}

async function cleanup() {
  try {
    if (browser) await browser.close();
  } catch {
    /* already gone */
  }
  browser = null;
  await stopServer();
  rmSync(tmp, { recursive: true, force: true });
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const tests = readdirSync(here)
    .filter((f) => f.endsWith('.test.mjs') && f.includes(filter))
    .sort();
  if (tests.length === 0) throw new Error(`no tests/browser/*.test.mjs matches '${filter}'`);

  // The council: generated, imported, one user per role.
  const data = join(tmp, 'data');
  mkdirSync(data);
  await hw('generate', '--seed', 7, '--years', 1, '--scale', 1, '--out', data);
  for (const kind of ['children', 'episodes', 'interviews'])
    await hw('import', kind, join(data, `${kind}.csv`));
  const team = busiestTeam(data);
  const users = {};
  for (const role of ROLES) {
    const user = role;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const args = ['user', 'add', user, '--role', role, '--display-name', `Test ${role}`];
    if (TEAM_ROLES.has(role)) args.push('--team', team);
    await hw(...args, '--password-stdin', { input: `${password}\n` });
    users[role] = { user, password, role, team: TEAM_ROLES.has(role) ? team : null };
  }

  server = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });

  let passed = 0;
  let failed = 0;
  for (const file of tests) {
    const name = basename(file, '.test.mjs');
    const started = Date.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The server runs under the sanitizers and beside other tests: give each
    // step a minute, not Playwright's 30 s, before calling it a failure.
    page.setDefaultTimeout(60_000);
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
        pageErrors.push(`CSP: ${m.text()}`);
    });
    const ctx = {
      page,
      context,
      browser,
      base: server.base,
      users,
      team,
      data, // the generated CSVs
      tmp,
      hw,
      hwResult: (...args) => hwResult(args.map(String)),
      assert,
      pageErrors,
      serverLog: () => server.log.join(''),
      // Writes docs/screenshots/NAME.png, only when HW_SCREENSHOTS=1.
      async screenshot(shot, opts = {}) {
        if (process.env.HW_SCREENSHOTS !== '1') return null;
        const dir = join(repo, 'docs', 'screenshots');
        mkdirSync(dir, { recursive: true });
        const path = join(dir, `${shot}.png`);
        await page.screenshot({ path, fullPage: true, ...opts });
        return path;
      },
      // Signs in through the sign-in form (#user, #password, its submit
      // button); resolves the HTTP status of POST /api/v1/session.
      async signIn(role, password) {
        const u = users[role] || { user: role, password };
        if (!page.url().startsWith(server.base)) await page.goto(`${server.base}/`);
        await page.locator('#user').fill(u.user);
        await page.locator('#password').fill(password ?? u.password);
        const answered = page.waitForResponse(
          (r) => r.url() === `${server.base}/api/v1/session` && r.request().method() === 'POST',
        );
        await page.locator('form:has(#user) [type=submit]').first().click();
        return (await answered).status();
      },
      // Fails when the page has had an uncaught error or a CSP violation.
      assertNoPageErrors() {
        assert.deepEqual(pageErrors, [], 'errors on the page');
      },
    };
    let error = null;
    try {
      const mod = await import(pathToFileURL(join(here, file)).href);
      if (typeof mod.run !== 'function') throw new Error('exports no run(ctx)');
      await withTimeout(mod.run(ctx), TEST_TIMEOUT_MS, name);
      if (!mod.allowPageErrors) ctx.assertNoPageErrors();
    } catch (e) {
      error = e;
    }
    const ms = Date.now() - started;
    if (error) {
      failed++;
      const msg = String(error.message || error).split('\n').slice(0, 12).join('\n    ');
      console.log(`FAIL ${name} (${ms} ms): ${msg}`);
      console.log(`    at ${page.url()}`);
    } else {
      passed++;
      console.log(`ok   ${name} (${ms} ms)`);
    }
    await context.close().catch(() => {});
    if (server.exited()) {
      console.log(`FAIL the server stopped:\n${server.log.join('').slice(-2000)}`);
      failed++;
      break;
    }
  }
  // A clean stop: under the sanitizers, a leak or an error shows here.
  await browser.close();
  browser = null;
  const status = await stopServer();
  if (status !== 0) {
    console.log(`FAIL server: exited ${status}`);
    failed++;
  }
  if (failed) console.log(`server log (last lines):\n${server.log.join('').split('\n').slice(-25).join('\n')}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}

for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => cleanup().finally(() => process.exit(130)));

let ok = false;
try {
  ok = await main();
} catch (e) {
  console.log(`FAIL setup: ${e.stack || e}`);
  if (server) console.log(server.log.join('').slice(-2000));
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
