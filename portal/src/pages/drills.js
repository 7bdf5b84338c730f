import { api, authorizedFetch, ApiError, clearProblems, showProblem } from '../api.js';
import { claims } from '../auth.js';
import { parameters } from '../data.js';
import { el } from '../dom.js';
import { t, formatTime, parameterName, currentLocale } from '../i18n.js';
import { can } from '../roles.js';
import { download } from '../map/export.js';

/** How often a running drill's progress is asked for. */
const FOLLOW_MS = 1000;
/** Pollutants a drill can release: those the park's online analysers measure. */
const DRILL_PARAMETERS = ['benzene', 'chromium-vi'];

/**
 * Drills (§ emergency drills): start one at a potential source, follow its replay through the monitoring to the first
 * and the severe alert, then the response, and read its score; the report as PDF. #/drills/{id} opens one drill.
 */
export async function render(section, params) {
  return params[0] ? one(section, params[0]) : list(section);
}

async function list(section) {
  const [drills, names, parks] = await Promise.all([api('/api/v1/drills'), parameters(), api('/api/v1/parks')]);
  const rows = drills.map((d) => el('li', { class: `drill status-${d.status}`, 'data-drill': d.id },
    el('a', { href: `#/drills/${d.id}` }, `#${d.id} ${parameterName(names.get(d.parameterCode))} @ ${d.sourceCode ?? '—'}`), ' ',
    el('span', { class: 'badge' }, t(`drills.status.${d.status}`)), ' ', progressBar(d), ' ',
    el('span', { class: 'time' }, t('drills.startedBy', { time: formatTime(d.startedAt), by: d.startedBy }))));
  section.append(el('h1', {}, t('drills.title')),
    can('startDrill') ? await startForm(names, parks[0].code) : null,
    el('h2', {}, t('drills.list')),
    rows.length ? el('ul', { id: 'drill-list', class: 'drill-list' }, ...rows) : el('p', { class: 'empty' }, t('drills.none')));
}

