// forms.js - forms in the GOV.UK pattern: a label and hint for every input,
// an error summary at the top (role="alert", focused, linking to each
// field) and the message beside each field in error. The API's `field`
// names the field a 422 is about, so its message lands on that field.

import { h, capitalise } from './dom.js';
import { ApiError } from './api.js';
import { parseDate, parseTime, dateInput } from './format.js';

export class Form {
  /**
   * new Form({submit: 'Save', onSubmit: async (values, form) => {...}, secondary: node})
   * onSubmit may throw ApiError (shown in the summary and on the field);
   * it returns false to keep the errors it has shown itself.
   */
  constructor({ submit = 'Continue', onSubmit, validate = null, secondary = null, novalidate = true, warningButton = false }) {
    this.validate = validate;
    this.fields = new Map();
    this.onSubmit = onSubmit;
    this.summary = h('div', { class: 'error-summary-slot' });
    this.body = h('div');
    this.button = h('button', { type: 'submit', class: ['button', warningButton && 'button--warning'] }, submit);
    this.el = h('form', { novalidate: novalidate ? true : null, class: 'form' },
      this.body, h('div', { class: 'button-group' }, this.button, secondary));
    this.el.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.baseTitle = null;
  }

  /** Adds nodes (fields, headings, text) to the form body; returns this. */
  add(...nodes) {
    for (const n of nodes) if (n) this.body.appendChild(n);
    return this;
  }

  register(name, field) {
    this.fields.set(name, field);
    return field.group;
  }

  // ---- field builders: each returns the field's group element ----

  text(name, label, o = {}) {
    const id = o.id || name;
    const input = h('input', {
      class: ['input', o.width && `input--${o.width}`], id, name, type: o.type || 'text',
      value: o.value ?? '', autocomplete: o.autocomplete || 'off', spellcheck: o.spellcheck ?? 'false',
      inputmode: o.inputmode, maxlength: o.maxlength,
    });
    const hint = o.hint ? h('div', { class: 'hint', id: `${id}-hint` }, o.hint) : null;
    if (hint) input.setAttribute('aria-describedby', hint.id);
    const group = h('div', { class: 'form-group' },
      h('label', { class: ['label', o.smallLabel && 'label--small'], for: id }, label), hint, input);
    return this.register(name, {
      label: o.errorLabel || label, group, focus: input, inputs: [input], describe: input,
      read: () => {
        const v = input.value.trim();
        if (!v) return o.required ? { error: o.required } : { value: o.emptyValue ?? undefined };
        if (o.pattern && !o.pattern.test(v)) return { error: o.patternMessage };
        return { value: v };
      },
    });
  }

  password(name, label, o = {}) {
    return this.text(name, label, { ...o, type: 'password', autocomplete: o.autocomplete || 'current-password' });
  }

  textarea(name, label, o = {}) {
    const id = o.id || name;
    const input = h('textarea', { class: 'textarea', id, name, rows: o.rows || 4, spellcheck: 'true' });
    input.value = o.value ?? '';
    const hint = o.hint ? h('div', { class: 'hint', id: `${id}-hint` }, o.hint) : null;
    if (hint) input.setAttribute('aria-describedby', hint.id);
    const group = h('div', { class: 'form-group' }, h('label', { class: 'label', for: id }, label), hint, input);
    return this.register(name, {
      label, group, focus: input, inputs: [input], describe: input,
      read: () => {
        const v = input.value.trim();
        if (!v) return o.required ? { error: o.required } : { value: o.emptyValue ?? undefined };
        return { value: v };
      },
    });
  }

  /** A <select>; options as [[value, label], ...]; o.empty adds a first "choose" option. */
  select(name, label, opts, o = {}) {
    const id = o.id || name;
    const input = h('select', { class: 'select', id, name },
      o.empty !== undefined ? h('option', { value: '' }, o.empty) : null,
      opts.map(([v, l]) => h('option', { value: v, selected: String(o.value ?? '') === String(v) }, l)));
    const hint = o.hint ? h('div', { class: 'hint', id: `${id}-hint` }, o.hint) : null;
    if (hint) input.setAttribute('aria-describedby', hint.id);
    const group = h('div', { class: 'form-group' }, h('label', { class: 'label', for: id }, label), hint, input);
    return this.register(name, {
      label, group, focus: input, inputs: [input], describe: input,
      read: () => {
        if (!input.value) return o.required ? { error: o.required } : { value: o.emptyValue ?? undefined };
        return { value: input.value };
      },
    });
  }

  /** Radios in a fieldset; opts as [[value, label, hint?], ...]. */
  radios(name, legend, opts, o = {}) {
    return this.choices('radio', name, legend, opts, o);
  }

  /** Checkboxes in a fieldset; the value is an array of the checked values. */
  checkboxes(name, legend, opts, o = {}) {
    return this.choices('checkbox', name, legend, opts, o);
  }

