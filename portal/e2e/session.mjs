// What the portal's browser scripts share: Debian's Chromium (playwright-core, no downloaded browser) and the
// platform's own sign-in form.
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Through the platform's own sign-in form, as a person does (the demo's password for the user); done when {@code ready}
 * shows (by default the dashboard's card of reporting wells, which administrators are not shown).
 */
export async function signIn(page, base, user, ready = '[data-card=reporting]') {
  await page.goto(`${base}/#/dashboard`);
  await page.waitForURL(/\/login/);
  await page.fill('#username', user);
  await page.fill('#password', `demo-${user}`);
  await page.click('button[type=submit]');
  await page.waitForSelector(ready);
}

/** The API as the signed-in person of the page, with the page's own token: {status, body} (JSON where it is JSON). */
export function apiAs(page, path, { method = 'GET', body, language = 'zh-CN' } = {}) {
  return page.evaluate(async ({ path, method, body, language }) => {
    const token = JSON.parse(sessionStorage.getItem('gw.portal.token')).value;
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Accept-Language': language };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed };
  }, { path, method, body, language });
}

/** The reason shown right after the named control of a form (showProblem puts it there). */
export async function reasonBeside(page, form, name) {
  const reason = page.locator(`${form} [name="${name}"] + .field-error`);
  await reason.waitFor();
  return (await reason.textContent()).trim();
}

/** One named check, its time printed after it. */
export async function step(name, body) {
  const started = Date.now();
  process.stdout.write(`- ${name} ... `);
  await body();
  console.log(`ok (${Date.now() - started} ms)`);
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
