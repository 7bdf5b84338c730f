// Bad input in the portal's forms, in Debian's Chromium driven by playwright-core, against a running gateway with the
// demo park. Run by the gateway's FormRefusalsBrowserTest, which passes:
//   GW_BASE  http://127.0.0.1:<port>
// In Chinese and then in English, each form is sent something the server refuses: the portal must have asked in the
// reader's language (Accept-Language), and the server's reason (problem+json "detail") must show right beside the control
// the problem names ("field"), word for word. One signed-in page per role; a change of language re-renders the page in
// place. Exits non-zero on the first failed check.
import assert from 'node:assert/strict';
import { launch, reasonBeside, signIn, step } from './session.mjs';

const base = process.env.GW_BASE;
const HAN = /\p{Script=Han}/u;
const LANGUAGES = ['zh-CN', 'en-US'];

/** The path of a request, without its query. */
const pathOf = (url) => new URL(url).pathname;

/**
 * One bad submission per form: signed in as {@code user}, at {@code route}, {@code fill} makes the input bad, a click on
 * {@code submit} (inside {@code form}) sends it to {@code path}, and the server refuses it naming {@code field}; the
 * reason shows beside the control named {@code beside} (by default the field). An analysis run asked to go on in the
 * background (Prefer: respond-async) is refused so too when the request alone shows what is wrong.
 */
const FORMS = [
  { name: 'a drill with a negative source concentration', user: 'supervisor', route: '/drills', form: '#drill-form', submit: '#drill-start',
    path: '/api/v1/drills', field: 'sourceMgPerL',
    fill: async (page) => {
      await page.fill('#drill-concentration', '-1');
      await page.fill('#drill-by', 'e2e');
    } },
  { name: 'a custom report without a title', user: 'duty', route: '/reports', form: '#report-form', submit: '#make-report',
    path: '/api/v1/reports/custom', field: 'title',
    fill: (page) => page.locator('#report-form [name=title]').fill('') },
  { name: 'a dashboard panel over more days than its indicator has', user: 'duty', route: '/dashboards?id=new', form: '#dashboard-form',
    submit: '#save-dashboard', path: '/api/v1/dashboards', field: 'panels[0].days',
    fill: async (page) => {
      await page.fill('#dashboard-form [name=name]', 'e2e 表单');
      await page.fill('#dashboard-form [name="panels[0].days"]', '400');
    } },
  { name: 'an area of interest without a name', user: 'duty', route: '/map', form: '.area-form', submit: '#save-area',
    path: '/api/v1/areas-of-interest', field: 'name',
    fill: async (page) => {
      await page.waitForSelector('#map[data-ready=true]');
      const box = await page.locator('#map').boundingBox();
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.click('#draw-area');
      for (const [dx, dy] of [[-30, -30], [30, -30], [30, 30], [-30, 30], [-30, -30]]) await page.mouse.click(x + dx, y + dy);
      await page.locator('#selection', { hasText: /关注区|area of interest/ }).waitFor();
      await page.fill('#area-name', '');
    } },
  { name: 'a maintenance record without its start', user: 'om', route: '/om', form: '#maintenance-form', submit: 'button[type=submit]',
    path: /^\/api\/v1\/sensors\/.+\/maintenance$/, field: 'startedAt',
    fill: (page) => page.fill('#maintenance-form [name=performedBy]', '李工') },
  // A member the server names (grid.cellSize), beside its input; then a refusal of a whole part of the request (site:
  // the aquifer and the source), beside that part's fieldset.
  { name: 'a remediation comparison on cells of 0 m', user: 'analyst', route: '/remediation', form: '#remediation-form',
    submit: '#remediation-run', path: '/api/v1/analytics/remediation', field: 'grid.cellSize',
    fill: (page) => page.fill('#remediation-cellSize', '0') },
  { name: '… then with a porosity above 1', user: 'analyst', route: '/remediation', form: '#remediation-form', submit: '#remediation-run',
    path: '/api/v1/analytics/remediation', field: 'site', again: true,
    fill: async (page) => {
      await page.fill('#remediation-cellSize', '5');
      await page.fill('#remediation-porosity', '2');
    } },
  { name: 'a monitoring network review adding 51 wells', user: 'analyst', route: '/analysis?view=network', form: '#analysis-panel',
    submit: '#analysis-run', path: '/api/v1/analytics/network', field: 'newWells',
    fill: (page) => page.fill('#network-new-wells', '51') },
  { name: 'a source tracing over one day', user: 'analyst', route: '/analysis?view=trace', form: '#analysis-panel',
    submit: '#trace-run', path: '/api/v1/analytics/trace', field: 'from/to', beside: 'from',
    fill: async (page) => page.fill('#trace-from', await page.inputValue('#trace-to')) },
  { name: 'an organisation with a code of spaces', user: 'sysadmin', route: '/system', form: '#organisation-form', submit: 'button[type=submit]',
    path: '/api/v1/organisations', field: 'code',
    fill: async (page) => {
      await page.fill('#organisation-form [name=code]', 'no spaces please');
      await page.fill('#organisation-form [name=nameZh]', '表单测试');
    } },
  { name: 'an OAuth client without a grant type', user: 'sysadmin', route: '/system', form: '#client-form', submit: 'button[type=submit]',
    path: '/api/v1/clients', field: 'grantTypes',
    fill: async (page) => {
      await page.fill('#client-form [name=clientId]', 'e2e-forms');
      await page.fill('#client-form [name=name]', 'e2e');
      await page.uncheck('#client-form [name=grantTypes] input[value=client_credentials]');
    } },
  { name: 'a person left with no role', user: 'secadmin', route: '/security', form: '#roles-form', submit: 'button[type=submit]',
    path: /^\/api\/v1\/users\/.+\/roles$/, field: 'roles',
    fill: async (page) => {
      for (const box of await page.locator('#roles-form [name=roles] input[type=checkbox]').all()) await box.uncheck();
    } },
  { name: 'an explanation for an audience that does not exist', user: 'secadmin', route: '/security', form: '#explain-form',
    submit: 'button[type=submit]', path: '/api/v1/policies/explain', field: 'audience',
    fill: (page) => page.fill('#explain-form [name=audience]', 'kind:NOBODY') },
  { name: 'audit entries from entry 0', user: 'auditor', route: '/audit', form: '#entries-form', submit: 'button[type=submit]',
    path: '/api/v1/audit/entries', field: 'from',
    fill: (page) => page.fill('#entries-form [name=from]', '0') },
  { name: 'the audit of logins, none of them', user: 'auditor', route: '/audit', form: '#logins-form', submit: 'button[type=submit]',
    path: '/api/v1/audit/logins', field: 'limit',
    fill: (page) => page.fill('#logins-form [name=limit]', '0') },
  { name: 'an audit export ending before it starts', user: 'auditor', route: '/audit', form: '#export-form', submit: '#export',
    path: '/api/v1/audit/export', field: 'to',
    fill: async (page) => {
      await page.fill('#export-form [name=from]', '3');
      await page.fill('#export-form [name=to]', '2');
    } },
];

