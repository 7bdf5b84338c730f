// My dashboards and the report builder in Debian's Chromium (playwright-core), against a running gateway with the demo
// park. Run by the gateway's CustomPagesBrowserTest, which passes:
//   GW_BASE         http://127.0.0.1:<port>
//   GW_SCREENSHOTS  where to write screenshots and the downloaded report
//   GW_REPORT_DAYS  the first and last day of the report's period (China Standard Time), e.g. 2025-11-01,2025-11-02
// Exits non-zero on the first failed check.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { launch, signIn, step } from './session.mjs';

const base = process.env.GW_BASE;
const shots = process.env.GW_SCREENSHOTS;
const [firstDay, lastDay] = process.env.GW_REPORT_DAYS.split(',');
mkdirSync(shots, { recursive: true });
const RED = [0xd6, 0x28, 0x28];
/** Per channel: a pixel within this of the chosen colour is of it (the line's and symbols' solid middles are exact). */
const TOLERANCE = 6;

/** How many pixels of a screenshot are of the colour, counted by the browser's own PNG decoder. */
async function pixelsOf(page, png, rgb) {
  return page.evaluate(async ({ data, rgb, tolerance }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let n = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (rgb.every((c, k) => Math.abs(pixels[i + k] - c) <= tolerance)) n++;
    }
    return n;
  }, { data: png.toString('base64'), rgb, tolerance: TOLERANCE });
}

const browser = await launch();
// The park's clock: charts label their time axes in the browser's zone.
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true, timezoneId: 'Asia/Shanghai' });
page.on('pageerror', (error) => {
  console.error(`page error: ${error.message}`);
  process.exitCode = 1;
});
const name = `值班看板 ${Date.now()}`;

try {
  await signIn(page, base, 'duty');

  await step('a dashboard is built in the page, refused by its field, then saved and drawn', async () => {
    await page.click('nav a[data-page=dashboards]');
    await page.waitForSelector('#dashboard-form [name="panels[0].indicator"]');
    assert.equal(await page.textContent('nav a[data-page=dashboards]'), '我的看板');
    await page.fill('[name=name]', name);
    await page.selectOption('[name="panels[0].indicator"]', 'series');
    await page.selectOption('[name="panels[0].parameter"]', 'benzene');
    await page.selectOption('[name="panels[0].wells"]', ['GW-U04', 'GW-U05']);
    await page.selectOption('[name="panels[0].chart"]', 'line');
    await page.fill('[name="panels[0].colour"]', '#d62828');
    await page.fill('[name="panels[0].days"]', '30');
    await page.click('#add-panel');
    await page.selectOption('[name="panels[1].indicator"]', 'alerts-by-level');
    await page.selectOption('[name="panels[1].chart"]', 'number');
    await page.fill('[name="panels[1].colour"]', '#2f6fdb');
    await page.fill('[name="panels[1].days"]', '400');
    await page.click('#save-dashboard');
    // The server's refusal, in Chinese, beside the field it names.
    const error = page.locator('[name="panels[1].days"] + .field-error');
    await error.waitFor();
    assert.match(await error.textContent(), /1 至 365 天，而不是 400 天/);
    await page.fill('[name="panels[1].days"]', '7');
    await page.click('#save-dashboard');
    await page.waitForURL(/#\/dashboards\?id=\d+/);
    await page.waitForSelector('.dash-panel[data-panel="0"] canvas');
  });

  await step('the saved dashboard survives a reload: its panels drawn again, the chosen colour in the chart', async () => {
    await page.reload();
    await page.waitForSelector('.dash-panel[data-panel="0"] canvas');
    assert.equal(await page.locator('#dashboard-choice option:checked').textContent(), name);
    assert.deepEqual(await page.locator('.dash-panel').evaluateAll((panels) => panels.map((p) => p.dataset.indicator)), ['series', 'alerts-by-level']);
    // The number panel: a count, in its colour.
    const number = page.locator('.dash-panel[data-panel="1"] .value');
    assert.match(await number.textContent(), /^\d+$/);
    assert.equal(await number.evaluate((e) => getComputedStyle(e).color), 'rgb(47, 111, 219)');
    // The series: GW-U04's line and symbols in the chosen red (GW-U05's is a lighter shade of it).
    await page.waitForTimeout(300);
    const red = await pixelsOf(page, await page.locator('.dash-panel[data-panel="0"] .chart').screenshot(), RED);
    console.log(`(${red} pixels of #d62828) `);
    assert.ok(red >= 100, `only ${red} pixels of the chosen colour in the series chart`);
    await page.screenshot({ path: `${shots}/dashboards.png`, fullPage: true });
  });

  await step('the report builder refuses a report without a title beside the field, then downloads the chosen sections as PDF', async () => {
    await page.click('nav a[data-page=reports]');
    await page.waitForSelector('#report-form [name="sections[3].type"]');
    await page.fill('[name=from]', firstDay);
    await page.fill('[name=to]', lastDay);
    await page.selectOption('[name="sections[0].type"]', 'series');
    await page.selectOption('[name="sections[0].parameter"]', 'benzene');
    await page.selectOption('[name="sections[0].wells"]', ['GW-U04', 'GW-U05']);
    await page.selectOption('[name="sections[1].type"]', 'statistics');
    await page.selectOption('[name="sections[1].parameter"]', 'benzene');
    await page.selectOption('[name="sections[1].wells"]', ['GW-U05']);
    await page.selectOption('[name="sections[2].type"]', 'alerts');
    await page.selectOption('[name="sections[3].type"]', 'map');
    await page.fill('[name=title]', '');
    await page.click('#make-report');
    const error = page.locator('[name=title] + .field-error');
    await error.waitFor();
    assert.match(await error.textContent(), /报告需要标题/);
    await page.fill('[name=title]', '十一月上旬地下水专报');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#make-report')]);
    const file = `${shots}/custom-report.pdf`;
    await download.saveAs(file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const expected of ['十一月上旬地下水专报', '一、监测序列 — 苯', '二、统计 — 苯', '三、预警', '四、园区地图', `${firstDay} 00:00+08:00`]) {
      assert.ok(text.includes(expected), `the PDF's text lacks "${expected}"`);
    }
    await page.screenshot({ path: `${shots}/report-builder.png`, fullPage: true });
  });
} finally {
  await browser.close();
}
