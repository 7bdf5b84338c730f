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

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
