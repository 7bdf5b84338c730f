import 'ol/ol.css';
import Feature from 'ol/Feature.js';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import LineString from 'ol/geom/LineString.js';
import Point from 'ol/geom/Point.js';
import ImageLayer from 'ol/layer/Image.js';
import VectorLayer from 'ol/layer/Vector.js';
import ImageStatic from 'ol/source/ImageStatic.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { Circle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style.js';
import { api, clearProblems, showProblem } from '../api.js';
import { ogcFeatures, parameters, periodToLatestHeads } from '../data.js';
import { el } from '../dom.js';
import { currentLocale, t, parameterName } from '../i18n.js';
import { can } from '../roles.js';
import { downFlow, metresPerDegree } from '../map/ground.js';
import { wms } from '../map/wms.js';
import { traceView } from './trace.js';

/** The heads and concentrations of the week up to the latest water level: the state the aquifer is in now. */
const PERIOD_DAYS = 7;
const PARTICLE_DAYS = 3650;
const PATH_COLOURS = { FORWARD: '#1565C0', BACKWARD: '#6A1B9A' };
/** Low to high: a perceptually even ramp (viridis' ends and middle), so that no band looks like a class colour. */
const RAMP = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
const CLASS_OUTLINES = ['#1E88E5', '#43A047', '#FDD835', '#FB8C00', '#E53935'];

/**
 * The analyst's views of the aquifer over the park map: the groundwater flow (seepage velocity arrows from the head
 * surface, particle paths forward and back from where one clicks) and a parameter interpolated by ordinary kriging,
 * its estimate or its kriging variance, with the class-limit contours. Both come from the platform's analysis API
 * (/api/v1/analytics/flow and /interpolate) as the person's sharing policy shows the readings they start from.
 * The source-tracing view (trace.js) runs the tracer over a period. #/analysis?view=flow|surface|network|trace&parameter= chooses.
 */
