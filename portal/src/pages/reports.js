// The report builder (issue #20, §10.4.2): a title, a period and sections (series, map, statistics, alerts) in the
// order chosen, sent to POST /api/v1/reports/custom, which answers the PDF to download.
import { ApiError, authorizedFetch, clearProblems, showProblem } from '../api.js';
import { parameters, wells } from '../data.js';
import { el } from '../dom.js';
import { t, parameterName } from '../i18n.js';
import './custom.css';

const SECTIONS = { series: { wells: true }, statistics: { wells: true }, alerts: {}, map: {} };
const DAY = 86400000;

export async function render(section) {
  const [park, names] = await Promise.all([wells(), parameters()]);
  const wellCodes = park.features.map((w) => w.properties.code).sort();
  const measured = [...new Set(park.features.flatMap((w) => w.properties.datastreams.map((d) => d.parameter)))]
    .filter((code) => names.has(code)).sort();
  // China Standard Time dates: the last seven whole days by default.
  const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
  const form = el('form', { id: 'report-form', class: 'panel-form', novalidate: true });
  const title = el('input', { name: 'title', maxlength: 80, value: t('reports.defaultTitle') });
  const from = el('input', { name: 'from', type: 'date', value: shift(today, -7) });
  const to = el('input', { name: 'to', type: 'date', value: shift(today, -1) });
  const rows = el('div', { class: 'section-rows' });
  const add = el('button', { type: 'button', id: 'add-section' }, t('reports.addSection'));
  const make = el('button', { type: 'submit', id: 'make-report' }, t('reports.make'));
  const status = el('p', { class: 'status', role: 'status' });
  form.append(el('label', {}, t('reports.reportTitle'), ' ', title), el('label', {}, t('reports.from'), ' ', from),
    el('label', {}, t('reports.to'), ' ', to), el('p', { class: 'note' }, t('reports.periodNote')), rows, el('div', { class: 'actions' }, add, make), status);
  section.append(el('h1', {}, t('reports.title')), form);

  const sectionRow = (type) => {
    const row = el('fieldset', { class: 'section-row' });
    const kind = el('select', { 'data-role': 'type' },
      ...Object.keys(SECTIONS).map((code) => el('option', { value: code, selected: code === type }, t(`reports.section.${code}`))));
    const parameter = el('select', { 'data-role': 'parameter' },
      ...measured.map((code) => el('option', { value: code, selected: code === 'benzene' }, parameterName(names.get(code)))));
    const wellList = el('select', { 'data-role': 'wells', multiple: true, size: 4 },
      ...wellCodes.map((code, k) => el('option', { value: code, selected: k === 0 }, code)));
    const drop = el('button', { type: 'button', class: 'remove-section' }, t('reports.removeSection'));
    const fit = () => {
      parameter.parentElement.hidden = !SECTIONS[kind.value].wells;
      wellList.parentElement.hidden = !SECTIONS[kind.value].wells;
    };
    kind.addEventListener('change', fit);
    drop.addEventListener('click', () => {
      row.remove();
      number();
    });
    row.append(el('label', {}, t('reports.sectionType'), ' ', kind), el('label', {}, t('dashboards.parameter'), ' ', parameter),
      el('label', {}, t('dashboards.wells'), ' ', wellList), drop);
    fit();
    return row;
  };
  // Each control is named as the server names its field (sections[2].type), so that a refusal shows beside it.
  const number = () => [...rows.children].forEach((row, k) => row.querySelectorAll('[data-role]')
    .forEach((control) => control.setAttribute('name', `sections[${k}].${control.dataset.role}`)));
  for (const type of Object.keys(SECTIONS)) rows.append(sectionRow(type));
  number();
  add.addEventListener('click', () => {
    rows.append(sectionRow('alerts'));
    number();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    status.textContent = t('reports.making');
    const sections = [...rows.children].map((row) => {
      const value = (role) => row.querySelector(`[data-role=${role}]`);
      const type = value('type').value;
      return SECTIONS[type].wells
        ? { type, parameter: value('parameter').value, wells: [...value('wells').selectedOptions].map((o) => o.value) }
        : { type };
    });
    // The dates are days of China Standard Time, the last one whole: to is midnight after it.
    const body = { title: title.value, from: from.value && `${from.value}T00:00:00+08:00`, to: to.value && `${shift(to.value, 1)}T00:00:00+08:00`, sections };
    try {
      const response = await authorizedFetch('/api/v1/reports/custom', {
        method: 'POST', headers: { Accept: 'application/pdf, application/problem+json', 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
      const link = el('a', { href: URL.createObjectURL(await response.blob()), download: `${title.value || 'report'}.pdf`, id: 'report-download' },
        t('reports.download'));
      status.replaceChildren(link);
      link.click();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      status.textContent = '';
      showProblem(form, error, make);
    }
  });
}

/** A YYYY-MM-DD date some days later (or earlier). */
function shift(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
