// chart.js - accessible SVG charts built with DOM APIs (presentation
// attributes only, no style attributes, so the page's CSP holds). Each
// chart has a <title> and <desc>, a legend in text, and its numbers in a
// table beside it (or says which table on the page holds them), so nobody
// needs to read the picture.

import { h, s, table } from './dom.js';

const COLOURS = ['#1d5fa0', '#f8a766', '#00703c'];
/** The report documents' colours, as their HTML and Excel formats draw
 * them: each at least 3:1 against white, the first two (this year, last
 * year) far apart in lightness. */
export const REPORT_COLOURS = ['#003078', '#5694ca', '#d4351c', '#00703c', '#912b88', '#b45f06'];
// Lines differ without colour too: a dash pattern and a marker per series.
const DASHES = [null, '7 4', '2 3', '10 3 2 3'];
const MARKERS = ['circle', 'square', 'triangle', 'diamond'];
const W = 960, IH = 272, M = { top: 20, right: 16, bottom: 48, left: 56 };
const CHAR_W = 7.6; // an average character at 14px, where text cannot be measured
const SLANT_CHARS = 30; // slanted labels are cut to this, with "…" in the middle

function niceMax(v) {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

const has = (v) => v !== null && v !== undefined && v !== '' && Number.isFinite(Number(v));

// The width of text at the charts' 14px (measured where the browser can).
let measure = null;
function width(text) {
  try {
    if (!measure) {
      measure = document.createElement('canvas').getContext('2d');
      measure.font = '14px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
    }
    return measure.measureText(text).width;
  } catch {
    return Array.from(text).length * CHAR_W;
  }
}

// "Independent … home": cut from the middle, so labels that differ at the end stay apart.
function cut(text, max) {
  const t = Array.from(text);
  if (t.length <= max) return text;
  const head = Math.floor((max - 1) / 2);
  return `${t.slice(0, head).join('')}…${t.slice(t.length - (max - 1 - head)).join('')}`;
}

// A label as one line, two broken at the space that balances them best, or
// three, each line at most max wide; null when none fits.
function lines(text, max) {
  if (width(text) <= max) return [text];
  let best = null;
  for (let i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
    const a = text.slice(0, i), b = text.slice(i + 1);
    const longer = Math.max(width(a), width(b));
    if (longer <= max && (!best || longer < best.longer)) best = { longer, parts: [a, b] };
  }
  if (best) return best.parts;
  const out = [];
  for (const word of text.split(' ')) {
    if (out.length && width(`${out[out.length - 1]} ${word}`) <= max) out[out.length - 1] += ` ${word}`;
    else out.push(word);
  }
  return out.length <= 3 && out.every((x) => width(x) <= max) ? out : null;
}

function marker(shape, x, y, colour, r = 5, title = null) {
  const common = { fill: colour, stroke: '#0b0c0c', 'stroke-width': 1 };
  const kids = title ? [s('title', null, title)] : [];
  const f = (v) => v.toFixed(1);
  if (shape === 'square') return s('rect', { x: f(x - r + 0.5), y: f(y - r + 0.5), width: f(2 * r - 1), height: f(2 * r - 1), ...common }, kids);
  if (shape === 'triangle') return s('polygon', { points: `${f(x)},${f(y - r - 1)} ${f(x + r + 1)},${f(y + r)} ${f(x - r - 1)},${f(y + r)}`, ...common }, kids);
  if (shape === 'diamond') return s('polygon', { points: `${f(x)},${f(y - r - 1)} ${f(x + r + 1)},${f(y)} ${f(x)},${f(y + r + 1)} ${f(x - r - 1)},${f(y)}`, ...common }, kids);
  return s('circle', { cx: f(x), cy: f(y), r, ...common }, kids);
}

let n = 0;

/**
 * chart({title, description, type: 'bar'|'line', categories: [label],
 *        longCategories: [label], series: [{name, values: [number|null]}],
 *        tableCaption}) → <figure>
 * Options for report documents:
 *   colours        the series' colours (default: the monthly profile's three)
 *   percent        values are percentages: the axis reads "40%"
 *   format(v)      a value as text, for the tooltips, target and numbers table
 *   target         a number: a dashed target line, labelled targetLabel
 *   numbersTable   false: no table of numbers; `alternative` says where they are
 *   categoryHead   the numbers table's first column (default "Period")
 * A null value has no bar, and breaks a line.
 */
export function chart({
  title, description, type = 'bar', categories, longCategories, series, tableCaption,
  colours = COLOURS, percent = false, format = (v) => String(v ?? 0), target = null, targetLabel = null,
  numbersTable = true, alternative = null, categoryHead = 'Period',
}) {
  const id = `chart-${++n}`;
  const names = longCategories || categories;
  const values = series.flatMap((x) => x.values.filter(has).map(Number));
  if (has(target)) values.push(Number(target));
  const top = Math.max(0, ...values), bottom = Math.min(0, ...values);
  let lo = 0, hi = niceMax(top), ticks = 5;
  if (!percent && hi < 5) hi = 5; // counts: whole-number ticks
  if (bottom < 0) {
    const step = niceMax((top - bottom) / 5);
    lo = Math.floor(bottom / step) * step;
    hi = Math.max(step, Math.ceil(top / step) * step);
    ticks = Math.round((hi - lo) / step);
  }

  // How the categories are labelled: one line, two lines, or slanted and cut.
  const iw = W - M.left - M.right;
  const band = iw / Math.max(1, categories.length);
  // A label may be a little wider than its band when its neighbours leave
  // room; two that meet are broken into more, narrower lines.
  const widest = (parts) => Math.max(...parts.map(width));
  const meet = (a, b) => (widest(a) + widest(b)) / 2 + 3 > band;
  const wrapped = categories.map((c) => lines(String(c ?? ''), band * 1.25));
  const narrow = categories.map((c) => lines(String(c ?? ''), band - 4));
  for (let i = 1; i < wrapped.length; i++) {
    if (wrapped[i - 1] && wrapped[i] && meet(wrapped[i - 1], wrapped[i]))
      for (const k of [i - 1, i]) if (narrow[k]) wrapped[k] = narrow[k];
  }
  const slant = wrapped.some((p, i) => !p || (i > 0 && meet(wrapped[i - 1], p)));
  const rows = slant ? 1 : Math.max(1, ...wrapped.map((x) => x.length));
  const longest = Math.max(0, ...categories.map((c) => Math.min(SLANT_CHARS, Array.from(String(c ?? '')).length)));
  const bottomRoom = slant ? Math.ceil(longest * CHAR_W * 0.574) + 34 : M.bottom + 17 * (rows - 1);
  const H = M.top + IH + bottomRoom;
  const y = (v) => M.top + IH - (IH * ((Number(v) || 0) - lo)) / (hi - lo);
  const tick = (v) => {
    const t = Number.isInteger(v) ? v.toLocaleString('en-GB') : v.toFixed(1);
    return percent ? `${t}%` : t;
  };

  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, focusable: 'false' },
    s('title', { id: `${id}-title` }, title),
    s('desc', { id: `${id}-desc` }, description || `${series.map((x) => x.name).join(' and ')} for each of ${categories.length} periods. The numbers are in the table below the chart.`));

  // Grid lines and the y axis's numbers.
  for (let i = 0; i <= ticks; i++) {
    const v = lo + ((hi - lo) * i) / ticks;
    const yy = y(v);
    svg.appendChild(s('line', { x1: M.left, x2: W - M.right, y1: yy, y2: yy, stroke: i === 0 ? '#0b0c0c' : '#d9d9d9', 'stroke-width': 1 }));
    svg.appendChild(s('text', { x: M.left - 8, y: yy + 5, 'text-anchor': 'end', 'font-size': 14, fill: '#0b0c0c' }, tick(v)));
  }

  // The x axis's labels.
  categories.forEach((c, i) => {
    const x = M.left + band * i + band / 2;
    const base = H - bottomRoom + 22;
    if (slant) {
      svg.appendChild(s('text', { x: x.toFixed(1), y: base - 4, 'text-anchor': 'end', 'font-size': 14, fill: '#0b0c0c', transform: `rotate(-35 ${x.toFixed(1)} ${base - 4})` },
        cut(String(c ?? ''), SLANT_CHARS)));
    } else {
      const parts = wrapped[i];
      svg.appendChild(s('text', { x: x.toFixed(1), y: base, 'text-anchor': 'middle', 'font-size': 14, fill: '#0b0c0c' },
        parts.length === 1 ? parts[0] : parts.map((p, k) => s('tspan', { x: x.toFixed(1), dy: k === 0 ? 0 : 17 }, p))));
    }
  });

  const colour = (si) => colours[si % colours.length];
  if (type === 'bar') {
    const gap = band * 0.2;
    const bw = (band - gap) / Math.max(1, series.length);
    series.forEach((ser, si) => {
      ser.values.forEach((v, i) => {
        if (!has(v)) return;
        const x = M.left + band * i + gap / 2 + bw * si;
        const a = y(Math.max(0, Number(v))), b = y(Math.min(0, Number(v)));
        svg.appendChild(s('rect', { x: x.toFixed(1), y: a.toFixed(1), width: Math.max(1, bw - 2).toFixed(1), height: Math.max(0, b - a).toFixed(1), fill: colour(si), stroke: '#0b0c0c', 'stroke-width': 0.5 },
          s('title', null, `${names[i]}: ${ser.name}, ${format(v)}`)));
      });
    });
  } else {
    series.forEach((ser, si) => {
      const pts = ser.values.map((v, i) => (has(v) ? [M.left + band * i + band / 2, y(v)] : null));
      // A line per run of values: an empty cell breaks it.
      let run = [];
      const flush = () => {
        if (run.length > 1) {
          svg.appendChild(s('polyline', { points: run.map((p) => p.map((q) => q.toFixed(1)).join(',')).join(' '), fill: 'none', stroke: colour(si), 'stroke-width': 3, 'stroke-dasharray': DASHES[si % DASHES.length] }));
        }
        run = [];
      };
      pts.forEach((p) => (p ? run.push(p) : flush()));
      flush();
      pts.forEach((p, i) => {
        if (p) svg.appendChild(marker(MARKERS[si % MARKERS.length], p[0], p[1], colour(si), 5, `${names[i]}: ${ser.name}, ${format(ser.values[i])}`));
      });
    });
  }

  // The zero line over the bars, and the target over everything.
  if (lo < 0) svg.appendChild(s('line', { x1: M.left, x2: W - M.right, y1: y(0), y2: y(0), stroke: '#0b0c0c', 'stroke-width': 1.5 }));
  if (has(target)) {
    const ty = y(target);
    const text = targetLabel || `Target ${format(target)}`;
    svg.appendChild(s('line', { x1: M.left, x2: W - M.right, y1: ty.toFixed(1), y2: ty.toFixed(1), stroke: '#0b0c0c', 'stroke-width': 2, 'stroke-dasharray': '8 5' }));
    svg.appendChild(s('text', { x: W - M.right - 4, y: (ty - 7).toFixed(1), 'text-anchor': 'end', 'font-size': 14, 'font-weight': 700, fill: '#0b0c0c', stroke: '#fff', 'stroke-width': 4, 'paint-order': 'stroke' }, text));
  }

  const swatch = (si) => s('svg', { class: 'chart__swatch', width: 30, height: 16, viewBox: '0 0 30 16', focusable: 'false' },
    type === 'bar'
      ? s('rect', { x: 6, y: 1, width: 18, height: 14, fill: colour(si), stroke: '#0b0c0c', 'stroke-width': 1 })
      : [s('line', { x1: 0, x2: 30, y1: 8, y2: 8, stroke: colour(si), 'stroke-width': 3, 'stroke-dasharray': DASHES[si % DASHES.length] }),
        marker(MARKERS[si % MARKERS.length], 15, 8, colour(si), 4)]);
  const legend = h('ul', { class: 'chart__legend', 'aria-hidden': 'true' },
    series.map((ser, si) => h('li', null, swatch(si), ser.name)),
    has(target) ? h('li', null, s('svg', { class: 'chart__swatch', width: 30, height: 16, viewBox: '0 0 30 16', focusable: 'false' },
      s('line', { x1: 0, x2: 30, y1: 8, y2: 8, stroke: '#0b0c0c', 'stroke-width': 2, 'stroke-dasharray': '8 5' })), targetLabel || `Target ${format(target)}`) : null);

  const numbers = numbersTable ? h('details', { class: 'details' }, h('summary', null, 'The chart\'s numbers as a table'), h('div', { class: 'details__text' }, table({
    caption: tableCaption || `${title}: the numbers`,
    compact: true,
    columns: [
      { head: categoryHead, cell: (r) => r.label, rowHeader: true },
      ...series.map((ser) => ({ head: ser.name, cell: (r) => format(ser.values[r.i]), numeric: true })),
    ],
    rows: categories.map((c, i) => ({ label: names[i], i })),
  }))) : h('p', { class: 'chart__alternative' }, alternative || 'The numbers are in the table above.');

  return h('figure', { class: 'chart', 'aria-labelledby': `${id}-caption` },
    h('figcaption', { id: `${id}-caption` }, title), legend, svg, numbers);
}
