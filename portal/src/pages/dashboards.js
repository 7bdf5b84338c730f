// My dashboards (issue #20, §10.4.2): a person lays out panels (an indicator, a chart type, a colour, a period), saves
// the layout on the server (GET/POST/DELETE /api/v1/dashboards) and finds it drawn again on the next visit. Every figure
// is read from the platform's own APIs, as the person may read them there.
import { chart as newChart } from '../charts.js';
import { api, ApiError, showProblem, clearProblems } from '../api.js';
import { alerts, dailyMeansToLatest, LEVEL_COLOURS, ogcFeatures, parameters, wells } from '../data.js';
import { el } from '../dom.js';
import { t, parameterName } from '../i18n.js';
import './custom.css';

/** The indicators the server accepts, each with the charts it allows (org.groundwatergateway.core.dashboard.Indicator). */
export const INDICATORS = {
  series: { parameter: true, wells: true, charts: ['line', 'bar', 'scatter'], maxDays: 365 },
  'alerts-by-level': { charts: ['bar', 'number'], maxDays: 365 },
  completeness: { charts: ['number', 'bar'], maxDays: 31 },
  'wells-by-class': { parameter: true, charts: ['bar', 'number'], maxDays: 365 },
};
const CLASSES = ['I', 'II', 'III', 'IV', 'V'];
const DAY = 86400000;

export async function render(section, params, query) {
  const [park, names, saved] = await Promise.all([wells(), parameters(), api('/api/v1/dashboards')]);
  const wellCodes = park.features.map((w) => w.properties.code).sort();
  const measured = [...new Set(park.features.flatMap((w) => w.properties.datastreams.map((d) => d.parameter)))]
    .filter((code) => names.has(code)).sort();
  const chosen = saved.find((d) => String(d.id) === query.get('id')) ?? saved[0];

  const picker = el('select', { id: 'dashboard-choice', 'aria-label': t('dashboards.saved') },
    el('option', { value: '' }, t('dashboards.new')),
    ...saved.map((d) => el('option', { value: d.id, selected: d === chosen }, d.name)));
  picker.addEventListener('change', () => {
    location.hash = picker.value ? `#/dashboards?id=${picker.value}` : '#/dashboards?id=new';
  });
  const editing = query.get('id') === 'new' ? null : chosen;
  // No browser validation: the server's refusal, in the reader's language, shows beside the field it names.
  const form = el('form', { id: 'dashboard-form', class: 'panel-form', novalidate: true });
  const nameInput = el('input', { name: 'name', maxlength: 60, required: true, value: editing?.name ?? '' });
  const rows = el('div', { class: 'panel-rows' });
  const add = el('button', { type: 'button', id: 'add-panel' }, t('dashboards.addPanel'));
  const save = el('button', { type: 'submit', id: 'save-dashboard' }, t('dashboards.save'));
  const remove = editing ? el('button', { type: 'button', id: 'delete-dashboard' }, t('dashboards.delete')) : null;
  form.append(el('label', {}, t('dashboards.name'), ' ', nameInput), rows, el('div', { class: 'actions' }, add, save, remove));
  const board = el('div', { class: 'dashboard-board', id: 'dashboard-board' });
  section.append(el('h1', {}, t('dashboards.title')), el('label', {}, t('dashboards.saved'), ' ', picker), form,
    el('h2', {}, editing?.name ?? t('dashboards.preview')), board);

  const panelRow = (panel) => {
    const row = el('fieldset', { class: 'panel-row' });
    const indicator = el('select', { 'data-role': 'indicator' },
      ...Object.keys(INDICATORS).map((code) => el('option', { value: code, selected: code === panel.indicator }, t(`dashboards.indicator.${code}`))));
    const parameter = el('select', { 'data-role': 'parameter' },
      ...measured.map((code) => el('option', { value: code, selected: code === panel.parameter }, parameterName(names.get(code)))));
    const wellList = el('select', { 'data-role': 'wells', multiple: true, size: 4 },
      ...wellCodes.map((code) => el('option', { value: code, selected: (panel.wells ?? []).includes(code) }, code)));
    const chartType = el('select', { 'data-role': 'chart' });
    const colour = el('input', { 'data-role': 'colour', type: 'color', value: panel.colour ?? '#1f77b4' });
    const days = el('input', { 'data-role': 'days', type: 'number', min: 1, value: panel.days ?? 30 });
    const drop = el('button', { type: 'button', class: 'remove-panel' }, t('dashboards.removePanel'));
    const fit = () => {
      const spec = INDICATORS[indicator.value];
      const keep = chartType.value || panel.chart;
      chartType.replaceChildren(...spec.charts.map((c) => el('option', { value: c, selected: c === keep }, t(`dashboards.chart.${c}`))));
      parameter.parentElement.hidden = !spec.parameter;
      wellList.parentElement.hidden = !spec.wells;
      days.max = spec.maxDays;
    };
    indicator.addEventListener('change', fit);
    drop.addEventListener('click', () => {
      row.remove();
      number();
    });
    row.append(el('label', {}, t('dashboards.indicator'), ' ', indicator), el('label', {}, t('dashboards.parameter'), ' ', parameter),
      el('label', {}, t('dashboards.wells'), ' ', wellList), el('label', {}, t('dashboards.chart'), ' ', chartType),
      el('label', {}, t('dashboards.colour'), ' ', colour), el('label', {}, t('dashboards.days'), ' ', days), drop);
    fit();
    return row;
  };
  // Each control is named as the server names its field (panels[2].colour), so that a refusal shows beside it.
  const number = () => [...rows.children].forEach((row, k) => row.querySelectorAll('[data-role]')
    .forEach((control) => control.setAttribute('name', `panels[${k}].${control.dataset.role}`)));
  const layout = () => [...rows.children].map((row) => {
    const value = (role) => row.querySelector(`[data-role=${role}]`);
    const spec = INDICATORS[value('indicator').value];
    return {
      indicator: value('indicator').value,
      parameter: spec.parameter ? value('parameter').value : null,
      wells: spec.wells ? [...value('wells').selectedOptions].map((o) => o.value) : [],
      chart: value('chart').value,
      colour: value('colour').value,
      days: Number(value('days').value),
    };
  });

  for (const panel of editing?.panels ?? [{ indicator: 'series', parameter: measured[0], wells: wellCodes.slice(0, 1), chart: 'line' }]) {
    rows.append(panelRow(panel));
  }
  number();
  add.addEventListener('click', () => {
    rows.append(panelRow({ indicator: 'alerts-by-level', chart: 'bar', days: 7 }));
    number();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    try {
      const kept = await api('/api/v1/dashboards', { method: 'POST', body: { name: nameInput.value, panels: layout() } });
      location.hash = `#/dashboards?id=${kept.id}`;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showProblem(form, error, save);
    }
  });
  remove?.addEventListener('click', async () => {
    await api(`/api/v1/dashboards/${editing.id}`, { method: 'DELETE' });
    location.hash = '#/dashboards?id=new';
  });

  const charts = editing ? await draw(board, editing.panels, park, names) : [];
  const resize = () => charts.forEach((c) => c.resize());
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    charts.forEach((c) => c.dispose());
  };
}

