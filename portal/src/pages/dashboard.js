import { chart as newChart } from '../charts.js';
import { api } from '../api.js';
import { alerts, aggregates, latestObservations, parameters, wells, LEVEL_COLOURS } from '../data.js';
import { el } from '../dom.js';
import { t, parameterName } from '../i18n.js';
import { follow } from '../live.js';
import { can } from '../roles.js';

/** A well reports when its latest reading is at most this old. */
const REPORTING_WINDOW_MS = 24 * 3600 * 1000;
/** The key pollutants of the park's trend chart, and how many days it spans up to the latest reading. */
const KEY_PARAMETERS = ['benzene', 'chromium-vi'];
const TREND_DAYS = 30;

export async function render(section) {
  const cards = el('div', { class: 'cards' });
  const trend = el('div', { class: 'chart', id: 'trend' });
  section.append(el('h1', {}, t('dashboard.title')), cards, el('h2', {}, t('dashboard.trend')), trend);

  async function refresh() {
    const [park, latest, open, incidents] = await Promise.all([wells(), latestObservations(), alerts(),
      can('incidents') ? api('/api/v1/incidents') : Promise.resolve(null)]);
    const now = Date.now();
    const reporting = park.features.filter((w) => w.properties.datastreams
      .some((d) => latest.has(d.id) && now - Date.parse(latest.get(d.id)) <= REPORTING_WINDOW_MS)).length;
    const byLevel = Object.keys(LEVEL_COLOURS).map((level) => [level, open.filter((a) => a.level === level).length]);
    cards.replaceChildren(
      card('reporting', t('dashboard.reporting'), reporting),
      card('silent', t('dashboard.silent'), park.features.length - reporting),
      ...byLevel.map(([level, n]) => card(`alerts-${level}`, t(`level.${level}`), n, LEVEL_COLOURS[level])),
      incidents && card('incidents', t('dashboard.openIncidents'), incidents.filter((i) => !i.closedAt).length),
    );
    return { park, latest };
  }

  const { park, latest } = await refresh();
  const chart = newChart(trend);
  const option = await trendOption(park, latest);
  if (option) chart.setOption(option);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  const stop = can('followAlerts') ? follow('/api/v1/alerts/stream', { onEvent: refresh, onResume: refresh }) : null;
  return () => {
    stop?.();
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}

function card(id, label, value, colour) {
  return el('div', { class: 'card', 'data-card': id, style: colour ? `border-top-color:${colour}` : null },
    el('div', { class: 'value' }, String(value)), el('div', { class: 'label' }, label));
}

/**
 * Each key pollutant's daily mean over the source-area wells (where a leak shows first), over the days up to the
 * latest reading: one line per pollutant, each day the mean of the wells' daily means; null when none reports.
 */
async function trendOption(park, latest) {
  const names = await parameters();
  const streams = park.features.filter((w) => w.properties.role === 'SOURCE_AREA').flatMap((w) => w.properties.datastreams
    .filter((d) => KEY_PARAMETERS.includes(d.parameter) && latest.has(d.id) && !d.code.endsWith('/B')));
  // No key-pollutant stream reporting yet: no trend to draw.
  if (!streams.length) return null;
  const end = Math.max(...streams.map((d) => Date.parse(latest.get(d.id))));
  const from = new Date(end - TREND_DAYS * 86400000).toISOString();
  const to = new Date(end + 1).toISOString();
  const daily = await Promise.all(streams.map(async (d) => ({ parameter: d.parameter, buckets: (await aggregates(d.id, 'day', from, to)).buckets })));
  const series = KEY_PARAMETERS.map((parameter, axis) => {
    const days = new Map();
    for (const b of daily.filter((d) => d.parameter === parameter).flatMap((d) => d.buckets)) {
      days.set(b.start, [...(days.get(b.start) ?? []), b.mean]);
    }
    const data = [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, means]) => [day, means.reduce((x, y) => x + y, 0) / means.length]);
    return { name: t('dashboard.sourceAreaMean', { parameter: parameterName(names.get(parameter)) }), type: 'line', yAxisIndex: axis, data };
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '' : v.toPrecision(3)) },
    legend: { top: 0 },
    grid: { top: 40, left: 60, right: 60, bottom: 30 },
    xAxis: { type: 'time' },
    yAxis: KEY_PARAMETERS.map((p) => ({ type: 'value', name: names.get(p).unit, scale: true })),
    series,
  };
}
