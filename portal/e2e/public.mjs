// The public portal (/public/) in Debian's Chromium, driven by playwright-core, against a running gateway whose active
// sharing policy is the shipped default. Run by the gateway's PublicPortalBrowserTest, which passes:
//   GW_BASE          http://127.0.0.1:<port>
//   GW_EXACT_PLACES  the wells' exact places as the regulator reads them, JSON [[lon, lat], ...]
//   GW_WITHHELD      texts the policy withholds from the public (enterprises' processes ...), JSON ["...", ...]
//   GW_REGULATOR     user:password of a regulator, whose unmasked answers the sanity check feeds the page
//   GW_SCREENSHOTS   where to write screenshots
// A crawler opens every page of the public portal (Chinese and English), works every control (each parameter, each
// point on the map, the list of wells, the language menu) and intercepts every network response; each is checked
// against the public's policy as this test states it below (not as the platform computes it). Then axe-core checks the
// page, and a sanity check feeds the page unmasked answers to prove the checks catch them. Exits non-zero on failure.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { launch, step } from './session.mjs';

const base = process.env.GW_BASE;
const shots = process.env.GW_SCREENSHOTS;
mkdirSync(shots, { recursive: true });
const exactPlaces = JSON.parse(process.env.GW_EXACT_PLACES);
const withheldTexts = JSON.parse(process.env.GW_WITHHELD ?? '[]');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The public's view under the shipped default (policies/src/main/resources/sharing/default.yaml, README "Sharing"),
 * written down here: what the crawler holds every answer to.
 */
const PUBLIC_POLICY = {
  gridMetres: 500, // wells, Locations, FeaturesOfInterest, latest_readings: points on the 500 m grid
  delayHours: 24, // readings, Observations, latest readings, alerts: nothing newer
  classOnly: ['result', 'result_value'], // a concentration only as its GB/T 14848 class, 1 … 5
  noValues: ['value', 'rawValue', 'raw_value', 'mean', 'min', 'max'], // no concentration in any other member either
  withheld: ['message', 'origin', 'processes', 'characteristic_pollutants', 'pollutants'], // never a value
  timeMembers: ['phenomenonTime', 'phenomenon_time', 'resultTime', 'time', 'raisedAt', 'clearedAt', 'start', 'valid_time'],
  closedDoors: ['/api/v1/devices', '/api/v1/on-call', '/api/v1/incidents', '/api/v1/drills', '/api/v1/reports', '/api/v1/alerts/stream',
    '/api/v1/data-quality', '/oauth2/', '/login'],
};
const STEP = PUBLIC_POLICY.gridMetres / 111_320; // the platform's grid: degrees of 111,320 m (policies.CoarseGrid)

function onGrid(degrees) {
  const cells = degrees / STEP;
  return Math.abs(cells - Math.round(cells)) < 1e-6;
}

/** The exact places' leading decimals (five, cut): no answer may hold them (about a metre; the grid never lands there). */
const exactDigits = exactPlaces.flatMap(([lon, lat]) => [lon, lat].map((d) => (Math.trunc(d * 1e5) / 1e5).toFixed(5)));

/** Checks every answer a page receives; collects violations and counts what it checked. */
class Inspector {
  constructor(name) {
    this.name = name;
    this.violations = [];
    this.seen = new Map(); // door -> answers
    this.counts = { points: 0, classes: 0, times: 0, responses: 0, images: 0, scripts: 0 };
    this.pending = [];
  }

  watch(page) {
    page.on('response', (response) => this.pending.push(this.inspect(response).catch((error) => this.violation(response.url(), `unreadable: ${error.message}`))));
  }

  async settle() {
    while (this.pending.length) await Promise.all(this.pending.splice(0));
  }

  violation(url, what) {
    this.violations.push({ url: url.replace(base, ''), what });
  }

  door(path) {
    const doors = ['/api/v1/parks', '/api/v1/parameters', '/api/v1/disclosure', '/api/v1/wells', '/api/v1/alerts', '/api/v1/quality-classes',
      '/ogcapi/collections/latest_readings/items', '/wms', '/assets/', '/public/'];
    return doors.find((d) => path === d || path.startsWith(d)) ?? path;
  }

