// The public portal at /public/: no sign-in, nothing of the operators' portal loaded, every number read from the
// anonymous doors that apply the sharing policy's rules for the public (data.js), every masked value explained from
// the rules in force (explain.js). Chinese first, English from the language menu or ?lang=en-US.
import './style.css';
import { el } from '../dom.js';
import { LOCALES, currentLocale, formatTime, parameterName, setLocale, t } from './i18n.js';
import { classHistory, loadPark, wmsLayers } from './data.js';
import { classText, datasetLabel, delayText, explain, locationText, withheldText } from './explain.js';
import { classColour } from './classes.js';

const TREND_DAYS = 30;
const SECTIONS = ['status', 'map', 'trend', 'disclosure', 'open'];
const LEVELS = ['GENERAL', 'SERIOUS', 'SEVERE'];
const GROUPS = [
  { key: 'places', datasets: ['wells', 'Locations', 'HistoricalLocations', 'FeaturesOfInterest'] },
  { key: 'values', datasets: ['Observations', 'readings', 'latest_readings'] },
  { key: 'alerts', datasets: ['alerts'] },
  { key: 'enterprises', datasets: ['enterprises', 'potential_sources'] },
];

const state = { model: null, layers: [], parameter: null, histories: new Map(), disposers: [] };

function parkName() {
  const park = state.model?.park;
  if (!park) return '';
  return currentLocale() === 'zh-CN' ? park.nameZh : park.nameEn;
}

function title() {
  return state.model?.park ? t('app.title', { park: parkName() }) : t('app.titleFallback');
}

function header() {
  const language = el('select', { id: 'locale', 'aria-label': t('nav.language') },
    ...Object.keys(LOCALES).map((l) => el('option', { value: l, selected: l === currentLocale() }, LOCALES[l]['locale.name'])));
  language.addEventListener('change', () => {
    setLocale(language.value);
    // Before the park has loaded there is only the header to say again.
    if (state.model) render();
    else {
      document.title = title();
      header();
    }
  });
  document.getElementById('top').replaceChildren(el('div', { class: 'top-inner' },
    el('a', { class: 'brand', href: '#status' }, el('span', { class: 'emblem', 'aria-hidden': 'true' }, '◆'), el('span', {}, parkName() || t('app.titleFallback'))),
    el('nav', { 'aria-label': t('nav.label') }, ...SECTIONS.map((s) => el('a', { href: `#${s}` }, t(`nav.${s}`)))),
    el('label', { class: 'language' }, el('span', { class: 'sr-only' }, t('nav.language')), language)));
  const skip = document.getElementById('skip');
  skip.textContent = t('app.skip');
}

function sentences(lines, className = 'why') {
  const said = lines.filter(Boolean);
  return said.length ? el('ul', { class: className }, ...said.map((line) => el('li', {}, line))) : null;
}

function classBadge(cls) {
  return el('span', { class: 'class-badge', 'data-class': cls ?? '' }, el('i', { class: 'swatch', style: `background:${classColour(cls)}`, 'aria-hidden': 'true' }),
    cls ? t(`class.${cls}`) : t('map.noData'));
}

// ---- the overall status ----

function statusSection(model) {
  const recent = model.wells.filter((w) => w.worst != null);
  const n5 = recent.filter((w) => w.worst === 5).length;
  const n4 = recent.filter((w) => w.worst === 4).length;
  const n13 = recent.length - n4 - n5;
  const level = !recent.length ? 'none' : n5 ? 'alert' : n4 ? 'watch' : 'good';
  const summary = level === 'none' ? t('status.none') : level === 'alert' && !n4 ? t('status.alertOnly', { n5, n13 })
    : t(`status.${level}`, { n: recent.length, n4, n5, n13 });
  const observations = model.shown.get('latest_readings');
  const alerts = model.alerts;
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l.toLowerCase(), alerts ? alerts.filter((a) => a.level === l).length : 0]));

  const card = (id, label, value, note, colour) => el('div', { class: 'card', 'data-card': id },
    el('div', { class: 'card-label' }, colour ? el('i', { class: 'swatch', style: `background:${colour}`, 'aria-hidden': 'true' }) : null, label),
    el('div', { class: 'card-value' }, value), note ? el('div', { class: 'card-note' }, note) : null);
  return el('section', { id: 'status', class: 'hero', 'aria-labelledby': 'page-title' },
    el('div', { class: 'hero-inner' },
      el('h1', { id: 'page-title' }, title()),
      el('p', { class: 'subtitle' }, t('app.subtitle')),
      el('div', { class: 'status-panel' },
        el('div', { class: `status-badge status-${level}`, id: 'overall', 'data-level': level },
          el('span', { class: 'status-caption' }, t('status.title')), el('strong', {}, t(`state.${level}`))),
        el('div', { class: 'status-text' },
          el('p', { class: 'status-summary' }, summary),
          el('p', { class: 'status-meta' }, model.asOf ? t('status.asOf', { time: formatTime(model.asOf) }) : null,
            model.asOf && delayText(observations) ? ` · ${delayText(observations)}` : null),
          el('p', { class: 'status-meta' }, t('status.basis', { parameters: model.measured.map(parameterName).join(t('list.separator')) })))),
      el('div', { class: 'cards' },
        card('wells', t('card.wells'), t('card.wellsValue', { n: model.wells.length }), t('card.wellsNote', { n: recent.length })),
        card('class13', t('card.class13'), t('card.wellUnit', { n: n13 }), t('card.class13Note'), classColour(2)),
        card('class4', t('card.class4'), t('card.wellUnit', { n: n4 }), t('card.class4Note'), classColour(4)),
        card('class5', t('card.class5'), t('card.wellUnit', { n: n5 }), t('card.class5Note'), classColour(5)),
        alerts ? card('alerts', t('card.alerts'), String(alerts.length), [t('card.alertsNote', byLevel),
          ...[delayText(model.shown.get('alerts')), withheldText(model.shown.get('alerts'))].filter(Boolean)].join(t('list.sentences')))
          : card('alerts', t('card.alerts'), '—', t('card.alertsHidden')))));
}

