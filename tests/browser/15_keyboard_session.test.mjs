// Keyboard use and the session: the skip link, signing in with the keyboard
// alone, the throttling message, and a session that ends returning to
// sign-in and back again.

export async function run(ctx) {
  const { page, base, assert } = ctx;
  await page.goto(`${base}/`);
  await page.locator('#user').waitFor();
  assert.equal(await page.title(), 'Sign in – Homeward');

  // The first tab stop is the skip link; it moves focus to the main region.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to main content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

  // Throttling: a name that is not a user, five wrong passwords, then refused.
  for (let i = 0; i < 5; i++) {
    assert.equal(await ctx.signIn('nobody.here', 'wrong-password-123'), 401);
    await page.locator('.error-summary').waitFor();
  }
  assert.match(await page.locator('.error-summary').innerText(), /user name or password is wrong/i);
  assert.equal(await ctx.signIn('nobody.here', 'wrong-password-123'), 429);
  await page.locator('.error-summary', { hasText: /too many failed sign-ins/i }).waitFor();

  // Sign in with the keyboard alone.
  const u = ctx.users.team_manager;
  await page.locator('#user').fill('');
  await page.locator('#user').focus();
  await page.keyboard.type(u.user);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'password');
  await page.keyboard.type(u.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  assert.match(await page.locator('header').innerText(), /Test team_manager[\s\S]*Sign out/);

  // The navigation is reachable by Tab and follows Enter.
  const lists = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Lists' });
  await lists.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /Due and overdue actions/ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'page-heading', 'focus moves to the new page\'s heading');
  assert.equal(await lists.getAttribute('aria-current'), 'page');

  // The session ends (its cookie is gone): the next page returns to sign-in,
  // and signing in again returns to that page.
  await ctx.context.clearCookies();
  await page.getByRole('link', { name: 'High risk', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in to Homeward' }).waitFor();
  assert.match(await page.locator('.banner').innerText(), /session has ended/i);
  assert.equal(await ctx.signIn('team_manager'), 200);
  await page.getByRole('heading', { level: 1, name: /High-risk list/ }).waitFor();

  // Sign out.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in to Homeward' }).waitFor();
  assert.match(await page.locator('.banner').innerText(), /signed out/);
}
