import ImageWMS from 'ol/source/ImageWMS.js';
import { authorizedFetch } from '../api.js';

/** The platform's own WMS: maps need no outside tiles, so they work on an isolated park network. */
export const WMS = '/wms';

/** An image of the WMS as the signed-in person may see it: fetched with the token (an <img> cannot send one). */
export async function authorizedImage(url) {
  return URL.createObjectURL(await (await authorizedFetch(url)).blob());
}

/**
 * Loads a WMS image with the token. A refused or failed request ends the image in error (OpenLayers then renders on
 * without it) instead of leaving it pending, which would hold back 'rendercomplete' for good.
 */
function loadWithToken(image, src) {
  const element = image.getImage();
  authorizedFetch(src)
    .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(`WMS ${response.status}`))))
    .then((blob) => {
      const url = URL.createObjectURL(blob);
      const done = () => URL.revokeObjectURL(url);
      element.addEventListener('load', done, { once: true });
      element.addEventListener('error', done, { once: true });
      element.src = url;
    })
    // OpenLayers listens to the element: an 'error' there ends the image.
    .catch(() => element.dispatchEvent(new Event('error')));
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
