// Every string the portal shows comes from a message bundle (src/i18n/<locale>.json); zh-CN is the default.
// scripts/check-messages.mjs fails the build when a key is missing from a bundle or used but defined nowhere.
import zhCN from './i18n/zh-CN.json';
import enUS from './i18n/en-US.json';

export const LOCALES = { 'zh-CN': zhCN, 'en-US': enUS };
const STORED = 'gw.portal.locale';
let locale = LOCALES[localStorage.getItem(STORED)] ? localStorage.getItem(STORED) : 'zh-CN';

export function currentLocale() {
  return locale;
}

export function setLocale(next) {
  locale = next;
  localStorage.setItem(STORED, next);
  document.documentElement.lang = next;
}

/** The message for key, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = LOCALES[locale][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** A time as people in the park read it: China Standard Time, in the user's language. */
export function formatTime(iso) {
  return new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Shanghai', hour12: false });
}

/** A parameter's name (the platform's data, in both languages) in the user's language. */
export function parameterName(parameter) {
  return locale === 'zh-CN' ? parameter.nameZh : parameter.nameEn;
}

/** ECharts' own locale (axis labels, toolbox) for the user's language. */
export function chartLocale() {
  return locale === 'zh-CN' ? 'ZH' : 'EN';
}
