// The public portal's strings (src/public/i18n/<locale>.json), zh-CN first; the operators' bundles are not loaded here.
// The language is remembered under the operators' portal's key, so a person who picked English keeps it in both;
// ?lang=en-US (or zh-CN) in the address picks it for a shared link.
import zhCN from './i18n/zh-CN.json';
import enUS from './i18n/en-US.json';

export const LOCALES = { 'zh-CN': zhCN, 'en-US': enUS };
const STORED = 'gw.portal.locale';

function initial() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (LOCALES[asked]) return asked;
  try {
    const stored = localStorage.getItem(STORED);
    if (LOCALES[stored]) return stored;
  } catch {
    // storage refused (private mode): the default
  }
  return 'zh-CN';
}

let locale = initial();

export function currentLocale() {
  return locale;
}

export function setLocale(next) {
  locale = next;
  try {
    localStorage.setItem(STORED, next);
  } catch {
    // not remembered, still shown
  }
  document.documentElement.lang = next;
}

/** The message for key, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = LOCALES[locale][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** Whether the bundle names the key: labels of fields and datasets fall back to their own names. */
export function has(key) {
  return key in LOCALES[locale];
}

/** A time as people in the park read it: China Standard Time, in the reader's language, to the minute. */
export function formatTime(iso) {
  return new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit' });
}

/** A day (China Standard Time) as an axis label: 11-03, or 11/03 in English. */
export function formatDay(iso) {
  return new Date(iso).toLocaleDateString(locale, { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit' });
}

/** A parameter's name (the platform's data, in both languages) in the reader's language. */
export function parameterName(parameter) {
  return locale === 'zh-CN' ? parameter.nameZh : parameter.nameEn;
}

export function chartLocale() {
  return locale === 'zh-CN' ? 'ZH' : 'EN';
}