export async function render(section, params, query) {
  const [parks, names, latestReadings] = await Promise.all([api('/api/v1/parks'), parameters(),
    ogcFeatures('/ogcapi/collections/latest_readings/items?f=json&limit=1000')]);
  const park = parks[0];
  const { from, to } = periodToLatestHeads(latestReadings, PERIOD_DAYS);
  /** The parameters with GB/T 14848 classes that the park measures, the one asked for (else benzene) chosen. */
  const parameterPicker = (id) => {
    const measured = new Set(latestReadings.map((f) => f.properties.parameter));
    const candidates = [...names.values()].filter((p) => p.classLimits && measured.has(p.code));
    const chosen = candidates.find((p) => p.code === query.get('parameter')) ?? candidates.find((p) => p.code === 'benzene') ?? candidates[0];
    return el('select', { id, name: 'parameter', 'aria-label': t('analysis.parameter') },
      ...candidates.map((p) => el('option', { value: p.code, selected: p === chosen }, parameterName(p))));
  };

  const target = el('div', { id: 'analysis-map', class: 'map' });
  const boundary = new VectorSource({
    features: [new Feature({ geometry: new GeoJSON().readGeometry(park.boundary, { featureProjection: 'EPSG:3857' }) })],
  });
  const arrows = new VectorSource();
  const paths = new VectorSource();
  const wellValues = new VectorSource();
  const contours = new VectorSource();
  const grid = new ImageLayer({ opacity: 0.65 });
  const map = new Map({
    target,
    layers: [
      new VectorLayer({ source: boundary, style: new Style({ stroke: new Stroke({ color: '#455A64', width: 2, lineDash: [8, 4] }) }) }),
      new ImageLayer({ source: wms('enterprises'), opacity: 0.5 }),
      grid,
      new VectorLayer({ source: contours, style: (f) => new Style({ stroke: new Stroke({ color: f.get('colour'), width: 2 }) }) }),
      new VectorLayer({ source: arrows, style: arrowStyle }),
      new VectorLayer({ source: paths, style: pathStyle }),
      new VectorLayer({ source: wellValues, style: wellStyle, declutter: true }),
    ],
    view: new View({ center: [0, 0], zoom: 2 }),
  });

  const views = ['flow', 'surface', ...(can('optimiseNetwork') ? ['network'] : []), 'trace'];
  const view = views.includes(query.get('view')) ? query.get('view') : 'flow';
  const tabs = el('div', { class: 'tabs', role: 'tablist' },
    ...views.map((v) => el('a', { href: `#/analysis?view=${v}`, role: 'tab', class: v === view ? 'active' : '',
      'aria-selected': String(v === view), id: `tab-${v}` }, t(`analysis.${v}`))));
  const panel = el('form', { id: 'analysis-panel', class: 'analysis-panel', novalidate: true });
  panel.addEventListener('submit', (event) => event.preventDefault());
  const summary = el('div', { id: 'analysis-summary', class: 'analysis-summary', 'aria-live': 'polite' });
  const legend = el('div', { id: 'analysis-legend', class: 'analysis-legend' });
  // The tracing view asks for its own period.
  section.append(el('h2', {}, t('analysis.title')), tabs,
    ...(view === 'trace' ? [] : [el('p', { class: 'note' }, t('analysis.period', { from: day(from), to: day(to), days: PERIOD_DAYS }))]),
    el('div', { class: 'map-body' }, target, el('aside', { class: 'map-side' }, panel, summary, legend)));
  map.updateSize();
  map.getView().fit(boundary.getExtent(), { padding: [30, 30, 30, 30] });

  const run = el('button', { type: 'submit', id: 'analysis-run', class: 'tool' }, t('analysis.run'));
  let leaveView = () => {};
  // Only the answer to the latest question is drawn: picking, clicking and running again can overlap.
  let asked = 0;
  if (view === 'flow') {
    const particles = [];
    const clear = el('button', { type: 'button', id: 'clear-particles', class: 'tool' }, t('analysis.clearParticles'));
    clear.addEventListener('click', () => {
      particles.length = 0;
      paths.clear();
    });
    panel.append(el('p', {}, t('analysis.flowHelp')), run,
      clear);
    const flow = async () => {
      target.removeAttribute('data-drawn');
      summary.replaceChildren(el('p', { class: 'empty' }, t('page.loading')));
      try {
        const mine = ++asked;
        const answer = await api('/api/v1/analytics/flow', { method: 'POST',
          body: { park: park.code, from, to, arrowsEvery: 4, particles: [...particles] } });
        if (mine !== asked) return;
        clearProblems(panel);
        drawFlow(answer);
      } catch (error) {
        summary.replaceChildren();
        showProblem(panel, error, run);
      }
    };
    function drawFlow(answer) {
      const fastest = Math.max(...answer.arrows.features.map((f) => f.properties.speed));
      arrows.clear();
      arrows.addFeatures(answer.arrows.features.map((f) => {
        const lonLat = f.geometry.coordinates;
        // From 15 m for the slowest to 60 m for the fastest: lengths read as relative speed.
        const metres = 15 + 45 * (fastest > 0 ? Math.sqrt(f.properties.speed / fastest) : 0);
        return new Feature({ geometry: new LineString([downFlow(lonLat, f.properties.azimuth, 0), downFlow(lonLat, f.properties.azimuth, metres)]),
          azimuth: f.properties.azimuth });
      }));
      paths.clear();
      paths.addFeatures(answer.pathlines.features.map((f) => new Feature({
        geometry: new GeoJSON().readGeometry(f.geometry, { featureProjection: 'EPSG:3857' }),
        direction: f.properties.direction, label: t('analysis.pathLabel', { years: (f.properties.days / 365).toFixed(1), metres: Math.round(f.properties.lengthM) }),
      })));
      wellValues.clear();
      summary.replaceChildren(
        el('dl', {},
          el('dt', {}, t('analysis.azimuth')), el('dd', { id: 'flow-azimuth' }, t('analysis.azimuthValue', { degrees: answer.azimuthDegrees.toFixed(0), compass: compass(answer.azimuthDegrees) })),
          el('dt', {}, t('analysis.gradient')), el('dd', {}, answer.gradient.toExponential(2)),
          el('dt', {}, t('analysis.velocity')), el('dd', {}, t('analysis.metresPerDay', { value: answer.seepageVelocity.toPrecision(3) })),
          el('dt', {}, t('analysis.conductivity')), el('dd', {}, t('analysis.metresPerDay', { value: answer.conductivity })),
          el('dt', {}, t('analysis.headWells')), el('dd', {}, String(answer.wells))),
        ...answer.pathlines.features.map((f) => el('p', { class: 'path' }, el('span', { class: 'swatch', style: `background:${PATH_COLOURS[f.properties.direction]}` }),
          ' ', t('analysis.pathLine', { direction: t(`analysis.path.${f.properties.direction}`),
            path: t('analysis.pathLabel', { years: (f.properties.days / 365).toFixed(1), metres: Math.round(f.properties.lengthM) }),
            stop: f.properties.stop === 'TIME_LIMIT' ? '' : t(`analysis.stop.${f.properties.stop}`) }))));
      legend.replaceChildren(el('p', {}, t('analysis.flowLegend')));
      target.setAttribute('data-arrows', String(answer.arrows.features.length));
      target.setAttribute('data-paths', String(answer.pathlines.features.length));
      target.setAttribute('data-azimuth', String(answer.azimuthDegrees));
      target.setAttribute('data-drawn', 'true');
    }
    run.addEventListener('click', flow);
    // A click on the map sends a particle forward and one back from there.
    const onClick = (event) => {
      const [lon, lat] = toLonLat(event.coordinate);
      particles.push({ lon, lat, days: PARTICLE_DAYS, direction: 'FORWARD' }, { lon, lat, days: PARTICLE_DAYS, direction: 'BACKWARD' });
      flow();
    };
    map.on('singleclick', onClick);
    leaveView = () => map.un('singleclick', onClick);
    await flow();
  } else if (view === 'network') {
    const picker = parameterPicker('network-parameter');
    const count = el('input', { type: 'number', id: 'network-new-wells', name: 'newWells', min: 1, max: 20, value: 3 });
    panel.append(el('p', {}, t('analysis.networkHelp')), el('label', {}, t('analysis.parameter'), ' ', picker),
      el('label', {}, t('analysis.newWells'), ' ', count), run);
    const positions = new globalThis.Map(latestReadings.map((f) => [f.properties.well_code, f.geometry.coordinates]));
    const review = async () => {
      target.removeAttribute('data-drawn');
      summary.replaceChildren(el('p', { class: 'empty' }, t('page.loading')));
      try {
        const mine = ++asked;
        const answer = await api('/api/v1/analytics/network', { method: 'POST',
          body: { park: park.code, parameter: picker.value, from, to, newWells: Number(count.value) } });
        if (mine !== asked) return;
        clearProblems(panel);
        drawNetwork(answer);
      } catch (error) {
        summary.replaceChildren();
        showProblem(panel, error, run);
      }
    };
    function drawNetwork(answer) {
      const removable = new Set(answer.removable);
      wellValues.clear();
      wellValues.addFeatures(answer.redundancy.filter((w) => positions.has(w.id)).map((w) => new Feature({
        geometry: new Point(fromLonLat(positions.get(w.id))), label: w.id, kind: removable.has(w.id) ? 'removable' : 'kept' })));
      wellValues.addFeatures(answer.newWells.features.map((f, i) => new Feature({
        geometry: new Point(fromLonLat(f.geometry.coordinates)), label: t('analysis.newWell', { rank: i + 1 }), kind: 'new' })));
      const share = (c) => `${(100 * c.coveredFraction).toFixed(1)} %`;
      summary.replaceChildren(el('dl', {},
        el('dt', {}, t('analysis.coverageBefore')), el('dd', {}, share(answer.coverageBefore)),
        el('dt', {}, t('analysis.coverageAfter')), el('dd', { id: 'coverage-after' }, share(answer.coverageAfter)),
        el('dt', {}, t('analysis.removable')), el('dd', { id: 'removable' }, answer.removable.length ? answer.removable.join('、') : t('analysis.none'))));
      legend.replaceChildren(el('p', {}, t('analysis.networkLegend')));
      target.setAttribute('data-new-wells', String(answer.newWells.features.length));
      target.setAttribute('data-coverage-before', String(answer.coverageBefore.coveredFraction));
      target.setAttribute('data-coverage-after', String(answer.coverageAfter.coveredFraction));
      target.setAttribute('data-drawn', 'true');
    }
    run.addEventListener('click', review);
    picker.addEventListener('change', review);
    await review();
  } else if (view === 'trace') {
    leaveView = traceView({ map, target, section, panel, summary, legend, park, picker: parameterPicker('trace-parameter'),
      latestHeads: Date.parse(to) });
  } else {
    const picker = parameterPicker('surface-parameter');
    const showVariance = el('input', { type: 'checkbox', id: 'surface-variance' });
    panel.append(el('label', {}, t('analysis.parameter'), ' ', picker), el('label', { class: 'layer-toggle' }, showVariance, ' ', t('analysis.variance')), run);
    let answer = null;
    const surface = async () => {
      target.removeAttribute('data-drawn');
      summary.replaceChildren(el('p', { class: 'empty' }, t('page.loading')));
      try {
        const mine = ++asked;
        const next = await api('/api/v1/analytics/interpolate', { method: 'POST',
          body: { park: park.code, parameter: picker.value, from, to, method: 'KRIGING', cellSize: 40 } });
        if (mine !== asked) return;
        answer = next;
        clearProblems(panel);
        drawSurface();
      } catch (error) {
        answer = null;
        grid.setSource(null);
        contours.clear();
        wellValues.clear();
        summary.replaceChildren();
        legend.replaceChildren();
        showProblem(panel, error, picker);
      }
    };
    function drawSurface() {
      const parameter = names.get(answer.parameter);
      // Inverse distance (too few wells for kriging) has no variance to show.
      showVariance.disabled = !answer.variance;
      const variance = showVariance.checked && answer.variance != null;
      const values = variance ? answer.variance : answer.estimate;
      const { image, extent, low, high } = gridImage(answer, values);
      grid.setSource(new ImageStatic({ url: image, imageExtent: extent, projection: 'EPSG:4326' }));
      contours.clear();
      contours.addFeatures(answer.contours.features.map((f) => new Feature({
        geometry: new GeoJSON().readGeometry(f.geometry, { featureProjection: 'EPSG:3857' }),
        colour: CLASS_OUTLINES[Math.min(4, classOf(parameter, f.properties.atOrAbove))] })));
      wellValues.clear();
      const wells = new globalThis.Map(latestReadings.map((f) => [f.properties.well_code, f.geometry.coordinates]));
      wellValues.addFeatures(Object.entries(answer.wells).filter(([code]) => wells.has(code)).map(([code, value]) => new Feature({
        geometry: new Point(fromLonLat(wells.get(code))), label: `${code} ${value.toPrecision(3)}` })));
      const unit = variance ? `(${parameter.unit})²` : parameter.unit;
      summary.replaceChildren(el('dl', {},
        el('dt', {}, t('analysis.method')), el('dd', {}, answer.method === 'KRIGING' ? t('analysis.kriging', { model: answer.variogram?.shape ?? '' }) : t('analysis.idw')),
        el('dt', {}, t('analysis.wells')), el('dd', {}, String(Object.keys(answer.wells).length)),
        el('dt', {}, t('analysis.range')), el('dd', { id: 'surface-range' }, `${low.toPrecision(3)} – ${high.toPrecision(3)} ${unit}`)));
      legend.replaceChildren(
        el('div', { class: 'ramp', style: `background: linear-gradient(to right, ${RAMP.map((c) => `rgb(${c.join(',')})`).join(', ')})` }),
        el('div', { class: 'ramp-labels' }, el('span', {}, low.toPrecision(3)), el('span', {}, `${high.toPrecision(3)} ${unit}`)),
        el('p', {}, variance ? t('analysis.varianceLegend') : t('analysis.contourLegend')));
      const measuredValues = Object.values(answer.wells);
      target.setAttribute('data-nodes', String(answer.nx * answer.ny));
      target.setAttribute('data-low', String(low));
      target.setAttribute('data-high', String(high));
      target.setAttribute('data-wells-low', String(Math.min(...measuredValues)));
      target.setAttribute('data-wells-high', String(Math.max(...measuredValues)));
      target.setAttribute('data-contours', String(answer.contours.features.length));
      target.setAttribute('data-drawn', 'true');
    }
    run.addEventListener('click', surface);
    picker.addEventListener('change', surface);
    showVariance.addEventListener('change', () => answer && drawSurface());
    await surface();
  }

  return () => {
    leaveView();
    map.setTarget(null);
  };
}

