// Smoke: the UI is served, and a visitor who is not signed in is asked to.
export async function run({ page, base, assert, screenshot }) {
  const response = await page.goto(`${base}/`);
  assert.equal(response.status(), 200, 'GET / answers 200');
  assert.match(response.headers()['content-type'] || '', /^text\/html/);
  assert.ok(response.headers()['content-security-policy'], 'the page has a CSP');

  const title = await page.title();
  assert.ok(title.trim().length > 0, 'the page has a <title>');

  // Not signed in: a sign-in form, with the user name and password fields.
  const user = page.locator('#user').or(page.getByLabel('User name', { exact: true }));
  await user.first().waitFor({ state: 'visible', timeout: 30_000 });
  const password = page.locator('#password');
  await password.waitFor({ state: 'visible' });
  assert.equal(await password.getAttribute('type'), 'password', '#password hides what is typed');
  const form = page.locator('form:has(#user)');
  assert.equal(await form.count(), 1, 'one form holds #user');
  assert.ok(
    (await form.locator('[type=submit], button:not([type])').count()) >= 1,
    'the sign-in form has a submit button',
  );
  await screenshot('sign-in');

  // A client-side route is the same page: the app routes in the browser.
  const deep = await page.goto(`${base}/children/C000001`);
  assert.equal(deep.status(), 200, 'a client-side route answers 200');
  await page.locator('#user').first().waitFor({ state: 'visible', timeout: 30_000 });
}
