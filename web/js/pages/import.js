// Import a CSV file from the case-management system (coordinator). All or
// nothing: on any bad row, every row error is listed and nothing changes.

import { h, heading, table, inset } from '../dom.js';
import { postCsv } from '../api.js';
import { number } from '../format.js';
import { Form } from '../forms.js';
import { fileErrors } from '../row-errors.js';

const KINDS = [
  ['children', 'Children', 'The case system\'s children: IDs, names, case status, placement, team.'],
  ['episodes', 'Episodes', 'Missing and away-from-placement episodes.'],
  ['interviews', 'Interviews', 'Return home interviews: decisions, offers, outcomes.'],
  ['care-periods', 'Periods of care', 'When looked-after children came into care and left it, for the SSDA903 return.'],
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
        form.clearErrors();
        document.title = 'Error: Import records – Homeward';
        const { summary, nodes } = fileErrors(file.name, rows, 'import-errors');
        result.replaceChildren(...nodes);
        summary.focus();
        return false; // keep the title's "Error: "
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
    inset(h('p', null, 'Import children before their episodes, interviews and periods of care, and episodes before their interviews. The columns are described in the import guide (docs/import.md).')),
    form.el,
    result,
  );
}
