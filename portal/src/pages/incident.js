import 'ol/ol.css';
import Feature from 'ol/Feature.js';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import LineString from 'ol/geom/LineString.js';
import Point from 'ol/geom/Point.js';
import ImageLayer from 'ol/layer/Image.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import { Circle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style.js';
import { chart as newChart } from '../charts.js';
import { api, authorizedFetch, ApiError, clearProblems, showProblem } from '../api.js';
import { parameters } from '../data.js';
import { el } from '../dom.js';
import { t, formatTime, parameterName } from '../i18n.js';
import { can } from '../roles.js';
import { download } from '../map/export.js';
import { wms } from '../map/wms.js';
import { downFlow } from '../map/ground.js';

const FRONT = '#C62828';
const ROUTE = { DISPATCHED: '#6D4C41', EN_ROUTE: '#EF6C00', ON_SITE: '#2E7D32', RETURNED: '#9E9E9E' };

/**
 * The forecast reach of the last forecast day: P05, P50 and P95 of the front's distance down the flow. Null before
 * the analysis has a forecast.
 */
export function lastFront(forecast) {
  const fronts = (forecast?.bands ?? []).filter((b) => b.kind === 'FRONT');
  if (!fronts.length) return null;
  return fronts.reduce((a, b) => (b.day > a.day ? b : a));
}

function incidentMap(target, d) {
  const at = d.incident.location;
  const features = [];
  const front = lastFront(d.forecast);
  const azimuth = d.incident.flow?.azimuthDegrees;
  if (front && azimuth != null) {
    // The band from P05 to P95 of the reach, thick and pale; the median reach as a line with an arrowhead at its tip.
    features.push(new Feature({ geometry: new LineString([downFlow(at, azimuth, front.p05), downFlow(at, azimuth, front.p95)]), kind: 'band' }));
    features.push(new Feature({ geometry: new LineString([fromLonLat(at), downFlow(at, azimuth, front.p50)]), kind: 'reach',
      label: t('incidents.frontLabel', { day: front.day, metres: Math.round(front.p50) }) }));
    features.push(new Feature({ geometry: new Point(downFlow(at, azimuth, front.p50)), kind: 'tip', rotation: (azimuth * Math.PI) / 180 }));
  }
  const geojson = new GeoJSON();
  for (const x of d.dispatches) {
    if (x.route) features.push(new Feature({ geometry: geojson.readGeometry(x.route, { featureProjection: 'EPSG:3857' }), kind: 'route', status: x.status }));
  }
  for (const c of d.cameras ?? []) features.push(new Feature({ geometry: new Point(fromLonLat(c.location)), kind: 'camera', label: c.nameZh }));
  features.push(new Feature({ geometry: new Point(fromLonLat(at)), kind: 'incident' }));

  const style = (feature) => {
    switch (feature.get('kind')) {
      case 'band': return new Style({ stroke: new Stroke({ color: 'rgba(229,57,53,0.35)', width: 14, lineCap: 'butt' }) });
      case 'reach': return new Style({ stroke: new Stroke({ color: FRONT, width: 3 }),
        text: new Text({ text: feature.get('label'), placement: 'line', offsetY: -12, font: '12px sans-serif', fill: new Fill({ color: FRONT }) }) });
      case 'tip': return new Style({ image: new RegularShape({ points: 3, radius: 8, rotation: feature.get('rotation'), fill: new Fill({ color: FRONT }) }) });
      case 'route': return new Style({ stroke: new Stroke({ color: ROUTE[feature.get('status')] ?? '#6D4C41', width: 2, lineDash: [6, 4] }) });
      case 'camera': return new Style({ image: new RegularShape({ points: 4, radius: 6, angle: Math.PI / 4, fill: new Fill({ color: '#3949AB' }) }),
        text: new Text({ text: feature.get('label'), offsetY: -12, font: '11px sans-serif', fill: new Fill({ color: '#283593' }) }) });
      default: return new Style({ image: new Circle({ radius: 7, fill: new Fill({ color: FRONT }), stroke: new Stroke({ color: '#fff', width: 2 }) }) });
    }
  };
  const map = new Map({
    target,
    layers: [
      ...['enterprises', 'receptors', 'plumes'].map((name) => new ImageLayer({ source: wms(name), opacity: 0.7 })),
      new ImageLayer({ source: wms(`quality_class.${d.incident.parameter}`) }),
      new VectorLayer({ source: new VectorSource({ features }), style }),
    ],
    // Centred on the incident, close enough to see the wells and far enough for the forecast reach (up to 2 km shown).
    view: new View({ center: fromLonLat(at), zoom: zoomFor(front ? front.p95 : 200, at[1], target) }),
  });
  map.once('rendercomplete', () => {
    target.setAttribute('data-zoom', String(map.getView().getZoom()));
    target.setAttribute('data-ready', 'true');
  });
  return map;
}

