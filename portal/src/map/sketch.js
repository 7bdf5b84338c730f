import Feature from 'ol/Feature.js';
import Draw from 'ol/interaction/Draw.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { getArea, getLength } from 'ol/sphere.js';
import { Fill, Stroke, Style } from 'ol/style.js';
import { currentLocale } from '../i18n.js';

const SKETCH = new Style({ stroke: new Stroke({ color: '#1565C0', width: 2, lineDash: [6, 4] }), fill: new Fill({ color: 'rgba(21,101,192,0.12)' }) });

/** Lengths on the ground (geodesic, WGS 84 sphere), not in Web Mercator metres, which are 19 % long at the park's latitude. */
export function formatLength(metres) {
  const digits = metres < 1000 ? 0 : 2;
  const format = new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return metres < 1000 ? `${format.format(metres)} m` : `${format.format(metres / 1000)} km`;
}

/** Areas in m² up to a hectare, then in hectares (公顷), the unit park plans use. */
export function formatArea(squareMetres) {
  const digits = squareMetres < 10000 ? 0 : 2;
  const format = new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return squareMetres < 10000 ? `${format.format(squareMetres)} m²` : `${format.format(squareMetres / 10000)} ha`;
}

/**
 * Drawing on the map, one sketch at a time: a line to measure, a polygon to measure or to keep as an area of interest.
 * {@code done} gets the finished geometry (map projection); drawing again replaces the last sketch.
 */
export class Sketcher {
  constructor(map) {
    this.map = map;
    this.source = new VectorSource();
    this.layer = new VectorLayer({ source: this.source, style: SKETCH, zIndex: 100 });
    map.addLayer(this.layer);
    this.draw = null;
  }

  start(type, done) {
    this.stop();
    this.source.clear();
    this.draw = new Draw({ source: this.source, type, style: SKETCH });
    this.draw.on('drawend', (event) => {
      const geometry = event.feature.getGeometry();
      this.finishedAt = Date.now();
      // After the event: OpenLayers adds the drawn feature once the handlers return, and must not finish on a removed
      // interaction; a 'done' that shows the sketch again then replaces that feature rather than doubling it.
      setTimeout(() => {
        this.stop();
        done(geometry);
      });
    });
    this.map.addInteraction(this.draw);
  }

  show(geometry) {
    this.stop();
    this.source.clear();
    if (geometry) this.source.addFeature(new Feature(geometry));
  }

  /** Whether a click is part of drawing: while a sketch is drawn, and for the click that finished it. */
  drawing() {
    return this.draw !== null || Date.now() - (this.finishedAt ?? 0) < 600;
  }

  stop() {
    if (this.draw) this.map.removeInteraction(this.draw);
    this.draw = null;
  }
}

/** A finished sketch's size on the ground. */
export function measure(geometry) {
  return geometry.getType() === 'LineString' ? formatLength(getLength(geometry)) : formatArea(getArea(geometry));
}
