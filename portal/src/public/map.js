// The public map: the park's own offline base (its outline, and the roads, risk zones, enterprises and receptors from the
// platform's WMS, as the operators' map draws them) and one point per shown place, coloured by the worst recent class
// of the chosen parameter among the wells there. Places are where the wells door shows the wells: under the shipped
// default their 500 m grid points, so several wells may share one.
import 'ol/ol.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import Overlay from 'ol/Overlay.js';
import Point from 'ol/geom/Point.js';
import ImageLayer from 'ol/layer/Image.js';
import VectorLayer from 'ol/layer/Vector.js';
import ImageWMS from 'ol/source/ImageWMS.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import { fromLonLat } from 'ol/proj.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { loadFetched } from '../map/images.js';
import { classColour } from './classes.js';
import { t } from './i18n.js';

/** The WMS layers under the wells, when the public's WMS offers them. */
const CONTEXT_LAYERS = ['roads', 'risk_zones', 'enterprises', 'receptors'];

/** A WMS image fetched without credentials, so that even a browser signed in elsewhere gets the public's map. */
function loadAnonymously(image, src) {
  loadFetched(image, fetch(src, { credentials: 'omit' }));
}

/** The worst recent class of the parameter among the place's wells; null when none has recent data of it. */
export function placeClass(place, parameter) {
  const classes = place.wells.map((w) => w.readings.get(parameter)).filter((r) => r?.recent).map((r) => r.cls);
  return classes.length ? Math.max(...classes) : null;
}

export function parkMap(target, popup, model, layerNames, onOpen) {
  const boundary = new VectorSource({
    features: model.park?.boundary ? [new GeoJSON().readFeature({ type: 'Feature', geometry: model.park.boundary }, { featureProjection: 'EPSG:3857' })] : [],
  });
  const context = CONTEXT_LAYERS.filter((name) => layerNames.includes(name)).map((name) => new ImageLayer({
    source: new ImageWMS({ url: '/wms', params: { LAYERS: name, VERSION: '1.3.0', FORMAT: 'image/png', TRANSPARENT: true, STYLES: '' },
      ratio: 1, hidpi: false, imageLoadFunction: loadAnonymously }),
    opacity: 0.8,
  }));
  const points = new VectorSource({
    features: model.places.map((place) => {
      const feature = new Feature({ geometry: new Point(fromLonLat(place.lonLat)) });
      feature.set('place', place);
      return feature;
    }),
  });
  let parameter = null;
  const styles = new globalThis.Map();
  const style = (feature) => {
    const place = feature.get('place');
    const cls = placeClass(place, parameter);
    const key = `${cls}/${place.wells.length}`;
    if (!styles.has(key)) {
      const many = place.wells.length > 1;
      styles.set(key, new Style({
        image: new Circle({ radius: many ? 13 : 9, fill: new Fill({ color: classColour(cls) }), stroke: new Stroke({ color: '#ffffff', width: 2.5 }) }),
        text: many ? new Text({ text: String(place.wells.length), font: 'bold 12px "Noto Sans CJK SC", sans-serif', fill: new Fill({ color: '#102030' }),
          stroke: new Stroke({ color: 'rgba(255,255,255,0.85)', width: 3 }) }) : undefined,
        zIndex: cls ?? 0,
      }));
    }
    return styles.get(key);
  };
  const wells = new VectorLayer({ source: points, style, zIndex: 10 });
  const overlay = new Overlay({ element: popup, positioning: 'bottom-center', offset: [0, -16], autoPan: { animation: { duration: 200 }, margin: 20 } });
  const map = new Map({
    target,
    layers: [...context, new VectorLayer({ source: boundary, style: new Style({ stroke: new Stroke({ color: '#0D3B66', width: 2, lineDash: [8, 5] }) }) }), wells],
    overlays: [overlay],
    controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
    view: new View({ center: [0, 0], zoom: 2, maxZoom: 18 }),
  });
  // The park and every point: a coarsened place may lie just outside the park's outline.
  const fit = () => {
    const extent = createEmpty();
    if (boundary.getFeatures().length) extend(extent, boundary.getExtent());
    if (points.getFeatures().length) extend(extent, points.getExtent());
    if (!isEmpty(extent)) map.getView().fit(extent, { padding: [30, 30, 30, 30], maxZoom: 16 });
  };
  fit();

  const open = (place) => {
    const feature = points.getFeatures().find((f) => f.get('place') === place);
    if (!feature) return;
    onOpen(place);
    overlay.setPosition(feature.getGeometry().getCoordinates());
  };
  map.on('singleclick', (event) => {
    const feature = map.forEachFeatureAtPixel(event.pixel, (f) => f, { layerFilter: (l) => l === wells, hitTolerance: 6 });
    if (feature) open(feature.get('place'));
    else overlay.setPosition(undefined);
  });
  map.on('pointermove', (event) => {
    target.style.cursor = map.hasFeatureAtPixel(event.pixel, { layerFilter: (l) => l === wells, hitTolerance: 6 }) ? 'pointer' : '';
  });
  map.once('rendercomplete', () => target.setAttribute('data-ready', 'true'));
  target.setAttribute('aria-label', t('map.label', { n: model.places.length }));

  return {
    map,
    setParameter(next) {
      parameter = next;
      wells.changed();
    },
    open,
    close: () => overlay.setPosition(undefined),
    /** Closes the card and shows the whole park again. */
    reset() {
      overlay.setPosition(undefined);
      fit();
      map.renderSync();
    },
    /** The pixel of the place with this number in the map's viewport, for a test to click. */
    pixelOf(number) {
      const feature = points.getFeatures().find((f) => f.get('place').number === number);
      return feature ? map.getPixelFromCoordinate(feature.getGeometry().getCoordinates()) : null;
    },
    dispose: () => map.setTarget(null),
  };
}
