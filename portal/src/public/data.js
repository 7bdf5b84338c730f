// Everything the public portal shows, read through the platform's anonymous doors, each of which applies the sharing
// policy's rules for the public below its answer: the REST park, parameters, wells (their shown places) and alerts,
// the OGC API's latest readings (as shown: under the shipped default a class, 24 h late), the quality-class counts of
// the readings, and what the policy shows the caller (/api/v1/disclosure), from which every explanation on the page is
// written. No request carries credentials, not even a session cookie of a person signed in elsewhere on the platform:
// the page shows the public's view to everyone. A door the policy closes answers 404, and its part of the page says so.
import { currentLocale } from './i18n.js';

export class DoorError extends Error {
  constructor(status, path) {
    super(`${path}: HTTP ${status}`);
    this.status = status;
  }
}

export async function getJson(path) {
  const response = await fetch(path, { credentials: 'omit', headers: { Accept: 'application/json', 'Accept-Language': currentLocale() } });
  if (!response.ok) throw new DoorError(response.status, path);
  return response.json();
}

/** The answer, or null where the policy does not show the dataset to the public (404). */
async function optional(promise) {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof DoorError && error.status === 404) return null;
    throw error;
  }
}

/** A reading's age beyond which a well counts as having no recent data, as the latest-readings layer counts it. */
const RECENT_MS = 3 * 86400000;

/**
 * Well code and parameter to the latest reading as shown ({time, result}): the OGC API's latest readings, the dataset
 * the policy names for "the latest value at each well" (under the shipped default: the latest reading at least 24 h
 * old and at most three days older than that, as its class, at the 500 m grid point), a page of 1,000 at a time.
 */
async function latestReadings() {
  const latest = new Map();
  let next = '/ogcapi/collections/latest_readings/items?f=json&limit=1000';
  while (next) {
    const page = await getJson(next);
    for (const f of page.features) {
      const p = f.properties;
      latest.set(`${p.well_code}/${p.parameter}`, { time: p.phenomenon_time, result: p.result_value, cls: p.gbt14848_class });
    }
    const link = page.links?.find((l) => l.rel === 'next');
    next = link ? new URL(link.href).pathname + new URL(link.href).search : null;
  }
  return latest;
}

/**
 * The park as the public may see it: its outline, the wells at their shown places grouped by place (a coarsened
 * place holds every well of its grid cell), each well's latest shown class of every classed parameter, the open
 * alerts, and what the policy shows of each dataset.
 */
export async function loadPark() {
  const [parks, parameterList, disclosure] = await Promise.all([getJson('/api/v1/parks'), getJson('/api/v1/parameters'), getJson('/api/v1/disclosure')]);
  const shown = new Map(disclosure.datasets.map((d) => [d.dataset, d]));
  const visible = (name) => shown.get(name)?.visible === true;
  const [wellCollection, latest, alerts] = await Promise.all([
    visible('wells') ? optional(getJson('/api/v1/wells')) : null,
    visible('latest_readings') ? latestReadings() : new Map(),
    visible('alerts') ? optional(getJson('/api/v1/alerts')) : null,
  ]);
  const parameters = new Map(parameterList.map((p) => [p.code, p]));
  // Where the policy shows the latest readings' values as classes, the value is the class and there is no value to show.
  const classOnly = (shown.get('latest_readings')?.classOnly ?? []).includes('result_value');

  const wells = (wellCollection?.features ?? []).filter((f) => f.geometry).map((f) => {
    const p = f.properties;
    const readings = new Map();
    // A dual-sensor well's first datastream: the second measures the same water.
    for (const d of [...(p.datastreams ?? [])].sort((a, b) => a.id - b.id)) {
      const parameter = parameters.get(d.parameter);
      if (!parameter?.classLimits || readings.has(d.parameter)) continue;
      const o = latest.get(`${p.code}/${d.parameter}`);
      if (!o || o.result == null) {
        readings.set(d.parameter, null);
        continue;
      }
      // The server's class of the reading (latest_readings' gbt14848_class), never worked out again here from the limits.
      readings.set(d.parameter, { time: o.time, cls: o.cls ?? (classOnly ? o.result : null), value: classOnly ? null : o.result });
    }
    return { code: p.code, name: p.nameZh, aquifer: p.aquifer, lonLat: f.geometry.coordinates, readings };
  });

  // The latest time shown anywhere: the page's "data up to"; a reading three days older than that is not recent.
  const times = wells.flatMap((w) => [...w.readings.values()].filter(Boolean).map((r) => Date.parse(r.time)));
  const asOf = times.length ? new Date(Math.max(...times)).toISOString() : null;
  for (const w of wells) {
    for (const r of w.readings.values()) if (r) r.recent = Date.parse(asOf) - Date.parse(r.time) <= RECENT_MS;
    const recent = [...w.readings.values()].filter((r) => r?.recent);
    w.worst = recent.length ? Math.max(...recent.map((r) => r.cls)) : null;
  }

  // The classed parameters measured at some well, the most of concern first (wells in class IV or V, then wells reporting).
  const measured = [...new Set(wells.flatMap((w) => [...w.readings.keys()]))].map((code) => parameters.get(code));
  const concern = (code) => wells.filter((w) => w.readings.get(code)?.recent && w.readings.get(code).cls >= 4).length;
  const reporting = (code) => wells.filter((w) => w.readings.get(code)?.recent).length;
  measured.sort((a, b) => concern(b.code) - concern(a.code) || reporting(b.code) - reporting(a.code) || a.code.localeCompare(b.code));

  // Places: the wells shown at one point, numbered north to south, then west to east.
  const byPlace = new Map();
  for (const w of wells) {
    const key = w.lonLat.join(',');
    if (!byPlace.has(key)) byPlace.set(key, { key, lonLat: w.lonLat, wells: [] });
    byPlace.get(key).wells.push(w);
  }
  const places = [...byPlace.values()].sort((a, b) => b.lonLat[1] - a.lonLat[1] || a.lonLat[0] - b.lonLat[0]);
  places.forEach((place, i) => {
    place.number = i + 1;
    place.wells.sort((a, b) => a.code.localeCompare(b.code));
  });

  return { park: parks[0] ?? null, parameters, shown, policyVersion: disclosure.policyVersion, wells, places, measured, asOf, alerts };
}

/** Start of the day (China Standard Time) that holds the instant, as an instant. */
function dayStart(ms) {
  const offset = 8 * 3600000;
  return Math.floor((ms + offset) / 86400000) * 86400000 - offset;
}

/** Wells per class per day of the parameter, over the days up to the page's "data up to" (the policy cuts at its delay). */
export function classHistory(parameter, asOf, days) {
  const end = Date.parse(asOf);
  const query = new URLSearchParams({ parameter, interval: 'day', from: new Date(dayStart(end) - (days - 1) * 86400000).toISOString(),
    to: new Date(end + 1).toISOString() });
  return optional(getJson(`/api/v1/quality-classes?${query}`));
}

/** The names of the layers the public's WMS offers. */
export async function wmsLayers() {
  const response = await fetch('/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0', { credentials: 'omit' });
  if (!response.ok) return [];
  const capabilities = new DOMParser().parseFromString(await response.text(), 'text/xml');
  return [...capabilities.getElementsByTagName('Layer')].map((l) => l.getElementsByTagName('Name')[0]?.textContent).filter(Boolean);
}
