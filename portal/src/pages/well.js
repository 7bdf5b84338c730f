import { chart as newChart, escapeHtml } from '../charts.js';
import { api } from '../api.js';
import { aggregates, latestObservations, parameters } from '../data.js';
import { el } from '../dom.js';
import { t, formatTime, parameterName } from '../i18n.js';

const INTERVALS = ['hour', 'day', 'month'];
/** The window the page shows: a year up to the datastream's latest reading, aggregated on the server. */
const WINDOW_MS = 365 * 86400000;
const CLASS_NAMES = ['I', 'II', 'III', 'IV', 'V'];

/** One well: a chart of one of its datastreams with zoom, class limit lines and buckets holding QA/QC-flagged readings marked. */
export async function render(section, params, query) {
  const code = params[0];
  const [well, streams, names, latest] = await Promise.all([api(`/api/v1/wells/${encodeURIComponent(code)}`),
    api(`/api/v1/datastreams?well=${encodeURIComponent(code)}`), parameters(), latestObservations()]);
  const preferred = streams.find((d) => d.parameter === query.get('parameter')) ?? streams[0];
  const streamPicker = el('select', { id: 'datastream', 'aria-label': t('well.datastream') },
    ...streams.map((d) => el('option', { value: d.id, selected: d === preferred }, `${parameterName(names.get(d.parameter))} (${d.code})`)));
  const intervalPicker = el('select', { id: 'interval', 'aria-label': t('well.interval') },
    ...INTERVALS.map((i) => el('option', { value: i, selected: i === (query.get('interval') ?? 'hour') }, t(`interval.${i}`))));
  const target = el('div', { class: 'chart', id: 'series' });
  const summary = el('p', { class: 'summary', id: 'summary' });
  const p = well.properties;
  section.append(el('h1', {}, p.nameZh),
    el('p', { class: 'well-facts' }, t('well.facts', { aquifer: p.aquifer, top: p.screenTopDepthM, bottom: p.screenBottomDepthM, status: p.status })),
    el('div', { class: 'tools' }, el('label', {}, t('well.datastream'), ' ', streamPicker), el('label', {}, t('well.interval'), ' ', intervalPicker)),
    summary, target);
  const chart = newChart(target);

  async function draw() {
    const stream = streams.find((d) => String(d.id) === streamPicker.value);
    const parameter = names.get(stream.parameter);
    target.removeAttribute('data-points');
    const end = latest.has(stream.id) ? Date.parse(latest.get(stream.id)) + 1 : Date.now();
    const started = performance.now();
    const result = await aggregates(stream.id, intervalPicker.value, new Date(end - WINDOW_MS).toISOString(), new Date(end).toISOString());
    chart.setOption(option(result.buckets, parameter), true);
    const flagged = result.buckets.filter((b) => b.flagged > 0).length;
    summary.textContent = t('well.summary', { points: result.buckets.length, flagged, unit: parameter.unit });
    target.setAttribute('data-points', String(result.buckets.length));
    target.setAttribute('data-load-ms', String(Math.round(performance.now() - started)));
  }

  streamPicker.addEventListener('change', draw);
  intervalPicker.addEventListener('change', draw);
  await draw();
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}

function option(buckets, parameter) {
  const limits = parameter.classLimits?.classes ?? [];
  const when = (b) => b.start;
  return {
    animation: false,
    tooltip: {
      trigger: 'axis',
      formatter: (items) => {
        const b = buckets[items[0].dataIndex];
        return [formatTime(b.start), t('well.tooltip', { mean: b.mean.toPrecision(4), min: b.min, max: b.max, count: b.count, unit: parameter.unit }),
          b.flagged ? t('well.flagged', { n: b.flagged }) : ''].map(escapeHtml).join('<br>');
      },
    },
    legend: { top: 0, data: [t('well.mean'), t('well.range'), t('well.flaggedSeries')] },
    grid: { top: 40, left: 60, right: 80, bottom: 70 },
    dataZoom: [{ type: 'inside' }, { type: 'slider' }],
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: parameter.unit, scale: true },
    series: [
      // The min-max band: an invisible base at the minimum, then the range stacked on it.
      { name: 'min', type: 'line', data: buckets.map((b) => [when(b), b.min]), lineStyle: { opacity: 0 }, stack: 'range', symbol: 'none', tooltip: { show: false } },
      { name: t('well.range'), type: 'line', data: buckets.map((b) => [when(b), b.max - b.min]), lineStyle: { opacity: 0 }, stack: 'range', symbol: 'none',
        areaStyle: { color: 'rgba(30,136,229,0.18)' } },
      { name: t('well.mean'), type: 'line', data: buckets.map((b) => [when(b), b.mean]), showSymbol: false, color: '#1E88E5',
        markLine: limits.length ? {
          symbol: 'none', silent: true,
          data: limits.filter((c) => c.upper != null).map((c, i) => ({ yAxis: c.upper, name: t('well.classLimit', { class: CLASS_NAMES[i] }),
            label: { formatter: t('well.classLimit', { class: CLASS_NAMES[i] }), position: 'end' }, lineStyle: { type: 'dashed', color: '#757575' } })),
        } : undefined },
      { name: t('well.flaggedSeries'), type: 'scatter', symbol: 'triangle', symbolSize: 9, color: '#E53935',
        data: buckets.filter((b) => b.flagged > 0).map((b) => [when(b), b.mean]) },
    ],
  };
}
