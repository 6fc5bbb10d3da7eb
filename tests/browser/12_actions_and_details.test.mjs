// From the dashboard's overdue actions, "Not needed" opens the action form
// (the reason is required); and a child's missing plan is edited.

export async function run(ctx) {
  const { page, base, assert } = ctx;
  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('coordinator'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();

  const row = page.locator('#overdue ~ div table tbody tr').first();
  const episode = (await row.locator('a[href^="/episodes/"]').innerText()).trim();
  const action = (await row.locator('td').nth(2).innerText()).trim();
  await row.getByRole('link', { name: /^Not needed/ }).click();
  await page.getByRole('heading', { level: 1, name: /Record:/ }).waitFor();
  assert.equal(await page.locator('#episode_id').inputValue(), episode);
  assert.ok(await page.getByLabel('Not needed', { exact: true }).isChecked(), 'the outcome comes from the link');

  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#reason-error', { hasText: 'Enter why it was not needed' }).waitFor();
  await page.locator('#reason').fill('Found before it was due');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`episode ${episode}`) }).waitFor();
  assert.match(await page.locator('.banner').innerText(), /recorded as not needed/);
  const schedule = page.locator('table', { has: page.locator('caption', { hasText: 'What the guidance says' }) });
  const line = schedule.locator('tbody tr', { has: page.locator(`th:text-is("${action.replace(/"/g, '\\"')}")`) });
  assert.match(await line.first().innerText(), /Not needed/);

  // Edit the child's missing plan.
  await page.getByRole('link', { name: 'Back to the child' }).click();
  await page.getByRole('link', { name: 'Edit details' }).waitFor();
  const name = (await page.locator('#page-heading').innerText()).split('\n').pop();
  await page.getByRole('link', { name: 'Edit details' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit details' }).waitFor();
  await page.locator('#missing_plan').fill('Call the carer first; known to visit a friend in town.');
  await page.locator('#plan_reviewed').fill('31/2/2026');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#plan_reviewed-error', { hasText: 'real date' }).waitFor();
  await page.locator('#plan_reviewed').fill('20/11/2026');
  await page.locator('#plan_review_due').fill('20/2/2027');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  assert.match(await page.locator('.banner').innerText(), /details were saved[\s\S]*missing plan/);
  const details = await page.locator('dl.summary-list').first().innerText();
  assert.match(details, /Call the carer first/);
  assert.match(details, /20 November 2026/);
  assert.match(details, /20 February 2027/);
}
