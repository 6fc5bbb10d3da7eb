// row-errors.js - a CSV file refused row by row (the imports, an action
// plan's upload): an error summary saying nothing was changed, and a table
// of every error with its line, column, value and what is wrong.

import { h, table, capitalise } from './dom.js';
import { number } from './format.js';
import { errorSummary } from './forms.js';

/**
 * rows: [{line, column, value?, message}]. Returns {summary, nodes}: the
 * summary (focus it) and everything to put on the page, the summary first.
 * headingId is the id of the "Errors in the file" heading the summary links to.
 */
export function fileErrors(fileName, rows, headingId) {
  const summary = errorSummary([
    h('li', null, `${fileName} has ${number(rows.length)} ${rows.length === 1 ? 'error' : 'errors'}. `, h('a', { href: `#${headingId}` }, 'See every error below'), '.'),
    h('li', null, 'Nothing was changed: correct the file and import it again.'),
  ], 'The file was not imported');
  const nodes = [
    summary,
    h('h2', { id: headingId, tabindex: '-1' }, 'Errors in the file'),
    table({
      caption: `Every error in ${fileName}`,
      rows,
      columns: [
        { head: 'Line', cell: (r) => String(r.line ?? ''), numeric: true, rowHeader: true },
        { head: 'Column', cell: (r) => r.column || 'The whole row' },
        // The value is shown when the server gives it (otherwise its message quotes it).
        rows.some((r) => 'value' in r) ? { head: 'Value', cell: (r) => (r.value === null || r.value === undefined ? '' : r.value === '' ? h('span', { class: 'secondary' }, '(empty)') : String(r.value)) } : null,
        { head: 'What is wrong', cell: (r) => capitalise(r.message) },
      ].filter(Boolean),
    }),
  ];
  return { summary, nodes };
}

/**
 * One error line as the action-plan upload gives it,
 * "plan.csv:3: column Time: 'Ongoing': expected a date ...", as
 * {line, column, value, message}; a line of another shape is all message.
 */
export function parseErrorLine(text) {
  const t = String(text ?? '');
  const m = /^[^\n]*?:(\d+): ([\s\S]*)$/.exec(t);
  if (!m) return { line: null, column: null, value: null, message: t };
  let rest = m[2];
  let column = null;
  const c = /^column (.+?): ([\s\S]*)$/.exec(rest);
  if (c) {
    column = c[1];
    rest = c[2];
  }
  const v = /^'([\s\S]*)': (expected[\s\S]*)$/.exec(rest);
  if (v) return { line: Number(m[1]), column, value: v[1], message: v[2] };
  return { line: Number(m[1]), column, value: null, message: rest };
}
