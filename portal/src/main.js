import './style.css';
import { completeSignIn, accessToken, signIn, claims } from './auth.js';
import { t, setLocale, currentLocale, LOCALES } from './i18n.js';
import { can } from './roles.js';
import { el } from './dom.js';

// Hash routes: each page is its own chunk, loaded when first opened.
const PAGES = {
  dashboard: { load: () => import('./pages/dashboard.js') },
  map: { load: () => import('./pages/map.js') },
  wells: { load: () => import('./pages/well.js'), hidden: true },
  alerts: { load: () => import('./pages/alerts.js') },
  incidents: { load: () => import('./pages/incident.js'), allowed: () => can('incidents') },
  subsurface: { load: () => import('./pages/subsurface.js') },
  analysis: { load: () => import('./pages/analysis.js'), allowed: () => can('analyse') },
  remediation: { load: () => import('./pages/remediation.js'), allowed: () => can('remediation') },
  drills: { load: () => import('./pages/drills.js'), allowed: () => can('drills') },
  // The administration consoles (三员分立 and O&M): each to its own role only.
  system: { load: () => import('./pages/admin-system.js'), allowed: () => can('administerSystem') },
  security: { load: () => import('./pages/admin-security.js'), allowed: () => can('administerSecurity') },
  audit: { load: () => import('./pages/admin-audit.js'), allowed: () => can('audit') },
  om: { load: () => import('./pages/admin-om.js'), allowed: () => can('maintainDevices') },
  dashboards: { load: () => import('./pages/dashboards.js'), allowed: () => can('dashboards') },
  reports: { load: () => import('./pages/reports.js'), allowed: () => can('customReports') },
};

let leave = null;
/** Routes opened so far: a page whose chunk or data arrives after a later route was opened must not replace it. */
let opened = 0;

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, ...rest] = path.split('/');
  return { name: PAGES[name] ? name : 'dashboard', params: rest.map(decodeURIComponent), query: new URLSearchParams(query) };
}

function header(current) {
  const top = document.getElementById('top');
  const nav = Object.entries(PAGES).filter(([, p]) => !p.hidden && (!p.allowed || p.allowed()))
    .map(([name]) => el('a', { href: `#/${name}`, class: name === current ? 'active' : '', 'data-page': name }, t(`nav.${name}`)));
  const language = el('select', { id: 'locale', 'aria-label': t('nav.language') },
    ...Object.keys(LOCALES).map((l) => el('option', { value: l, selected: l === currentLocale() }, LOCALES[l]['locale.name'])));
  language.addEventListener('change', () => {
    setLocale(language.value);
    show();
  });
  const me = claims();
  top.replaceChildren(el('span', { class: 'brand' }, t('app.title')), el('nav', {}, ...nav),
    el('span', { class: 'who', id: 'who' }, me?.sub ?? ''), language);
}

async function show() {
  const visit = ++opened;
  document.title = t('app.title');
  const { name, params, query } = route();
  const page = PAGES[name];
  header(name);
  leave?.();
  leave = null;
  const container = document.getElementById('page');
  if (page.allowed && !page.allowed()) {
    container.replaceChildren(el('p', { class: 'empty' }, t('page.notAllowed')));
    return;
  }
  container.replaceChildren(el('p', { class: 'empty' }, t('page.loading')));
  const module = await page.load.call();
  if (visit !== opened) return;
  const section = el('section', { class: `page page-${name}` });
  container.replaceChildren(section);
  const cleanup = await module.render(section, params, query);
  if (visit === opened) leave = cleanup;
  else cleanup?.();
}

async function start() {
  setLocale(currentLocale());
  try {
    await completeSignIn();
  } catch (error) {
    document.getElementById('page').replaceChildren(el('p', { class: 'error' }, `${t('auth.failed')}: ${error.message}`));
    return;
  }
  if (!accessToken()) {
    await signIn();
    return;
  }
  window.addEventListener('hashchange', show);
  await show();
}

start();