const browser = await launch();

/** A page of its own signed in as {@code user}. */
async function signedIn(user) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    console.error(`page error (${user}): ${error.message}`);
    process.exitCode = 1;
  });
  await signIn(page, base, user, '#locale');
  return { page, context };
}

/** Marks the page's forms, so that the next wait is for the forms drawn after it (a route's, or a language's). */
const markDrawn = (page) => page.evaluate(() => document.querySelectorAll('form').forEach((f) => f.setAttribute('data-e2e-stale', '')));

/** The portal read in {@code language}: the page is drawn again in place. */
async function readIn(page, language) {
  if (await page.evaluate(() => document.documentElement.lang) === language) return;
  await markDrawn(page);
  await page.selectOption('#locale', language);
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
}

/** At {@code route} (a hash route), with {@code form} drawn anew for it or for the language. */
async function at(page, route, form) {
  if (await page.evaluate(() => location.hash) !== `#${route}`) {
    await markDrawn(page);
    await page.evaluate((r) => {
      location.hash = r;
    }, route);
  }
  await page.locator(`${form}:not([data-e2e-stale])`).waitFor();
}

/**
 * Sends the form's bad input and checks the refusal: asked in {@code language}, refused naming the field, and the
 * server's reason beside the control, in that language. Returns the reason.
 */
async function refusedBeside(page, c, language) {
  const sent = page.waitForResponse((r) => (typeof c.path === 'string' ? pathOf(r.url()) === c.path : c.path.test(pathOf(r.url())))
    && r.status() >= 400);
  await page.click(`${c.form} ${c.submit}`);
  const response = await sent;
  assert.equal(response.request().headers()['accept-language'], language, 'the portal asks in the reader\'s language');
  assert.equal(response.status(), 400);
  const problem = await response.json();
  assert.equal(await reasonBeside(page, c.form, c.beside ?? c.field), problem.detail);
  assert.equal(problem.field, c.field, JSON.stringify(problem));
  assert.equal(await page.locator(`${c.form} .field-error`).count(), 1, 'one reason in the form, the earlier one gone');
  if (language === 'zh-CN') assert.match(problem.detail, HAN, problem.detail);
  else assert.doesNotMatch(problem.detail, HAN, problem.detail);
  return problem.detail;
}

try {
  const seen = new Map(FORMS.map((c) => [c, {}]));
  for (const user of [...new Set(FORMS.map((c) => c.user))]) {
    const { page, context } = await signedIn(user);
    for (const language of LANGUAGES) {
      await readIn(page, language);
      for (const c of FORMS.filter((f) => f.user === user)) {
        await step(`${user}, ${language}: ${c.name}`, async () => {
          if (!c.again) await at(page, c.route, c.form);
          await c.fill(page);
          seen.get(c)[language] = await refusedBeside(page, c, language);
        });
      }
    }
    await context.close();
  }
  // The same refusals, in two languages: the server's words changed with the reader's choice, not the form.
  for (const [c, said] of seen) assert.notEqual(said['zh-CN'], said['en-US'], c.name);
  console.log(`refusals ${JSON.stringify(Object.fromEntries([...seen].map(([c, said]) => [c.name, said])))}`);
} finally {
  await browser.close();
}
