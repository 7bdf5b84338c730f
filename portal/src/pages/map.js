import 'ol/ol.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import ImageLayer from 'ol/layer/Image.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import XYZ from 'ol/source/XYZ.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import { api, authorizedFetch, clearProblems, showProblem } from '../api.js';
import { el, escapeHtml } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { Sketcher, measure } from '../map/sketch.js';
import { download, mapPng, readingsCsv } from '../map/export.js';
import { WMS, legendImage, wms } from '../map/wms.js';

/** Context layers a person may switch, drawn under the wells; on at first where the duty officer needs them. */
const CONTEXT_LAYERS = [
  { name: 'roads', label: () => t('map.layer.roads'), on: true },
  { name: 'network_coverage', label: () => t('map.layer.coverage'), on: false },
  { name: 'risk_zones', label: () => t('map.layer.riskZones'), on: true },
  { name: 'enterprises', label: () => t('map.layer.enterprises'), on: true },
  { name: 'potential_sources', label: () => t('map.layer.sources'), on: false },
  { name: 'receptors', label: () => t('map.layer.receptors'), on: true },
];

function checkbox(id, label, checked, onChange) {
  const box = el('input', { type: 'checkbox', id, checked });
  box.addEventListener('change', () => onChange(box.checked));
  return el('label', { class: 'layer-toggle' }, box, ' ', label);
}

/** The distinct times of the plume outlines the person may see, oldest first: the stops of the time slider. */
async function plumeTimes() {
  const times = new Set();
  let next = '/ogcapi/collections/plumes/items?f=json&limit=1000';
  while (next) {
    const page = await api(next);
    page.features.forEach((f) => times.add(f.properties.valid_time));
    next = page.links?.find((l) => l.rel === 'next')?.href ?? null;
  }
  return [...times].sort((a, b) => Date.parse(a) - Date.parse(b));
}

/**
 * The park map: its boundary, switchable context layers, plumes with their P05/P95 bands on a time slider (WMS TIME),
 * the concentration surface with its class-limit contours, and wells coloured by the GB/T 14848 class of their latest
 * value of one parameter. A click identifies the wells there (GetFeatureInfo); tools measure, search, keep areas of
 * interest and export. #/map?lon=&lat=&zoom=&parameter= sets the view; otherwise it shows the whole park.
 */
