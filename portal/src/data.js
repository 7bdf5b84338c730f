// Reads shared by several pages, all through the platform's public APIs.
import { api } from './api.js';

export function wells() {
  return api('/api/v1/wells');
}

/** Mean, min, max and count per interval (hour, day, month of China Standard Time) of a datastream's readings. */
export function aggregates(datastream, interval, from, to) {
  const query = new URLSearchParams({ interval, from, to });
  return api(`/api/v1/datastreams/${datastream}/aggregates?${query}`);
}

/**
 * The same over the days up to a datastream's latest reading (as the person may see it), found by the server in the
 * same request; the answer's from and to are the window it read.
 */
export function latestAggregates(datastream, interval, days) {
  const query = new URLSearchParams({ interval, days });
  return api(`/api/v1/datastreams/${datastream}/aggregates?${query}`);
}

const DAY_MS = 86400000;

/**
 * Several datastreams' daily means over the same days, up to the latest reading any of them has (as the person may see
 * it): one request each, the server finding each one's latest reading. A series whose latest reading is older keeps only
 * the days inside that common window. Returns each stream's buckets, in the order given.
 */
export async function dailyMeansToLatest(streams, days) {
  const answers = await Promise.all(streams.map((d) => latestAggregates(d.id, 'day', days)));
  const ends = answers.filter((a) => a.buckets.length).map((a) => Date.parse(a.to));
  if (!ends.length) return answers.map(() => []);
  const from = Math.max(...ends) - days * DAY_MS;
  return answers.map((a) => a.buckets.filter((b) => Date.parse(b.start) + DAY_MS > from));
}

/** The open alerts by level, and each level's colour as the map and lists use it. */
export const LEVEL_COLOURS = { GENERAL: '#FDD835', SERIOUS: '#FB8C00', SEVERE: '#E53935' };

export function alerts() {
  return api('/api/v1/alerts');
}

let parameterList;

/** The parameters by code (names in both languages, unit, GB/T 14848 class limits), loaded once. */
export async function parameters() {
  parameterList ??= api('/api/v1/parameters').then((list) => new Map(list.map((p) => [p.code, p])));
  return parameterList;
}

/** Every feature with a place of an OGC API collection the person may see, page by page. */
export async function ogcFeatures(first) {
  const features = [];
  let next = first;
  while (next) {
    const page = await api(next);
    features.push(...page.features.filter((f) => f.geometry));
    next = page.links?.find((l) => l.rel === 'next')?.href ?? null;
  }
  return features;
}

/**
 * The days up to the latest water level among these latest readings (OGC API features): the period whose heads and
 * concentrations the analyses start from, as {from, to} (ISO-8601; to just past the latest reading).
 */
export function periodToLatestHeads(latestReadings, days) {
  const latest = Math.max(...latestReadings.filter((f) => f.properties.parameter === 'water-level').map((f) => Date.parse(f.properties.phenomenon_time)));
  const to = new Date((Number.isFinite(latest) ? latest : Date.now()) + 1000).toISOString();
  return { from: new Date(Date.parse(to) - days * 86400000).toISOString(), to };
}
