// What the four administration consoles share: tables, labelled fields, and forms whose refusals show beside the field
// the server names. The consoles only show what the server answers; the permission matrix decides who may ask.
import { showProblem, clearProblems } from '../api.js';
import { el } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import './admin.css';

/** The platform's roles (org.groundwatergateway.policies.Role), in its order; their names are in the bundles as role.*. */
export const ROLES = ['PUBLIC', 'DUTY_OFFICER', 'SUPERVISOR', 'EMERGENCY_TEAM', 'ANALYST', 'DATA_REVIEWER', 'OM_ENGINEER', 'ENTERPRISE_USER',
  'REGULATOR', 'PARTNER_PARK', 'SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'];

/** Kinds of organisation (org.groundwatergateway.policies.OrganisationKind); names in the bundles as orgKind.*. */
export const ORGANISATION_KINDS = ['PUBLIC', 'PROVINCIAL_REGULATOR', 'CITY_REGULATOR', 'PARK_ADMINISTRATION', 'ENTERPRISE', 'PARTNER_PARK'];

/** A table with a header row; rows are lists of cells (text or elements), or ready rows. */
export function table(id, headers, rows) {
  return el('table', { id, class: 'admin-table' },
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((row) => (Array.isArray(row) ? el('tr', {}, ...row.map(cell)) : row))));
}

export function cell(content) {
  return el('td', {}, content ?? '—');
}

/** A control with its label before it. */
export function field(label, control) {
  return el('label', {}, el('span', { class: 'label' }, label), ' ', control);
}

/** A text input's value, or null when nothing was typed: the server then says the field is required, in the reader's language. */
export function typed(input) {
  const value = input.value.trim();
  return value === '' ? null : value;
}

/** Words separated by spaces or commas, as a list. */
export function words(input) {
  return input.value.split(/[\s,]+/).filter((w) => w !== '');
}

/** A time, or a dash where there is none. */
export function when(iso) {
  return iso ? formatTime(iso) : '—';
}

/** Checkboxes in a fieldset named {@code name}, so that the server's error for that field shows beside the whole set. */
export function choices(name, legend, values, label, checked = []) {
  return el('fieldset', { name, class: 'choices' }, el('legend', {}, legend),
    ...values.map((v) => el('label', {}, el('input', { type: 'checkbox', value: v, checked: checked.includes(v) }), ' ', label(v))));
}

export function chosen(fieldset) {
  return [...fieldset.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
}

/**
 * Submits a form through {@code action}; its refusal shows beside the field the problem names, else beside {@code beside}
 * (the button, or the one control the form is about). A refused policy document's detail already names each field.
 */
export function onSubmit(form, button, action, beside = button) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      await action();
      clearProblems(form);
    } catch (error) {
      showProblem(form, error, beside);
    } finally {
      button.disabled = false;
    }
  });
}

/** A button's action; its refusal shows beside the button, as a form's does. */
export function onClick(button, action) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await action();
      clearProblems(button.parentElement);
    } catch (error) {
      showProblem(button.parentElement, error, button);
    } finally {
      button.disabled = false;
    }
  });
}

/** A console's panel: a heading and its content. */
export function panel(id, title, ...content) {
  return el('section', { id, class: 'admin-panel' }, el('h2', {}, title), ...content);
}

/** What a console shows when the server refuses it (a role the matrix does not name, or a network failure). */
export function refused(container, error) {
  container.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.status === 403 ? t('admin.refused') : error.message));
}
