// The quarterly and annual analyses: an analyst opens the annual analysis
// of the generated council's year (sections, tables with formatted numbers,
// charts with a target, the contents list by keyboard, no child's name, the
// top children as pseudonyms, the Excel download); a coordinator opens the
// quarterly analysis for Q1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { audit, busiestYear, parseCsv } from './lib.mjs';

export async function run(ctx) {
  const { page, base, assert, data, screenshot } = ctx;
  const year = busiestYear(data);
  const children = parseCsv(readFileSync(join(data, 'children.csv'), 'utf8'));
  const names = new Set();
  for (const c of children) for (const n of [c.first_name, c.last_name]) if (n) names.add(n);
  assert.ok(names.size > 20, 'names to look for');

  // ---- an analyst: the annual analysis ----
  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('analyst'), 200);
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  await page.getByRole('link', { name: 'Annual analysis', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Annual analysis/ }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/reports/annual');

  // The financial year: a select of five years, newest first; choose the data's year.
  const years = await page.locator('#year option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(years.length >= 5, `five financial years offered: ${years.join(', ')}`);
  assert.ok(years.every((y) => /^\d{4}-\d{2}$/.test(y)), 'years as 2016-17');
  assert.equal(await page.locator('#quarter').count(), 0, 'no quarter for the annual analysis');
  await page.locator('#year').selectOption(year.name);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get('year') === year.name);
  const h1 = page.getByRole('heading', { level: 1, name: new RegExp(`${year.name}: April ${year.start} to March ${year.start + 1}`) });
  await h1.waitFor();
  assert.match(await page.title(), new RegExp(`^Annual analysis, ${year.name} – Homeward$`));

  // The sections, each an <h2>.
  const sections = await page.locator('main section h2').allInnerTexts();
  for (const title of ['Where children went missing from', 'Return home interviews in timescale', 'One-off and persistent missing'])
    assert.ok(sections.includes(title), `a section "${title}": ${sections.join(' | ')}`);

  // Tables: captions, numbers right-aligned and formatted (1,162; 32.91%;
  // 5 Apr 2017; "–" when empty), a note under the table.
  const timescale = page.locator('table', { has: page.locator('caption', { hasText: /^Interviews within 72 hours by quarter/ }) });
  assert.equal(await timescale.count(), 1, 'the timescale table');
  // The quarters begun: all four for a year gone by; for the year we are in,
  // only those started by today (UK time).
  const [ty, tm] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' })
    .format(new Date()).split('-').map(Number);
  const currentFy = tm >= 4 ? ty : ty - 1;
  const begun = year.start < currentFy ? 4 : tm >= 4 ? Math.floor((tm - 4) / 3) + 1 : 4;
  const expectQuarters = ['Q1', 'Q2', 'Q3', 'Q4'].slice(0, begun);
  assert.deepEqual((await timescale.locator('tbody th[scope=row]').allInnerTexts()).slice(0, begun), expectQuarters);
  const pct = await timescale.locator('tbody tr').first().locator('td').last().innerText();
  assert.match(pct, /^(\d{1,3}\.\d{2}%|–)$/, 'a percentage as 32.91%');
  assert.equal(await timescale.locator('td.numeric').first().evaluate((td) => getComputedStyle(td).textAlign), 'right');
  const cells = await page.locator('main table td.numeric').allInnerTexts();
  assert.ok(cells.length > 100, 'numbers in the tables');
  const odd = cells.filter((c) => !/^(–|-?\d{1,3}(,\d{3})*|-?\d{1,3}\.\d{2}%|\d{1,2} [A-Z][a-z]{2} \d{4})$/.test(c));
  assert.deepEqual(odd, [], 'every number is a count, a percentage, a date or "–"');
  assert.ok(cells.some((c) => /^[1-9]/.test(c) && !c.endsWith('%')), 'some count above zero');
  assert.ok(cells.some((c) => /%$/.test(c)), 'some percentage');
  assert.ok(cells.some((c) => /^\d{1,2} [A-Z][a-z]{2} \d{4}$/.test(c)), 'some date');
  // The largest count in the report (from the API's JSON) as the page shows it.
  const biggest = await page.evaluate(async (y) => {
    const d = await (await fetch(`/api/v1/reports/annual?year=${y}`)).json();
    let max = 0;
    for (const s of d.sections) for (const t of s.tables) for (const c of t.columns)
      if (c.kind === 'integer') for (const r of t.rows) max = Math.max(max, r[c.id] ?? 0);
    return max;
  }, year.name);
  assert.ok(biggest > 0, 'counts in the report');
  assert.ok(cells.includes(biggest.toLocaleString('en-GB')), `${biggest} shown as ${biggest.toLocaleString('en-GB')}`);
  assert.ok(await page.locator('main .report-table__note').count() > 3, 'notes under the tables');

  // Charts: SVG images, drawn from the tables; the timescale's with its target.
  assert.ok(await page.locator('main figure.chart svg[role=img]').count() >= 4, 'charts');
  const target = page.locator('figure.chart', { has: page.locator('figcaption', { hasText: /target 90%/ }) });
  assert.equal(await target.count(), 1, 'the timescale chart');
  assert.equal(await target.locator('svg[role=img] line[stroke-dasharray]').count(), 1, 'a dashed target line');
  assert.match(await target.locator('svg[role=img]').innerHTML(), /Target 90\.00%/);
  assert.match(await target.locator('desc').textContent(), /table "Interviews within 72 hours by quarter/);
  assert.match(await target.innerText(), /The numbers are in the table above/);

  // The top children: pseudonyms, no names, no IDs.
  const top = page.locator('table', { has: page.locator('caption', { hasText: /children with most episodes/ }) });
  assert.equal(await top.count(), 1, 'the top-children table');
  const who = await top.locator('tbody th[scope=row]').allInnerTexts();
  assert.ok(who.length >= 1, 'children in the table');
  for (const p of who) assert.match(p, /^P[0-9a-f]{12}$/, 'a pseudonym');
  // Analysts get no Name column at all.
  const heads = await top.locator('thead th').allInnerTexts();
  assert.equal(heads.indexOf('Name'), -1, 'no Name column for analysts');
  const text = await page.locator('body').innerText();
  const found = [...names].filter((nm) => new RegExp(`\\b${nm}\\b`).test(text));
  assert.deepEqual(found, [], 'no child\'s name on the analysis');
  const ids = children.map((c) => c.child_id).filter((id) => text.includes(id));
  assert.deepEqual(ids, [], 'no child\'s ID on the analysis');

  await audit(page, assert, 'the annual analysis');
  // The screenshot: the top of the page, down to the first section's chart.
  const chartBottom = await page.locator('main figure.chart').first().evaluate((f) => f.getBoundingClientRect().bottom + window.scrollY);
  await screenshot('analysis', { clip: { x: 0, y: 0, width: 1280, height: Math.ceil(chartBottom) + 30 } });

  // The contents list, by keyboard: Tab along the links, Enter moves focus
  // to the section's heading.
  const contents = page.getByRole('navigation', { name: 'Sections' });
  const links = contents.getByRole('link');
  assert.equal(await links.count(), sections.length, 'a link per section');
  await links.first().focus();
  const wanted = sections.indexOf('Return home interviews in timescale');
  for (let i = 0; i < wanted; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Return home interviews in timescale');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Return home interviews in timescale');
  assert.ok(await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  }), 'the section is scrolled into view');
  // Tab from there goes on into the section, not back to the top.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => Boolean(document.activeElement.closest('section'))), 'focus carries on in the section');

  // Downloads for the chosen year: CSV, Excel, HTML.
  for (const [name, fmt] of [['CSV', 'csv'], ['Excel', 'xlsx'], ['Web page (HTML)', 'html']]) {
    const a = page.getByRole('link', { name, exact: true });
    assert.equal(await a.getAttribute('download'), `annual-analysis-${year.name}.${fmt}`, `${name} is a download`);
    const href = new URL(await a.getAttribute('href'), base);
    assert.equal(href.pathname, '/api/v1/reports/annual');
    assert.equal(href.searchParams.get('year'), year.name);
    assert.equal(href.searchParams.get('format'), fmt);
  }
  const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel', exact: true }).click()]);
  const bytes = readFileSync(await excel.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'the Excel file is a zip (xlsx)');
  assert.match(excel.suggestedFilename(), /\.xlsx$/);
  ctx.assertNoPageErrors();

  // ---- a coordinator: the quarterly analysis for Q1 ----
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#user').waitFor();
  assert.equal(await ctx.signIn('coordinator'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  await page.getByRole('link', { name: 'Quarterly analysis', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Quarterly analysis/ }).waitFor();
  assert.deepEqual(await page.locator('#quarter option').allInnerTexts(),
    ['Q1: April to June', 'Q2: July to September', 'Q3: October to December', 'Q4: January to March']);
  await page.locator('#year').selectOption(year.name);
  await page.locator('#quarter').selectOption('1');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`${year.name} Q1: April to June ${year.start}`) }).waitFor();
  assert.equal(new URL(page.url()).search, `?year=${year.name}&quarter=1`);
  assert.match(await page.title(), new RegExp(`^Quarterly analysis, ${year.name} Q1 – Homeward$`));
  assert.ok((await page.locator('main section h2').allInnerTexts()).includes('Where children went missing from'));
  assert.equal(await page.getByRole('link', { name: 'Excel', exact: true }).getAttribute('download'), `quarterly-analysis-${year.name}-q1.xlsx`);
  await audit(page, assert, 'the quarterly analysis');
}