/** The form that starts a drill; the server's refusal shows beside the field it names. */
async function startForm(names, park) {
  const sources = (await api('/ogcapi/collections/potential_sources/items?f=json&limit=1000')).features;
  const parameter = el('select', { name: 'parameter', id: 'drill-parameter' },
    ...DRILL_PARAMETERS.filter((p) => names.has(p)).map((p) => el('option', { value: p }, parameterName(names.get(p)))));
  const source = el('select', { name: 'source', id: 'drill-source' },
    ...sources.map((s) => el('option', { value: s.properties.code }, `${s.properties.code} ${s.properties.name_zh ?? ''}`)));
  const concentration = el('input', { type: 'number', name: 'sourceMgPerL', id: 'drill-concentration', step: 'any', value: 20 });
  const by = el('input', { type: 'text', name: 'by', id: 'drill-by', placeholder: t('drills.byHint') });
  const submit = el('button', { type: 'submit', id: 'drill-start', class: 'tool' }, t('drills.start'));
  const form = el('form', { id: 'drill-form', class: 'drill-form', novalidate: true }, el('h2', {}, t('drills.new')),
    el('label', {}, t('drills.parameter'), ' ', parameter), el('label', {}, t('drills.source'), ' ', source),
    el('label', {}, t('drills.concentration'), ' ', concentration), el('label', {}, t('drills.by'), ' ', by), submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const started = await api('/api/v1/drills', { method: 'POST', body: { park, parameter: parameter.value, source: source.value,
        sourceMgPerL: concentration.value === '' ? null : Number(concentration.value), by: by.value } });
      clearProblems(form);
      location.hash = `#/drills/${started.drill.id}`;
    } catch (error) {
      showProblem(form, error, submit);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function progressBar(drill) {
  const share = Math.round(100 * (drill.progress ?? 0));
  return el('progress', { max: 100, value: share, 'aria-label': t('drills.progress', { percent: share }), title: `${share} %` });
}

async function one(section, id) {
  const names = await parameters();
  const head = el('div', { id: 'drill', class: 'drill-head' });
  const score = el('div', { id: 'drill-score' });
  const actions = el('form', { class: 'drill-actions', novalidate: true });
  actions.addEventListener('submit', (event) => event.preventDefault());
  section.append(el('p', {}, el('a', { href: '#/drills' }, t('drills.back'))), head, actions, score);
  let timer = null;
  let stopped = false;

  async function refresh() {
    const { drill: d, score: s } = await api(`/api/v1/drills/${id}`);
    const release = Date.parse(d.releaseStart);
    const after = (time) => (time ? t('drills.daysAfter', { days: ((Date.parse(time) - release) / 86400000).toFixed(1) }) : '—');
    head.setAttribute('data-status', d.status);
    head.setAttribute('data-progress', String(d.progress));
    if (d.firstAlertAt) head.setAttribute('data-first-alert-days', String((Date.parse(d.firstAlertAt) - release) / 86400000));
    if (d.severeAlertAt) head.setAttribute('data-severe-alert-days', String((Date.parse(d.severeAlertAt) - release) / 86400000));
    head.replaceChildren(el('h1', {}, t('drills.one', { id: d.id, parameter: parameterName(names.get(d.parameterCode)), source: d.sourceCode ?? '—' })),
      el('p', {}, el('span', { class: 'badge', id: 'drill-status' }, t(`drills.status.${d.status}`)), ' ', progressBar(d),
        ` ${Math.round(100 * (d.progress ?? 0))} %`),
      el('dl', { class: 'facts' },
        el('dt', {}, t('drills.release')), el('dd', {}, `${formatTime(d.releaseStart)}，${d.sourceMgPerL} mg/L`),
        el('dt', {}, t('drills.firstAlert')), el('dd', { id: 'drill-first-alert' }, after(d.firstAlertAt)),
        el('dt', {}, t('drills.severeAlert')), el('dd', { id: 'drill-severe-alert' }, after(d.severeAlertAt)),
        el('dt', {}, t('drills.incident')), el('dd', {}, d.incidentId ? el('a', { href: `#/incidents/${d.incidentId}`, id: 'drill-incident' }, `#${d.incidentId}`) : '—'),
        d.problem ? el('dt', {}, t('drills.problem')) : null, d.problem ? el('dd', { class: 'error' }, d.problem) : null));
    const zh = currentLocale().startsWith('zh');
    score.replaceChildren(el('h2', {}, t('drills.score', { total: s.total.toFixed(0) })),
      el('table', { class: 'score' }, el('thead', {}, el('tr', {}, ...['item', 'measured', 'target', 'points'].map((c) => el('th', {}, t(`drills.column.${c}`))))),
        el('tbody', {}, ...s.items.map((item) => el('tr', { 'data-item': item.code },
          el('td', { title: zh ? item.noteZh : item.noteEn }, zh ? item.nameZh : item.nameEn), el('td', {}, item.measured == null ? '—' : `${item.measured.toFixed(1)} ${item.unit}`),
          el('td', {}, `${item.target} ${item.unit}`), el('td', {}, item.score.toFixed(0)))))));
    score.setAttribute('data-total', String(s.total));
    actions.replaceChildren(...buttons(d));
    // The replay runs on the server: follow it while it does.
    if (!stopped && d.status === 'SIMULATING') timer = setTimeout(refresh, FOLLOW_MS);
  }

  function buttons(d) {
    const pdf = el('button', { type: 'button', id: 'drill-pdf', class: 'tool' }, t('drills.pdf'));
    pdf.addEventListener('click', async () => {
      const response = await authorizedFetch(`/api/v1/reports/drills/${id}?format=pdf`, { headers: { Accept: 'application/pdf' } });
      if (response.ok) download(`drill-${id}.pdf`, 'application/pdf', await response.blob());
      else showProblem(actions, new ApiError(response.status, await response.json().catch(() => ({}))), pdf);
    });
    if (!can('startDrill') || d.status === 'FINISHED' || d.status === 'SIMULATING') return [pdf];
    const note = el('input', { type: 'text', name: 'note', id: 'drill-note', placeholder: t('drills.noteHint') });
    const finish = el('button', { type: 'button', id: 'drill-finish', class: 'tool' }, t('drills.finish'));
    finish.addEventListener('click', async () => {
      try {
        // Finished by the person signed in, whoever started it.
        await api(`/api/v1/drills/${id}/finish`, { method: 'POST', body: { by: claims()?.name ?? claims()?.sub, note: note.value } });
        await refresh();
      } catch (error) {
        showProblem(actions, error, finish);
      }
    });
    return [note, finish, pdf];
  }

  await refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