// ---- the map ----

/** What one place holds: its wells, each reading of the chosen parameter first, and why each is shown as it is. */
function placeCard(model, place, parameter, { heading = 'h3', why = true } = {}) {
  const order = [parameter, ...model.measured.map((p) => p.code).filter((c) => c !== parameter)];
  return el('div', { class: 'place-card', 'data-place': place.number },
    el(heading, {}, t('map.placeWells', { n: place.number, count: place.wells.length })),
    // On the map the reason comes first: a card may scroll, and what a value is matters before the values.
    why ? whyBox(model, place.wells.length > 1) : null,
    el('ul', { class: 'place-wells' }, ...place.wells.map((w) => el('li', { 'data-well': w.code },
      el('div', { class: 'well-name' }, el('strong', {}, w.code), ` ${w.name ?? ''} · ${t('well.aquifer', { aquifer: w.aquifer ?? '—' })}`),
      el('ul', { class: 'well-readings' }, ...order.filter((code) => w.readings.has(code)).map((code) => {
        const r = w.readings.get(code);
        const parameterShown = model.parameters.get(code);
        return el('li', { class: code === parameter ? 'chosen' : '' },
          el('span', { class: 'reading-name' }, parameterName(parameterShown)), ' ', classBadge(r?.recent ? r.cls : null),
          r && r.value != null && r.recent ? t('well.value', { value: r.value, unit: parameterShown.unit }) : null,
          el('span', { class: 'reading-time' }, !r ? t('well.none') : r.recent ? t('well.time', { time: formatTime(r.time) }) : t('well.stale', { time: formatTime(r.time) })));
      }))))));
}

/** Why the wells and their values are shown as they are: from the policy's rules for the wells and the latest readings. */
function whyBox(model, shared) {
  const wellsShown = model.shown.get('wells');
  const values = model.shown.get('latest_readings');
  return el('div', { class: 'why-box' }, el('span', { class: 'why-title' }, t('why.title')),
    sentences([locationText(wellsShown), shared && locationText(wellsShown) ? t('map.samePlace') : null,
      classText(values, ['result_value']), delayText(values), withheldText(values)]));
}

function classLegend(model, parameter) {
  const p = model.parameters.get(parameter);
  const third = p?.classLimits?.classes?.[2];
  const limit = !third ? null : third.lower != null ? t('classes.limitRange', { lower: third.lower, upper: third.upper }) + (p.unit === 'dimensionless' ? '' : ` ${p.unit}`)
    : t('classes.limitUpTo', { upper: third.upper, unit: p.unit });
  return el('div', { class: 'legend', id: 'legend' },
    el('h3', {}, t('classes.title')),
    el('ul', { class: 'legend-classes' }, ...[1, 2, 3, 4, 5].map((c) => el('li', {}, el('i', { class: 'swatch', style: `background:${classColour(c)}`, 'aria-hidden': 'true' }),
      el('strong', {}, t(`class.${c}`)), el('span', {}, t(`meaning.${c}`)))),
      el('li', {}, el('i', { class: 'swatch', style: `background:${classColour(null)}`, 'aria-hidden': 'true' }), el('strong', {}, t('map.noData')))),
    limit ? el('p', { class: 'legend-limit' }, t('classes.limit', { parameter: parameterName(p), limit })) : null);
}

