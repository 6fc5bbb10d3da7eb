// chart.js - accessible SVG charts built with DOM APIs (presentation
// attributes only, no style attributes, so the page's CSP holds). Each
// chart has a <title> and <desc>, a legend in text, and its numbers in a
// table beside it, so nobody needs to read the picture.

import { h, s, table } from './dom.js';

const COLOURS = ['#1d5fa0', '#f8a766', '#00703c'];
const W = 960, H = 340, M = { top: 20, right: 16, bottom: 48, left: 56 };

function niceMax(v) {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

let n = 0;

/**
 * chart({title, description, type: 'bar'|'line', categories: [label],
 *        longCategories: [label], series: [{name, values: [number]}],
 *        tableCaption}) → <figure>
 */
export function chart({ title, description, type = 'bar', categories, longCategories, series, tableCaption }) {
  const id = `chart-${++n}`;
  const max = niceMax(Math.max(0, ...series.flatMap((x) => x.values.map((v) => Number(v) || 0))));
  const iw = W - M.left - M.right, ih = H - M.top - M.bottom;
  const y = (v) => M.top + ih - (ih * (Number(v) || 0)) / max;
  const band = iw / Math.max(1, categories.length);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, focusable: 'false' },
    s('title', { id: `${id}-title` }, title),
    s('desc', { id: `${id}-desc` }, description || `${series.map((x) => x.name).join(' and ')} for each of ${categories.length} periods. The numbers are in the table below the chart.`));

  // Grid lines and the y axis's numbers.
  const ticks = 5;
  for (let i = 0; i <= ticks; i++) {
    const v = (max * i) / ticks;
    const yy = y(v);
    svg.appendChild(s('line', { x1: M.left, x2: W - M.right, y1: yy, y2: yy, stroke: i === 0 ? '#0b0c0c' : '#d9d9d9', 'stroke-width': 1 }));
    svg.appendChild(s('text', { x: M.left - 8, y: yy + 5, 'text-anchor': 'end', 'font-size': 14, fill: '#0b0c0c' },
      Number.isInteger(v) ? String(v) : v.toFixed(1)));
  }

  // The x axis's labels.
  categories.forEach((c, i) => {
    svg.appendChild(s('text', { x: M.left + band * i + band / 2, y: H - M.bottom + 22, 'text-anchor': 'middle', 'font-size': 14, fill: '#0b0c0c' }, c));
  });

  if (type === 'bar') {
    const gap = band * 0.2;
    const bw = (band - gap) / series.length;
    series.forEach((ser, si) => {
      ser.values.forEach((v, i) => {
        const x = M.left + band * i + gap / 2 + bw * si;
        const top = y(v);
        svg.appendChild(s('rect', { x: x.toFixed(1), y: top.toFixed(1), width: Math.max(1, bw - 2).toFixed(1), height: Math.max(0, M.top + ih - top).toFixed(1), fill: COLOURS[si % COLOURS.length], stroke: '#0b0c0c', 'stroke-width': 0.5 },
          s('title', null, `${(longCategories || categories)[i]}: ${ser.name}, ${v ?? 0}`)));
      });
    });
  } else {
    series.forEach((ser, si) => {
      const pts = ser.values.map((v, i) => [M.left + band * i + band / 2, y(v)]);
      svg.appendChild(s('polyline', { points: pts.map((p) => p.map((q) => q.toFixed(1)).join(',')).join(' '), fill: 'none', stroke: COLOURS[si % COLOURS.length], 'stroke-width': 3 }));
      pts.forEach(([px, py], i) => svg.appendChild(s('circle', { cx: px.toFixed(1), cy: py.toFixed(1), r: 5, fill: COLOURS[si % COLOURS.length], stroke: '#0b0c0c', 'stroke-width': 1 },
        s('title', null, `${(longCategories || categories)[i]}: ${ser.name}, ${ser.values[i] ?? 0}`))));
    });
  }

  const legend = h('ul', { class: 'chart__legend', 'aria-hidden': 'true' },
    series.map((ser, si) => h('li', null, h('span', { class: `chart__key chart__key--${si % COLOURS.length}` }), ser.name)));

  const numbers = table({
    caption: tableCaption || `${title}: the numbers`,
    compact: true,
    columns: [
      { head: 'Period', cell: (r) => r.label, rowHeader: true },
      ...series.map((ser) => ({ head: ser.name, cell: (r) => String(ser.values[r.i] ?? 0), numeric: true })),
    ],
    rows: categories.map((c, i) => ({ label: (longCategories || categories)[i], i })),
  });

  return h('figure', { class: 'chart', 'aria-labelledby': `${id}-caption` },
    h('figcaption', { id: `${id}-caption` }, title), legend, svg,
    h('details', { class: 'details' }, h('summary', null, 'The chart\'s numbers as a table'), h('div', { class: 'details__text' }, numbers)));
}