/** The grid as a picture, one pixel per node (north up), coloured low to high on the ramp; and where it lies. */
function gridImage(answer, values) {
  const flat = values.flat().filter((v) => Number.isFinite(v));
  const low = Math.min(...flat);
  const high = Math.max(...flat);
  const canvas = document.createElement('canvas');
  canvas.width = answer.nx;
  canvas.height = answer.ny;
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(answer.nx, answer.ny);
  for (let j = 0; j < answer.ny; j++) {
    for (let i = 0; i < answer.nx; i++) {
      const v = values[j][i];
      const at = 4 * ((answer.ny - 1 - j) * answer.nx + i); // rows run south to north; a picture's top is north
      if (!Number.isFinite(v)) continue;
      const [r, g, b] = ramp(high > low ? (v - low) / (high - low) : 0);
      pixels.data.set([r, g, b, 255], at);
    }
  }
  context.putImageData(pixels, 0, 0);
  // Node centres at x0 + i·dx east and y0 + j·dy north of the park's corner; each pixel covers half a cell around one.
  const perDegree = metresPerDegree(answer.origin[1]);
  const west = answer.origin[0] + (answer.x0 - answer.dx / 2) / perDegree.lon;
  const south = answer.origin[1] + (answer.y0 - answer.dy / 2) / perDegree.lat;
  const east = answer.origin[0] + (answer.x0 + (answer.nx - 0.5) * answer.dx) / perDegree.lon;
  const north = answer.origin[1] + (answer.y0 + (answer.ny - 0.5) * answer.dy) / perDegree.lat;
  return { image: canvas.toDataURL('image/png'), extent: [west, south, east, north], low, high };
}

