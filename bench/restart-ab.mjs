// Restart A/B: two builds of the kiosk, each unpacked and started once, then restarted in turn on their own data/
// (the start residents wait for every morning), each in its own kiosk-browser profile kept across restarts. On two
// noisy cores only alternating runs compare builds; run: node bench/restart-ab.mjs <archive A> <archive B> [rounds]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unpackKiosk, browserArgs } from './lib/kiosk.mjs';

const [archiveA, archiveB, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg || 5);
const builds = [
  { name: 'A', kiosk: unpackKiosk(archiveA) },
  { name: 'B', kiosk: unpackKiosk(archiveB, { port: 18481, ssh: 18401, rmi: [11499, 44845], devices: 18543 }) },
];
for (const b of builds) {
  b.profile = mkdtempSync(join(tmpdir(), 'kiosk-browser-profile-'));
  b.browser = await chromium.launchPersistentContext(b.profile, { executablePath: '/usr/bin/chromium', args: browserArgs });
  b.page = b.browser.pages()[0] ?? await b.browser.newPage();
  const started = Date.now();
  b.kiosk.start();
  console.log(`${b.name}: first start ${await b.kiosk.waitForHome(b.page, '#tile-bulletin', started)} ms`);
  await b.kiosk.stop();
  b.runs = [];
}
for (let i = 0; i < rounds; i++) {
  for (const b of i % 2 === 0 ? builds : [...builds].reverse()) {
    const started = Date.now();
    b.kiosk.start();
    const marks = {};
    const total = await b.kiosk.waitForHome(b.page, '#tile-bulletin', started, 180000, marks);
    b.runs.push(total);
    console.log(`  ${b.name} restart: first answer ${marks.answer} ms, home page ${marks.homePage} ms, tiles ${total} ms`);
    await b.kiosk.stop();
  }
}
for (const b of builds) {
  const sorted = [...b.runs].sort((x, y) => x - y);
  console.log(`${b.name}: restarts ${b.runs.join(', ')} ms; median ${sorted[Math.floor(sorted.length / 2)]} ms`);
  await b.browser.close();
  rmSync(b.profile, { recursive: true, force: true });
  rmSync(join(b.kiosk.home, '..'), { recursive: true, force: true });
}