/** The whole zoom level at which {@code metres} down the flow fits in 40 % of the map's width, between 13 and 17. */
function zoomFor(metres, latitude, target) {
  const width = target.clientWidth || 600;
  const groundPerPixelAtZoom0 = ((2 * Math.PI * 6378137) / 256) * Math.cos((latitude * Math.PI) / 180);
  const zoom = Math.floor(Math.log2((groundPerPixelAtZoom0 * 0.4 * width) / Math.max(metres * 1.2, 100)));
  return Math.min(17, Math.max(13, zoom));
}

/** A parameter's name in the reader's language, its code if the platform has no such parameter. */
function named(names, code) {
  return names.has(code) ? parameterName(names.get(code)) : code;
}

/** #/incidents lists the incidents; #/incidents/{id} is one incident's command view. */
export async function render(section, params) {
  if (!params[0]) {
    const [incidents, names] = await Promise.all([api('/api/v1/incidents'), parameters()]);
    section.append(el('h1', {}, t('incidents.title')), incidents.length
      ? el('ul', { class: 'incidents' }, ...incidents.map((i) => el('li', { 'data-incident': i.id },
        el('a', { href: `#/incidents/${i.id}` }, `#${i.id} ${i.levelZh} ${named(names, i.parameter)} — ${i.status}`), ' ', t('incidents.opened', { time: formatTime(i.openedAt) }))))
      : el('p', { class: 'empty' }, t('incidents.none')));
    return null;
  }
  const id = encodeURIComponent(params[0]);
  const [d, names] = await Promise.all([api(`/api/v1/incidents/${id}`), parameters()]);
  const forecast = el('div', { class: 'chart', id: 'forecast' });
  const mapTarget = el('div', { class: 'map incident-map', id: 'incident-map' });
  const pdf = el('button', { type: 'button', id: 'incident-pdf', class: 'tool' }, t('incidents.pdf'));
  pdf.addEventListener('click', async () => {
    pdf.disabled = true;
    try {
      const response = await authorizedFetch(`/api/v1/reports/incidents/${id}?format=pdf`, { headers: { Accept: 'application/pdf' } });
      if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
      download(`incident-${params[0]}.pdf`, 'application/pdf', await response.blob());
    } catch (error) {
      showProblem(pdf.parentElement, error, pdf);
    } finally {
      pdf.disabled = false;
    }
  });
  const changeable = can('command');

  const tasks = el('ul', { class: 'tasks' }, ...d.tasks.map((task) => {
    const done = task.status === 'DONE';
    const item = el('li', { 'data-task': task.id, class: done ? 'done' : '' },
      el('strong', {}, task.title), ' · ', task.owner, ' · ',
      el('span', { class: 'time' }, done ? t('incidents.taskDone', { time: formatTime(task.doneAt) }) : t('incidents.deadline', { time: formatTime(task.deadline) })));
    if (changeable && !done) {
      const button = el('button', { type: 'button', class: 'task-done' }, t('incidents.markDone'));
      button.addEventListener('click', async () => {
        button.disabled = true; // one request per click, not one per impatient click
        try {
          const done = await api(`/api/v1/incidents/${id}/tasks/${task.id}`, { method: 'PATCH', body: { status: 'DONE' } });
          item.classList.add('done');
          button.replaceWith(el('span', { class: 'time' }, t('incidents.taskDone', { time: formatTime(done.doneAt ?? new Date().toISOString()) })));
        } catch (error) {
          button.disabled = false;
          showProblem(item, error, button);
        }
      });
      item.append(' ', button);
    }
    return item;
  }));

  const timeline = el('ol', { class: 'timeline' }, ...d.timeline.map(entry));
  const comment = el('form', { class: 'comment', id: 'comment-form' },
    el('input', { name: 'department', placeholder: t('incidents.department'), 'aria-label': t('incidents.department') }),
    el('textarea', { name: 'text', rows: 2, placeholder: t('incidents.comment'), 'aria-label': t('incidents.comment') }),
    el('button', { type: 'submit' }, t('incidents.send')));
  comment.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(comment);
    try {
      const added = await api(`/api/v1/incidents/${id}/timeline`, { method: 'POST',
        body: { department: form.get('department'), text: form.get('text') } }); // the author is the signed-in account
      timeline.append(entry(added));
      comment.reset();
      clearProblems(comment);
    } catch (error) {
      showProblem(comment, error, comment.querySelector('button'));
    }
  });

  section.append(
    el('div', { class: 'incident-head' },
      el('h1', {}, `${t('incidents.title')} #${d.incident.id} · ${d.incident.levelZh} · ${named(names, d.incident.parameter)}`), pdf),
    el('p', {}, t('incidents.opened', { time: formatTime(d.incident.openedAt) }), ' · ', d.plan?.nameZh ?? '', ' · ',
      t(`analysis.${d.incident.analysis?.state ?? 'PENDING'}`)),
    el('div', { class: 'command' },
      el('section', { id: 'command-map', class: 'wide' }, el('h2', {}, t('incidents.map')), mapTarget,
        el('p', { class: 'map-key' }, t('incidents.mapKey'))),
      el('section', { id: 'command-forecast' }, el('h2', {}, t('incidents.forecast')), d.forecast ? forecast : el('p', {}, t('incidents.noForecast'))),
      el('section', { id: 'command-receptors' }, el('h2', {}, t('incidents.receptors')),
        el('ul', {}, ...(d.forecast?.receptors ?? []).map((r) => el('li', {}, r.arrivalP50 != null
          ? t('incidents.arrival', { name: r.nameZh, days: Math.round(r.arrivalP50) })
          : t('incidents.arrivalEarliest', { name: r.nameZh, days: Math.round(r.arrivalP2_5 ?? r.advectiveDays),
            percent: Math.round(r.fractionNotArriving * 100) }))))),
      el('section', { id: 'command-plan' }, el('h2', {}, t('incidents.plan')),
        el('p', {}, d.plan?.nameZh ?? t('incidents.noPlan')),
        el('ol', {}, ...(d.plan?.containment ?? []).map((step) => el('li', {}, step))),
        d.dose ? el('p', { id: 'dose' }, t('incidents.dose', { area: Math.round(d.dose.treatmentAreaM2), water: Math.round(d.dose.waterM3),
          mass: d.dose.contaminantKg.toFixed(1), reagent: Math.round(d.dose.reagentKg), name: d.plan?.reagent ?? '' })) : null),
      el('section', { id: 'command-resources' }, el('h2', {}, t('incidents.resources')),
        el('ul', {}, ...d.dispatches.map((x) => el('li', { 'data-status': x.status }, t('incidents.dispatch', {
          name: x.resourceName, quantity: x.quantity, unit: x.unit, depot: x.depotName, eta: x.etaMinutes.toFixed(1), status: t(`dispatch.${x.status}`) }))))),
      el('section', { id: 'command-tasks' }, el('h2', {}, t('incidents.tasks')), tasks),
      el('section', { id: 'command-cameras' }, el('h2', {}, t('incidents.cameras')),
        (d.cameras ?? []).length ? el('ul', {}, ...d.cameras.map((c) => el('li', {}, `${c.nameZh}（${c.deviceId}）`))) : el('p', { class: 'empty' }, t('incidents.noCameras'))),
      el('section', { id: 'command-timeline', class: 'wide' }, el('h2', {}, t('incidents.timeline')), timeline, can('comment') ? comment : null)));

  const map = incidentMap(mapTarget, d);
  let chart = null;
  if (d.forecast) {
    // The P05/P50/P95 concentration along the flow line at each forecast day: the band the response plans against.
    const points = d.forecast.bands.filter((b) => b.kind === 'POINT');
    chart = newChart(forecast);
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
  }
  return () => {
    chart?.dispose();
    map.setTarget(null);
  };
}

function entry(e) {
  return el('li', {}, el('span', { class: 'time' }, formatTime(e.at)), ' ', el('strong', {}, `${e.department} ${e.author ?? ''}`), ' ', e.text);
}
