// Plain-language explanations of what the sharing policy did to what the public sees, written from the policy in
// force (/api/v1/disclosure: the effects the rules for the caller apply to each dataset), never from a fixed text per
// well or per page: a policy that coarsens to 1 km, or shows exact values, explains itself as such here.
import { has, t } from './i18n.js';

/** A field's name for people (e.g. raw_value: 原始读数), or the field's own name where the bundle has none. */
export function fieldLabel(field) {
  const key = `field.${field}`;
  return has(key) ? t(key) : field;
}

/** A dataset's name for people, or its own name. */
export function datasetLabel(dataset) {
  const key = `dataset.${dataset}`;
  return has(key) ? t(key) : dataset;
}

export function duration(minutes) {
  return minutes % 60 === 0 ? t('duration.hours', { n: minutes / 60 }) : t('duration.minutes', { n: minutes });
}

/** The location sentence for a dataset (null when its places are shown as they are). */
export function locationText(shown) {
  return shown?.visible && shown.locationMetres ? t('why.location', { metres: Math.round(shown.locationMetres) }) : null;
}

/** The value sentence: class only (the attributes named), or null when values are shown as they are. */
export function classText(shown, attributes) {
  const bucketed = (shown?.classOnly ?? []).filter((a) => !attributes || attributes.includes(a));
  return shown?.visible && bucketed.length ? t('why.classOnly') : null;
}

export function delayText(shown) {
  return shown?.visible && shown.delayMinutes ? t('why.delay', { duration: duration(shown.delayMinutes) }) : null;
}

export function withheldText(shown) {
  return shown?.visible && shown.withheld ? t('why.withheld', { fields: [...new Set(shown.withheld.map(fieldLabel))].join(t('list.separator')) }) : null;
}

/** Every sentence for one dataset, in the order a reader meets them: place, value, time, fields, then the rest. */
export function explain(shown) {
  if (!shown) return [];
  if (!shown.visible) return [t('why.hidden')];
  const lines = [locationText(shown), classText(shown), delayText(shown), withheldText(shown)];
  if (shown.meansOver) lines.push(t('why.means', { step: t(`step.${shown.meansOver}`) }));
  if (shown.minimumEnterprises) lines.push(t('why.minimum', { n: shown.minimumEnterprises }));
  if (shown.rowsLimitedBy) lines.push(t('why.rows', { fields: shown.rowsLimitedBy.map(fieldLabel).join(t('list.separator')) }));
  if (shown.ownRows) lines.push(t(shown.ownRows === 'ONLY' ? 'why.ownOnly' : 'why.ownFull'));
  if (shown.area) lines.push(t('why.area'));
  const said = lines.filter(Boolean);
  return said.length ? said : [t('why.none')];
}
