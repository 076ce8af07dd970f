// Blood pressure (issue: blood-pressure station): time from a simulated monitor's reading to the value on the kiosk
// screen. The simulator delivers its record a fixed delay after the measurement starts; the server starts it while
// handling the tap on "skip rest", somewhere between the tap (t0) and the "measuring" screen arriving (t1). So the
// reading-to-screen time lies between (t2 - t1 - delay) and (t2 - t0 - delay), t2 being the pause screen (which
// follows reading 1) appearing. Both bounds are printed. Run: bench/run-bloodpressure.sh
import { chromium } from 'playwright-core';
import { unpackKiosk, browserArgs, demoCards } from './lib/kiosk.mjs';

const DELAY = 400, RUNS = Number(process.env.RUNS || 10);
const kiosk = unpackKiosk(process.argv[2]);
kiosk.setKey('org.communitykiosk.bloodpressure.cfg', 'simulatorDelayMillis', DELAY);
kiosk.setKey('org.communitykiosk.bloodpressure.cfg', 'driver', 'simulator');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: browserArgs });
const page = await (await browser.newContext()).newPage();
kiosk.start();
await kiosk.waitForHome(page, '#home-greeting', Date.now());
await page.keyboard.type(demoCards[3], { delay: 5 }); // 王志强
await page.keyboard.press('Enter');
await page.waitForSelector('#session-name');

const low = [], high = [];
for (let i = 0; i < RUNS + 1; i++) {
  await page.goto(kiosk.url + 'bloodpressure');
  await page.click('#bp-start');
  await page.waitForSelector('#bp-rest-skip');
  // the page notes when each screen appears (a MutationObserver): Playwright's own waits poll, up to every 500 ms
  await page.evaluate(() => {
    window.__seen = {};
    new MutationObserver(() => {
      for (const [name, selector] of [['measuring', '#bp-measuring'], ['reading', '#bp-pause, #bp-result, #bp-repeat']]) {
        if (!window.__seen[name] && document.querySelector(selector)) window.__seen[name] = Date.now();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const t0 = Date.now();
  await page.click('#bp-rest-skip');
  await page.waitForFunction(() => window.__seen.reading, null, { timeout: 20000 });
  const { measuring: t1, reading: t2 } = await page.evaluate(() => window.__seen);

  if (i > 0) { // the first run warms the JIT and the page up
    low.push(t2 - t1 - DELAY);
    high.push(t2 - t0 - DELAY);
  }
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`simulated reading -> value on screen (${RUNS} readings, simulator delay ${DELAY} ms subtracted): `
  + `median between ${Math.max(0, median(low))} and ${median(high)} ms, worst between ${Math.max(0, Math.max(...low))} and ${Math.max(...high)} ms`);
await browser.close();
await kiosk.stop();
