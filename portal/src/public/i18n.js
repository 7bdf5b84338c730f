// The public portal's strings (src/public/i18n/<locale>.json), zh-CN first; the operators' bundles are not loaded here.
// The language is remembered under the operators' portal's key, so a person who picked English keeps it in both;
// ?lang=en-US (or zh-CN) in the address picks it for a shared link.
import zhCN from './i18n/zh-CN.json';
import enUS from './i18n/en-US.json';
import { messages } from '../messages.js';

export const LOCALES = { 'zh-CN': zhCN, 'en-US': enUS };
const bundle = messages(LOCALES, new URLSearchParams(location.search).get('lang'));
export const { currentLocale, setLocale, t, has, parameterName, chartLocale } = bundle;

/** A time as people in the park read it: China Standard Time, in the reader's language, to the minute. */
export function formatTime(iso) {
  return new Date(iso).toLocaleString(currentLocale(), { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit' });
}

/** A day (China Standard Time) as an axis label: 11-03, or 11/03 in English. */
export function formatDay(iso) {
  return new Date(iso).toLocaleDateString(currentLocale(), { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit' });
}
