// Cards (issue 16, trust boundary): a card tap to the signed-in home screen, and what 50 card reads a second cost the
// kiosk. Run: bench/run-cards.sh
//
// 1. Tap to home: the page is on the home screen, nobody signed in; the card is typed as a keyboard-wedge reader types
//    it (5 ms a key, then Enter). The page notes the Enter and the moment the signed-in home screen shows the
//    resident's name (#session-name, a MutationObserver: Playwright's own waits poll); the figure is Enter -> name, and
//    first key -> name beside it (a longer card takes longer to type). Logged out by the log-out button between taps.
// 2. 50 reads a second: the page calls the card reader's server method ($server.cardRead, what the reader's listener
//    calls) every 20 ms for READ_SECONDS with cards nobody holds, and notes each call's round trip; the kiosk JVM's CPU
//    time over those seconds is read from /proc, against the same seconds idle just before.
//
// CARD: what to tap (default the demo card of 张桂兰; on a kiosk before issue 16 the register number 10000001);
// UNKNOWN: 'token' (well-formed card tokens nobody holds, default) or 'number' (8-digit register numbers nobody holds,
// which were looked up before issue 16).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { unpackKiosk, sleep, browserArgs, demoCards } from './lib/kiosk.mjs';

const CARD = process.env.CARD || demoCards[0];
const UNKNOWN = process.env.UNKNOWN || 'token';
const TAPS = Number(process.env.TAPS || 20);
const READ_SECONDS = Number(process.env.READ_SECONDS || 20);

const kiosk = unpackKiosk(process.argv[2]);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: browserArgs });
// a failed run must not leave its kiosk on the bench's ports, where the next run would find it
const stopAll = async () => { await browser.close().catch(() => {}); await kiosk.stop(); };
process.on('uncaughtException', async e => { console.error(e); await stopAll(); process.exit(1); });
process.on('unhandledRejection', async e => { console.error(e); await stopAll(); process.exit(1); });
const page = await (await browser.newContext()).newPage();
kiosk.start();
await kiosk.waitForHome(page, '#tile-bulletin', Date.now());
await sleep(5000); // the demo community is filled on its own thread after the start

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

// ---- 1. tap to signed-in home
// A tap the page's reader check did not take for a card (Playwright's keys more than 100 ms apart on a busy machine)
// signs nobody in: it is counted, not timed, and tapped again.
const fromEnter = [], fromFirstKey = [];
let lost = 0;
for (let i = 0; i < TAPS + 3; i++) {
  await page.goto(kiosk.url);
  await page.waitForSelector('#tap-card-hint');
  await page.evaluate(() => {
    window.__tap = {};
    window.addEventListener('keydown', e => {
      const now = Date.now();
      if (!window.__tap.first) window.__tap.first = now;
      if (e.key === 'Enter') window.__tap.enter = now;
    }, true);
    const observer = new MutationObserver(() => {
      if (!window.__tap.shown && document.querySelector('#session-name')) {
        window.__tap.shown = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.keyboard.type(CARD, { delay: 5 });
  await page.keyboard.press('Enter');
  try {
    await page.waitForFunction(() => window.__tap.shown, null, { timeout: 5000 });
  } catch {
    if (++lost > 10) throw new Error(`${lost} taps did not sign in`);
    if (await page.$('#logout')) await page.click('#logout'); // signed in after all, late
    i--;
    continue;
  }
  const tap = await page.evaluate(() => window.__tap);
  if (i >= 3) { // the first taps warm the JIT and the page up
    fromEnter.push(tap.shown - tap.enter);
    fromFirstKey.push(tap.shown - tap.first);
  }
  await page.click('#logout');
  await page.waitForSelector('#tap-card-hint');
}
console.log(`card tap -> signed-in home screen (${TAPS} taps of a ${CARD.length}-character card): Enter -> name `
  + `median ${median(fromEnter)} ms, p90 ${pct(fromEnter, 0.9)} ms, max ${Math.max(...fromEnter)} ms; `
  + `first key -> name median ${median(fromFirstKey)} ms, max ${Math.max(...fromFirstKey)} ms; taps not taken: ${lost}`);

// ---- 2. 50 unknown card reads a second
const pid = execFileSync('pgrep', ['-f', `karaf.home=${kiosk.home}`]).toString().trim().split('\n')[0];
const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
const cpuSeconds = () => {
  // utime and stime, fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses)
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks;
};
await page.goto(kiosk.url);
await page.waitForSelector('#tap-card-hint');
const idleBefore = cpuSeconds();
await sleep(READ_SECONDS * 1000);
const idleCpu = cpuSeconds() - idleBefore;
const readBefore = cpuSeconds();
const reads = await page.evaluate(async ({ seconds, form }) => {
  const luhn = body => {
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let d = Number(body[body.length - 1 - i]);
      if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
    }
    return String((10 - sum % 10) % 10);
  };
  const digits = n => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
  const unknown = () => form === 'number' ? '2' + digits(7) : (b => b + luhn(b))('9' + digits(19));
  const layout = document.querySelector('#kiosk-layout');
  const times = [];
  const calls = [];
  // paced by the clock, not by a fixed sleep after each call (which would add the timer's lateness every time)
  const start = performance.now();
  for (let i = 0; i < seconds * 50; i++) {
    const wait = start + i * 20 - performance.now();
    if (wait > 0) await new Promise(r => setTimeout(r, wait));
    const sent = performance.now();
    calls.push(Promise.resolve(layout.$server.cardRead(unknown())).then(() => times.push(performance.now() - sent)));
  }
  await Promise.all(calls);
  return { sent: calls.length, times };
}, { seconds: READ_SECONDS, form: UNKNOWN });
const readCpu = cpuSeconds() - readBefore;
console.log(`${reads.sent} unknown card reads (${UNKNOWN}s) in ${READ_SECONDS} s (${(reads.sent / READ_SECONDS).toFixed(0)}/s): `
  + `round trip median ${median(reads.times).toFixed(1)} ms, p99 ${pct(reads.times, 0.99).toFixed(1)} ms; `
  + `kiosk JVM CPU ${readCpu.toFixed(2)} s (${(100 * readCpu / READ_SECONDS).toFixed(1)} % of a core), `
  + `idle before ${idleCpu.toFixed(2)} s`);
const notices = await page.evaluate(() => document.querySelectorAll('vaadin-notification-card').length);
console.log(`notifications on screen after the reads: ${notices}`);

await stopAll();
console.log(`(distribution unpacked in ${kiosk.home})`);
