// Notices to other councils: a child placed here by Kent, flagged
// trafficked, is reported missing at high risk and found (through the
// command line); the coordinator opens the Outbox,
// reads the notice's text, sends it and records Kent's answer (the form's
// errors first); the overdue interview is in the outbox's list, its
// 72-hour notice is made, sent and answered with the interview's time; the
// episode shows the notice action done, and the report of other councils'
// interviews counts it (77 hours on); the external notifications of high
// risk and trafficking are on the episode's schedule. A worker cannot open
// the outbox.

// The day n days before today in England: {iso: "YYYY-MM-DD", dmy: "DD/MM/YYYY"}.
function dayBefore(n) {
  const d = new Date(Date.now() - n * 86400000);
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(d).map((x) => [x.type, x.value]));
  return { iso: `${p.year}-${p.month}-${p.day}`, dmy: `${p.day}/${p.month}/${p.year}` };
}

const CHILD = 'O45';
const EPISODE = 'OE45';
const COUNCIL = 'Kent County Council';

export async function run(ctx) {
  const { page, base, assert, hw, team } = ctx;
  await hw('child', 'add', CHILD, '--first-name', 'Nia', '--last-name', 'Page', '--date-of-birth', '2004-05-06',
    '--case-status', 'cla', '--team', team, '--responsible-authority', COUNCIL, '--flags', 'trafficking');
  // Missing ten days ago at 20:00, found the next morning at 10:00 (the due
  // list shows episodes returned in the last 90 days).
  const seen = dayBefore(10), back = dayBefore(9), done = dayBefore(6);
  await hw('--now', `${seen.iso} 21:00`, 'episode', 'report', EPISODE, '--child-id', CHILD,
    '--last-seen', `${seen.iso} 20:00`, '--risk', 'high', '--police-ref', 'KT/45');
  await hw('--now', `${back.iso} 10:30`, 'episode', 'return', EPISODE, '--at', `${back.iso} 10:00`);

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('coordinator'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  await nav.getByRole('link', { name: 'Outbox', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Outbox/ }).waitFor();
  assert.equal(await nav.locator('a[aria-current=page]').innerText(), 'Outbox');

  // The notice of the report, with its text.
  const card = (kind) => page.locator('section.notice', { hasText: kind }).filter({ has: page.locator(`a:text-is("${EPISODE}")`) });
  const reported = card('Reported missing');
  await reported.waitFor();
  const text = await reported.locator('pre').innerText();
  assert.match(text, /^To: Kent County Council\n/);
  assert.match(text, /Nia Page \(O45\), placed here by you, has been reported missing/);
  assert.match(text, /Police reference: KT\/45/);
  assert.match(await reported.locator('.tag').innerText(), /Not sent/);
  const title = await reported.locator('h3').innerText();
  const id = Number(/^Notice (\d+):/.exec(title)[1]);

  // Send it: recorded, and the card now waits for an answer.
  await reported.getByRole('button', { name: `Send notice ${id}` }).click();
  await page.locator('.banner', { hasText: `Notice ${id} recorded as sent to ${COUNCIL}.` }).waitFor();
  assert.match(await card('Reported missing').locator('.tag').innerText(), /Waiting for an answer/);
  assert.equal(await card('Reported missing').getByRole('button', { name: /^Send/ }).count(), 0, 'sent once');

  // Record the answer: required; then Kent's words, no interview yet.
  await card('Reported missing').getByRole('link', { name: `Record the answer to notice ${id}` }).click();
  await page.getByRole('heading', { level: 1, name: `Record the answer to notice ${id}` }).waitFor();
  await page.getByRole('button', { name: 'Record the answer' }).click();
  await page.locator('.error-summary', { hasText: 'Enter what the council said' }).waitFor();
  await page.locator('#answer').fill('Noted: Kent will hold the interview.');
  await page.getByRole('button', { name: 'Record the answer' }).click();
  await page.locator('.banner', { hasText: `The answer to notice ${id} is recorded.` }).waitFor();
  assert.equal(await card('Reported missing').count(), 0, 'answered: no longer among those not yet answered');
  await page.getByRole('link', { name: 'All notices' }).click();
  await page.waitForURL((u) => u.searchParams.get('status') === 'all');
  assert.match(await card('Reported missing').innerText(), /Noted: Kent will hold the interview\. \(recorded/);

  // The interview, due 72 hours after the return, is overdue: make the
  // 72-hour notice from the outbox's list, check it, send it.
  await page.getByRole('link', { name: 'Not yet answered' }).click();
  const overdue = page.locator('table', { has: page.locator('caption', { hasText: 'not reported done by the responsible council' }) });
  const row = overdue.locator('tbody tr', { has: page.locator(`a:text-is("${EPISODE}")`) });
  await row.getByRole('button', { name: `Make the notice for episode ${EPISODE}` }).click();
  const made = page.locator('.banner', { hasText: `made for episode ${EPISODE}` });
  await made.waitFor();
  const overdueId = Number(/Notice (\d+) made/.exec(await made.innerText())[1]);
  const letter = card('Interview overdue');
  assert.match(await letter.locator('pre').innerText(), /Subject: Return home interview for Nia Page \(O45\) overdue/);
  await letter.getByRole('button', { name: `Send notice ${overdueId}` }).click();
  await page.locator('.banner', { hasText: `Notice ${overdueId} recorded as sent` }).waitFor();
  assert.equal(await overdue.locator('tbody tr', { has: page.locator(`a:text-is("${EPISODE}")`) }).count(), 0,
    'the notice sent: no longer overdue');

  // Kent answers that the interview was done: the time needs its date and time.
  await page.getByRole('link', { name: 'Sent, waiting for an answer' }).click();
  await page.waitForURL((u) => u.searchParams.get('status') === 'unanswered');
  await card('Interview overdue').getByRole('link', { name: `Record the answer to notice ${overdueId}` }).click();
  await page.locator('#answer').fill('Done on Friday afternoon by our worker.');
  await page.locator('#interview_completed').fill(done.dmy);
  await page.getByRole('button', { name: 'Record the answer' }).click();
  await page.locator('.error-summary', { hasText: 'Enter the time the interview was done' }).waitFor();
  await page.locator('#interview_completed-time').fill('15:00');
  await page.getByRole('button', { name: 'Record the answer' }).click();
  await page.locator('.banner', { hasText: `${COUNCIL} reports the interview done at ${done.iso} 15:00.` }).waitFor();

  // The episode: the notice action done; reported at high risk and
  // trafficked, the Missing Persons Bureau, CEOP and the National Referral
  // Mechanism referral are still to do, with their links to record them.
  await page.goto(`${base}/episodes/${EPISODE}`);
  const schedule = page.locator('table', { has: page.locator('caption', { hasText: 'What the guidance says' }) });
  const action = schedule.locator('tbody tr', { hasText: 'Notice to the responsible council' });
  await action.waitFor();
  assert.match(await action.innerText(), /Done/);
  for (const what of ['UK Missing Persons Bureau notified', 'CEOP notified', 'National Referral Mechanism referral']) {
    const line = schedule.locator('tbody tr', { hasText: what });
    assert.equal(await line.count(), 1, what);
    assert.match(await line.innerText(), /Overdue/, what);
    assert.equal(await line.getByRole('link', { name: /^Done/ }).count(), 1, `${what}: a link to record it`);
  }

  // The report: Kent, one return, the interview reported done late.
  await nav.getByRole('link', { name: 'Reports', exact: true }).click();
  await page.getByRole('link', { name: "Other councils' interviews", exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Other councils' interviews/ }).waitFor();
  await page.locator('#from').fill(dayBefore(20).dmy);
  await page.locator('#to').fill(dayBefore(0).dmy);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get('from') === dayBefore(20).iso);
  const byCouncil = page.locator('table', { has: page.locator('caption', { hasText: 'by responsible council' }) });
  const kent = byCouncil.locator('tbody tr', { hasText: COUNCIL });
  await kent.waitFor();
  const cells = await kent.locator('th, td').allInnerTexts();
  // council, returned, missing, found, 72-hour, done, within, %, median
  // hours: 3 days and 5 hours, 77 (an hour either way when the clocks
  // changed in between)
  assert.deepEqual(cells.slice(0, 8).map((c) => c.trim()), [COUNCIL, '1', '1', '0', '1', '1', '0', '0.00%']);
  assert.match(cells[8].trim(), /^7[678]\.0$/);

  // A worker cannot open the outbox.
  await page.context().clearCookies();
  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('worker'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Outbox' }).count(), 0);
  await page.goto(`${base}/outbox`);
  await page.getByRole('heading', { level: 1, name: 'You do not have access to this' }).waitFor();
}
