// Exports of the map page: the view as the person sees it (PNG) and the wells in a selection (GeoJSON, CSV). Everything
// exported was fetched through the platform's own services, so it carries the disclosure the person's audience gets.

/** Offers a file to save, as the browser's download. */
export function download(name, type, content) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * The map's layers composed into one PNG, at their opacity and transform (after the OpenLayers export example). The
 * WMS images are blob URLs of this origin, so no canvas is tainted.
 */
export function mapPng(map) {
  return new Promise((resolve, reject) => {
    const late = setTimeout(() => reject(new Error('the map did not finish drawing')), 20000);
    map.once('rendercomplete', () => {
      clearTimeout(late);
      const [width, height] = map.getSize();
      const out = document.createElement('canvas');
      out.width = width;
      out.height = height;
      const context = out.getContext('2d');
      context.fillStyle = '#ECEFF1';
      context.fillRect(0, 0, width, height);
      for (const canvas of map.getViewport().querySelectorAll('.ol-layer canvas, canvas.ol-layer')) {
        if (canvas.width === 0) continue;
        const opacity = canvas.parentNode.style.opacity || canvas.style.opacity;
        context.globalAlpha = opacity === '' ? 1 : Number(opacity);
        const matrix = canvas.style.transform.match(/^matrix\(([^(]*)\)$/)?.[1].split(',').map(Number) ?? [1, 0, 0, 1, 0, 0];
        context.setTransform(...matrix);
        context.drawImage(canvas, 0, 0);
      }
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.globalAlpha = 1;
      try {
        out.toBlob(resolve, 'image/png');
      } catch (error) {
        reject(error); // a layer from another origin without CORS has tainted the canvas
      }
    });
    map.renderSync();
  });
}

const CSV_COLUMNS = ['well_code', 'well_name', 'aquifer', 'parameter', 'parameter_name', 'result_value', 'unit', 'phenomenon_time',
  'gbt14848_class', 'quality_flags'];

function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  // Text a spreadsheet would take for a formula (=, +, -, @ first) is kept as text; numbers stay numbers.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The latest readings as CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel reads the Chinese names). */
export function readingsCsv(features) {
  const lines = [[...CSV_COLUMNS, 'longitude', 'latitude'].join(',')];
  for (const f of features) {
    const [lon, lat] = f.geometry?.coordinates ?? [];
    lines.push([...CSV_COLUMNS.map((c) => f.properties[c]), lon, lat].map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
