import 'ol/ol.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import ImageLayer from 'ol/layer/Image.js';
import VectorLayer from 'ol/layer/Vector.js';
import ImageWMS from 'ol/source/ImageWMS.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { fromLonLat } from 'ol/proj.js';
import { Stroke, Style } from 'ol/style.js';
import { api, authorizedFetch } from '../api.js';
import { el } from '../dom.js';
import { t, formatTime } from '../i18n.js';

/** The platform's own WMS: the map needs no outside tiles, so it works on an isolated park network. */
const WMS = '/wms';
const CONTEXT_LAYERS = ['risk_zones', 'enterprises', 'receptors'];

/** An image of the WMS as the signed-in person may see it: fetched with the token (an <img> cannot send one). */
async function authorizedImage(url) {
  return URL.createObjectURL(await (await authorizedFetch(url)).blob());
}

function loadWithToken(image, src) {
  const element = image.getImage();
  authorizedImage(src).then((url) => {
    element.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
    element.src = url;
  });
}

function wms(layer) {
  return new ImageWMS({ url: WMS, params: { LAYERS: layer, VERSION: '1.3.0', FORMAT: 'image/png', TRANSPARENT: true, STYLES: '' }, ratio: 1, hidpi: false,
    imageLoadFunction: loadWithToken });
}

/**
 * The park map: its boundary, context layers and wells coloured by the GB/T 14848 class of their latest value of one
 * parameter; a click identifies the wells there (GetFeatureInfo) and links to their pages. #/map?lon=&lat=&zoom= sets
 * the view; otherwise it shows the whole park.
 */
export async function render(section, params, query) {
  const capabilities = new DOMParser().parseFromString(await (await authorizedFetch(`${WMS}?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0`)).text(), 'text/xml');
  const classLayers = [...capabilities.getElementsByTagName('Name')].map((n) => n.textContent).filter((n) => n.startsWith('quality_class.'));
  const chosen = classLayers.includes(`quality_class.${query.get('parameter')}`) ? `quality_class.${query.get('parameter')}` : classLayers[0];

  const picker = el('select', { id: 'class-layer', 'aria-label': t('map.parameter') },
    ...classLayers.map((name) => el('option', { value: name, selected: name === chosen }, layerTitle(capabilities, name))));
  const legend = el('img', { id: 'legend', alt: t('map.legend') });
  const identify = el('div', { id: 'identify', class: 'identify', hidden: true });
  const target = el('div', { id: 'map', class: 'map' });
  section.append(el('div', { class: 'map-tools' }, el('label', {}, t('map.parameter'), ' ', picker)), el('div', { class: 'map-body' }, target,
    el('aside', { class: 'map-side' }, el('h3', {}, t('map.legend')), legend, identify)));

  const parks = await api('/api/v1/parks');
  const boundary = new VectorSource({
    features: new GeoJSON().readFeatures({ type: 'FeatureCollection', features: parks.map((p) => ({ type: 'Feature', geometry: p.boundary })) },
      { featureProjection: 'EPSG:3857' }),
  });
  const wells = new ImageLayer({ source: wms(chosen) });
  const map = new Map({
    target,
    layers: [
      new VectorLayer({ source: boundary, style: new Style({ stroke: new Stroke({ color: '#455A64', width: 2, lineDash: [8, 4] }) }) }),
      ...CONTEXT_LAYERS.map((name) => new ImageLayer({ source: wms(name), opacity: 0.7 })),
      wells,
    ],
    view: new View({ center: [0, 0], zoom: 2 }),
  });
  if (query.has('lon') && query.has('lat')) {
    map.getView().setCenter(fromLonLat([Number(query.get('lon')), Number(query.get('lat'))]));
    map.getView().setZoom(Number(query.get('zoom') ?? 15));
  } else {
    map.getView().fit(boundary.getExtent(), { padding: [20, 20, 20, 20] });
  }

  function showLegend(layer) {
    authorizedImage(`${WMS}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&SLD_VERSION=1.1.0&LAYER=${encodeURIComponent(layer)}`)
      .then((url) => { legend.src = url; });
  }
  showLegend(chosen);
  picker.addEventListener('change', () => {
    wells.setSource(wms(picker.value));
    showLegend(picker.value);
  });

  map.on('singleclick', async (event) => {
    const url = wells.getSource().getFeatureInfoUrl(event.coordinate, map.getView().getResolution(), 'EPSG:3857',
      { INFO_FORMAT: 'application/json', FEATURE_COUNT: 5 });
    const found = await (await authorizedFetch(url)).json();
    identify.hidden = false;
    identify.replaceChildren(el('h3', {}, t('map.identified')), ...(found.features.length ? found.features.map(featureCard) : [el('p', {}, t('map.nothingHere'))]));
  });

  map.once('rendercomplete', () => target.setAttribute('data-ready', 'true'));
  return () => map.setTarget(null);
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