async function mapSection(model, section) {
  const picker = el('select', { id: 'parameter' }, ...model.measured.map((p) => el('option', { value: p.code, selected: p.code === state.parameter }, parameterName(p))));
  const target = el('div', { id: 'park-map', class: 'park-map', role: 'region', tabindex: '0', 'aria-label': t('map.label', { n: model.places.length }) });
  const popup = el('div', { class: 'popup', id: 'popup' });
  const legendHolder = el('div', {}, classLegend(model, state.parameter));
  const list = el('details', { class: 'place-list', id: 'place-list' },
    el('summary', {}, t('map.list', { n: model.places.length, wells: model.wells.length })), whyBox(model, true),
    el('div', { class: 'place-grid' }, ...model.places.map((place) => placeCard(model, place, state.parameter, { heading: 'h4', why: false }))));
  section.append(el('h2', {}, t('map.title')),
    el('div', { class: 'map-toolbar' }, el('label', { for: 'parameter' }, t('map.parameter')), picker,
      el('span', { class: 'hint' }, t('map.hint'))),
    el('div', { class: 'map-body' }, el('div', { class: 'map-frame' }, target, popup),
      el('aside', { class: 'map-side', 'aria-label': t('map.legend') }, legendHolder,
        sentences([locationText(model.shown.get('wells')), locationText(model.shown.get('wells')) ? t('map.samePlace') : null, t('map.base')], 'why why-side'))),
    list);

  const { parkMap } = await import('./map.js');
  const map = parkMap(target, popup, model, state.layers, (place) => {
    const close = el('button', { type: 'button', class: 'popup-close', 'aria-label': t('map.close') }, '×');
    close.addEventListener('click', () => map.close());
    popup.replaceChildren(close, placeCard(model, place, state.parameter));
  });
  map.setParameter(state.parameter);
  window.gwPublicMap = map; // for the browser test: a place's pixel
  state.disposers.push(() => map.dispose());
  picker.addEventListener('change', () => {
    state.parameter = picker.value;
    map.setParameter(state.parameter);
    map.close();
    legendHolder.replaceChildren(classLegend(model, state.parameter));
    list.querySelector('.place-grid').replaceChildren(...model.places.map((place) => placeCard(model, place, state.parameter, { heading: 'h4', why: false })));
    showTrend();
  });
}

// ---- the charts ----

let trendHolder = null;
let trendChartInstance = null;

async function showTrend() {
  const model = state.model;
  const parameter = model.parameters.get(state.parameter);
  const holder = trendHolder;
  if (!holder || !parameter) return;
  const readings = model.shown.get('readings');
  holder.querySelector('h3').textContent = t('chart.trend', { days: TREND_DAYS, parameter: parameterName(parameter) });
  const body = holder.querySelector('.chart-body');
  trendChartInstance?.dispose();
  trendChartInstance = null;
  if (!readings?.visible || !model.asOf) {
    body.replaceChildren(el('p', { class: 'empty' }, readings?.visible ? t('chart.trendEmpty') : t('chart.trendHidden')));
    return;
  }
  if (!state.histories.has(parameter.code)) state.histories.set(parameter.code, classHistory(parameter.code, model.asOf, TREND_DAYS));
  const history = await state.histories.get(parameter.code);
  if (holder !== trendHolder || state.parameter !== parameter.code) return; // the page or the choice has moved on
  if (!history || !history.steps.length) {
    body.replaceChildren(el('p', { class: 'empty' }, history ? t('chart.trendEmpty') : t('chart.trendHidden')));
    return;
  }
  const canvas = el('div', { class: 'chart', id: 'trend-chart', 'data-steps': history.steps.length });
  body.replaceChildren(canvas);
  const { trendChart } = await import('./charts.js');
  trendChartInstance = trendChart(canvas, parameter, history, TREND_DAYS);
}

async function chartSection(model, section) {
  const readings = model.shown.get('readings');
  const values = model.shown.get('latest_readings');
  const current = el('div', { class: 'chart', id: 'current-chart' });
  trendHolder = el('div', { class: 'panel chart-panel', id: 'trend' }, el('h3', {}, ''), el('div', { class: 'chart-body' }),
    el('p', { class: 'note' }, t('chart.trendNote')), sentences([classText(readings), delayText(readings)]));
  section.append(el('h2', {}, t('nav.trend')), el('div', { class: 'chart-grid' },
    el('div', { class: 'panel chart-panel' }, el('h3', {}, t('chart.current')), current, el('p', { class: 'note' }, t('chart.currentNote')),
      sentences([classText(values, ['result_value']), delayText(values)])),
    trendHolder));
  const { currentChart } = await import('./charts.js');
  const countsOf = (code) => [1, 2, 3, 4, 5].map((c) => model.wells.filter((w) => w.readings.get(code)?.recent && w.readings.get(code).cls === c).length);
  // The parameters with recent data: one without any would be an empty row.
  const reported = model.measured.filter((p) => countsOf(p.code).some((n) => n > 0));
  const chart = currentChart(current, reported.length ? reported : model.measured, countsOf);
  state.disposers.push(() => chart.dispose(), () => {
    trendChartInstance?.dispose();
    trendChartInstance = null;
  });
  await showTrend();
}

