// An administrator adds a user (after a mistake), sees them in the users
// table and in the audit log, verifies the chain, and disables them.

export async function run(ctx) {
  const { page, base, assert, screenshot } = ctx;
  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('admin'), 200);
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/admin/users');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Users', 'Audit log']);
  const users = page.locator('table', { has: page.locator('caption', { hasText: 'users' }) });
  for (const u of Object.values(ctx.users))
    assert.equal(await users.locator('tbody tr', { has: page.locator(`th:text-is("${u.user}")`) }).count(), 1, `${u.user} is listed`);
  await screenshot('users');

  // Add a user: a worker without a team and a short password first.
  await page.getByRole('link', { name: 'Add a user' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a user' }).waitFor();
  await page.locator('#user').fill('new.worker');
  await page.locator('#display_name').fill('Nia Worker');
  await page.locator('#role').selectOption('worker');
  await page.locator('#password').fill('too-short');
  await page.getByRole('button', { name: 'Add the user' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.deepEqual(await summary.locator('a').allInnerTexts(), [
    'Choose the team of a team manager or worker', 'The password must have at least 12 characters']);
  await page.locator('#team').selectOption(ctx.team);
  await page.locator('#password').fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Add the user' }).click();
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  assert.match(await page.locator('.banner').innerText(), /new\.worker was added/);
  const row = users.locator('tbody tr', { has: page.locator('th:text-is("new.worker")') });
  assert.match(await row.innerText(), /Nia Worker[\s\S]*Worker[\s\S]*Active/);

  // The audit log shows it.
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await page.locator('#audit-action').fill('user_add');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/action=user_add/);
  const entry = page.locator('table tbody tr', { hasText: 'new.worker' });
  await entry.first().waitFor();
  assert.match(await entry.first().innerText(), /admin[\s\S]*user_add/);
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await page.getByRole('heading', { name: 'The audit log is intact' }).waitFor();
  await screenshot('audit');

  // Disable the new user, after a confirmation.
  await nav.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  await row.getByRole('link', { name: /Disable/ }).click();
  await page.getByRole('heading', { level: 1, name: /disable new\.worker/ }).waitFor();
  await page.getByRole('button', { name: 'Disable new.worker' }).click();
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  assert.match(await row.innerText(), /Disabled/);
}
