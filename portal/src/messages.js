// A language and its message bundles, shared by the operators' portal and the public page (each with its own bundles;
// neither loads the other's strings). The choice is remembered under one key, so a person keeps it on both pages.
const STORED = 'gw.portal.locale';

/** The language chosen before, or the first; storage a browser refuses (private mode) is not an error. */
function remembered(locales, first) {
  try {
    const stored = localStorage.getItem(STORED);
    if (locales[stored]) return stored;
  } catch {
    // storage refused: the default
  }
  return first;
}

/** The messages of {@code locales} (locale → bundle), in the language asked for, else remembered, else zh-CN. */
export function messages(locales, asked) {
  let locale = locales[asked] ? asked : remembered(locales, 'zh-CN');
  return {
    currentLocale: () => locale,
    setLocale(next) {
      locale = next;
      try {
        localStorage.setItem(STORED, next);
      } catch {
        // not remembered, still shown
      }
      document.documentElement.lang = next;
    },
    /** The message for key, with {name} placeholders filled from vars. */
    t(key, vars = {}) {
      const text = locales[locale][key] ?? key;
      return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
    },
    has: (key) => key in locales[locale],
    /** A parameter's name (the platform's data, in both languages) in the reader's language. */
    parameterName: (parameter) => (locale === 'zh-CN' ? parameter.nameZh : parameter.nameEn),
    /** ECharts' own locale (axis labels, toolbox) for the reader's language. */
    chartLocale: () => (locale === 'zh-CN' ? 'ZH' : 'EN'),
  };
}
