// The coordinator's day, end to end through the forms: report a child
// missing (first with mistakes: the error summary), see them on the
// dashboard with the right hours, record the return, decide and record the
// interview, and see the interview leave the due list.

// "dd/mm/yyyy" and "HH:MM" of an instant, in England's local time.
function london(d) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.day}/${p.month}/${p.year}`, time: `${p.hour}:${p.minute}` };
}

const EPISODE = 'E9100001';

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 20_000 });
}

async function dueRows(page, base, team) {
  await page.goto(`${base}/lists/due?team=${encodeURIComponent(team)}`);
  await heading(page, /Due and overdue actions/);
  return page.locator('table tbody tr', { hasText: EPISODE });
}

export async function run(ctx) {
  const { page, base, assert, screenshot } = ctx;

  // Sign in: the coordinator starts on the dashboard.
  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('coordinator'), 200, 'sign-in answers 200');
  await heading(page, /Dashboard/);

  // A child of the busiest team who is not missing now (asked of the API as the coordinator).
  const { children, missing } = await page.evaluate(async (team) => {
    const get = async (p) => (await fetch(p)).json();
    return {
      children: (await get(`/api/v1/children?team=${encodeURIComponent(team)}&limit=200`)).children,
      missing: (await get('/api/v1/dashboard')).missing.map((m) => m.child_id),
    };
  }, ctx.team);
  const child = children.find((c) => c.first_name && c.last_name && !missing.includes(c.child_id));
  assert.ok(child, 'a child to report missing');
  const childName = `${child.first_name} ${child.last_name}`;
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.title(), 'Dashboard – Homeward');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const item of ['Dashboard', 'Children', 'Report missing', 'Lists', 'Reports', 'Import'])
    assert.equal(await nav.getByRole('link', { name: item, exact: true }).count(), 1, `the coordinator's navigation has ${item}`);

  // Report missing, with nothing filled in: the error summary.
  await nav.getByRole('link', { name: 'Report missing', exact: true }).click();
  await heading(page, 'Report a missing child');
  assert.equal(await page.title(), 'Report a missing child – Homeward');
  await page.getByRole('button', { name: 'Report missing' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.ok(await summary.evaluate((el) => el === document.activeElement), 'focus moves to the error summary');
  assert.match(await page.title(), /^Error: Report a missing child/);
  const messages = await summary.locator('a').allInnerTexts();
  assert.deepEqual(messages, ['Enter the episode ID', 'Enter the child ID', 'Select the police risk level']);
  assert.match(await page.locator('#episode_id-error').innerText(), /Enter the episode ID/, 'the message beside the field');
  assert.equal(await page.locator('#episode_id').getAttribute('aria-describedby'), 'episode_id-hint episode_id-error');
  await screenshot('report-missing-errors');
  await summary.getByRole('link', { name: 'Enter the child ID' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'child_id', 'a summary link moves focus to its field');

  // The server's answer lands on the field too: an episode ID already recorded.
  const lastSeen = new Date(Math.floor((Date.now() - 3 * 3600e3) / 60000) * 60000);
  const seen = london(lastSeen);
  await page.locator('#episode_id').fill('E0000001');
  await page.locator('#child_id').fill(child.child_id);
  await page.locator('#last_seen').fill(seen.date);
  await page.locator('#last_seen-time').fill(seen.time);
  await page.getByLabel('High', { exact: true }).check();
  await page.getByRole('button', { name: 'Report missing' }).click();
  await page.locator('#episode_id-error', { hasText: 'already recorded' }).waitFor();

  // Now right.
  await page.locator('#episode_id').fill(EPISODE);
  await page.locator('#police_ref').fill('MP/26/999001');
  await page.getByRole('button', { name: 'Report missing' }).click();
  await heading(page, `Missing: episode ${EPISODE}`);
  assert.match(await page.locator('.banner').innerText(), new RegExp(`Episode ${EPISODE} recorded`));

  // The dashboard: missing now, with the hours since the time entered.
  await nav.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await heading(page, /Dashboard/);
  const row = page.locator('table', { has: page.locator('caption', { hasText: 'missing or away from placement now' }) })
    .locator('tbody tr', { hasText: child.child_id });
  await row.waitFor();
  const rowText = await row.innerText();
  assert.ok(rowText.includes(childName), 'the row names the child');
  assert.ok(rowText.includes('High risk'), 'the row has the risk tag');
  const shown = Number(/(\d+\.\d) hours/.exec(rowText)[1]);
  const expected = (Date.now() - lastSeen.getTime()) / 3600e3;
  assert.ok(Math.abs(shown - expected) <= 0.15, `hours missing: shown ${shown}, expected about ${expected.toFixed(2)}`);
  await screenshot('dashboard');

  // The child's page: the new episode at the top of the timeline.
  await row.getByRole('link', { name: childName }).click();
  await heading(page, new RegExp(childName));
  assert.equal(await page.title(), `${childName} (${child.child_id}) – Homeward`);
  const first = page.locator('.timeline__item').first();
  assert.match(await first.innerText(), new RegExp(`${EPISODE}[\\s\\S]*Still missing`));
  await page.setViewportSize({ width: 1280, height: 1700 });
  await screenshot('child', { fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Record the return.
  await page.getByRole('link', { name: 'Record a return' }).click();
  await heading(page, 'Record a return');
  assert.equal(await page.locator('#episode_id').inputValue(), EPISODE);
  await page.locator('#found_location').fill('Town centre');
  await page.getByRole('button', { name: 'Record the return' }).click();
  await heading(page, `Missing: episode ${EPISODE}`);
  assert.match(await page.locator('.banner').innerText(), /The return was recorded[\s\S]*The rules say/);

  // The due list now holds the interview.
  let rows = await dueRows(page, base, ctx.team);
  assert.ok(await rows.filter({ hasText: 'Return home interview' }).count() === 1, 'the due list shows the interview');

  // Decide the interview: the rules' verdict is shown beside the choice.
  await page.goto(`${base}/episodes/${EPISODE}`);
  await heading(page, `Missing: episode ${EPISODE}`);
  await page.getByRole('link', { name: 'Decide the interview' }).click();
  await heading(page, /Decide a return home interview/);
  assert.match(await page.locator('.inset').innerText(), /The rules say/);
  await page.getByLabel('Required', { exact: true }).check();
  await page.locator('#decision_reason').fill('Agreed at the daily meeting');
  await page.getByRole('button', { name: 'Save the decision' }).click();
  await heading(page, /Return home interview I/);
  const interviewUrl = new URL(page.url()).pathname;

  // Record the completed interview.
  await page.getByRole('link', { name: 'Record the completed interview' }).click();
  await heading(page, 'Record the completed interview');
  await page.getByLabel('Independent worker').check();
  await page.getByLabel('Wanting to be with friends').check();
  await page.getByLabel('No concerns').check();
  await page.getByRole('button', { name: 'Save the interview' }).click();
  await heading(page, /Return home interview I/);
  assert.equal(new URL(page.url()).pathname, interviewUrl);
  assert.match(await page.locator('.banner').innerText(), /completed/);

  // The due list no longer shows the episode's interview.
  rows = await dueRows(page, base, ctx.team);
  assert.equal(await rows.filter({ hasText: 'Return home interview' }).count(), 0, 'the interview has left the due list');
}
