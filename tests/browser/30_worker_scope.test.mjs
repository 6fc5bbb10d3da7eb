// A worker sees their own team's children, and another team's child's page
// says they have no access, with the server's reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The generated children.csv as objects (quoted fields allowed).
function children(dir) {
  const rows = [];
  let row = [], field = '', quoted = false;
  const text = readFileSync(join(dir, 'children.csv'), 'utf8');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((k, i) => [k, r[i] ?? ''])));
}

export async function run(ctx) {
  const { page, base, assert } = ctx;
  const all = children(ctx.data);
  const other = all.find((c) => c.team && c.team !== ctx.team);
  const own = all.find((c) => c.team === ctx.team);
  assert.ok(other && own, 'children of two teams');

  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('worker'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const items = await nav.getByRole('link').allInnerTexts();
  assert.deepEqual(items, ['Dashboard', 'Children', 'Lists'], 'a worker has no reports or import');
  assert.match(await page.locator('#page-heading').innerText(), new RegExp(ctx.team), 'the dashboard is the team\'s');

  // Their own team's child opens.
  await page.goto(`${base}/children/${own.child_id}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(own.last_name || own.child_id) }).waitFor();

  // Another team's child: no access, and why.
  await page.goto(`${base}/children/${other.child_id}`);
  await page.getByRole('heading', { level: 1, name: 'You do not have access to this' }).waitFor();
  assert.equal(await page.title(), 'You do not have access to this – Homeward');
  const why = await page.locator('#access-message').innerText();
  assert.ok(why.length > 0 && why.includes(other.child_id), `the server's message: ${why}`);
  const text = await page.locator('main').innerText();
  for (const n of [other.first_name, other.last_name].filter(Boolean))
    assert.ok(!new RegExp(`\\b${n}\\b`).test(text), `the page does not name the child (${n})`);

  // A page for another role: the same answer, without asking the server.
  await page.goto(`${base}/import`);
  await page.getByRole('heading', { level: 1, name: 'You do not have access to this' }).waitFor();
}