/** Draws the panels in order; the charts drawn, to be resized and disposed of. */
async function draw(board, panels, park, names) {
  const figures = await Promise.all(panels.map((panel) => figure(panel, park, names)));
  const bodies = panels.map((panel, k) => (panel.chart === 'number'
    ? el('div', { class: 'value', style: `color:${panel.colour}` }, figures[k].number)
    : el('div', { class: 'chart' })));
  board.replaceChildren(...panels.map((panel, k) => el('div', { class: 'dash-panel', 'data-panel': k, 'data-indicator': panel.indicator,
    'data-colour': panel.colour }, el('h3', {}, figures[k].title), bodies[k])));
  return panels.flatMap((panel, k) => {
    if (!figures[k].option) return [];
    const c = newChart(bodies[k]);
    c.setOption({ animation: false, color: [panel.colour], ...figures[k].option });
    return [c];
  });
}

/** A panel's title, and its figure as a number or as an ECharts option (in the panel's colour). */
async function figure(panel, park, names) {
  const of = { parameter: panel.parameter ? parameterName(names.get(panel.parameter)) : '', days: panel.days };
  const title = t(`dashboards.title.${panel.indicator}`, of);
  if (panel.indicator === 'series') return { title, option: await seriesOption(panel, park, names) };
  const counts = panel.indicator === 'alerts-by-level' ? await alertCounts(panel)
    : panel.indicator === 'completeness' ? await completeness(panel)
      : await classCounts(panel);
  if (panel.chart === 'number') {
    const total = panel.indicator === 'completeness' ? counts.overall : counts.values.reduce((a, b) => a + b, 0);
    return { title, number: panel.indicator === 'completeness' ? percent(total) : String(total) };
  }
  return {
    title,
    option: {
      grid: { top: 20, left: 50, right: 20, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: counts.labels },
      yAxis: { type: 'value', minInterval: panel.indicator === 'completeness' ? undefined : 1, max: panel.indicator === 'completeness' ? 100 : undefined },
      series: [{ type: 'bar', data: counts.values, itemStyle: { color: panel.colour } }],
    },
  };
}

