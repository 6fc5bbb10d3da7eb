// The monthly data profile: the list of reports, the table and chart of
// the last 12 months, and the downloads (the Excel file is a real .xlsx:
// a zip, so it starts with "PK").
import { readFileSync } from 'node:fs';

export async function run(ctx) {
  const { page, base, assert, screenshot } = ctx;
  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('team_manager'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  await page.getByRole('link', { name: 'Monthly data profile' }).click();
  await page.getByRole('heading', { level: 1, name: /Monthly data profile/ }).waitFor();
  assert.match(await page.title(), /^Monthly data profile, .+ – Homeward$/);

  // The last 12 months: twelve month columns after the measure's.
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Monthly data profile' }) });
  const heads = await table.locator('thead th').allInnerTexts();
  assert.equal(heads.length, 13, `a measure column and 12 months: ${heads.join(' | ')}`);
  assert.equal(await table.locator('thead th[scope=col]').count(), 13, 'column headers have scope');
  assert.equal(await table.locator('tbody th[scope=row]').count(), 8, 'eight measures, each a row header');
  const episodes = await table.locator('tbody tr', { hasText: 'Missing episodes' }).innerText();
  assert.ok(/\b[1-9]\d*\b/.test(episodes.replace('Missing episodes', '')), 'some month has episodes');

  // The chart: an SVG image with a title, and its numbers as a table.
  const svg = page.locator('figure.chart svg[role=img]');
  assert.equal(await svg.count(), 1);
  assert.match(await svg.locator('title').first().textContent(), /episodes and children missing/i);
  assert.ok(await page.locator('figure.chart rect').count() >= 24, 'two bars a month');
  await screenshot('monthly-report');

  // Downloads: links with the download attribute.
  for (const name of ['CSV', 'Excel', 'Web page (HTML)']) {
    const link = page.getByRole('link', { name, exact: true });
    assert.notEqual(await link.getAttribute('download'), null, `${name} is a download link`);
  }
  const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel', exact: true }).click()]);
  const bytes = readFileSync(await excel.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'the Excel file is a zip (xlsx)');
  assert.match(excel.suggestedFilename(), /\.xlsx$/);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
  const text = readFileSync(await csv.path(), 'utf8');
  assert.ok(text.split('\n').length >= 2, 'the CSV has a header and rows');

  // Another range, through the form.
  await page.locator('#from').fill('2026-04');
  await page.locator('#to').fill('2026-06');
  await page.getByRole('button', { name: 'Show these months' }).click();
  await page.getByRole('heading', { level: 1, name: /April 2026 to June 2026/ }).waitFor();
  assert.equal(await table.locator('thead th').count(), 4);
}
