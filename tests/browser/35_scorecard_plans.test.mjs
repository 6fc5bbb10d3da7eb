// The scorecard and the action plans: an analyst opens the scorecard of the
// generated council's year (the indicators, RAG ratings as tags with their
// words, the direction of travel as words with arrows, "up to month", the
// Excel download); a team manager uploads an action plan with a bad row (every
// error listed, nothing imported), then fixed (the counts), makes mistakes
// rating an action (the error summary and the field's message, a 404 on the
// ref), rates an action green and sees the report show it; a worker is
// refused the pages.
import { readFileSync } from 'node:fs';

import { audit, busiestYear } from './lib.mjs';

// Today in England, and a day some days from it, as "DD/MM/YYYY".
function londonToday() {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date()).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}
function daysFrom(iso, n) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  const [y, m, dd] = d.toISOString().slice(0, 10).split('-');
  return `${dd}/${m}/${y}`;
}


const PLAN = 'Browser test plan';

export async function run(ctx) {
  const { page, base, assert, data, screenshot } = ctx;
  const year = busiestYear(data);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });

  // ---- an analyst: the scorecard ----
  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('analyst'), 200);
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Reports', 'Weekly figures'], 'the analyst\'s navigation is unchanged');
  // The reports list offers both.
  assert.equal(await page.getByRole('link', { name: 'Action plans', exact: true }).getAttribute('href'), '/reports/plans');
  await page.getByRole('link', { name: 'Scorecard', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Scorecard/ }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/reports/scorecard');
  assert.equal(await nav.locator('a[aria-current=page]').innerText(), 'Reports', 'Reports is the current navigation item');

  // The financial year: five, newest first; the data's year.
  const years = await page.locator('#year option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(years.length >= 5 && years.includes(year.name), `the data's year is offered: ${years.join(', ')}`);
  await page.locator('#year').selectOption(year.name);
  assert.equal(await page.locator('#to_month').inputValue(), '', 'the whole year (so far) by default');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get('year') === year.name);
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${year.name}, April to .*Scorecard$`) }).waitFor();
  assert.match(await page.title(), new RegExp(`^Scorecard, ${year.name} – Homeward$`));

  // The indicators: a row per indicator (named in the row header), months, YTD, DOT, RAG.
  const indicators = page.locator('table', { has: page.locator('caption', { hasText: /^Indicators$/ }) });
  assert.equal(await indicators.count(), 1, 'the indicators table');
  const heads = await indicators.locator('thead th').allInnerTexts();
  for (const h of ['Indicator', 'Target', 'Apr-', 'YTD', 'DOT', 'RAG'])
    assert.ok(heads.some((x) => x.startsWith(h)), `a column "${h}": ${heads.join(' | ')}`);
  const names = await indicators.locator('tbody th[scope=row]').allInnerTexts();
  assert.ok(names.includes('Children missing from home offered return interview %'), `the indicators: ${names.join(' | ')}`);
  assert.ok(names.includes('Missing episodes'));
  // RAG ratings: tags that say the rating, coloured to match.
  const tags = await indicators.locator('tbody .tag').evaluateAll((ts) => ts.map((t) => [t.textContent, t.className]));
  assert.ok(tags.length >= 3, 'the indicators with targets are rated');
  const colour = { Red: 'tag--red', Amber: 'tag--orange', Green: 'tag--green' };
  for (const [text, cls] of tags) {
    assert.ok(text in colour, `a rating "${text}"`);
    assert.ok(cls.split(' ').includes(colour[text]), `${text} is ${colour[text]}`);
  }
  // The ratings match the report's JSON; the direction of travel as a word with an arrow.
  const doc = await page.evaluate(async (y) => (await fetch(`/api/v1/reports/scorecard?year=${y}`)).json(), year.name);
  const rows = doc.sections[0].tables.find((t) => t.id === 'indicators').rows;
  const ragCol = heads.indexOf('RAG') + 1, dotCol = heads.indexOf('DOT') + 1;
  const shownRag = await indicators.locator(`tbody tr > :nth-child(${ragCol})`).allInnerTexts();
  assert.deepEqual(shownRag, rows.map((r) => r.rag || '–'), 'the RAG column');
  const shownDot = await indicators.locator(`tbody tr > :nth-child(${dotCol})`).allInnerTexts();
  const arrow = { Better: '↑ Better', Worse: '↓ Worse', Same: '→ Same' };
  assert.deepEqual(shownDot, rows.map((r) => (r.dot ? arrow[r.dot] : '–')), 'the DOT column');
  // Numbers: rates as 74.31%, counts as 1,162, right-aligned.
  const cells = await indicators.locator('td.numeric').allInnerTexts();
  assert.ok(cells.some((c) => /^\d{1,3}\.\d{2}%$/.test(c)) && cells.some((c) => /^\d{1,3}(,\d{3})*$/.test(c)), 'rates and counts');
  assert.deepEqual(cells.filter((c) => !/^(–|\d{1,3}(,\d{3})*|\d{1,3}\.\d{2}%)$/.test(c)), [], 'every number formatted');
  assert.equal(await indicators.locator('td.numeric').first().evaluate((td) => getComputedStyle(td).textAlign), 'right');
  // The key says what the tags and arrows mean.
  assert.match(await page.locator('.scorecard-key').innerText(), /misses it by no more than the tolerance/);
  await audit(page, assert, 'the scorecard', { emptyControls: true });
  // The screenshot: the top of the page, down to the indicators' note.
  const tableBottom = await page.locator('main .report-table--scorecard').evaluate((t) => t.getBoundingClientRect().bottom + window.scrollY);
  await screenshot('scorecard', { clip: { x: 0, y: 0, width: 1280, height: Math.ceil(tableBottom) + 30 } });

  // Downloads: CSV, Excel, HTML of the year shown; the Excel file is a zip.
  for (const [name, fmt] of [['CSV', 'csv'], ['Excel', 'xlsx'], ['Web page (HTML)', 'html']]) {
    const href = new URL(await page.getByRole('link', { name, exact: true }).getAttribute('href'), base);
    assert.equal(href.pathname, '/api/v1/reports/scorecard');
    assert.equal(href.searchParams.get('year'), year.name);
    assert.equal(href.searchParams.get('format'), fmt);
  }
  const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel', exact: true }).click()]);
  const bytes = readFileSync(await excel.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'the Excel file is a zip (xlsx)');
  assert.match(excel.suggestedFilename(), new RegExp(`^scorecard-${year.name}.*\\.xlsx$`));

  // Up to a month: April alone.
  const april = `${year.start}-04`;
  await page.locator('#to_month').selectOption(april);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get('to_month') === april);
  await page.getByRole('heading', { level: 1, name: new RegExp(`April to April ${year.start}`) }).waitFor();
  const aprilHeads = await page.locator('table', { has: page.locator('caption', { hasText: /^Indicators$/ }) }).locator('thead th').allInnerTexts();
  assert.ok(aprilHeads.some((x) => x.startsWith('Apr-')) && !aprilHeads.some((x) => x.startsWith('May-')), `April only: ${aprilHeads.join(' | ')}`);
  assert.equal(new URL(await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href'), base).searchParams.get('to_month'), april);

  // The action plans: the report, without the forms to change them.
  await page.getByRole('link', { name: 'All reports' }).click();
  await page.getByRole('link', { name: 'Action plans', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Action plans/ }).waitFor();
  await page.locator('#overdue-alert').waitFor();
  assert.equal(await page.locator('#upload-plan, #rate-ref').count(), 0, 'an analyst cannot upload or rate');
  await audit(page, assert, 'the action plans (analyst)', { emptyControls: true });
  ctx.assertNoPageErrors();

  // ---- a team manager: upload a plan, rate an action ----
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#user').waitFor();
  assert.equal(await ctx.signIn('team_manager'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  await nav.getByRole('link', { name: 'Reports', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  await page.getByRole('link', { name: 'Action plans', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Action plans/ }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/reports/plans');

  const today = londonToday();
  const past = daysFrom(today, -40), later = daysFrom(today, 200);
  const header = 'Ref,Area,Outcome,Action,Lead,Time,RAG Initial';
  const good = [
    header,
    `1.1,Return home interviews,Every child is offered an interview,Offer each child an interview within 72 hours,Coordinator,${past},red`,
    `1.2,,,Audit the interviews each month,Team manager,${past},amber`,
    `1.3,Performance data,The board sees the figures,"Report the scorecard to the board, quarterly",Analyst,${later},green`,
  ];
  const bad = [...good];
  bad[2] = '1.2,,,Audit the interviews each month,Team manager,Ongoing,purple';
  bad[3] = '1.3,Performance data,The board sees the figures,,Analyst,31/02/2027,';

  // Nothing chosen: the error summary and each field's message.
  await page.locator('#upload-plan').fill('');
  await page.getByRole('button', { name: 'Upload the plan' }).click();
  const uploadSummary = page.locator('.plan-form .error-summary');
  await uploadSummary.waitFor();
  assert.match(await uploadSummary.innerText(), /Enter the plan's name/);
  assert.match(await uploadSummary.innerText(), /Choose the plan's CSV file/);
  assert.ok(await uploadSummary.evaluate((el) => el === document.activeElement), 'the summary is focused');

  // A bad row: every error listed, nothing imported.
  await page.locator('#upload-plan').fill(PLAN);
  await page.locator('#upload-file').setInputFiles({ name: 'browser-plan.csv', mimeType: 'text/csv', buffer: Buffer.from(`${bad.join('\n')}\n`) });
  await page.getByRole('button', { name: 'Upload the plan' }).click();
  await page.getByRole('heading', { name: 'Errors in the file' }).waitFor();
  const summary = await page.locator('#upload-result .error-summary').innerText();
  assert.match(summary, /browser-plan\.csv has 4 errors/);
  assert.match(summary, /Nothing was changed/);
  const errorRows = await page.locator('#upload-result table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(errorRows.map((r) => r.slice(0, 3)), [
    ['3', 'Time', 'Ongoing'], ['3', 'RAG Initial', 'purple'], ['4', 'Action', '(empty)'], ['4', 'Time', '31/02/2027'],
  ], 'each error with its line, column and value');
  assert.match(errorRows[0][3], /^Expected a date/);
  assert.match(await page.title(), /^Error: /);
  const missing = await page.evaluate(async (p) => (await fetch(`/api/v1/reports/plans?plan=${encodeURIComponent(p)}`)).status, PLAN);
  assert.equal(missing, 404, 'nothing was imported');

  // Fixed: the counts, and the report of the plan.
  await page.locator('#upload-file').setInputFiles({ name: 'browser-plan.csv', mimeType: 'text/csv', buffer: Buffer.from(`${good.join('\n')}\n`) });
  await page.getByRole('button', { name: 'Upload the plan' }).click();
  const banner = page.locator('.banner');
  await banner.waitFor();
  const uploaded = await banner.innerText();
  assert.match(uploaded, new RegExp(`${PLAN}: the plan is uploaded`));
  assert.match(uploaded, /3 rows\. Actions: 3 added, 0 changed, 0 unchanged\. Ratings recorded: 3\./);
  assert.equal(new URL(page.url()).searchParams.get('plan'), PLAN, 'the report of the plan uploaded');
  assert.ok((await page.locator('#filter-plan option').allInnerTexts()).includes(PLAN), 'the plan in the filter');
  // Overdue first: 1.1 (red) and 1.2 (amber) were due 40 days ago.
  assert.match(await page.locator('#overdue-alert').innerText(), /2 actions are overdue/);
  const overdue = page.locator('table', { has: page.locator('caption', { hasText: /^Overdue actions$/ }) });
  assert.deepEqual(await overdue.locator('tbody th[scope=row]').allInnerTexts(), ['1.1', '1.2']);
  await page.getByRole('link', { name: 'See the overdue actions' }).click();
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('report-table--alert')), 'the link moves focus to the overdue actions');
  const actions = page.locator('table', { has: page.locator('caption', { hasText: /^Every action$/ }) });
  const actionRow = (ref) => actions.locator('tbody tr', { has: page.locator(`th[scope=row]:text-is("${ref}")`) });
  assert.equal(await actions.locator('tbody tr').count(), 3);
  assert.deepEqual(await actionRow('1.2').locator('.tag').allInnerTexts(), ['Amber', 'Overdue']);

  // Rating with mistakes: the summary and the field's message.
  await page.getByRole('button', { name: 'Record the rating' }).click();
  const rateForm = page.locator('section', { has: page.getByRole('heading', { name: 'Rate an action' }) });
  await rateForm.locator('.error-summary').waitFor();
  assert.match(await rateForm.locator('.error-summary').innerText(), /Enter the action's ref/);
  assert.match(await rateForm.locator('.error-summary').innerText(), /Select a rating/);
  // An action the plan does not have: the server's 404 on the ref.
  await page.locator('#rate-plan').selectOption(PLAN);
  await page.locator('#rate-ref').fill('9.9');
  await rateForm.getByLabel('Green').check();
  await page.getByRole('button', { name: 'Record the rating' }).click();
  await rateForm.locator('#rate-ref-error', { hasText: 'has no action 9.9' }).waitFor();
  assert.match(await rateForm.locator('.error-summary').innerText(), /has no action 9\.9/);
  assert.match(await rateForm.locator('#rate-ref-error').innerText(), /has no action 9\.9/);
  assert.match(await page.locator('#rate-ref').getAttribute('aria-describedby'), /rate-ref-error/);
  // A date that is not one.
  await page.locator('#rate-ref').fill('1.2');
  await page.locator('#rate-on').fill('31/02/2026');
  await page.getByRole('button', { name: 'Record the rating' }).click();
  await rateForm.locator('#rate-on-error', { hasText: 'real date' }).waitFor();
  assert.equal(await rateForm.locator('.error-summary li').count(), 1, 'only the date is wrong now');
  await audit(page, assert, 'the action plans with errors', { emptyControls: true });
  // One form's errors at a time: sending the upload form clears the rating's.
  await page.getByRole('button', { name: 'Upload the plan' }).click();
  await uploadSummary.waitFor();
  assert.equal(await page.locator('main .error-summary').count(), 1, 'only the upload form\'s errors');
  assert.equal(await page.locator('#rate-on-error').count(), 0);

  // 1.2 rated green today: no longer overdue, improved from amber.
  await page.locator('#rate-on').fill(daysFrom(today, 0));
  await page.locator('#rate-note').fill('Audits done for three months running.');
  await page.getByRole('button', { name: 'Record the rating' }).click();
  await page.locator('.banner', { hasText: 'Action 1.2 rated Green' }).waitFor();
  await page.locator('#overdue-alert', { hasText: '1 action is overdue' }).waitFor();
  assert.deepEqual(await overdue.locator('tbody th[scope=row]').allInnerTexts(), ['1.1']);
  assert.deepEqual(await actionRow('1.2').locator('.tag').allInnerTexts(), ['Amber', 'Green'], 'before and latest');
  assert.match(await actionRow('1.2').innerText(), /↑ Improved/);
  const byRag = page.locator('table', { has: page.locator('caption', { hasText: /^Actions by their latest rating$/ }) });
  assert.match(await byRag.locator('tbody tr', { hasText: 'Green' }).innerText(), /Green\s+2\s+0/);
  await page.evaluate(() => window.scrollTo(0, 0));
  const formsTop = await page.locator('#upload-title').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await screenshot('action-plans', { clip: { x: 0, y: 0, width: 1280, height: Math.ceil(formsTop) - 20 } });
  // The same again: already recorded, nothing changed.
  await page.locator('#rate-plan').selectOption(PLAN);
  await page.locator('#rate-ref').fill('1.2');
  await rateForm.getByLabel('Green').check();
  await page.locator('#rate-note').fill('Audits done for three months running.');
  await page.getByRole('button', { name: 'Record the rating' }).click();
  await page.locator('.banner', { hasText: 'was already rated Green' }).waitFor();
  await audit(page, assert, 'the action plans', { emptyControls: true });
  ctx.assertNoPageErrors();

  // ---- a worker: refused ----
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#user').waitFor();
  assert.equal(await ctx.signIn('worker'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  for (const path of ['/reports/plans', '/reports/scorecard']) {
    await page.goto(`${base}${path}`);
    await page.getByRole('heading', { level: 1, name: 'You do not have access to this' }).waitFor();
    assert.match(await page.locator('#access-message').innerText(), /worker cannot use this page/);
    assert.equal(await page.locator('#upload-plan').count(), 0, 'no upload form');
  }
  const refused = await page.evaluate(async () => {
    const r = await fetch('/api/v1/reports/plans');
    return { status: r.status, body: await r.json() };
  });
  assert.equal(refused.status, 403);
  assert.match(refused.body.error.message, /worker/);
}
