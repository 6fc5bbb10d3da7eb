// An analyst sees reports and the weekly figures, and no child's name or ID
// anywhere.

export async function run(ctx) {
  const { page, base, assert, hw } = ctx;
  const children = JSON.parse(await hw('child', 'list', '--format', 'json')).children;
  const names = new Set();
  for (const c of children) for (const n of [c.first_name, c.last_name]) if (n) names.add(n);
  assert.ok(names.size > 20, 'names to look for');
  const ids = children.map((c) => c.child_id);

  const check = async (where) => {
    const text = await page.locator('body').innerText();
    const found = [...names].filter((n) => new RegExp(`\\b${n}\\b`).test(text));
    assert.deepEqual(found, [], `no child's name on ${where}`);
    const idsFound = ids.filter((id) => text.includes(id));
    assert.deepEqual(idsFound, [], `no child's ID on ${where}`);
  };

  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('analyst'), 200);
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/reports', 'an analyst starts on the reports');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Reports', 'Weekly figures']);
  await check('the reports');

  await page.getByRole('link', { name: 'Monthly data profile' }).click();
  await page.getByRole('heading', { level: 1, name: /Monthly data profile/ }).waitFor();
  await check('the monthly profile');

  await nav.getByRole('link', { name: 'Weekly figures' }).click();
  await page.getByRole('heading', { level: 1, name: 'Weekly figures' }).waitFor();
  assert.ok(await page.locator('table tbody tr').count() >= 1, 'the weekly figures per team');
  await check('the weekly figures');

  // A child's page or the dashboard: not for analysts.
  await page.goto(`${base}/children/${ids[0]}`);
  await page.getByRole('heading', { level: 1, name: 'You do not have access to this' }).waitFor();
  await check('a child\'s address');
  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  await check('the start page');
}