  async inspect(response) {
    // The page's own object URLs (WMS images handed to the map): not answers from the network.
    if (/^(blob|data):/.test(response.url())) return;
    const url = new URL(response.url());
    if (url.origin !== new URL(base).origin) return this.violation(url.href, 'a request outside the platform');
    const path = url.pathname;
    this.counts.responses++;
    const door = path === '/wms' ? `/wms ${url.searchParams.get('REQUEST')}` : this.door(path);
    this.seen.set(door, (this.seen.get(door) ?? 0) + 1);
    const status = response.status();
    if (status === 401 || status === 403) this.violation(url.href, `${status}: the public page called a door closed to the public`);
    for (const closed of PUBLIC_POLICY.closedDoors) if (path.startsWith(closed)) this.violation(url.href, 'an operators\' door');
    if (status >= 300 && status < 400) return;
    const type = response.headers()['content-type'] ?? '';
    if (type.startsWith('image/')) {
      this.counts.images++;
      return;
    }
    const body = await response.text();
    for (const digits of exactDigits) if (body.includes(digits)) this.violation(url.href, `an exact well coordinate (${digits}…)`);
    for (const text of withheldTexts) if (text && body.includes(text)) this.violation(url.href, `a withheld text (${text.slice(0, 30)}…)`);
    if (type.includes('javascript')) {
      this.counts.scripts++;
      // The operators' sign-in (src/auth.js): the public page loads none of the operators' code.
      if (body.includes('gw.portal.token') || body.includes('/oauth2/authorize')) this.violation(url.href, 'the operators\' sign-in code was loaded');
      return;
    }
    if (type.includes('json')) this.walk(url.href, JSON.parse(body), []);
  }

