// The analysis page's source-tracing view (溯源): which source, new release or known plume, explains a parameter's
// readings over a period, from POST /api/v1/analytics/trace, run with progress and cancel.
import Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { getCenter } from 'ol/extent.js';
import { fromLonLat } from 'ol/proj.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import { clearProblems, showProblem } from '../api.js';
import { el } from '../dom.js';
import { currentLocale, t } from '../i18n.js';
import { analysisRun } from '../jobs.js';
import { metresPerDegree } from '../map/ground.js';

/** The period traced by default: a month up to the latest heads, long enough for the 7-day baseline and a rise after it. */
const TRACE_DAYS = 30;
/** Pale to dark: how likely a candidate cell is the new release, relative to the most likely one. */
const HEAT = [[255, 237, 160], [254, 178, 76], [240, 59, 32], [128, 0, 38]];
const HEAT_OPACITY = 0.75;
const REGION_COLOUR = '#1A237E';
const TRACK_COLOUR = '#6A1B9A';
/** One pass of the animation from the well to the source, ms. */
const PASS_MS = 6000;
const DAY = 86400000;
/** Below this probability of a new release the wells see, an enterprise's release start and mass discharge are not shown. */
const SHOWN_FROM = 0.01;

/**
 * Builds the view into the analysis page: the form (parameter, aquifer, period) in panel, the ranked sources and
 * enterprises in summary, the heat map with its legend, the 90 % credible region and the back-tracked path on map.
 * Returns what leaving the view must stop.
 */
export function traceView({ map, target, section, panel, summary, legend, park, picker, latestHeads }) {
  const heat = new VectorSource();
  const region = new VectorSource();
  const track = new VectorSource();
  const marker = new Feature({ geometry: new Point([0, 0]) });
  // The heat map draws on a canvas of its own (className), so that its colours are not mixed with the other layers'.
  const layers = [
    new VectorLayer({ source: heat, className: 'trace-heat', opacity: HEAT_OPACITY, style: (f) => new Style({ fill: new Fill({ color: f.get('colour') }) }) }),
    new VectorLayer({ source: region, style: new Style({ stroke: new Stroke({ color: REGION_COLOUR, width: 2, lineDash: [6, 4] }) }) }),
    new VectorLayer({ source: track, style: trackStyle }),
  ];
  layers.forEach((l) => map.addLayer(l));

  const aquifer = el('select', { id: 'trace-aquifer', name: 'aquifer' },
    el('option', { value: '' }, t('trace.shallowest')),
    ...park.aquifers.map((a) => el('option', { value: a.code }, `${localName(a)}（${a.code}）`)));
  const until = day(latestHeads);
  const from = el('input', { type: 'date', id: 'trace-from', name: 'from', value: day(latestHeads - TRACE_DAYS * DAY), max: until });
  const to = el('input', { type: 'date', id: 'trace-to', name: 'to', value: until, max: until });
  const job = analysisRun('trace', t('trace.run'), section);
  panel.append(el('p', {}, t('trace.help')), el('label', {}, t('analysis.parameter'), ' ', picker),
    el('label', {}, t('trace.aquifer'), ' ', aquifer), el('label', {}, t('trace.from'), ' ', from), el('label', {}, t('trace.to'), ' ', to),
    el('div', { class: 'drill-actions' }, ...job.controls));
  summary.replaceChildren(el('p', { class: 'empty' }, t('trace.notRun')));
  legend.replaceChildren();

  const animation = pathAnimation(target, track, marker);
  panel.addEventListener('submit', async () => {
    const [run] = job.controls;
    // The days in China Standard Time, the second one whole.
    const body = { park: park.code, aquifer: aquifer.value || null, parameter: picker.value,
      from: from.value ? `${from.value}T00:00:00+08:00` : null, to: to.value ? `${nextDay(to.value)}T00:00:00+08:00` : null };
    target.removeAttribute('data-drawn');
    try {
      await job.start('/api/v1/analytics/trace', body, draw);
      clearProblems(panel);
    } catch (error) {
      showProblem(panel, error, run);
    }
  });

  function draw(answer) {
    const features = answer.heatMap.features;
    const top = features.length ? Math.max(...features.map((f) => f.properties.probability)) : 0;
    heat.clear();
    // Least probable first, so that a source's small footprint is drawn over the grid cell around it.
    heat.addFeatures([...features].sort((a, b) => a.properties.probability - b.properties.probability).map((f) => new Feature({ geometry: readGeometry(f.geometry), probability: f.properties.probability,
      colour: `rgb(${heatColour(f.properties.probability / top).join(',')})` })));
    region.clear();
    if (answer.credibleRegion) region.addFeature(new Feature({ geometry: readGeometry(answer.credibleRegion) }));
    const traced = answer.backTrack ?? answer.sources.find((s) => s.backTrack)?.backTrack;
    animation.show(traced, answer.seepageVelocity);
    summary.replaceChildren(...ranking(answer).filter(Boolean));
    legend.replaceChildren(
      el('div', { class: 'ramp', style: `opacity:${HEAT_OPACITY};background: linear-gradient(to right, ${HEAT.map((c) => `rgb(${c.join(',')})`).join(', ')})` }),
      el('div', { class: 'ramp-labels' }, el('span', {}, '0'), el('span', {}, percent(top))),
      el('p', {}, t('trace.legend')), animation.controls);
    // Where the most probable cell lies on the map, for the browser test to find its colour there.
    const best = heat.getFeatures().reduce((a, b) => (b.get('probability') > a.get('probability') ? b : a), heat.getFeatures()[0]);
    if (best) {
      map.getView().fit(extendTo(heat.getExtent(), track.getExtent()), { padding: [40, 40, 40, 40] });
      map.once('rendercomplete', () => {
        const [x, y] = map.getPixelFromCoordinate(getCenter(best.getGeometry().getExtent()));
        target.setAttribute('data-top-cell', `${Math.round(x)},${Math.round(y)}`);
        target.setAttribute('data-drawn', 'true');
      });
    } else {
      target.setAttribute('data-drawn', 'true');
    }
    target.setAttribute('data-top-enterprise', answer.enterprises[0]?.creditCode ?? '');
    target.setAttribute('data-cells', String(features.length));
  }

  return () => {
    job.stop();
    animation.stop();
    layers.forEach((l) => map.removeLayer(l));
  };
}

