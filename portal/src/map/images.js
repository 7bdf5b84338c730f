// Map images fetched by the page itself (with a token, or explicitly without credentials) rather than by an <img>.

/**
 * Shows the image a fetch answers in an OpenLayers image. A refused or failed request ends the image in error
 * (OpenLayers then renders on without it) instead of leaving it pending, which would hold back 'rendercomplete' for good.
 */
export function loadFetched(image, fetching) {
  const element = image.getImage();
  fetching
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
