// Reads shared by several pages, all through the platform's public APIs.
import { api } from './api.js';

export function wells() {
  return api('/api/v1/wells');
}

/** The time of a datastream's latest observation, or undefined (SensorThings, newest first: one index step). */
export function latestObservation(datastream) {
  return api(`/sta/v1.1/Datastreams(${datastream.id})/Observations?$top=1&$orderby=${encodeURIComponent('phenomenonTime desc')}&$select=phenomenonTime`)
    .then((page) => page.value[0]?.phenomenonTime);
}

/** Mean, min, max and count per interval (hour, day, month of China Standard Time) of a datastream's readings. */
export function aggregates(datastream, interval, from, to) {
  const query = new URLSearchParams({ interval, from, to });
  return api(`/api/v1/datastreams/${datastream}/aggregates?${query}`);
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