  choices(type, name, legend, opts, o) {
    const base = o.id || name;
    const checked = new Set([].concat(o.value ?? []).map(String));
    const inputs = [];
    const items = opts.map(([v, l, hint], i) => {
      const id = i === 0 ? base : `${base}-${i + 1}`;
      const input = h('input', { type, id, name, value: v, checked: checked.has(String(v)) });
      inputs.push(input);
      const hintEl = hint ? h('div', { class: 'hint', id: `${id}-item-hint` }, hint) : null;
      if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
      return h('div', { class: 'choice' }, input, h('div', null, h('label', { for: id }, l), hintEl));
    });
    const hint = o.hint ? h('div', { class: 'hint', id: `${base}-hint` }, o.hint) : null;
    const fs = h('fieldset', { class: 'fieldset', 'aria-describedby': hint ? hint.id : null },
      h('legend', { class: ['fieldset__legend', o.legendSize && `fieldset__legend--${o.legendSize}`] }, legend),
      hint, h('div', { class: ['choices', o.inline && 'choices--inline'] }, items));
    const group = h('div', { class: 'form-group' }, fs);
    return this.register(name, {
      label: o.errorLabel || legend, group, focus: inputs[0], inputs, describe: fs,
      read: () => {
        const on = inputs.filter((x) => x.checked).map((x) => x.value);
        if (type === 'radio') {
          if (!on.length) return o.required ? { error: o.required } : { value: undefined };
          return { value: on[0] };
        }
        if (!on.length && o.required) return { error: o.required };
        return { value: on };
      },
    });
  }

  /** A date as one text input (DD/MM/YYYY or YYYY-MM-DD); the value is "YYYY-MM-DD". */
  date(name, label, o = {}) {
    const id = o.id || name;
    const input = h('input', { class: 'input input--w10', id, name, type: 'text', value: dateInput(o.value) || '', autocomplete: o.autocomplete || 'off', inputmode: 'numeric', spellcheck: 'false' });
    const hint = h('div', { class: 'hint', id: `${id}-hint` }, o.hint || 'For example, 27/3/2026');
    input.setAttribute('aria-describedby', hint.id);
    const group = h('div', { class: 'form-group' }, h('label', { class: 'label', for: id }, label), hint, input);
    return this.register(name, {
      label, group, focus: input, inputs: [input], describe: input,
      read: () => {
        const v = input.value.trim();
        if (!v) return o.required ? { error: o.required } : { value: o.emptyValue ?? undefined };
        const d = parseDate(v);
        return d ? { value: d } : { error: `${o.what || label} must be a real date, for example 27/3/2026` };
      },
    });
  }

  /**
   * A local date and time: two text inputs (date; 24-hour time) in a
   * fieldset. The value is "YYYY-MM-DD HH:MM", England's local time.
   * o.value: {date: "YYYY-MM-DD", time: "HH:MM"}.
   */
  dateTime(name, legend, o = {}) {
    const id = o.id || name;
    const v = o.value || {};
    const dateEl = h('input', { class: 'input input--w10', id, name, type: 'text', value: dateInput(v.date), autocomplete: 'off', inputmode: 'numeric', spellcheck: 'false' });
    const timeEl = h('input', { class: 'input input--w4', id: `${id}-time`, name: `${name}-time`, type: 'text', value: v.time || '', autocomplete: 'off', inputmode: 'numeric', spellcheck: 'false' });
    const hint = h('div', { class: 'hint', id: `${id}-hint` }, o.hint || 'UK time. For example, 22/11/2026 and 17:49 (24-hour clock).');
    const fs = h('fieldset', { class: 'fieldset', role: 'group', 'aria-describedby': hint.id },
      h('legend', { class: 'fieldset__legend' }, legend), hint,
      h('div', { class: 'date-time' },
        h('div', { class: 'form-group' }, h('label', { class: 'label label--small', for: id }, 'Date'), dateEl),
        h('div', { class: 'form-group' }, h('label', { class: 'label label--small', for: `${id}-time` }, 'Time'), timeEl)));
    const group = h('div', { class: 'form-group' }, fs);
    const what = o.what || legend;
    return this.register(name, {
      label: legend, group, focus: dateEl, inputs: [dateEl, timeEl], describe: fs,
      read: () => {
        const dv = dateEl.value.trim(), tv = timeEl.value.trim();
        if (!dv && !tv) return o.required ? { error: o.required } : { value: o.emptyValue ?? undefined };
        if (!dv) return { error: `Enter the date ${what}`, input: dateEl };
        const d = parseDate(dv);
        if (!d) return { error: `The date ${what} must be a real date, for example 22/11/2026`, input: dateEl };
        if (!tv) return { error: `Enter the time ${what}`, input: timeEl };
        const t = parseTime(tv);
        if (!t) return { error: `The time ${what} must be on the 24-hour clock, for example 17:49`, input: timeEl };
        return { value: `${d} ${t}` };
      },
    });
  }

