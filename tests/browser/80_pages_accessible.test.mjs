// Every page a coordinator and an administrator reach: one <h1>, a title
// naming the page, every input labelled, every table captioned with scoped
// headers, ids unique, no style attributes or inline handlers (the CSP
// forbids them), and links and buttons with names.

const COORDINATOR_PAGES = ['/', '/children', '/children?q=a', '/report-missing', '/record-return', '/decide-interview', '/missing-now',
  '/record-action', '/lists/due', '/lists/daily', '/lists/high-risk', '/lists/plans', '/lists/weekly', '/reports',
  '/reports/monthly', '/import', '/no-such-page'];
const ADMIN_PAGES = ['/admin/users', '/admin/users/new', '/admin/audit'];

async function audit(page, path, assert) {
  const problems = await page.evaluate(() => {
    const out = [];
    const main = document.querySelector('main');
    if (document.querySelectorAll('h1').length !== 1) out.push(`${document.querySelectorAll('h1').length} h1 elements`);
    if (!/ – Homeward$/.test(document.title)) out.push(`title "${document.title}"`);
    for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      const labelled = (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) || el.closest('label') || el.getAttribute('aria-label');
      if (!labelled) out.push(`unlabelled ${el.tagName.toLowerCase()}#${el.id}`);
    }
    for (const t of main.querySelectorAll('table')) {
      if (!t.querySelector('caption')?.textContent.trim()) out.push('a table without a caption');
      for (const th of t.querySelectorAll('thead th')) if (th.getAttribute('scope') !== 'col') out.push('a column header without scope');
      for (const th of t.querySelectorAll('tbody th')) if (th.getAttribute('scope') !== 'row') out.push('a row header without scope');
    }
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    const dup = ids.filter((x, i) => ids.indexOf(x) !== i);
    if (dup.length) out.push(`duplicate ids: ${[...new Set(dup)].join(', ')}`);
    for (const el of document.querySelectorAll('*')) {
      if (el.hasAttribute('style')) out.push(`style attribute on ${el.tagName}`);
      for (const a of el.getAttributeNames()) if (/^on/.test(a)) out.push(`inline handler ${a}`);
    }
    for (const el of document.querySelectorAll('a, button')) {
      if (!el.textContent.trim() && !el.getAttribute('aria-label')) out.push(`an empty ${el.tagName.toLowerCase()}`);
      if (el.tagName === 'A' && !el.getAttribute('href')) out.push('a link without href');
    }
    // Text contrast: at least 4.5:1 (3:1 for large text) against the
    // nearest background colour.
    const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length === 3 || c[3] > 0)) return c;
      }
      return [255, 255, 255];
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('svg') || !el.getClientRects().length) continue;
      const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
      if (!text) continue;
      const st = getComputedStyle(el);
      const fg = lum(rgb(st.color));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const size = parseFloat(st.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(st.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`contrast ${ratio.toFixed(2)}:1 for "${text.slice(0, 30)}"`);
    }
    return out;
  });
  assert.deepEqual(problems, [], `problems on ${path}`);
}

export async function run(ctx) {
  const { page, base, assert } = ctx;
  await page.goto(`${base}/`);
  assert.equal(await ctx.signIn('coordinator'), 200);
  await page.getByRole('heading', { level: 1, name: /Dashboard/ }).waitFor();
  const child = (await page.locator('main a[href^="/children/"]').first().getAttribute('href'));
  const episode = (await page.locator('main a[href^="/episodes/"]').first().getAttribute('href'));
  const pages = [...COORDINATOR_PAGES, child, `${child}/edit`, `${child}/profile`, episode, `/decide-interview?episode_id=${episode.split('/').pop()}`];
  for (const path of pages) {
    await page.goto(`${base}${path}`);
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    await audit(page, path, assert);
  }
  // An interview of that child.
  await page.goto(`${base}${child}`);
  await page.locator('main h1').waitFor();
  const interview = page.locator('main a[href^="/interviews/"]').first();
  if (await interview.count()) {
    const href = await interview.getAttribute('href');
    for (const p of [href, `${href}/offer`, `${href}/attempt`, `${href}/complete`]) {
      await page.goto(`${base}${p}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await audit(page, p, assert);
    }
  }
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#user').waitFor();
  assert.equal(await ctx.signIn('admin'), 200);
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  for (const path of ADMIN_PAGES) {
    await page.goto(`${base}${path}`);
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    await audit(page, path, assert);
  }
}
