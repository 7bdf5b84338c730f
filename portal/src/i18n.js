// Every string the portal shows comes from a message bundle (src/i18n/<locale>.json); zh-CN is the default.
// scripts/check-messages.mjs fails the build when a key is missing from a bundle or used but defined nowhere.
import zhCN from './i18n/zh-CN.json';
import enUS from './i18n/en-US.json';
import { messages } from './messages.js';

export const LOCALES = { 'zh-CN': zhCN, 'en-US': enUS };
const bundle = messages(LOCALES);
export const { currentLocale, setLocale, t, parameterName, chartLocale } = bundle;

/** A time as people in the park read it: China Standard Time, in the user's language. */
export function formatTime(iso) {
  return new Date(iso).toLocaleString(currentLocale(), { timeZone: 'Asia/Shanghai', hour12: false });
}