  walk(url, node, trail) {
    if (Array.isArray(node)) {
      node.forEach((child, i) => this.walk(url, child, [...trail, i]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const where = () => trail.join('.');
    if (node.type === 'Point' && Array.isArray(node.coordinates)) {
      this.counts.points++;
      const [lon, lat] = node.coordinates;
      if (!onGrid(lon) || !onGrid(lat)) this.violation(url, `${where()}: point ${lon}, ${lat} is not on the ${PUBLIC_POLICY.gridMetres} m grid`);
    }
    const cutoff = Date.now() - PUBLIC_POLICY.delayHours * 3600000;
    for (const [key, value] of Object.entries(node)) {
      if (PUBLIC_POLICY.classOnly.includes(key) && typeof value === 'number') {
        this.counts.classes++;
        if (!Number.isInteger(value) || value < 1 || value > 5) this.violation(url, `${where()}.${key}: ${value} is not a GB/T 14848 class`);
      }
      if (PUBLIC_POLICY.noValues.includes(key) && typeof value === 'number') this.violation(url, `${where()}.${key}: a value (${value}) where classes only are shown`);
      if (PUBLIC_POLICY.withheld.includes(key) && value !== null && value !== undefined) this.violation(url, `${where()}.${key}: withheld, but shown`);
      if (PUBLIC_POLICY.timeMembers.includes(key) && typeof value === 'string') {
        this.counts.times++;
        const end = Date.parse(value.split('/').pop());
        if (end > cutoff) this.violation(url, `${where()}.${key}: ${value} is newer than ${PUBLIC_POLICY.delayHours} h`);
      }
      this.walk(url, value, [...trail, key]);
    }
  }

  report() {
    return `${this.name}: ${this.counts.responses} answers (${[...this.seen].map(([d, n]) => `${d} ${n}`).join(', ')}); checked ${this.counts.points} points, `
      + `${this.counts.classes} classes, ${this.counts.times} times, ${this.counts.images} images, ${this.counts.scripts} scripts; ${this.violations.length} violations`;
  }
}

const browser = await launch();

/** A fresh browser context: nobody signed in; CSP bypassed only so that the test can inject axe-core. */
async function publicPage(inspector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Shanghai', bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  inspector.watch(page);
  return page;
}

async function ready(page) {
  await page.waitForSelector('main[data-ready=true]', { timeout: 30000 });
  await page.waitForSelector('#park-map[data-ready=true]', { timeout: 30000 });
  await page.waitForLoadState('networkidle');
}

/** Every control of the page: each parameter, each point of the map (its card), the list of all wells. */
async function crawl(page) {
  const parameters = await page.$$eval('#parameter option', (options) => options.map((o) => o.value));
  const first = await page.$eval('#parameter', (select) => select.value);
  assert.ok(parameters.length > 0, 'the page offers parameters');
  for (const parameter of parameters) {
    await page.selectOption('#parameter', parameter);
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => document.querySelector('#trend .chart-body')?.children.length > 0);
  }
  const numbers = await page.$$eval('#place-list .place-card', (cards) => cards.map((c) => Number(c.dataset.place)));
  const places = numbers.length;
  assert.ok(places > 0, 'the map shows places');
  const map = await page.$('#park-map');
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  let opened = 0;
  for (const number of numbers) {
    const pixel = await page.evaluate((n) => {
      window.gwPublicMap.reset();
      return window.gwPublicMap.pixelOf(n);
    }, number);
    if (!pixel || pixel[0] < 0 || pixel[1] < 0 || pixel[0] > box.width || pixel[1] > box.height) continue;
    await page.mouse.click(box.x + pixel[0], box.y + pixel[1]);
    await page.waitForSelector(`#popup .place-card[data-place="${number}"]`);
    await page.waitForTimeout(250); // the map pans to show the card
    opened++;
  }
  assert.equal(opened, places, 'every point on the map opens its card');
  return { parameters: parameters.length, places, opened, first };
}

/** Opens the place of the worst class of the chosen parameter (of those, the one with fewest wells), as a person clicks it. */
async function openWorstPlace(page) {
  const number = await page.$$eval('#place-list .place-card', (cards) => cards.map((c) => [Number(c.dataset.place),
    Math.max(0, ...[...c.querySelectorAll('li.chosen .class-badge')].map((b) => Number(b.dataset.class) || 0)), c.querySelectorAll('.place-wells > li').length])
    .sort((a, b) => b[1] - a[1] || a[2] - b[2])[0][0]);
  const box = await (await page.$('#park-map')).boundingBox();
  const pixel = await page.evaluate((n) => {
    window.gwPublicMap.reset();
    return window.gwPublicMap.pixelOf(n);
  }, number);
  await page.mouse.click(box.x + pixel[0], box.y + pixel[1]);
  await page.waitForSelector(`#popup .place-card[data-place="${number}"]`);
  await page.waitForTimeout(400);
}

/** axe-core in the page: no serious or critical violation. */
async function accessibility(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  assert.equal(serious.length, 0, `${label}: axe-core finds serious violations:\n  ${described.join('\n  ')}`);
  return result.violations.length;
}

try {
  const inspector = new Inspector('public portal');
  const page = await publicPage(inspector);

  await step('the public portal opens without signing in (zh-CN)', async () => {
    const response = await page.goto(`${base}/public/`);
    assert.equal(response.status(), 200);
    await ready(page);
    assert.equal(new URL(page.url()).pathname, '/public/', 'no redirect to a sign-in');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    const status = await page.textContent('#overall');
    assert.ok(/良好|需关注|警示/.test(status), `the overall status: ${status}`);
    await page.screenshot({ path: `${shots}/public-zh.png`, fullPage: true });
  });

  await step('every masked value is explained from the policy in force (500 m, class only, 24 h)', async () => {
    const disclosure = await page.textContent('#disclosure');
    assert.ok(disclosure.includes(`位置已粗化至${PUBLIC_POLICY.gridMetres}米，以保护企业信息`), disclosure);
    assert.ok(disclosure.includes('仅公开 GB/T 14848 水质类别'), disclosure);
    assert.ok(disclosure.includes(`数据延迟${PUBLIC_POLICY.delayHours} 小时公开`), disclosure);
    assert.ok(disclosure.includes('不公开报警内容、报警来源'), disclosure);
    assert.ok((await page.textContent('#status')).includes(`数据延迟${PUBLIC_POLICY.delayHours} 小时公开`));
  });

  let crawled;
  await step('the crawler works every control (each parameter, each point, the list of wells)', async () => {
    crawled = await crawl(page);
    await page.selectOption('#parameter', crawled.first);
    await page.waitForLoadState('networkidle');
    await openWorstPlace(page);
    const card = await page.textContent('#popup');
    assert.ok(card.includes(`位置已粗化至${PUBLIC_POLICY.gridMetres}米`) && card.includes('仅公开 GB/T 14848 水质类别'), `a point's card explains its values: ${card}`);
    await (await page.$('.map-body')).screenshot({ path: `${shots}/public-map-zh.png` });
    await page.click('#place-list summary');
  });

  await step('axe-core: no serious or critical violation (zh-CN, with a point open and the list of wells open)', async () => {
    await accessibility(page, 'zh-CN');
  });

  await step('the language menu switches to English', async () => {
    await page.selectOption('#locale', 'en-US');
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en-US');
    const disclosure = await page.textContent('#disclosure');
    assert.ok(disclosure.includes(`Locations are coarsened to ${PUBLIC_POLICY.gridMetres} m to protect enterprise information`), disclosure);
    assert.ok(disclosure.includes(`published ${PUBLIC_POLICY.delayHours} hours late`), disclosure);
  });

  await step('the language menu works while the park is still loading', async () => {
    const early = await publicPage(new Inspector('language before load'));
    const errors = [];
    early.on('pageerror', (error) => errors.push(error.message));
    // The park's data held back for a moment, so that the choice comes first.
    await early.route(/\/api\/v1\/disclosure$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await early.goto(`${base}/public/`);
    await early.selectOption('#locale', 'en-US');
    await ready(early);
    assert.deepEqual(errors, [], 'no error from switching before the park loaded');
    assert.equal(await early.getAttribute('html', 'lang'), 'en-US');
    assert.ok((await early.textContent('#disclosure')).includes('Locations are coarsened'), 'the page drawn in English');
    await early.context().close();
  });

  const english = new Inspector('public portal, English');
  const en = await publicPage(english);
  await step('the English page (?lang=en-US): crawled, checked by axe-core', async () => {
    await en.goto(`${base}/public/?lang=en-US`);
    await ready(en);
    await en.screenshot({ path: `${shots}/public-en.png`, fullPage: true });
    await crawl(en);
    await en.click('#place-list summary');
    await accessibility(en, 'en-US');
  });

  await step('every answer the pages received is within the public policy', async () => {
    await inspector.settle();
    await english.settle();
    console.log(`\n  ${inspector.report()}\n  ${english.report()}`);
    for (const i of [inspector, english]) {
      assert.deepEqual(i.violations, [], `${i.name}: answers beyond the public policy`);
      for (const door of ['/api/v1/parks', '/api/v1/parameters', '/api/v1/disclosure', '/api/v1/wells', '/api/v1/alerts', '/api/v1/quality-classes',
        '/ogcapi/collections/latest_readings/items', '/wms GetCapabilities', '/wms GetMap']) {
        assert.ok(i.seen.get(door) > 0, `${i.name}: the crawler saw ${door}`);
      }
      assert.ok(i.counts.points >= 20, `${i.name}: well places checked (${i.counts.points})`);
      assert.ok(i.counts.classes >= 20, `${i.name}: classes checked (${i.counts.classes})`);
      assert.ok(i.counts.times >= 20, `${i.name}: times checked (${i.counts.times})`);
    }
    console.log(`  crawled: ${crawled.parameters} parameters, ${crawled.places} points (${crawled.opened} opened on the map)`);
  });

  await step('sanity check: the same crawler catches unmasked answers fed to the page', async () => {
    const authorization = `Basic ${Buffer.from(process.env.GW_REGULATOR).toString('base64')}`;
    const unmasked = new Inspector('page fed the regulator\'s answers');
    const fed = await publicPage(unmasked);
    // The regulator's exact wells and latest readings (fresh ones among them) in place of the public's.
    await fed.route(/\/api\/v1\/wells$|\/ogcapi\/collections\/latest_readings\/items\?/, async (route) => {
      const real = await fetch(route.request().url(), { headers: { Authorization: authorization, Accept: 'application/json' } });
      await route.fulfill({ status: real.status, contentType: 'application/json', body: await real.text() });
    });
    await fed.goto(`${base}/public/`);
    await ready(fed);
    await unmasked.settle();
    const kinds = (pattern) => unmasked.violations.filter((v) => pattern.test(v.what)).length;
    console.log(`\n  ${unmasked.report()}`);
    assert.ok(kinds(/not on the 500 m grid/) > 0, 'an exact place off the grid is caught');
    assert.ok(kinds(/exact well coordinate/) > 0, 'an exact coordinate in the text is caught');
    assert.ok(kinds(/is not a GB\/T 14848 class/) > 0, 'a concentration where a class is due is caught');
    assert.ok(kinds(/newer than 24 h/) > 0, 'a reading inside the delay is caught');
  });
} finally {
  await browser.close();
}
