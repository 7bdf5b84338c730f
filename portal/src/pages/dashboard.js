import { chart as newChart } from '../charts.js';
import { api, ApiError } from '../api.js';
import { alerts, dailyMeansToLatest, parameters, wells, LEVEL_COLOURS } from '../data.js';
import { el } from '../dom.js';
import { t, parameterName } from '../i18n.js';
import { follow } from '../live.js';
import { can } from '../roles.js';

/** The key pollutants of the park's trend chart, and how many days it spans up to the latest reading. */
const KEY_PARAMETERS = ['benzene', 'chromium-vi'];
const TREND_DAYS = 30;

export async function render(section) {
  const cards = el('div', { class: 'cards' });
  const trend = el('div', { class: 'chart', id: 'trend' });
  section.append(el('h1', {}, t('dashboard.title')), cards, el('h2', {}, t('dashboard.trend')), trend);

  async function refresh() {
    const [park, quality, open, incidents] = await Promise.all([wells(),
      // Counts of the readings, for whom the readings are shown as they are; others see the alerts only.
      api('/api/v1/data-quality').catch((error) => (error instanceof ApiError && error.status === 403 ? null : Promise.reject(error))),
      alerts(), can('incidents') ? api('/api/v1/incidents') : Promise.resolve(null)]);
    const byLevel = Object.keys(LEVEL_COLOURS).map((level) => [level, open.filter((a) => a.level === level).length]);
    cards.replaceChildren(
      ...(quality ? [card('reporting', t('dashboard.reporting'), quality.wellsReporting),
        card('silent', t('dashboard.silent'), quality.wells - quality.wellsReporting),
        card('completeness', t('dashboard.completeness'), percent(quality.completeness)),
        card('flag-rate', t('dashboard.flagRate'), percent(quality.flagRate))] : []),
      ...byLevel.map(([level, n]) => card(`alerts-${level}`, t(`level.${level}`), n, LEVEL_COLOURS[level])),
      incidents && card('incidents', t('dashboard.openIncidents'), incidents.filter((i) => !i.closedAt).length),
    );
    return park;
  }

  const names = parameters(); // asked for beside the cards' requests, not after them
  const park = await refresh();
  const chart = newChart(trend);
  const option = await trendOption(park, await names);
  if (option) chart.setOption(option);
  // Drawn: how many days the longest line holds (0 with nothing to draw), for whoever waits for the page.
  trend.dataset.days = String(option ? Math.max(...option.series.map((s) => s.data.length)) : 0);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  const stop = can('followAlerts') ? follow('/api/v1/alerts/stream', { onEvent: refresh, onResume: refresh }) : null;
  return () => {
    stop?.();
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}

/** A share as a percentage with one decimal, or a dash where there is nothing to share. */
function percent(share) {
  return share == null ? '—' : `${(share * 100).toFixed(1)} %`;
}

function card(id, label, value, colour) {
  return el('div', { class: 'card', 'data-card': id, style: colour ? `border-top-color:${colour}` : null },
    el('div', { class: 'value' }, String(value)), el('div', { class: 'label' }, label));
}

/**
 * Each key pollutant's daily mean over the source-area wells (where a leak shows first), over the days up to the
 * latest reading: one line per pollutant, each day the mean of the wells' daily means; null when none reports.
 */
async function trendOption(park, names) {
  const candidates = park.features.filter((w) => w.properties.role === 'SOURCE_AREA').flatMap((w) => w.properties.datastreams
    .filter((d) => KEY_PARAMETERS.includes(d.parameter) && !d.code.endsWith('/B')));
  const means = await dailyMeansToLatest(candidates, TREND_DAYS);
  const daily = candidates.map((d, i) => ({ parameter: d.parameter, buckets: means[i] })).filter((d) => d.buckets.length);
  // No key-pollutant stream reporting yet: no trend to draw.
  if (!daily.length) return null;
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
