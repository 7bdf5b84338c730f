import { chart as newChart } from '../charts.js';
import { api } from '../api.js';
import { el } from '../dom.js';
import { t, formatTime } from '../i18n.js';

/** #/incidents lists the incidents; #/incidents/{id} is one incident's command view. */
export async function render(section, params) {
  if (!params[0]) {
    const incidents = await api('/api/v1/incidents');
    section.append(el('h1', {}, t('incidents.title')), incidents.length
      ? el('ul', { class: 'incidents' }, ...incidents.map((i) => el('li', { 'data-incident': i.id },
        el('a', { href: `#/incidents/${i.id}` }, `#${i.id} ${i.levelZh} ${i.parameter} — ${i.status}`), ' ', t('incidents.opened', { time: formatTime(i.openedAt) }))))
      : el('p', { class: 'empty' }, t('incidents.none')));
    return null;
  }
  const d = await api(`/api/v1/incidents/${encodeURIComponent(params[0])}`);
  const forecast = el('div', { class: 'chart', id: 'forecast' });
  section.append(
    el('h1', {}, `${t('incidents.title')} #${d.incident.id} · ${d.incident.levelZh} · ${d.incident.parameter}`),
    el('p', {}, t('incidents.opened', { time: formatTime(d.incident.openedAt) }), ' · ', d.plan?.nameZh ?? ''),
    el('div', { class: 'command' },
      el('section', { id: 'command-forecast' }, el('h2', {}, t('incidents.forecast')), d.forecast ? forecast : el('p', {}, t('incidents.noForecast'))),
      el('section', { id: 'command-receptors' }, el('h2', {}, t('incidents.receptors')),
        el('ul', {}, ...(d.forecast?.receptors ?? []).map((r) => el('li', {}, r.arrivalP50 != null
          ? t('incidents.arrival', { name: r.nameZh, days: Math.round(r.arrivalP50) })
          : t('incidents.arrivalEarliest', { name: r.nameZh, days: Math.round(r.arrivalP2_5 ?? r.advectiveDays),
            percent: Math.round(r.fractionNotArriving * 100) }))))),
      el('section', { id: 'command-resources' }, el('h2', {}, t('incidents.resources')),
        el('ul', {}, ...d.dispatches.map((x) => el('li', {}, t('incidents.dispatch', {
          name: x.resourceName, quantity: x.quantity, unit: x.unit, depot: x.depotName, eta: x.etaMinutes.toFixed(1), status: x.status }))))),
      el('section', { id: 'command-timeline' }, el('h2', {}, t('incidents.timeline')),
        el('ol', { class: 'timeline' }, ...d.timeline.map((e) => el('li', {}, el('span', { class: 'time' }, formatTime(e.at)), ' ',
          el('strong', {}, `${e.department} ${e.author}`), ' ', e.text))))));
  if (!d.forecast) return null;
  // The P05/P50/P95 concentration along the flow line at each forecast day: the band the response plans against.
  const points = d.forecast.bands.filter((b) => b.kind === 'POINT');
  const chart = newChart(forecast);
  const days = [...new Set(points.map((b) => b.day))];
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { top: 70, left: 60, right: 20, bottom: 40 },
    xAxis: { type: 'value', name: 'm' },
    yAxis: { type: 'value', name: 'mg/L' },
    series: days.flatMap((day) => ['p05', 'p50', 'p95'].map((q) => ({
      name: `${day} d ${q.toUpperCase()}`, type: 'line', showSymbol: false, lineStyle: { type: q === 'p50' ? 'solid' : 'dashed' },
      data: points.filter((b) => b.day === day).map((b) => [b.alongM, b[q]]),
    }))),
  });
  return () => chart.dispose();
}
