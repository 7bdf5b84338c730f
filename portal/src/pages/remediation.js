import { chart as newChart } from '../charts.js';
import { api, showProblem } from '../api.js';
import { ogcFeatures, periodToLatestHeads } from '../data.js';
import { el, escapeHtml } from '../dom.js';
import { t } from '../i18n.js';
import { analysisRun } from '../jobs.js';

const KINDS = ['MNA', 'PRB', 'PUMP_AND_TREAT', 'ISCO'];
/** Each option as the comparison is asked for it, placed along the flow from the source (metres). */
const OPTIONS = {
  MNA: { kind: 'MNA' },
  PRB: { kind: 'PRB', x: 60, y: 0, length: 60, thickness: 5, decayPerDay: 5 },
  PUMP_AND_TREAT: { kind: 'PUMP_AND_TREAT', x: 40, y: 0, pumpingRate: 50 },
  ISCO: { kind: 'ISCO', treatmentDay: 30, reduction: 0.9, treatedLength: 60, reboundShare: 0.2, reboundDays: 180 },
};

/**
 * Remediation options compared on the transport model (§10.3.3): monitored natural attenuation, a permeable reactive
 * barrier, pump and treat, in-situ chemical oxidation — time to the target at a compliance point, what is left at the
 * horizon, and the cost range. The aquifer's conductivity, porosity and gradient come from the park's current flow;
 * the source from the form (its defaults: the demo's E01 tank farm). The run is long: it is followed over server-sent
 * events and can be cancelled.
 */
