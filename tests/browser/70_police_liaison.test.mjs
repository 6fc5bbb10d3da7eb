// Police liaison: report a child not yet known (their names and date of
// birth), record their return, and read the interviews shared with police.

function london(d) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.day}/${p.month}/${p.year}`, time: `${p.hour}:${p.minute}` };
}

export async function run(ctx) {
  const { page, base, assert, hw } = ctx;
  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('police_liaison'), 200);
  await page.getByRole('heading', { level: 1, name: 'Report a missing child' }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Report a missing child', 'Record a return', 'Shared interviews', 'Missing now']);

  const seen = london(new Date(Date.now() - 2 * 3600e3));
  await page.locator('#episode_id').fill('E9400001');
  await page.locator('#child_id').fill('C9400001');
  await page.locator('#last_seen').fill(seen.date);
  await page.locator('#last_seen-time').fill(seen.time);
  await page.getByLabel('Medium', { exact: true }).check();
  await page.locator('#police_ref').fill('MP/26/940001');
  await page.locator('#first_name').fill('Robin');
  await page.locator('#last_name').fill('Newcome');
  await page.locator('#date_of_birth').fill('14/2/2011');
  await page.getByRole('button', { name: 'Report missing' }).click();
  await page.locator('.banner', { hasText: 'E9400001' }).waitFor();
  assert.match(await page.locator('.banner').innerText(), /C9400001 was not known and has been added/);
  const child = JSON.parse(await hw('child', 'show', 'C9400001', '--format', 'json')).child;
  assert.equal(child.first_name, 'Robin');
  assert.equal(child.date_of_birth, '2011-02-14');

  await nav.getByRole('link', { name: 'Record a return' }).click();
  await page.getByRole('heading', { level: 1, name: 'Record a return' }).waitFor();
  await page.locator('#episode_id').fill('E9400001');
  await page.locator('#found_location').fill('Bus station');
  await page.getByRole('button', { name: 'Record the return' }).click();
  await page.locator('.banner', { hasText: 'The return was recorded' }).waitFor();
  const shown = JSON.parse(await hw('episode', 'show', 'E9400001', '--format', 'json')).episode;
  assert.ok(shown.returned, 'the return is recorded');

  await nav.getByRole('link', { name: 'Shared interviews' }).click();
  await page.getByRole('heading', { level: 1, name: 'Interviews shared with the police' }).waitFor();
  // A child's page is not for police liaison.
  await page.goto(`${base}/children/C9400001`);
  await page.getByRole('heading', { level: 1, name: 'You do not have access to this' }).waitFor();
}