// ---- what the policy did, and the open doors ----

function disclosureSection(model, section) {
  const cards = GROUPS.map(({ key, datasets }) => {
    // Datasets explained alike are named together under one explanation.
    const alike = new Map();
    for (const name of datasets) {
      const shown = model.shown.get(name);
      if (!shown) continue;
      const lines = explain(shown);
      const id = lines.join('\n');
      if (!alike.has(id)) alike.set(id, { lines, names: [] });
      alike.get(id).names.push(datasetLabel(name));
    }
    return el('div', { class: 'panel disclosure-card', 'data-group': key }, el('h3', {}, t(`disclosure.${key}`)),
      ...[...alike.values()].map(({ lines, names }) => el('div', { class: 'disclosure-rule' }, sentences(lines),
        el('p', { class: 'applies' }, t('disclosure.applies', { datasets: names.join(t('list.separator')) })))));
  });
  const hidden = [...model.shown.values()].filter((d) => !d.visible).map((d) => datasetLabel(d.dataset));
  section.append(el('h2', {}, t('disclosure.title')), el('p', { class: 'intro' }, t('disclosure.intro', { version: model.policyVersion })),
    el('div', { class: 'disclosure-grid' }, ...cards,
      hidden.length ? el('div', { class: 'panel disclosure-card', 'data-group': 'hidden' }, el('h3', {}, t('disclosure.hidden')),
        el('p', {}, hidden.join(t('list.separator'))), el('p', { class: 'note' }, t('disclosure.hiddenNote'))) : null));
}

function openSection(model, section) {
  const origin = location.origin;
  const parkCode = model.park?.code;
  const doors = [
    ['wms', '/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0', `${origin}/wms`],
    ['wfs', '/wfs?SERVICE=WFS&REQUEST=GetCapabilities&VERSION=2.0.0', `${origin}/wfs`],
    ['ogcapi', '/ogcapi?f=html', `${origin}/ogcapi`],
    ['sta', '/sta/v1.1', `${origin}/sta/v1.1`],
    ['catalog', '/catalog?f=ttl', `${origin}/catalog`],
    ['records', '/catalog/records', `${origin}/catalog/records`],
    parkCode ? ['park', `/catalog/id/parks/${encodeURIComponent(parkCode)}?f=html`, `${origin}/catalog/id/parks/${parkCode}`] : null,
    ['docs', '/swagger-ui.html', `${origin}/swagger-ui.html`],
  ].filter(Boolean);
  section.append(el('h2', {}, t('open.title')), el('p', { class: 'intro' }, t('open.intro')),
    el('ul', { class: 'door-grid' }, ...doors.map(([key, href, address]) => el('li', { class: 'door', 'data-door': key },
      el('a', { href, rel: 'noopener' }, t(`open.${key}`)), el('p', {}, t(`open.${key}Note`)), el('code', {}, address)))));
}

function footer(model) {
  document.getElementById('foot').replaceChildren(el('div', { class: 'foot-inner' },
    el('p', {}, t('foot.source', { park: parkName() })),
    el('p', {}, model ? t('foot.policy', { version: model.policyVersion }) : null, ' · ', el('a', { href: '/' }, t('foot.staff')))));
}

// ---- the page ----

async function render() {
  state.disposers.splice(0).forEach((dispose) => dispose());
  trendHolder = null;
  document.title = title();
  header();
  const main = document.getElementById('main');
  const model = state.model;
  const sections = Object.fromEntries(SECTIONS.filter((s) => s !== 'status').map((s) => [s, el('section', { id: s, class: 'section', 'aria-labelledby': `${s}-title` })]));
  main.replaceChildren(statusSection(model), el('div', { class: 'content' }, ...Object.values(sections)));
  footer(model);
  disclosureSection(model, sections.disclosure);
  openSection(model, sections.open);
  const drawn = Promise.all([mapSection(model, sections.map), chartSection(model, sections.trend)]);
  for (const [id, section] of Object.entries(sections)) section.querySelector('h2')?.setAttribute('id', `${id}-title`);
  await drawn;
  main.setAttribute('data-ready', 'true');
}

async function start() {
  setLocale(currentLocale());
  header();
  try {
    const [model, layers] = await Promise.all([loadPark(), wmsLayers()]);
    state.model = model;
    state.layers = layers;
    state.parameter = model.measured[0]?.code ?? null;
    await render();
  } catch (error) {
    document.getElementById('main').replaceChildren(el('p', { class: 'error', role: 'alert' }, t('page.failed', { reason: error.message })));
    throw error;
  }
}

start();