export async function render(section) {
  const [[park], levels] = await Promise.all([api('/api/v1/parks'),
    ogcFeatures('/ogcapi/collections/latest_readings/items?f=json&limit=1000&parameter=water-level')]);
  const { from, to } = periodToLatestHeads(levels, 7);
  const flow = await api('/api/v1/analytics/flow', { method: 'POST', body: { park: park.code, from, to, arrowsEvery: 1000 } });

  // Each input is named by the request's member it fills and sits in a fieldset named by the request's part, so that a
  // refusal shows beside what the server names: one member (grid.cellSize) or a whole part (site).
  const number = (id, name, value) => el('input', { type: 'number', name, id: `remediation-${id}`, value, step: 'any' });
  const parts = {
    site: {
      conductivity: number('conductivity', 'site.conductivity', flow.conductivity), porosity: number('porosity', 'site.porosity', flow.effectivePorosity),
      gradient: number('gradient', 'site.gradient', flow.gradient.toPrecision(3)), thickness: number('thickness', 'site.thickness', 11),
      sourceConcentration: number('sourceConcentration', 'site.sourceConcentration', 12), sourceWidth: number('sourceWidth', 'site.sourceWidth', 20),
      retardation: number('retardation', 'site.retardation', 1.2), decayPerDay: number('decayPerDay', 'site.decayPerDay', 0.0015),
      sourceStartDay: number('sourceStartDay', 'site.sourceStartDay', -265),
    },
    compliance: { target: number('target', 'compliance.target', 0.01), complianceX: number('complianceX', 'compliance.points', 90),
      horizonYears: number('horizonYears', 'compliance.horizonDays', 5) },
    grid: { cellSize: number('cellSize', 'grid.cellSize', 5) },
  };
  const fields = Object.assign({}, ...Object.values(parts));
  const chosen = Object.fromEntries(KINDS.map((k) => [k, el('input', { type: 'checkbox', name: `option-${k}`, id: `option-${k}`, checked: true })]));
  const job = analysisRun('remediation', t('remediation.run'), section);
  const [run] = job.controls;
  const form = el('form', { id: 'remediation-form', class: 'drill-form', novalidate: true },
    el('p', { class: 'note' }, t('remediation.fromFlow', { azimuth: flow.azimuthDegrees.toFixed(0) })),
    ...Object.entries(parts).map(([part, inputs]) => el('fieldset', { name: part, class: 'form-grid' }, el('legend', {}, t(`remediation.part.${part}`)),
      ...Object.entries(inputs).map(([name, input]) => el('label', {}, t(`remediation.field.${name}`), ' ', input)))),
    el('fieldset', { name: 'alternatives' }, el('legend', {}, t('remediation.options')),
      ...KINDS.map((k) => el('label', { class: 'layer-toggle' }, chosen[k], ' ', t(`remediation.kind.${k}`)))),
    el('div', { class: 'drill-actions' }, ...job.controls));
  const chartBox = el('div', { class: 'chart', id: 'remediation-chart' });
  const table = el('div', { id: 'remediation-outcomes' });
  section.append(el('h1', {}, t('remediation.title')), form, chartBox, table);
  const chart = newChart(chartBox);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (name) => (fields[name].value === '' ? null : Number(fields[name].value));
    const body = {
      site: { conductivity: value('conductivity'), gradient: value('gradient'), porosity: value('porosity'), thickness: value('thickness'),
        retardation: value('retardation'), decayPerDay: value('decayPerDay'), longitudinalDispersivity: 5, transverseDispersivity: 0.5,
        sourceWidth: value('sourceWidth'), sourceConcentration: value('sourceConcentration'), sourceStartDay: value('sourceStartDay') },
      grid: { cellSize: value('cellSize'), upgradient: 50, length: 400, width: 200 },
      compliance: { points: [{ x: value('complianceX'), y: 0 }], target: value('target'), horizonDays: value('horizonYears') * 365 },
      alternatives: KINDS.filter((k) => chosen[k].checked).map((k) => OPTIONS[k]),
    };
    try {
      table.replaceChildren();
      chartBox.removeAttribute('data-outcomes');
      await job.start('/api/v1/analytics/remediation', body, show);
    } catch (error) {
      showProblem(form, error, run);
    }
  });

  /** The options ranked: days to the target and the cost range side by side, and a table. */
  function show(outcomes) {
    const ranked = [...outcomes].sort((a, b) => a.rank - b.rank);
    const names = ranked.map((o) => t(`remediation.kind.${o.kind}`));
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', formatter: (items) => escapeHtml(items.map((i) => `${i.seriesName}: ${i.value ?? '—'}`).join(' / ')) },
      legend: { top: 0 },
      grid: { top: 40, left: 70, right: 70, bottom: 30 },
      xAxis: { type: 'category', data: names },
      yAxis: [{ type: 'value', name: t('remediation.days') }, { type: 'value', name: t('remediation.cost') }],
      series: [
        { name: t('remediation.daysToTarget'), type: 'bar', data: ranked.map((o) => (o.daysToTarget == null ? null : Math.round(o.daysToTarget))), itemStyle: { color: '#1565C0' } },
        { name: t('remediation.costHigh'), type: 'bar', yAxisIndex: 1, data: ranked.map((o) => Math.round(o.costHigh)), itemStyle: { color: '#FFB74D' } },
        { name: t('remediation.costLow'), type: 'bar', yAxisIndex: 1, data: ranked.map((o) => Math.round(o.costLow)), itemStyle: { color: '#EF6C00' } },
      ],
    }, true);
    chartBox.setAttribute('data-outcomes', String(outcomes.length));
    table.replaceChildren(el('table', { class: 'score' },
      el('thead', {}, el('tr', {}, ...['rank', 'option', 'daysToTarget', 'residual', 'area', 'cost'].map((c) => el('th', {}, t(`remediation.column.${c}`))))),
      el('tbody', {}, ...ranked.map((o) => el('tr', { 'data-kind': o.kind, 'data-rank': o.rank, 'data-residual': o.maxConcentrationAtHorizon },
        el('td', {}, String(o.rank)), el('td', {}, t(`remediation.kind.${o.kind}`)),
        el('td', {}, o.daysToTarget == null ? t('remediation.notReached') : t('remediation.daysValue', { days: Math.round(o.daysToTarget) })),
        el('td', {}, `${o.maxConcentrationAtHorizon.toPrecision(3)} mg/L`), el('td', {}, `${Math.round(o.areaAboveTargetAtHorizon)} m²`),
        el('td', {}, `${Math.round(o.costLow).toLocaleString()} – ${Math.round(o.costHigh).toLocaleString()} USD`))))));
  }

  return () => {
    job.stop();
    chart.dispose();
  };
}
