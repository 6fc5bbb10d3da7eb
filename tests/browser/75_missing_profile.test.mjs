// The missing profile: a worker fills it in, uploads a photograph (a GIF
// is refused the GOV.UK way, a PNG taken), prints it (the page opens in a
// new tab and prints on one A4 page, audited) and records it as sent to the
// police. Police liaison then see it among the children missing now, and
// are refused the photograph of a child who is not missing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

import { parseCsv } from './lib.mjs';

// A PNG of w x h pixels of one colour (a real image the browser shows).
function png(w, h, rgb = [0x80, 0x40, 0x20]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Pages in a PDF: its /Type /Page objects (not the /Pages tree).
function pdfPages(buf) {
  return (buf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;
}

function london(d) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

// Text of n bytes, in lines of words, for a field filled to its limit.
function filled(n, lines) {
  const words = 'seen near the bus station with older males in a grey car Bournemouth Poole 07700 900123'.split(' ');
  const out = [];
  for (let l = 0; l < lines; l++) {
    let line = '';
    const room = Math.floor(n / lines) - 1;
    for (let i = 0; line.length + words[i % words.length].length + 1 <= room; i++) line += (line ? ' ' : '') + words[i % words.length];
    out.push(line);
  }
  return out.join('\n').slice(0, n);
}

export async function run(ctx) {
  const { page, context, base, assert, hw } = ctx;
  const id = 'C9750001';
  // A child of the worker's team: two earlier episodes, missing now.
  await hw('child', 'add', id, '--first-name', 'Robin', '--last-name', 'Fairweather', '--date-of-birth', '2010-05-04',
    '--gender', 'Male', '--team', ctx.team, '--placement-type', 'foster', '--placement-name', 'Elm Lodge', '--flags', 'cce');
  await hw('--now', '2024-03-30 23:00', 'episode', 'report', 'E9750001', '--child-id', id, '--last-seen', '2024-03-30 21:00');
  await hw('--now', '2024-03-31 12:00', 'episode', 'return', 'E9750001', '--at', '2024-03-31 10:30', '--found-location', 'Pier approach');
  await hw('--now', '2024-07-01 23:00', 'episode', 'report', 'E9750002', '--child-id', id, '--last-seen', '2024-07-01 20:00');
  await hw('--now', '2024-07-03 09:00', 'episode', 'return', 'E9750002', '--at', '2024-07-03 08:15');
  await hw('episode', 'report', 'E9750003', '--child-id', id, '--last-seen', london(new Date(Date.now() - 2 * 3600e3)),
    '--risk', 'high', '--police-ref', 'MP/26/975001');

  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('worker'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  await page.goto(`${base}/children/${id}`);
  await page.getByRole('heading', { level: 1, name: 'Robin Fairweather' }).waitFor();
  await page.getByRole('link', { name: 'View or change the missing profile' }).click();
  await page.getByRole('heading', { level: 1, name: /Missing profile/ }).waitFor();
  assert.equal(await page.title(), 'Missing profile: Robin Fairweather – Homeward');
  assert.match(await page.locator('.warning-text').innerText(), /Missing now since .*high risk, police reference MP\/26\/975001/);

  // The profile: only what is typed is saved, with who saved it.
  await page.locator('#description').fill('About 4 foot 10, slim, short brown hair. Usually a black hoodie.');
  await page.locator('#mobile').fill('07700 900975\n07700 900976 (a second phone)');
  await page.locator('#associates').fill('Older boys from the skate park');
  await page.locator('#risks').fill('Criminal exploitation: county lines');
  await page.getByRole('button', { name: 'Save the profile' }).click();
  await page.locator('.banner', { hasText: 'The missing profile was saved.' }).waitFor();
  assert.match(await page.locator('.banner').innerText(), /Changed: description, mobile numbers, known associates, specific risks\./);
  assert.match(await page.locator('#profile-updated').innerText(), /by worker\./);
  const stored = JSON.parse(await hw('--user', 'browser-tests', 'profile', 'show', id, '--format', 'json')).profile;
  assert.equal(stored.mobile, '07700 900975\n07700 900976 (a second phone)');
  assert.equal(stored.updated_by, 'worker');
  assert.equal(stored.medical, null);

  // Too many lines: the server's message, on the field.
  await page.locator('#medical').fill('a\nb\nc\nd\ne');
  await page.getByRole('button', { name: 'Save the profile' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Medical needs: at most 4 lines, got 5/);
  assert.match(await page.locator('#medical-error').innerText(), /at most 4 lines/);
  assert.match(await page.title(), /^Error: /);

  // The photograph: a GIF named .jpg is refused by what it is, a PNG taken.
  await page.goto(`${base}/children/${id}/profile`);
  await page.getByRole('heading', { level: 1, name: /Missing profile/ }).waitFor();
  await page.getByRole('button', { name: 'Upload the photograph' }).click();
  await page.locator('.error-summary', { hasText: 'Choose a photograph to upload' }).waitFor();
  await page.locator('#photo').setInputFiles({ name: 'robin.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') });
  await page.getByRole('button', { name: 'Upload the photograph' }).click();
  await page.locator('.error-summary', { hasText: 'not a JPEG or PNG image' }).waitFor();
  assert.match(await page.locator('.error-summary').innerText(), /Photograph: the photograph is not a JPEG or PNG image \(it looks like a GIF image\)/);
  assert.match(await page.locator('#photo-error').innerText(), /it looks like a GIF image/);
  assert.equal(await page.locator('.error-summary a[href="#photo"]').count(), 1, 'the summary links to the field');
  await page.locator('#photo').setInputFiles({ name: 'robin.png', mimeType: 'image/png', buffer: png(60, 80) });
  await page.getByRole('button', { name: 'Upload the photograph' }).click();
  await page.locator('.banner', { hasText: 'The photograph was uploaded.' }).waitFor();
  const img = page.locator('.profile-photo img');
  await img.waitFor();
  await page.waitForFunction(() => document.querySelector('.profile-photo img')?.complete);
  assert.equal(await img.evaluate((el) => el.naturalWidth), 60, 'the photograph is shown, from the API');
  assert.equal(await img.getAttribute('alt'), 'Photograph of Robin Fairweather');
  await ctx.screenshot('missing-profile');

  // Print: the A4 page opens in a new tab and prints on one page.
  const [printed] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /Print profile/ }).first().click()]);
  await printed.waitForLoadState('load');
  assert.equal(await printed.title(), `Missing profile: Robin Fairweather (${id})`);
  assert.equal(await printed.locator('img').evaluate((el) => el.naturalWidth), 60, 'the photograph is in the page');
  assert.match(await printed.locator('img').getAttribute('src'), /^data:image\/png;base64,/);
  const text = await printed.locator('body').innerText();
  assert.match(text, /MISSING NOW/i);
  assert.match(text, /Previous absences \(2\), newest first/);
  assert.match(text, /30 Mar 2024 21:00\s+31 Mar 2024 10:30\s+12 h 30 min/, 'GMT to BST: 13 h 30 on the clock, 12 h 30 min elapsed');
  assert.match(text, /1 Jul 2024 20:00\s+3 Jul 2024 08:15\s+36 h 15 min/);
  assert.match(text, /Criminal exploitation: county lines/);
  const pdf = await printed.pdf({ preferCSSPageSize: true, printBackground: true });
  assert.equal(pdfPages(pdf), 1, 'the profile prints on one A4 page');
  await printed.close();
  const audit = await hw('audit', 'list', '--action', 'print', '--limit', '5');
  assert.match(audit, new RegExp(`worker\\s+print\\s+child ${id}\\s+missing profile as html \\(A4 page\\)`));

  // Send to police: who it went to, then it is recorded and audited.
  await page.getByRole('link', { name: 'Send to police' }).click();
  await page.getByRole('heading', { level: 1, name: /Send the missing profile/ }).waitFor();
  await page.getByRole('button', { name: 'Record as sent to the police' }).click();
  await page.locator('.error-summary', { hasText: 'Enter who you sent the profile to' }).waitFor();
  await page.locator('#to').fill('PC 4321 Shah, by email');
  await page.getByRole('button', { name: 'Record as sent to the police' }).click();
  await page.locator('.banner', { hasText: 'recorded as sent to the police for episode E9750003' }).waitFor();
  assert.match(await page.locator('.inset').innerText(), /Sent to the police .* by worker, to PC 4321 Shah, by email \(episode E9750003\)/);
  assert.match(await hw('audit', 'list', '--action', 'profile_sent'), /worker\s+profile_sent\s+child C9750001\s+missing profile sent to the police for episode E9750003, police reference MP\/26\/975001: PC 4321 Shah, by email/);

  // The largest profile, with many absences, still prints on one page.
  const big = 'C9750002';
  await hw('child', 'add', big, '--first-name', 'Alexandra-Louise', '--last-name', 'Montgomery-Richardson', '--team', ctx.team,
    '--placement-type', 'independent_home', '--placement-name', 'Willowbrook Independent Children\'s Home, Upper Parkstone Road',
    '--school', 'Oakwood Academy Sixth Form, Alternative Provision Unit', '--flags', 'cse;cce;trafficking;gang;risky_adults');
  for (let i = 1; i <= 14; i++) {
    const day = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    await hw('--now', `${day} 23:00`, 'episode', 'report', `E97510${String(i).padStart(2, '0')}`, '--child-id', big, '--last-seen', `${day} 20:00`, '--with-children', id);
    await hw('--now', `${day} 23:59`, 'episode', 'return', `E97510${String(i).padStart(2, '0')}`, '--at', `${day} 23:30`, '--found-location', 'Bournemouth Travel Interchange, bus station platform 4');
  }
  const limits = [['description', 500, 6], ['mobile', 200, 4], ['social-media', 300, 4], ['associates', 500, 6],
    ['addresses', 500, 6], ['places-found', 500, 6], ['risks', 600, 6], ['medical', 400, 4]];
  await hw('--user', 'browser-tests', 'profile', 'set', big, ...limits.flatMap(([f, n, l]) => [`--${f}`, filled(n, l)]));
  writeFileSync(join(ctx.tmp, 'big.png'), png(300, 400));
  await hw('--user', 'browser-tests', 'profile', 'photo', big, '--file', join(ctx.tmp, 'big.png'));
  const full = await context.newPage();
  await full.goto(`${base}/api/v1/children/${big}/profile/print`);
  assert.match(await full.locator('.more').innerText(), /And \d+ earlier absences, not shown to keep the profile on one page/);
  assert.equal(pdfPages(await full.pdf({ preferCSSPageSize: true, printBackground: true })), 1, 'the largest profile prints on one page');
  await full.close();

  // Police liaison: the children missing now, with Robin's profile.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  assert.equal(await ctx.signIn('police_liaison'), 200);
  await page.getByRole('heading', { level: 1, name: 'Report a missing child' }).waitFor();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Missing now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Children missing now' }).waitFor();
  const robin = page.locator('section.profile-card', { has: page.getByRole('heading', { name: /Robin Fairweather/ }) });
  await robin.waitFor();
  assert.match(await robin.innerText(), /MP\/26\/975001/);
  assert.match(await robin.innerText(), /Criminal exploitation: county lines/);
  await page.waitForFunction(() => [...document.querySelectorAll('.profile-photo img')].every((i) => i.complete));
  assert.equal(await robin.locator('.profile-photo img').evaluate((el) => el.naturalWidth), 60);
  assert.equal(await robin.getByRole('link', { name: /Print profile/ }).count(), 1);
  // Not for police: editing.
  await robin.getByRole('link', { name: /The full profile/ }).click();
  await page.getByRole('heading', { level: 1, name: /Missing profile/ }).waitFor();
  assert.equal(await page.locator('textarea').count(), 0, 'police liaison read the profile; they do not edit it');
  assert.equal(await page.locator('#photo').count(), 0);

  // A child who is not missing: no profile, no photograph for the police.
  const open = JSON.parse(await hw('episode', 'list', '--open', '--format', 'json')).episodes;
  const openChildren = new Set(open.map((e) => e.child_id));
  const quiet = parseCsv(readFileSync(join(ctx.data, 'children.csv'), 'utf8')).find((c) => !openChildren.has(c.child_id));
  assert.ok(quiet, 'a child not missing now');
  writeFileSync(join(ctx.tmp, 'quiet.png'), png(20, 20, [0x20, 0x40, 0x80]));
  await hw('--user', 'browser-tests', 'profile', 'photo', quiet.child_id, '--file', join(ctx.tmp, 'quiet.png'));
  const refused = await page.request.get(`${base}/api/v1/children/${encodeURIComponent(quiet.child_id)}/photo`);
  assert.equal(refused.status(), 403, 'police liaison are refused the photograph of a child not missing');
  assert.match((await refused.json()).error.message, /is not missing now/);
  const allowed = await page.request.get(`${base}/api/v1/children/${id}/photo`);
  assert.equal(allowed.status(), 200);
  assert.equal(allowed.headers()['content-type'], 'image/png');
  await page.goto(`${base}/children/${encodeURIComponent(quiet.child_id)}/profile`);
  await page.getByRole('heading', { level: 1, name: 'You do not have access to this' }).waitFor();
  assert.match(await hw('audit', 'list', '--action', 'view_refused', '--limit', '3'), new RegExp(`police_liaison\\s+view_refused\\s+child ${quiet.child_id}`));
}