/** The chosen wells' daily means over the panel's days up to their latest reading; the first well in the panel's colour. */
async function seriesOption(panel, park, names) {
  const streams = panel.wells.map((well) => park.features.find((w) => w.properties.code === well)?.properties.datastreams
    .find((d) => d.code === `${well}/${panel.parameter}`)).filter(Boolean);
  const daily = await dailyMeansToLatest(streams, panel.days);
  const shades = panel.wells.map((_, k) => shade(panel.colour, k / Math.max(panel.wells.length, 2)));
  return {
    color: shades,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '' : v.toPrecision(3)) },
    legend: { top: 0 },
    grid: { top: 36, left: 60, right: 20, bottom: 30 },
    xAxis: { type: panel.chart === 'bar' ? 'category' : 'time', data: panel.chart === 'bar' ? daily[0]?.map((b) => b.start.slice(0, 10)) : undefined },
    yAxis: { type: 'value', name: names.get(panel.parameter).unit, scale: true },
    series: daily.map((buckets, k) => ({
      name: panel.wells[k],
      type: panel.chart,
      symbol: 'circle',
      symbolSize: 6,
      lineStyle: { width: 3 },
      itemStyle: { color: shades[k] },
      data: buckets.map((b) => (panel.chart === 'bar' ? b.mean : [b.start, b.mean])),
    })),
  };
}

/** The open alerts raised in the panel's days up to now, by level. */
async function alertCounts(panel) {
  const since = Date.now() - panel.days * DAY;
  const open = (await alerts()).filter((a) => Date.parse(a.raisedAt) >= since);
  const levels = Object.keys(LEVEL_COLOURS);
  return { labels: levels.map((level) => t(`level.${level}`)), values: levels.map((level) => open.filter((a) => a.level === level).length) };
}

/** Each day's completeness (per cent) up to today, China Standard Time, and the period's own (stored over expected). */
async function completeness(panel) {
  const today = Date.now() + 8 * 3600000;
  const dates = Array.from({ length: panel.days }, (_, k) => new Date(today - (panel.days - 1 - k) * DAY).toISOString().slice(0, 10));
  const days = await Promise.all(dates.map((date) => api(`/api/v1/data-quality?date=${date}`)));
  const expected = days.reduce((sum, d) => sum + d.expected, 0);
  const received = days.reduce((sum, d) => sum + d.received, 0);
  return {
    labels: dates.map((d) => d.slice(5)),
    values: days.map((d) => (d.completeness == null ? null : Math.round(d.completeness * 1000) / 10)),
    overall: expected ? received / expected : null,
  };
}

/** The wells in each GB/T 14848 class of the parameter (the server's class), by latest readings of the panel's days up to the newest. */
async function classCounts(panel) {
  const latest = (await ogcFeatures('/ogcapi/collections/latest_readings/items?f=json&limit=1000'))
    .map((f) => f.properties).filter((p) => p.parameter === panel.parameter && p.gbt14848_class);
  const newest = Math.max(...latest.map((p) => Date.parse(p.phenomenon_time)));
  const recent = latest.filter((p) => Date.parse(p.phenomenon_time) > newest - panel.days * DAY);
  const wellsIn = (k) => new Set(recent.filter((p) => p.gbt14848_class === k + 1).map((p) => p.well_code)).size;
  return { labels: CLASSES.map((c) => t('dashboards.class', { class: c })), values: CLASSES.map((_, k) => wellsIn(k)) };
}

function percent(share) {
  return share == null ? '—' : `${(share * 100).toFixed(1)} %`;
}

/** The colour mixed with white by a share (0: the colour itself), so that a panel's wells read as one family. */
function shade(hex, share) {
  const mix = (i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * (1 - share) + 255 * share).toString(16).padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}