function ramp(share) {
  const position = Math.max(0, Math.min(1, share)) * (RAMP.length - 1);
  const k = Math.min(RAMP.length - 2, Math.floor(position));
  const f = position - k;
  return RAMP[k].map((c, n) => Math.round(c + f * (RAMP[k + 1][n] - c)));
}

/** The GB/T 14848 class (0 for I … 4 for V) a level is the upper limit of, for its contour's colour. */
function classOf(parameter, level) {
  const limits = parameter?.classLimits?.classes ?? [];
  const index = limits.findIndex((l) => l.upper != null && Math.abs(l.upper - level) <= 1e-9 * Math.max(1, Math.abs(level)));
  return index < 0 ? 4 : index + 1;
}

function compass(azimuth) {
  return t(`analysis.compass.${Math.round(((azimuth % 360) + 360) % 360 / 45) % 8}`);
}

function day(iso) {
  return new Date(iso).toLocaleDateString(currentLocale(), { timeZone: 'Asia/Shanghai' });
}

function arrowStyle(feature) {
  const line = feature.getGeometry();
  return [new Style({ stroke: new Stroke({ color: '#0277BD', width: 1.5 }) }),
    new Style({ geometry: new Point(line.getLastCoordinate()),
      image: new RegularShape({ points: 3, radius: 4, rotation: (feature.get('azimuth') * Math.PI) / 180, rotateWithView: true,
        fill: new Fill({ color: '#0277BD' }) }) })];
}