/** The answer as lists: P(0, 1, 2 new releases), the sources of the most probable model, the enterprises ranked. */
function ranking(answer) {
  const interval = (i, format) => (i ? t('trace.interval', { median: format(i.median), lower: format(i.lower), upper: format(i.upper) }) : '—');
  const dischargeOf = (i) => interval(i, (g) => t('trace.gramsPerDay', { value: Number(g).toPrecision(2) }));
  const startOf = (i) => interval(i, (iso) => new Date(iso).toLocaleDateString(currentLocale(), { timeZone: 'Asia/Shanghai' }));
  const unconverged = answer.sources.filter((s) => s.converged === false);
  return [
    el('p', { id: 'trace-new-count' }, t('trace.newCount', { none: percent(answer.newSourceCount[0]), one: percent(answer.newSourceCount[1]),
      two: percent(answer.newSourceCount[2]) })),
    unconverged.length ? el('p', { class: 'notice', id: 'trace-unconverged', role: 'status' },
      t('trace.unconverged', { sources: unconverged.map((s) => s.code).join('、') })) : null,
    el('h3', {}, t('trace.sources')),
    answer.sources.length ? el('ol', { id: 'trace-sources' }, ...answer.sources.map((s) => el('li', { 'data-code': s.code },
      el('strong', {}, s.name ?? s.code), ` ${s.code} · ${s.known ? t('trace.known') : t('trace.newRelease')} · ${percent(s.probability)}`,
      el('br'), t('trace.releaseStart'), ' ', startOf(s.releaseStart), el('br'), t('trace.massDischarge'), ' ', dischargeOf(s.massDischargeGramsPerDay),
      s.rHat == null ? null : el('br'), s.rHat == null ? null : t('trace.convergence', { ess: Math.round(s.effectiveSampleSize ?? 0), rhat: s.rHat.toFixed(3) }))))
      : el('p', { class: 'empty' }, t('trace.noSources')),
    el('h3', {}, t('trace.enterprises')),
    // An enterprise's start and mass discharge are given that it releases; where the wells see next to no chance of a
    // release there, they would read as a finding, so they are not shown.
    el('ol', { id: 'trace-enterprises' }, ...answer.enterprises.map((e) => {
      const seen = e.probability >= SHOWN_FROM;
      return el('li', { 'data-credit-code': e.creditCode, 'data-seen': String(seen) },
        el('strong', {}, e.name ?? e.creditCode), ` ${percent(e.probability)}`, el('br'),
        ...(seen ? [t('trace.ifReleased'), ' ', t('trace.releaseStart'), ' ', startOf(e.releaseStart), el('br'), t('trace.massDischarge'), ' ',
          dischargeOf(e.massDischargeGramsPerDay)] : [el('span', { class: 'empty' }, t('trace.unseen'))]));
    })),
  ];
}