export async function render(section, params, query) {
  const capabilities = new DOMParser().parseFromString(await (await authorizedFetch(`${WMS}?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0`)).text(), 'text/xml');
  const names = [...capabilities.getElementsByTagName('Name')].map((n) => n.textContent);
  const classLayers = names.filter((n) => n.startsWith('quality_class.'));
  const chosen = classLayers.includes(`quality_class.${query.get('parameter')}`) ? `quality_class.${query.get('parameter')}` : classLayers[0];
  const parameterOf = (layer) => layer.slice('quality_class.'.length);
  const surfaceOf = (layer) => names.find((n) => n.startsWith(`surface.${parameterOf(layer)}.`));
  // The chosen parameter's source-tracing heat map (of its first aquifer traced), where an incident traced it and the
  // person may see it.
  const heatMapOf = (layer) => names.find((n) => n.startsWith(`source_probabilities.${parameterOf(layer)}.`));

  const picker = el('select', { id: 'class-layer', 'aria-label': t('map.parameter') },
    ...classLayers.map((name) => el('option', { value: name, selected: name === chosen }, layerTitle(capabilities, name))));
  const legend = el('img', { id: 'legend', alt: t('map.legend') });
  const identify = el('div', { id: 'identify', class: 'identify', hidden: true });
  const result = el('div', { id: 'tool-result', class: 'tool-result', 'aria-live': 'polite' });
  const target = el('div', { id: 'map', class: 'map' });

  const [parks, settings] = await Promise.all([api('/api/v1/parks'), api('/api/v1/map/settings')]);
  // The park's tile service, where it has one, under the platform's own layers (which alone work without the internet).
  const base = settings.baseTiles
    // Fetched with CORS, so that the tiles do not taint the canvas the view is exported from.
    // OpenLayers writes attributions as HTML: the credit is escaped (the server also holds it to plain text).
    ? [new TileLayer({ source: new XYZ({ url: settings.baseTiles.url, attributions: settings.baseTiles.attribution ? escapeHtml(settings.baseTiles.attribution) : undefined,
      crossOrigin: 'anonymous' }) })]
    : [];
  const boundary = new VectorSource({
    features: new GeoJSON().readFeatures({ type: 'FeatureCollection', features: parks.map((p) => ({ type: 'Feature', geometry: p.boundary })) },
      { featureProjection: 'EPSG:3857' }),
  });
  const context = CONTEXT_LAYERS.filter((c) => names.includes(c.name))
    .map((c) => ({ ...c, layer: new ImageLayer({ source: wms(c.name), opacity: 0.7, visible: c.on }) }));
  const times = names.includes('plumes') ? await plumeTimes() : [];
  const plumes = new ImageLayer({ source: wms('plumes', times.length ? { TIME: times.at(-1) } : {}), opacity: 0.85, visible: times.length > 0 });
  const surface = new ImageLayer({ source: surfaceOf(chosen) ? wms(surfaceOf(chosen)) : null, opacity: 0.6, visible: false });
  const heatSource = (layer) => {
    const source = heatMapOf(layer) ? wms(heatMapOf(layer)) : null;
    source?.on('imageloadend', () => target.setAttribute('data-heat-drawn', 'true'));
    return source;
  };
  const heatMap = new ImageLayer({ source: heatSource(chosen), opacity: 0.8, visible: false });
  // The flow arrows of the first aquifer with heads (the shallowest, where a leak arrives first), at the plumes' time.
  const flowName = names.find((n) => n.startsWith('groundwater_flow.'));
  const flow = new ImageLayer({ source: flowName ? wms(flowName) : null, visible: false });
  flow.getSource()?.on('imageloadend', () => target.setAttribute('data-flow-drawn', 'true'));
  const wells = new ImageLayer({ source: wms(chosen) });
  const found = new VectorSource();
  const map = new Map({
    target,
    layers: [
      ...base,
      new VectorLayer({ source: boundary, style: new Style({ stroke: new Stroke({ color: '#455A64', width: 2, lineDash: [8, 4] }) }) }),
      surface, ...context.map((c) => c.layer), heatMap, plumes, flow, wells,
      new VectorLayer({ source: found, zIndex: 90, style: new Style({ image: new Circle({ radius: 12, stroke: new Stroke({ color: '#1565C0', width: 3 }) }),
        stroke: new Stroke({ color: '#1565C0', width: 3 }), fill: new Fill({ color: 'rgba(21,101,192,0.08)' }) }) }),
    ],
    view: new View({ center: [0, 0], zoom: 2 }),
  });
  const sketch = new Sketcher(map);
  let area = null; // the area of interest, in the map's projection; the selection is the view without one

  // Layers: the context layers, the surface of the chosen parameter and the plumes with their time.
  const slider = el('input', { type: 'range', id: 'plume-time', min: 0, max: Math.max(0, times.length - 1), value: Math.max(0, times.length - 1),
    disabled: times.length === 0, 'aria-label': t('map.plumeTime') });
  const sliderLabel = el('output', { id: 'plume-time-label', for: 'plume-time' }, times.length ? formatTime(times.at(-1)) : t('map.noPlumes'));
  slider.addEventListener('input', () => {
    const time = times[Number(slider.value)];
    sliderLabel.value = formatTime(time);
    plumes.getSource().updateParams({ TIME: time });
    flow.getSource()?.updateParams({ TIME: time });
  });
  const surfaceToggle = checkbox('layer-surface', t('map.layer.surface'), false, (on) => surface.setVisible(on));
  const heatLegend = el('img', { id: 'heat-legend', alt: t('map.layer.sourceProbabilities'), hidden: true });
  const heatMapToggle = checkbox('layer-source-probabilities', t('map.layer.sourceProbabilities'), false, (on) => {
    heatMap.setVisible(on);
    heatLegend.hidden = !on;
    const name = heatMapOf(picker.value);
    if (on && name && heatLegend.dataset.layer !== name) {
      heatLegend.dataset.layer = name;
      legendImage(name).then((url) => { heatLegend.src = url; });
    }
  });
  const flowLegend = el('img', { id: 'flow-legend', alt: t('map.layer.flow'), hidden: true });
  const flowToggle = checkbox('layer-flow', t('map.layer.flow'), false, (on) => {
    flow.setVisible(on);
    flowLegend.hidden = !on;
    if (on && !flowLegend.src) legendImage(flowName).then((url) => { flowLegend.src = url; });
  });
  flowToggle.querySelector('input').disabled = !flowName;
  const layerPanel = el('fieldset', { class: 'layers' }, el('legend', {}, t('map.layers')),
    ...context.map((c) => checkbox(`layer-${c.name}`, c.label(), c.on, (on) => c.layer.setVisible(on))),
    surfaceToggle,
    heatMapToggle,
    flowToggle,
    checkbox('layer-plumes', t('map.layer.plumes'), times.length > 0, (on) => plumes.setVisible(on)),
    el('label', { class: 'plume-time' }, t('map.plumeTime'), ' ', slider, ' ', sliderLabel));

  // Search: the wells and enterprises the person may see, by code or name.
  const [wellList, enterprises] = await Promise.all([api('/api/v1/wells'),
    names.includes('enterprises') ? api('/ogcapi/collections/enterprises/items?f=json&limit=1000') : { features: [] }]);
  const places = [
    ...wellList.features.filter((w) => w.geometry).map((w) => ({ label: `${w.properties.code} ${w.properties.nameZh ?? ''}`.trim(), feature: w, well: w.properties.code })),
    ...enterprises.features.filter((e) => e.geometry).map((e) => ({ label: e.properties.name_zh, feature: e })),
  ];
  const search = el('input', { type: 'search', id: 'map-search', list: 'map-places', placeholder: t('map.search'), 'aria-label': t('map.search') });
  const datalist = el('datalist', { id: 'map-places' }, ...places.map((p) => el('option', { value: p.label })));
  search.addEventListener('change', () => {
    const text = search.value.trim().toLowerCase();
    if (!text) return;
    const place = places.find((p) => p.label.toLowerCase() === text) ?? places.find((p) => p.label.toLowerCase().includes(text));
    found.clear();
    if (!place) {
      result.replaceChildren(el('p', { class: 'error' }, t('map.searchNone', { text: search.value })));
      return;
    }
    const feature = new GeoJSON().readFeature(place.feature, { featureProjection: 'EPSG:3857' });
    found.addFeature(feature);
    map.getView().fit(feature.getGeometry().getExtent(), { maxZoom: 17, padding: [60, 60, 60, 60], duration: 300 });
    result.replaceChildren(el('p', { id: 'search-found' }, place.well
      ? el('a', { href: `#/wells/${encodeURIComponent(place.well)}?parameter=${encodeURIComponent(parameterOf(picker.value))}` }, place.label)
      : place.label));
  });

  // Measuring, and areas of interest kept on the server under the person's name for them (on every device they use).
  const button = (id, label, action) => {
    const b = el('button', { type: 'button', id, class: 'tool' }, label);
    b.addEventListener('click', action);
    return b;
  };
  const lonLat = { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' };
  const areaName = el('input', { type: 'text', id: 'area-name', name: 'name', placeholder: t('map.areaName'), 'aria-label': t('map.areaName') });
  const areaList = el('select', { id: 'saved-areas', 'aria-label': t('map.savedAreas') });
  let keptAreas = [];
  const listAreas = async () => {
    keptAreas = await api('/api/v1/areas-of-interest');
    areaList.replaceChildren(el('option', { value: '' }, t('map.savedAreas')),
      ...keptAreas.map((a) => el('option', { value: String(a.id) }, a.name)));
  };
  await listAreas();
  const useArea = (geometry) => {
    area = geometry;
    sketch.show(geometry);
    showSelection();
  };
  areaList.addEventListener('change', () => {
    const kept = keptAreas.find((a) => String(a.id) === areaList.value);
    if (!kept) return;
    const geometry = new GeoJSON().readGeometry(kept.geometry, lonLat);
    areaName.value = kept.name;
    useArea(geometry);
    map.getView().fit(geometry.getExtent(), { padding: [40, 40, 40, 40] });
  });
  const saveArea = button('save-area', t('map.saveArea'), async () => {
    if (!area) {
      result.replaceChildren(el('p', { class: 'error' }, t('map.areaNeeded')));
      return;
    }
    // The server judges the name and the outline; its refusal is shown beside the field it names.
    try {
      const kept = await api('/api/v1/areas-of-interest', { method: 'POST',
        body: { name: areaName.value, geometry: new GeoJSON().writeGeometryObject(area, { ...lonLat, decimals: 7 }) } });
      clearProblems(areaForm);
      await listAreas();
      areaList.value = String(kept.id);
      result.replaceChildren(el('p', {}, t('map.areaSaved', { name: kept.name })));
    } catch (error) {
      showProblem(areaForm, error, saveArea);
    }
  });
  const deleteArea = button('delete-area', t('map.deleteArea'), async () => {
    const kept = keptAreas.find((a) => String(a.id) === areaList.value);
    if (!kept) return;
    try {
      await api(`/api/v1/areas-of-interest/${kept.id}`, { method: 'DELETE' });
      await listAreas();
      result.replaceChildren(el('p', {}, t('map.areaDeleted', { name: kept.name })));
    } catch (error) {
      showProblem(areaForm, error, deleteArea);
    }
  });
  const areaForm = el('form', { class: 'area-form', novalidate: true },
    el('div', { class: 'area-row' }, areaName, saveArea),
    el('div', { class: 'area-row' }, areaList, deleteArea, button('clear-area', t('map.clearArea'), () => {
      area = null;
      sketch.show(null);
      showSelection();
    })));
  areaForm.addEventListener('submit', (event) => event.preventDefault());
  const tools = el('fieldset', { class: 'tools-panel' }, el('legend', {}, t('map.tools')),
    button('measure-length', t('map.measureLength'), () => sketch.start('LineString', (g) => result.replaceChildren(
      el('p', { id: 'measured' }, t('map.length', { value: measure(g) }))))),
    button('measure-area', t('map.measureArea'), () => sketch.start('Polygon', (g) => result.replaceChildren(
      el('p', { id: 'measured' }, t('map.area', { value: measure(g) }))))),
    button('draw-area', t('map.drawArea'), () => sketch.start('Polygon', useArea)),
    areaForm,
    el('div', { class: 'area-row' },
      button('export-png', t('map.exportPng'), () => mapPng(map).then((png) => download('map.png', 'image/png', png),
        (error) => result.replaceChildren(el('p', { class: 'error' }, error.message)))),
      button('export-geojson', t('map.exportGeoJson'), async () => download(`${parameterOf(picker.value)}-wells.geojson`, 'application/geo+json',
        JSON.stringify({ type: 'FeatureCollection', features: await selection() }))),
      button('export-csv', t('map.exportCsv'), async () => download(`${parameterOf(picker.value)}-wells.csv`, 'text/csv;charset=utf-8',
        readingsCsv(await selection())))),
    el('p', { id: 'selection', class: 'selection' }));

  /** The latest readings of the chosen parameter at the wells in the area of interest, or in the view without one. */
  async function selection() {
    const extent = transformExtent(area ? area.getExtent() : map.getView().calculateExtent(map.getSize()), 'EPSG:3857', 'EPSG:4326');
    const page = await api(`/ogcapi/collections/latest_readings/items?f=json&limit=1000&parameter=${encodeURIComponent(parameterOf(picker.value))}`
      + `&bbox=${extent.map((v) => v.toFixed(6)).join(',')}`);
    if (!area) return page.features;
    return page.features.filter((f) => area.intersectsCoordinate(fromLonLat(f.geometry.coordinates)));
  }

  let counting = 0;
  async function showSelection() {
    const mine = ++counting;
    const features = await selection();
    if (mine !== counting) return; // a later move has asked again
    const wellsIn = new Set(features.map((f) => f.properties.well_code)).size;
    document.getElementById('selection')?.replaceChildren(t('map.selection', { count: wellsIn, scope: area ? t('map.scopeArea') : t('map.scopeView') }));
  }

  section.append(el('div', { class: 'map-tools' }, el('label', {}, t('map.parameter'), ' ', picker), search, datalist),
    el('div', { class: 'map-body' }, target,
      el('aside', { class: 'map-side' }, layerPanel, tools, result, el('h3', {}, t('map.legend')), legend, flowLegend, heatLegend, identify)));
  map.updateSize(); // the map was made before its element was in the page: fit to the size it has now

  if (query.has('lon') && query.has('lat')) {
    map.getView().setCenter(fromLonLat([Number(query.get('lon')), Number(query.get('lat'))]));
    map.getView().setZoom(Number(query.get('zoom') ?? 15));
  } else {
    map.getView().fit(boundary.getExtent(), { padding: [20, 20, 20, 20] });
  }

  let legendFor = null;
  function showLegend(layer) {
    legendFor = layer;
    legendImage(layer).then((url) => {
      if (legendFor !== layer) {
        URL.revokeObjectURL(url);
        return;
      }
      if (legend.src.startsWith('blob:')) URL.revokeObjectURL(legend.src);
      legend.src = url;
    });
  }
  showLegend(chosen);
  picker.addEventListener('change', () => {
    wells.setSource(wms(picker.value));
    const next = surfaceOf(picker.value);
    surface.setSource(next ? wms(next) : null);
    surfaceToggle.querySelector('input').disabled = !next;
    heatMap.setSource(heatSource(picker.value));
    const heatBox = heatMapToggle.querySelector('input');
    heatBox.disabled = !heatMapOf(picker.value);
    if (heatBox.disabled && heatBox.checked) {
      heatBox.checked = false;
      heatMap.setVisible(false);
      heatLegend.hidden = true;
    }
    showLegend(picker.value);
    showSelection();
  });
  surfaceToggle.querySelector('input').disabled = !surfaceOf(chosen);
  heatMapToggle.querySelector('input').disabled = !heatMapOf(chosen);

  let clicks = 0;
  map.on('singleclick', async (event) => {
    if (sketch.drawing()) return; // a click that draws identifies nothing
    const mine = ++clicks;
    const url = wells.getSource().getFeatureInfoUrl(event.coordinate, map.getView().getResolution(), 'EPSG:3857',
      { INFO_FORMAT: 'application/json', FEATURE_COUNT: 5 });
    const response = await authorizedFetch(url);
    const info = response.ok ? await response.json() : { features: [] };
    if (mine !== clicks) return; // a later click has asked again
    identify.hidden = false;
    identify.replaceChildren(el('h3', {}, t('map.identified')), ...(info.features.length ? info.features.map(featureCard) : [el('p', {}, t('map.nothingHere'))]));
  });
  // Counted once the view has settled: each count is a request, and each request an entry in the audit log.
  let settle = null;
  map.on('moveend', () => {
    clearTimeout(settle);
    if (!area) settle = setTimeout(showSelection, 400);
  });

  map.once('rendercomplete', () => target.setAttribute('data-ready', 'true'));
  return () => {
    sketch.stop();
    map.setTarget(null);
  };
}

function layerTitle(capabilities, name) {
  const layer = [...capabilities.getElementsByTagName('Layer')].find((l) => l.getElementsByTagName('Name')[0]?.textContent === name);
  return layer?.getElementsByTagName('Title')[0]?.textContent ?? name;
}

function featureCard(feature) {
  const p = feature.properties;
  return el('div', { class: 'feature', 'data-well': p.well_code },
    el('a', { href: `#/wells/${encodeURIComponent(p.well_code)}?parameter=${encodeURIComponent(p.parameter)}` }, p.well_name),
    el('div', {}, `${p.parameter_name}: ${p.result_value ?? '—'} ${p.unit}`),
    el('div', {}, t('map.class', { class: p.gbt14848_class ? ['I', 'II', 'III', 'IV', 'V'][p.gbt14848_class - 1] : '—' })),
    el('div', { class: 'time' }, formatTime(p.phenomenon_time)));
}