function pathStyle(feature) {
  return new Style({ stroke: new Stroke({ color: PATH_COLOURS[feature.get('direction')], width: 3 }),
    text: new Text({ text: feature.get('label'), placement: 'line', font: '12px sans-serif', fill: new Fill({ color: '#263238' }),
      stroke: new Stroke({ color: '#fff', width: 3 }) }) });
}

/** A well: white where measured; in the network review grey if it could go, a green star where a new one should be drilled. */
function wellStyle(feature) {
  const kind = feature.get('kind');
  const image = kind === 'new' ? new RegularShape({ points: 5, radius: 9, radius2: 4, fill: new Fill({ color: '#2E7D32' }), stroke: new Stroke({ color: '#fff', width: 1 }) })
    : new Circle({ radius: kind === 'removable' ? 6 : 4, fill: new Fill({ color: kind === 'removable' ? '#B0BEC5' : '#fff' }),
      stroke: new Stroke({ color: kind === 'removable' ? '#C62828' : '#263238', width: kind === 'removable' ? 2 : 1.5 }) });
  return new Style({ image,
    text: new Text({ text: feature.get('label'), offsetY: -12, font: '11px sans-serif', fill: new Fill({ color: '#263238' }),
      stroke: new Stroke({ color: '#fff', width: 3 }) }) });
}
