// Benchmark (issue #17): a well page with a year of hourly readings, opened again and again by a signed-in duty
// officer in Debian's Chromium. Run by the gateway's WellPageBench (-Pbench), which loads the year and passes:
//   GW_BASE, GW_WELL, GW_PARAMETER  the gateway and the well page to open
//   GW_EXPECTED_POINTS               the hours of the year holding valid readings: the points the chart must draw
//   GW_RUNS                          timed loads after one untimed first load
// A load runs from the navigation to the chart's points drawn, the page and its assets loaded anew (cached as a
// browser caches them); the next starts when its forecast has answered. Prints one line "BENCH {json}".
import assert from 'node:assert/strict';
import { launch, percentile, signIn } from './session.mjs';

const base = process.env.GW_BASE;
const url = `${base}/#/wells/${process.env.GW_WELL}?parameter=${process.env.GW_PARAMETER}&interval=hour`;
const expected = Number(process.env.GW_EXPECTED_POINTS);
const runs = Number(process.env.GW_RUNS ?? 10);

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, base, 'duty');
  const loads = [];
  const data = [];
  const phases = []; // where a load's time went: the page, its scripts, each request (start-end ms after navigation)
  for (let run = 0; run <= runs; run++) {
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(url);
    const series = page.locator('#series[data-points]');
    await series.waitFor({ timeout: 60000 });
    const elapsed = Date.now() - started;
    assert.equal(Number(await series.getAttribute('data-points')), expected, 'hourly points of the year');
    // The next load starts once this one's forecast has answered (or been refused): the server trains it on the year,
    // seconds of its two cores, and a load that lands on that training would time the previous load's forecast too.
    await page.locator('#series[data-forecast]').waitFor({ timeout: 60000 });
    if (run === 0) continue; // the first load fills the browser's cache and the server's
    loads.push(elapsed);
    data.push(Number(await series.getAttribute('data-load-ms')));
    phases.push(await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation');
      const requests = performance.getEntriesByType('resource').filter((r) => /\/(api|sta)\//.test(r.name));
      return { html: Math.round(nav.responseEnd), scripts: Math.round(nav.domContentLoadedEventEnd),
        requests: requests.map((r) => `${new URL(r.name).pathname.replace(/^.*\//, '')} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)} ${r.encodedBodySize}B`) };
    }));
  }
  console.log(`BENCH ${JSON.stringify({ points: expected, runs, medianMs: percentile(loads, 50), p95Ms: percentile(loads, 95),
    maxMs: Math.max(...loads), dataAndDrawMedianMs: percentile(data, 50), loads })}`);
  console.log(`BENCH-PHASES ${JSON.stringify(phases.at(-1))}`);
} finally {
  await browser.close();
}
