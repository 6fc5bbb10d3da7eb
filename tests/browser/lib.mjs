// lib.mjs - what several browser tests share: reading the generated CSV
// files, the financial year the data is in, and the checks every page is
// held to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// A small CSV reader (RFC 4180 quoting).
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n') (row.push(field.replace(/\r$/, '')), rows.push(row), (row = []), (field = ''));
    else field += c;
  }
  if (field !== '' || row.length) (row.push(field), rows.push(row));
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// The financial year ("2026-27") holding most of the generated episodes.
export function busiestYear(dataDir) {
  const count = new Map();
  for (const e of parseCsv(readFileSync(join(dataDir, 'episodes.csv'), 'utf8'))) {
    const m = /^(\d{4})-(\d{2})/.exec(e.last_seen);
    if (!m) continue;
    const start = Number(m[2]) >= 4 ? Number(m[1]) : Number(m[1]) - 1;
    count.set(start, (count.get(start) || 0) + 1);
  }
  const [start] = [...count].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return { start, name: `${start}-${String((start + 1) % 100).padStart(2, '0')}` };
}

// What every page is held to (as 80_pages_accessible): one <h1>, a title,
// labelled inputs, captioned tables with scoped headers, unique ids, no
// style attributes or inline handlers, text contrast; and every link to a
// place on the page has its place.
export async function audit(page, assert, where, { emptyControls = false } = {}) {
  const problems = await page.evaluate((emptyControls) => {
    const out = [];
    if (document.querySelectorAll('h1').length !== 1) out.push(`${document.querySelectorAll('h1').length} h1 elements`);
    if (!/ – Homeward$/.test(document.title)) out.push(`title "${document.title}"`);
    for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      if (!(el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`))) out.push(`unlabelled ${el.tagName.toLowerCase()}#${el.id}`);
    }
    for (const t of document.querySelectorAll('main table')) {
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
    for (const el of emptyControls ? document.querySelectorAll('a, button') : []) {
      if (!el.textContent.trim() && !el.getAttribute('aria-label')) out.push(`an empty ${el.tagName.toLowerCase()}`);
    }
    // Text contrast: at least 4.5:1 (3:1 for large text).
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
    for (const el of document.querySelectorAll('main *')) {
      if (el.closest('svg') || !el.getClientRects().length) continue;
      const text = [...el.childNodes].filter((x) => x.nodeType === 3).map((x) => x.textContent).join('').trim();
      if (!text) continue;
      const st = getComputedStyle(el);
      const fg = lum(rgb(st.color)), bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const size = parseFloat(st.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(st.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`contrast ${ratio.toFixed(2)}:1 for "${text.slice(0, 30)}"`);
    }
    for (const a of document.querySelectorAll('main a[href^="#"]')) {
      if (!document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)))) out.push(`a link to nothing: ${a.getAttribute('href')}`);
    }
    return out;
  }, emptyControls);
  assert.deepEqual(problems, [], `problems on ${where}`);
}
