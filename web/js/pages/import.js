// Import a CSV file from the case-management system (coordinator). All or
// nothing: on any bad row, every row error is listed and nothing changes.

import { h, heading, table, inset, capitalise } from '../dom.js';
import { postCsv } from '../api.js';
import { number } from '../format.js';
import { Form, errorSummary } from '../forms.js';

const KINDS = [
  ['children', 'Children', 'The case system\'s children: IDs, names, case status, placement, team.'],
  ['episodes', 'Episodes', 'Missing and away-from-placement episodes.'],
  ['interviews', 'Interviews', 'Return home interviews: decisions, offers, outcomes.'],
];

export async function render(ctx) {
  ctx.title('Import records');
  const result = h('div', { id: 'import-result' });
  let fileInput;

  const form = new Form({
    submit: 'Import',
    validate: () => {
      const errs = [];
      if (!fileInput.files.length) errs.push({ field: 'file', message: 'Choose a CSV file to import' });
      else if (fileInput.files[0].size > 32 * 1024 * 1024) errs.push({ field: 'file', message: 'The file must be smaller than 32 MB' });
      return errs;
    },
    onSubmit: async (v) => {
      result.replaceChildren();
      const file = fileInput.files[0];
      const text = await file.text();
      try {
        const r = await postCsv(`/import/${v.kind}`, text);
        ctx.title('Import records');
        result.replaceChildren(
          h('div', { class: 'panel', role: 'status' },
            h('h2', null, 'Import complete'),
            h('p', null, `${file.name}: ${number(r.rows)} rows.`)),
          table({
            caption: 'What changed',
            rows: [['Added', r.added], ['Changed', r.changed], ['Unchanged', r.unchanged]],
            columns: [{ head: 'Records', cell: (x) => x[0], rowHeader: true }, { head: 'Number', cell: (x) => number(x[1] ?? 0), numeric: true }],
          }));
        result.querySelector('.panel').setAttribute('tabindex', '-1');
        result.querySelector('.panel').focus();
      } catch (err) {
        if (err.status !== 422 || !err.errors) throw err;
        const rows = err.errors;
        document.title = 'Error: Import records – Homeward';
        const summary = errorSummary([
          h('li', null, `${file.name} has ${number(rows.length)} ${rows.length === 1 ? 'error' : 'errors'}. `, h('a', { href: '#import-errors' }, 'See every error below'), '.'),
          h('li', null, 'Nothing was changed: correct the file and import it again.'),
        ], 'The file was not imported');
        result.replaceChildren(
          summary,
          h('h2', { id: 'import-errors', tabindex: '-1' }, 'Errors in the file'),
          table({
            caption: `Every error in ${file.name}`,
            rows,
            columns: [
              { head: 'Line', cell: (r) => String(r.line ?? ''), numeric: true, rowHeader: true },
              { head: 'Column', cell: (r) => r.column || 'The whole row' },
              // The value is shown when the server gives it (otherwise its message quotes it).
              rows.some((r) => 'value' in r) ? { head: 'Value', cell: (r) => (r.value === null || r.value === undefined ? '' : r.value === '' ? h('span', { class: 'secondary' }, '(empty)') : String(r.value)) } : null,
              { head: 'What is wrong', cell: (r) => capitalise(r.message) },
            ].filter(Boolean),
          }));
        summary.focus();
      }
    },
  });

  const kindGroup = form.radios('kind', 'What does the file hold?', KINDS, { value: 'children', required: 'Select what the file holds' });
  fileInput = h('input', { type: 'file', id: 'file', name: 'file', class: 'input', accept: '.csv,text/csv', 'aria-describedby': 'file-hint' });
  const fileGroup = h('div', { class: 'form-group' },
    h('label', { class: 'label', for: 'file' }, 'CSV file'),
    h('div', { class: 'hint', id: 'file-hint' }, 'A comma-separated file with a header row, up to 32 MB. Importing again updates records; it never duplicates them.'),
    fileInput);
  form.register('file', { label: 'CSV file', group: fileGroup, focus: fileInput, inputs: [fileInput], describe: fileInput, read: () => ({ value: undefined }) });
  form.add(kindGroup, fileGroup);

  ctx.show(
    form.summary,
    heading('Import records'),
    h('p', null, 'Bring records in from the case-management system\'s CSV exports. A file is imported whole or not at all: if any row is wrong, nothing is changed and every error is listed.'),
    inset(h('p', null, 'Import children before their episodes, and episodes before their interviews. The columns are described in the import guide (docs/import.md).')),
    form.el,
    result,
  );
}
