// The analyses for publication: a coordinator ticks "For publication
// (small numbers suppressed)" on the annual analysis; the page says it is
// for publication, small numbers show as "c", the table naming children is
// gone, and the CSV download (named for publication) holds the same "c"s
// as the page. Unticked again, the names are back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { audit, busiestYear, parseCsv } from './lib.mjs';

export async function run(ctx) {
  const { page, base, assert, data } = ctx;
  const year = busiestYear(data);
  const children = parseCsv(readFileSync(join(data, 'children.csv'), 'utf8'));

  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('coordinator'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  await page.goto(`${base}/reports/annual?year=${year.name}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(`${year.name}: April ${year.start}`) }).waitFor();
  // As it is for the council: the children with most episodes, by name.
  const top = page.locator('table', { has: page.locator('caption', { hasText: /children with most episodes/ }) });
  assert.equal(await top.count(), 1, 'the top-children table, internally');
  assert.equal(await page.locator('main td.numeric', { hasText: /^c$/ }).count(), 0, 'nothing withheld internally');

  // Tick the box and show.
  const box = page.getByRole('checkbox', { name: 'For publication (small numbers suppressed)' });
  assert.equal(await box.isChecked(), false);
  await box.check();
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get('publish') === '1');
  await page.locator('.publication-notice').waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'For publication (small numbers suppressed)' }).isChecked(), true,
    'the box stays ticked');
  assert.match(await page.locator('.publication-notice').innerText(), /^For publication: small numbers are suppressed \(shown as c\)\.$/);
  assert.match(await page.locator('main').innerText(), /c: a count from 1 to 4/);
  assert.match(await page.title(), /for publication/);

  // Small numbers as c, right-aligned among the numbers; the table naming
  // children left out, and no child's name or ID anywhere.
  const withheld = await page.locator('main td.numeric', { hasText: /^c$/ }).count();
  assert.ok(withheld > 0, 'some numbers withheld');
  assert.equal(await page.locator('main td.numeric', { hasText: /^c$/ }).first().evaluate((td) => getComputedStyle(td).textAlign), 'right');
  assert.equal(await top.count(), 0, 'no top-children table');
  const cells = await page.locator('main table td.numeric').allInnerTexts();
  const small = cells.filter((c) => /^[1-4]$/.test(c));
  assert.deepEqual(small, [], 'no count from 1 to 4 shown');
  const text = await page.locator('body').innerText();
  const ids = children.map((c) => c.child_id).filter((id) => new RegExp(`\\b${id}\\b`).test(text));
  assert.deepEqual(ids, [], 'no child\'s ID');
  // The who-goes-missing sections are there.
  const sections = await page.locator('main section h2').allInnerTexts();
  for (const title of ['Children missing by age', 'Children missing by gender', 'Children missing by ethnicity', 'Schools and other education placements'])
    assert.ok(sections.includes(title), `a section "${title}"`);
  await audit(page, assert, 'the annual analysis for publication');

  // The downloads carry it: publish=1, and file names saying so.
  const csvLink = page.getByRole('link', { name: 'CSV', exact: true });
  assert.equal(await csvLink.getAttribute('download'), `annual-analysis-${year.name}-publication.csv`);
  assert.equal(new URL(await csvLink.getAttribute('href'), base).searchParams.get('publish'), '1');
  for (const name of ['Excel', 'Web page (HTML)'])
    assert.equal(new URL(await page.getByRole('link', { name, exact: true }).getAttribute('href'), base).searchParams.get('publish'), '1');
  const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  assert.equal(download.suggestedFilename(), `annual-analysis-${year.name}-publication.csv`);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^# For publication: small numbers are suppressed \(shown as c\)\.\r\n/);
  // The same number of "c"s as the page shows (the page shows every table).
  const fields = csv.split('\r\n').filter((l) => !/^"?#/.test(l)).flatMap((l) => l.split(','));
  assert.equal(fields.filter((f) => f === 'c').length, withheld, 'as many c in the CSV as on the page');
  const names = new Set(children.flatMap((c) => [c.first_name, c.last_name]).filter(Boolean));
  assert.deepEqual([...names].filter((n) => new RegExp(`\\b${n}\\b`).test(csv)), [], 'no name in the CSV');

  // Untick: the council's own figures, names and all.
  await page.getByRole('checkbox', { name: 'For publication (small numbers suppressed)' }).uncheck();
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForURL((u) => !u.searchParams.has('publish'));
  await top.waitFor();
  assert.equal(await page.locator('.publication-notice').count(), 0);
  assert.equal(await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('download'), `annual-analysis-${year.name}.csv`);
  ctx.assertNoPageErrors();
}
