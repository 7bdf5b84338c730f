// Bad input in the portal's forms, in Debian's Chromium driven by playwright-core, against a running gateway with the
// demo park. Run by the gateway's FormRefusalsBrowserTest, which passes:
//   GW_BASE  http://127.0.0.1:<port>
// In Chinese and then in English, each form is sent something the server refuses: the portal must have asked in the
// reader's language (Accept-Language), and the server's reason (problem+json "detail") must show right beside the control
// the problem names ("field"), word for word. Exits non-zero on the first failed check.
import assert from 'node:assert/strict';
import { launch, reasonBeside, signIn, step } from './session.mjs';

const base = process.env.GW_BASE;
const HAN = /\p{Script=Han}/u;

const browser = await launch();

/** A page of its own signed in as {@code user}, reading the portal in {@code language}. */
async function signedIn(user, language) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signIn(page, base, user, '#locale');
  await page.selectOption('#locale', language);
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
  return { page, context };
}

/**
 * Submits {@code form} with {@code submit} and checks the refusal: asked in {@code language}, refused 400 naming
 * {@code field}, and the server's detail beside that field in the portal, in that language.
 */
async function refusedBeside(page, form, submit, field, language) {
  const answered = page.waitForResponse((r) => r.request().method() !== 'GET' && r.status() >= 400);
  await page.click(`${form} ${submit}`);
  const response = await answered;
  assert.equal(response.request().headers()['accept-language'], language, 'the portal asks in the reader\'s language');
  assert.equal(response.status(), 400);
  const problem = await response.json();
  assert.equal(problem.field, field, JSON.stringify(problem));
  assert.equal(await reasonBeside(page, form, field), problem.detail);
  if (language === 'zh-CN') assert.match(problem.detail, HAN, problem.detail);
  else assert.doesNotMatch(problem.detail, HAN, problem.detail);
  return problem.detail;
}

try {
  const seen = { 'zh-CN': [], 'en-US': [] };
  for (const language of ['zh-CN', 'en-US']) {
    await step(`${language}: a drill with a negative source concentration`, async () => {
      const { page, context } = await signedIn('supervisor', language);
      await page.goto(`${base}/#/drills`);
      await page.fill('#drill-concentration', '-1');
      await page.fill('#drill-by', 'e2e');
      seen[language].push(await refusedBeside(page, '#drill-form', '#drill-start', 'sourceMgPerL', language));
      await context.close();
    });

    await step(`${language}: a custom report without a title`, async () => {
      const { page, context } = await signedIn('duty', language);
      await page.goto(`${base}/#/reports`);
      await page.locator('#report-form [name=title]').fill('');
      seen[language].push(await refusedBeside(page, '#report-form', '#make-report', 'title', language));
      await context.close();
    });

    await step(`${language}: a maintenance record without its start`, async () => {
      const { page, context } = await signedIn('om', language);
      await page.goto(`${base}/#/om`);
      await page.locator('#maintenance-form').waitFor();
      await page.fill('#maintenance-form [name=performedBy]', '李工');
      seen[language].push(await refusedBeside(page, '#maintenance-form', 'button[type=submit]', 'startedAt', language));
      await context.close();
    });

    await step(`${language}: a remediation comparison on cells of 0 m, then with a porosity above 1`, async () => {
      const { page, context } = await signedIn('analyst', language);
      await page.goto(`${base}/#/remediation`);
      await page.locator('#remediation-form').waitFor();
      // A member the server names (grid.cellSize), beside its input; then a refusal of a whole part of the request
      // (site: the aquifer and the source), beside that part's fieldset.
      await page.fill('#remediation-cellSize', '0');
      seen[language].push(await refusedBeside(page, '#remediation-form', '#remediation-run', 'grid.cellSize', language));
      await page.fill('#remediation-cellSize', '5');
      await page.fill('#remediation-porosity', '2');
      seen[language].push(await refusedBeside(page, '#remediation-form', '#remediation-run', 'site', language));
      assert.equal(await page.locator('#remediation-form .field-error').count(), 1, 'the earlier reason went');
      await context.close();
    });
  }
  // The same refusals, in two languages: the server's words changed with the reader's choice, not the form.
  seen['zh-CN'].forEach((zh, i) => assert.notEqual(zh, seen['en-US'][i]));
  console.log(`refusals ${JSON.stringify(seen)}`);
} finally {
  await browser.close();
}
