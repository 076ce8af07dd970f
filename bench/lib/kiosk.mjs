// A kiosk distribution unpacked for a benchmark, on its own ports so it never meets the tests' or a running kiosk's.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const sleep = ms => new Promise(r => setTimeout(r, ms));

/** The demo community's card tokens (README): residents 10000001 张桂兰 ... 10000005 陈美华, in that order. */
export const demoCards = ['100000010000000000007', '100000020000000000005', '100000030000000000003',
  '100000040000000000001', '100000050000000000008'];

export const browserArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function unpackKiosk(archivePath, { port = 18381, ssh = 18301, rmi = [11399, 44745], devices = 18443 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  execFileSync('tar', ['xzf', resolve(archivePath), '-C', work]);
  const home = join(work, readdirSync(work)[0]);
  const kiosk = {
    home,
    url: `http://localhost:${port}/kiosk/`,
    /** The device connector (TLS), as a device on the LAN reaches it (here at a second loopback address). */
    deviceUrl: `https://127.0.0.2:${devices}/kiosk/`,
    /** Sets one key of an etc/*.cfg file, replacing what was there. */
    setKey(file, key, value) {
      const path = join(home, 'etc', file);
      const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
      writeFileSync(path, lines.filter(l => !l.trim().startsWith(key + ' ') && !l.trim().startsWith(key + '='))
        .concat(`${key} = ${value}`).join('\n'));
    },
    start() {
      return spawn(join(home, 'bin/karaf'), ['server'], { cwd: home, stdio: 'ignore' });
    },
    /** Stops Karaf the way a kiosk is switched off (SIGTERM, a clean shutdown) and waits until it has gone. */
    async stop() {
      try { execFileSync('pkill', ['-f', `karaf.home=${home}`]); } catch { return; }
      for (;;) {
        try { execFileSync('pgrep', ['-f', `karaf.home=${home}`]); await sleep(200); } catch { return; }
      }
    },
    /** Runs a command in the technician shell (ssh), as admin. */
    shell(cmd) {
      return execFileSync(join(home, 'bin/client'), ['-a', String(ssh), '-h', '127.0.0.1', '-u', 'admin',
        '-p', 'admin2026', '-r', '10', '-d', '1', '-b'], { input: cmd + '\n' }).toString();
    },
    rssMb() {
      const pid = execFileSync('pgrep', ['-f', `karaf.home=${home}`]).toString().trim().split('\n')[0];
      return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
    },
    /**
     * Opens the kiosk in the browser as soon as the kiosk answers with a page of its own and returns the milliseconds
     * from `since` to the selector showing. Until then a cheap HTTP poll stands in for the kiosk's launcher: a browser
     * retrying navigations every 100 ms costs so much CPU on two cores that it slowed the start it was timing (by about
     * 4-7 s). Jetty's bare 404, before the kiosk registered its pages, counts as not answering; from the kiosk's starting
     * page on, the page itself loads the home screen.
     */
    async waitForHome(page, selector, since, limitMs = 180000, marks = {}) {
      await markOnEveryPage(page, selector);
      // where the time goes (ms after `since`): the kiosk's first answer (its starting page), the home screen's page
      // (Vaadin runs; the page carries the UI's first state); the rest to the tiles is the browser
      const noted = response => {
        if (response.url() === kiosk.url && response.status() === 200 && marks.homePage === undefined) {
          marks.homePage = Date.now() - since;
        }
      };
      page.on('response', noted);
      try {
        while (Date.now() - since < limitMs) {
          try {
            const response = await fetch(kiosk.url, { redirect: 'manual' });
            response.body?.cancel();
            if (response.status !== 404) break;
          } catch { /* not listening yet */ }
          await sleep(50);
        }
        marks.answer = Date.now() - since;
        await page.goto(kiosk.url, { timeout: 30000, waitUntil: 'commit' });
        while (Date.now() - since < limitMs) {
          try {
            return await shownAt(page, limitMs - (Date.now() - since)) - since;
          } catch (e) {
            // the starting page replacing itself with the home screen destroys the context being polled
            if (!/context was destroyed|navigat/i.test(String(e))) throw e;
          }
        }
        throw new Error(`no ${selector} within ${limitMs} ms`);
      } finally {
        page.off('response', noted);
      }
    },
  };
  kiosk.setKey('org.ops4j.pax.web.cfg', 'org.osgi.service.http.port', port);
  kiosk.setKey('org.ops4j.pax.web.cfg', 'kiosk.devices.port', devices);
  kiosk.setKey('org.apache.karaf.shell.cfg', 'sshPort', ssh);
  kiosk.setKey('org.apache.karaf.management.cfg', 'rmiRegistryPort', rmi[0]);
  kiosk.setKey('org.apache.karaf.management.cfg', 'rmiServerPort', rmi[1]);
  return kiosk;
}

/**
 * Notes in the page the moment an element matching the selector appears. Playwright's own waits poll (at growing
 * intervals, up to 500 ms), which would add up to half a second to a figure.
 */
export async function markWhenShown(page, selector) {
  await page.evaluate(markShown, selector);
}

/** {@link markWhenShown} for every document the page loads from now on. */
function markOnEveryPage(page, selector) {
  return page.addInitScript(markShown, selector);
}

/** Runs in the page (also as an init script, before the body exists: so it watches the whole document). */
function markShown(sel) {
  window.__shownAt = 0;
  const check = () => {
    if (!window.__shownAt && document.querySelector(sel)) {
      window.__shownAt = Date.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  check();
}

/** When the element of the last {@link markWhenShown} appeared (epoch ms, the same clock as Date.now() here). */
export async function shownAt(page, timeout = 30000) {
  await page.waitForFunction(() => window.__shownAt, null, { timeout });
  return page.evaluate(() => window.__shownAt);
}
