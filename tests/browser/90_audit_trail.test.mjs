// What people do in the browser is in the audit log, and an altered entry
// is found: the coordinator opens a child's page and records an action;
// the administrator finds both in the audit log; one entry is then changed
// behind Homeward's back (in the database file) and both `homeward audit
// verify` and the audit page's check say the log was altered.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export async function run(ctx) {
  const { page, base, assert } = ctx;
  const db = join(ctx.tmp, 'homeward.db');

  // The coordinator opens a missing child's page and records an action.
  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('coordinator'), 200);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  const missing = page.locator('table', { has: page.locator('caption', { hasText: /missing/i }) });
  const link = missing.locator('tbody tr a[href^="/children/"]').first();
  const child = (await link.getAttribute('href')).split('/').pop();
  await link.click();
  await page.locator('h1').waitFor();
  await page.waitForURL(`**/children/${child}`);

  // Sign out; the administrator searches the log for that child.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#user').waitFor();
  assert.equal(await ctx.signIn('admin'), 200);
  await page.goto(`${base}/admin/audit?record=${encodeURIComponent(child)}`);
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  const entry = page.locator('table tbody tr', { hasText: ctx.users.coordinator.user });
  await entry.first().waitFor();
  assert.match(await entry.first().innerText(), /view/);
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await page.getByRole('heading', { name: 'The audit log is intact' }).waitFor();
  assert.equal((await ctx.hwResult('audit', 'verify')).status, 0);

  // Alter one entry in the file: the triggers that forbid it are dropped
  // first, as someone with the file could.
  const sql = "DROP TRIGGER audit_kept_u; UPDATE audit SET user = 'someone else' WHERE seq = " +
    '(SELECT MAX(seq) FROM audit WHERE record_id = ' + `'${child.replace(/'/g, "''")}');`;
  const r = spawnSync('sqlite3', [db, sql], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const verify = await ctx.hwResult('audit', 'verify');
  assert.notEqual(verify.status, 0);
  assert.match(verify.stderr + verify.stdout, /audit/i);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await page.getByRole('heading', { name: 'The audit log has been altered' }).waitFor();
}
