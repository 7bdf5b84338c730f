// Ground distances on the Web Mercator map.
import { fromLonLat } from 'ol/proj.js';

/**
 * A point {@code metres} on the ground from {@code lonLat} towards {@code azimuth} (degrees clockwise from north), in
 * Web Mercator: ground metres are stretched by 1/cos(latitude) there.
 */
export function downFlow(lonLat, azimuth, metres) {
  const [x, y] = fromLonLat(lonLat);
  const stretch = 1 / Math.cos((lonLat[1] * Math.PI) / 180);
  const a = (azimuth * Math.PI) / 180;
  return [x + metres * Math.sin(a) * stretch, y + metres * Math.cos(a) * stretch];
}

// CGCS2000 ellipsoid (GB/T 18522), as the platform's local grids use it (core.geo.LocalGrid).
const A = 6378137.0;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);

/**
 * Metres per degree of longitude and of latitude at a latitude: the prime-vertical and meridional radii of curvature.
 * The platform's analyses lay their grids out in metres east and north of a park's corner with these.
 */
export function metresPerDegree(latitude) {
  const phi = (latitude * Math.PI) / 180;
  const w = Math.sqrt(1 - E2 * Math.sin(phi) ** 2);
  return { lon: (Math.PI / 180) * (A / w) * Math.cos(phi), lat: (Math.PI / 180) * ((A * (1 - E2)) / w ** 3) };
}
