// Import: a file with bad rows lists every error and changes nothing; a
// good file says what it did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function run(ctx) {
  const { page, base, assert, screenshot } = ctx;
  const header = readFileSync(join(ctx.data, 'episodes.csv'), 'utf8').split('\n')[0];
  const cols = header.split(',');
  const row = (values) => cols.map((c) => values[c] ?? '').join(',');
  const bad = [header,
    row({ episode_id: 'E9300001', child_id: 'C999999', kind: 'missing', last_seen: '2026-04-01 22:00', risk: 'high' }),
    row({ episode_id: 'E9300002', child_id: 'C001194', kind: 'lost', last_seen: '2026-04-01 22:00', risk: 'high' }),
    row({ episode_id: 'E9300003', child_id: 'C001194', kind: 'missing', last_seen: '31/02/2026 10:00', risk: 'severe' }),
  ].join('\n') + '\n';

  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('coordinator'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import records' }).waitFor();

  // No file chosen.
  await page.getByRole('button', { name: 'Import' }).click();
  await page.locator('.error-summary').waitFor();
  assert.match(await page.locator('.error-summary').innerText(), /Choose a CSV file/);

  await page.getByLabel('Episodes').check();
  await page.locator('#file').setInputFiles({ name: 'episodes-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Errors in the file' }).waitFor();
  const summary = await page.locator('#import-result .error-summary').innerText();
  assert.match(summary, /Nothing was changed/);
  const rows = page.locator('#import-result table tbody tr');
  assert.ok(await rows.count() >= 3, 'every bad row is listed');
  const lines = await page.locator('#import-result table tbody th').allInnerTexts();
  for (const l of ['2', '3', '4']) assert.ok(lines.includes(l), `line ${l} is listed`);
  await screenshot('import-errors');
  const statuses = await page.evaluate(async () => Promise.all(['E9300001', 'E9300002', 'E9300003']
    .map(async (id) => (await fetch(`/api/v1/episodes/${id}`)).status)));
  assert.deepEqual(statuses, [404, 404, 404], 'nothing was imported');

  // The generated children again: nothing new, nothing changed.
  await page.getByLabel('Children').check();
  await page.locator('#file').setInputFiles(join(ctx.data, 'children.csv'));
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Import complete' }).waitFor();
  const counts = await page.locator('#import-result table').innerText();
  assert.match(counts, /Added\s+0/);

  // The council's periods of care (not imported by the test set-up): every
  // row added, for the SSDA903 return.
  const periods = readFileSync(join(ctx.data, 'care_periods.csv'), 'utf8').trim().split('\n').length - 1;
  assert.ok(periods > 0, 'the generator wrote periods of care');
  await page.getByLabel('Periods of care').check();
  await page.locator('#file').setInputFiles(join(ctx.data, 'care_periods.csv'));
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Import complete' }).waitFor();
  const added = await page.locator('#import-result table').innerText();
  assert.match(added, new RegExp(`Added\\s+${periods}\\b`));
}
