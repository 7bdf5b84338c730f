import ImageWMS from 'ol/source/ImageWMS.js';
import { authorizedFetch } from '../api.js';
import { loadFetched } from './images.js';

/** The platform's own WMS: maps need no outside tiles, so they work on an isolated park network. */
export const WMS = '/wms';

/** An image of the WMS as the signed-in person may see it: fetched with the token (an <img> cannot send one). */
export async function authorizedImage(url) {
  return URL.createObjectURL(await (await authorizedFetch(url)).blob());
}

/** Loads a WMS image with the person's token. */
function loadWithToken(image, src) {
  loadFetched(image, authorizedFetch(src));
}

/** A WMS layer's images, single-tiled, fetched with the person's token. */
export function wms(layer, extra = {}) {
  return new ImageWMS({ url: WMS, params: { LAYERS: layer, VERSION: '1.3.0', FORMAT: 'image/png', TRANSPARENT: true, STYLES: '', ...extra },
    ratio: 1, hidpi: false, imageLoadFunction: loadWithToken });
}

/** The layer's legend as an object URL. */
export function legendImage(layer) {
  return authorizedImage(`${WMS}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&SLD_VERSION=1.1.0&LAYER=${encodeURIComponent(layer)}`);
}