  /** A fieldset grouping other fields under a legend. */
  group(legend, hint, ...groups) {
    return h('fieldset', { class: 'fieldset' },
      h('legend', { class: 'fieldset__legend fieldset__legend--m' }, legend),
      hint ? h('div', { class: 'hint' }, hint) : null, groups);
  }

  // ---- reading, errors, submitting ----

  /** {values, errors}: values of every field that has one; errors as [{field, message, input}]. */
  collect() {
    const values = {};
    const errors = [];
    for (const [name, f] of this.fields) {
      const r = f.read();
      if (r.error) errors.push({ field: name, message: r.error, input: r.input });
      else if (r.value !== undefined) values[name] = r.value;
    }
    return { values, errors };
  }

  clearErrors() {
    this.summary.replaceChildren();
    for (const f of this.fields.values()) {
      f.group.classList.remove('form-group--error');
      const old = f.group.querySelector(':scope > .error-message, :scope > fieldset > .error-message');
      if (old) old.remove();
      for (const i of f.inputs) i.classList.remove('input--error');
      const d = (f.describe.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-error'));
      if (d.length) f.describe.setAttribute('aria-describedby', d.join(' '));
      else f.describe.removeAttribute('aria-describedby');
    }
    if (this.baseTitle !== null) document.title = this.baseTitle;
  }

  /**
   * Shows errors: [{field, message, input?}]; a field not in this form is
   * shown in the summary only. Focuses the summary.
   */
  showErrors(errors) {
    this.clearErrors();
    const items = [];
    for (const e of errors) {
      const f = e.field && this.fields.get(e.field);
      const msg = tidy(e.message, e.field, f);
      if (f) {
        const target = e.input || f.focus;
        const errId = `${f.focus.id}-error`;
        const p = h('p', { class: 'error-message', id: errId }, h('span', { class: 'visually-hidden' }, 'Error: '), msg);
        f.group.classList.add('form-group--error');
        const container = f.group.querySelector(':scope > fieldset') || f.group;
        const before = container.querySelector(':scope > .date-time, :scope > .choices, :scope > input, :scope > select, :scope > textarea');
        container.insertBefore(p, before);
        for (const i of e.input ? [e.input] : f.inputs) if (i.classList.contains('input') || i.classList.contains('select') || i.classList.contains('textarea')) i.classList.add('input--error');
        const d = (f.describe.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        f.describe.setAttribute('aria-describedby', [...d, errId].join(' '));
        items.push(h('li', null, h('a', { href: `#${target.id}`, dataset: { focus: target.id } }, msg)));
      } else {
        items.push(h('li', null, msg));
      }
    }
    const box = errorSummary(items);
    this.summary.replaceChildren(box);
    if (!this.summary.isConnected) this.el.prepend(this.summary);
    if (this.baseTitle === null) this.baseTitle = document.title;
    document.title = `Error: ${this.baseTitle}`;
    box.focus();
  }

  /** Shows an ApiError: on its field when the form has it. */
  showApiError(err) {
    let message = err.message;
    if (err.status === 403) message = `You do not have access to this: ${err.message}`;
    this.showErrors([{ field: err.field, message }]);
  }

  async submit() {
    if (this.busy) return;
    const { values, errors } = this.collect();
    if (this.validate) errors.push(...(this.validate(values) || []).filter((e) => !errors.some((x) => x.field === e.field)));
    if (errors.length) {
      this.showErrors(errors);
      return;
    }
    this.busy = true;
    this.button.disabled = true;
    try {
      // onSubmit returns false when it has shown errors of its own.
      const kept = await this.onSubmit(values, this);
      if (this.el.isConnected && kept !== false) this.clearErrors();
    } catch (err) {
      if (err instanceof ApiError) {
        if (!err.handled) this.showApiError(err);
      } else {
        this.showErrors([{ message: `Sorry, something went wrong: ${err.message}` }]);
        console.error(err);
      }
    } finally {
      this.busy = false;
      this.button.disabled = false;
    }
  }
}

/** "last_seen: expected ..." → "When was the child last seen: expected ..." (the form's label). */
function tidy(message, field, f) {
  let m = String(message || '');
  if (field && m.startsWith(`${field}: `)) m = `${f ? f.label.replace(/\?$/, '') : field}: ${m.slice(field.length + 2)}`;
  return capitalise(m);
}

/** An error summary box from <li> items (or strings). */
export function errorSummary(items, title = 'There is a problem') {
  const box = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    h('h2', { class: 'error-summary__title', id: 'error-summary-title' }, title),
    h('ul', { class: 'error-summary__list' }, items.map((i) => (i instanceof Node ? i : h('li', null, i)))));
  box.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-focus]');
    if (!a) return;
    e.preventDefault();
    const target = document.getElementById(a.dataset.focus);
    if (!target) return;
    const legend = target.closest('fieldset')?.querySelector('legend');
    const lbl = document.querySelector(`label[for="${CSS.escape(target.id)}"]`);
    (legend || lbl || target).scrollIntoView();
    target.focus({ preventScroll: true });
  });
  return box;
}
