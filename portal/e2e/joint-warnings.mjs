// A joint warning in the alert page of both sides, in Debian's Chromium (playwright-core), while ThreeGatewaysTest runs
// two parks and a province on loopback. It passes:
//   GW_BASE           park A's gateway, http://127.0.0.1:<port>; its drill raised the joint warning, B acknowledged it
//   GW_PROVINCE_BASE  the province's gateway, told of the same warning
//   GW_SCREENSHOTS    where to write screenshots
// At A the emergency team sees B's acknowledgement (park, who, note) and acknowledges for A from the page; the province's
// duty officer then sees both acknowledgements and no button (it is told, not a side). Exits non-zero on the first failed check.
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { apiAs, launch, signIn, step } from './session.mjs';

const base = process.env.GW_BASE;
const province = process.env.GW_PROVINCE_BASE;
const shots = process.env.GW_SCREENSHOTS;
mkdirSync(shots, { recursive: true });

const browser = await launch();

async function alertsPageAs(gateway, user) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signIn(page, gateway, user);
  await page.goto(`${gateway}/#/alerts`);
  return page;
}

/** Reloads the alert page until the joint warning shows {@code n} acknowledgements (the partner's arrive by message). */
async function acknowledgementsShown(page, gateway, n) {
  const item = page.locator('#joint-warnings li.joint-warning').first();
  for (let tries = 0; ; tries++) {
    await item.waitFor();
    if (await item.locator('.acknowledgements li').count() === n) return item;
    assert.ok(tries < 30, `${gateway}: ${n} acknowledgements not shown after 30 tries`);
    await page.waitForTimeout(1000);
    await page.reload();
  }
}

try {
  await step("A's emergency team sees B's acknowledgement and acknowledges for A", async () => {
    const page = await alertsPageAs(base, 'emergency');
    const item = await acknowledgementsShown(page, base, 1);
    const [warning] = (await apiAs(page, '/api/v1/joint-warnings')).body;
    // A names its own park by its code, B as A registered it.
    const here = warning.here.park;
    assert.equal(warning.here.gateway, 'gw-park-a');
    assert.match(await item.locator('.parks').textContent(), new RegExp(`${warning.origin.park} ↔ ${warning.target.park}`));
    assert.equal((await item.locator('.message').textContent()).trim(), warning.headlineZh);
    assert.equal(await item.locator('.exercise').textContent(), '演练');
    const fromB = item.locator('.acknowledgements li[data-park="PARK-B"]');
    assert.match(await fromB.textContent(), /^PARK-B duty（.+）已通知B园区值班$/);
    // The emergency team may close too; acknowledging comes first.
    assert.equal(await item.locator('button.close').count(), 1);
    await item.locator('input[name=note]').fill('A园区应急队已确认');
    await item.locator('button.acknowledge').click();
    const fromA = item.locator(`.acknowledgements li[data-park="${here}"]`);
    await fromA.waitFor();
    assert.match(await fromA.textContent(), new RegExp(`^${here} emergency（.+）A园区应急队已确认$`));
    assert.equal(await item.locator('button.acknowledge').count(), 0, 'acknowledged here: no second button');
    const server = (await apiAs(page, '/api/v1/joint-warnings')).body[0].acknowledgements.map((s) => `${s.park}/${s.by}`);
    assert.deepEqual(server.sort(), [`${here}/emergency`, 'PARK-B/duty'].sort());
    await page.screenshot({ path: `${shots}/joint-warning.png` });
  });

  await step("the province's duty officer sees both parks' acknowledgements and acts on none", async () => {
    const page = await alertsPageAs(province, 'duty');
    const item = await acknowledgementsShown(page, province, 2);
    assert.equal((await apiAs(page, '/api/v1/joint-warnings')).body[0].here, null);
    assert.equal(await item.locator('.told').count(), 1);
    assert.equal(await item.locator('button').count(), 0, 'no acknowledge or close at the province');
    await page.screenshot({ path: `${shots}/joint-warning-province.png` });
  });
} finally {
  await browser.close();
}