/**
 * The back-tracked path drawn and a marker going along it from the detecting well (its first vertex) to the source,
 * labelled with the groundwater's travel time: the distance along the pathline over the regional seepage velocity (the
 * last leg, across from the pathline to the source, is spread by dispersion and adds no time). Plays in a loop until
 * paused.
 */
function pathAnimation(target, track, marker) {
  const play = el('button', { type: 'button', id: 'trace-play', class: 'tool' }, t('trace.pause'));
  const clock = el('span', { id: 'trace-clock', class: 'stage' });
  const controls = el('p', {}, play, ' ', clock);
  let path = null;
  let frame = null;
  let shownAt = 0;
  let started = 0;

  play.addEventListener('click', () => (frame ? pause() : resume()));

  function pause() {
    cancelAnimationFrame(frame);
    frame = null;
    play.textContent = t('trace.play');
  }

  function resume() {
    if (!path) return;
    started = performance.now() - shownAt * PASS_MS;
    play.textContent = t('trace.pause');
    const step = (now) => {
      shownAt = ((now - started) % PASS_MS) / PASS_MS;
      place(shownAt);
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
  }

  function place(share) {
    const at = share * path.length;
    const k = Math.max(0, path.lengths.findIndex((l) => l >= at) - 1);
    const leg = path.lengths[k + 1] - path.lengths[k];
    const f = leg > 0 ? (at - path.lengths[k]) / leg : 0;
    const point = path.points[k].map((c, n) => c + f * (path.points[k + 1][n] - c));
    const days = path.days[k] + f * (path.days[k + 1] - path.days[k]);
    marker.getGeometry().setCoordinates(fromLonLat(point));
    clock.textContent = t('trace.travel', { days: Math.round(days), metres: Math.round(at) });
    target.setAttribute('data-marker', point.map((c) => c.toFixed(6)).join(','));
  }

  return {
    controls,
    show(line, velocity) {
      pause();
      track.clear();
      path = line ? measured(line.coordinates, velocity) : null;
      if (!path) {
        clock.textContent = t('trace.noPath');
        play.disabled = true;
        return;
      }
      play.disabled = false;
      track.addFeatures([new Feature({ geometry: readGeometry(line), kind: 'path' }), marker]);
      // At the well before the first frame: the map is fitted to the path, marker included, at once.
      shownAt = 0;
      place(0);
      resume();
    },
    stop: pause,
  };
}

/**
 * A path's vertices (lon, lat) with the ground distance to each and the travel time back along the flow to each: every
 * leg but the last follows the pathline; the last crosses from it to the source.
 */
function measured(points, velocity) {
  if (points.length < 2) return null;
  const perDegree = metresPerDegree(points[0][1]);
  const lengths = [0];
  const days = [0];
  for (let i = 1; i < points.length; i++) {
    const east = (points[i][0] - points[i - 1][0]) * perDegree.lon;
    const north = (points[i][1] - points[i - 1][1]) * perDegree.lat;
    const leg = Math.hypot(east, north);
    lengths.push(lengths[i - 1] + leg);
    const along = i < points.length - 1 ? leg : 0;
    days.push(days[i - 1] + (velocity > 0 ? along / velocity : 0));
  }
  return { points, lengths, days, length: lengths[lengths.length - 1] };
}

function trackStyle(feature) {
  return feature.get('kind') === 'path'
    ? new Style({ stroke: new Stroke({ color: TRACK_COLOUR, width: 3, lineDash: [10, 6] }) })
    : new Style({ image: new Circle({ radius: 7, fill: new Fill({ color: TRACK_COLOUR }), stroke: new Stroke({ color: '#fff', width: 2 }) }) });
}

function heatColour(share) {
  const position = Math.max(0, Math.min(1, share)) * (HEAT.length - 1);
  const k = Math.min(HEAT.length - 2, Math.floor(position));
  const f = position - k;
  return HEAT[k].map((c, n) => Math.round(c + f * (HEAT[k + 1][n] - c)));
}

function readGeometry(geometry) {
  return new GeoJSON().readGeometry(geometry, { featureProjection: 'EPSG:3857' });
}

function extendTo(a, b) {
  return Number.isFinite(b[0]) ? [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])] : a;
}

function percent(p) {
  return `${(100 * p).toFixed(p >= 0.1 ? 0 : 1)} %`;
}

function localName(aquifer) {
  return currentLocale().startsWith('zh') ? aquifer.nameZh : aquifer.nameEn;
}

/** A time's day in China Standard Time, as a date input writes it. */
function day(time) {
  return new Date(time + 8 * 3600000).toISOString().slice(0, 10);
}

function nextDay(date) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}
