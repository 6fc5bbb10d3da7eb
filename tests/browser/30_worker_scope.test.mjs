// A worker sees their own team's children, and another team's child's page
// says they have no access, with the server's reason.

export async function run(ctx) {
  const { page, base, assert, hw } = ctx;
  const children = JSON.parse(await hw('child', 'list', '--format', 'json')).children;
  const other = children.find((c) => c.team && c.team !== ctx.team);
  const own = children.find((c) => c.team === ctx.team);
  assert.ok(other && own, 'children of two teams');

  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('worker'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const items = await nav.getByRole('link').allInnerTexts();
  assert.deepEqual(items, ['Dashboard', 'Children', 'Lists'], 'a worker has no reports or import');
  assert.match(await page.locator('#page-heading').innerText(), new RegExp(ctx.team), 'the dashboard is the team\'s');

  // Their own team's child opens.
  await page.goto(`${base}/children/${own.child_id}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(own.last_name || own.child_id) }).waitFor();

  // Another team's child: no access, and why.
  await page.goto(`${base}/children/${other.child_id}`);
  await page.getByRole('heading', { level: 1, name: 'You do not have access to this' }).waitFor();
  assert.equal(await page.title(), 'You do not have access to this – Homeward');
  const why = await page.locator('#access-message').innerText();
  assert.ok(why.length > 0 && why.includes(other.child_id), `the server's message: ${why}`);
  const text = await page.locator('main').innerText();
  for (const n of [other.first_name, other.last_name].filter(Boolean))
    assert.ok(!new RegExp(`\\b${n}\\b`).test(text), `the page does not name the child (${n})`);

  // A page for another role: the same answer, without asking the server.
  await page.goto(`${base}/import`);
  await page.getByRole('heading', { level: 1, name: 'You do not have access to this' }).waitFor();
}
