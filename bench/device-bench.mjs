// The device connector: TLS handshake and first page for a device on the LAN, next to the kiosk screen's plain HTTP
// on loopback. A device here is a client at 127.0.0.2 (a second loopback address), trusting the kiosk's own
// authority (etc/tls/kiosk-ca.crt), enrolled with a pairing code from the technician's shell. Every figure is one
// fresh connection (no keep-alive, no TLS session kept) unless it says otherwise, measured in this process.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { performance } from 'node:perf_hooks';
import { unpackKiosk, sleep } from './lib/kiosk.mjs';

const RUNS = Number(process.env.RUNS ?? 40);
const archive = process.argv[2];
const devicesPort = 18443;
const kiosk = unpackKiosk(archive, { devices: devicesPort });

// what a kiosk's first start adds: bin/kiosk-jvm making the certificate (the same command, into a scratch folder)
const core = execFileSync('sh', ['-c', `ls ${kiosk.home}/system/org/communitykiosk/kiosk-core/*/kiosk-core-*.jar`])
  .toString().trim().split('\n').pop();
const making = [];
for (let i = 0; i < 3; i++) {
  const scratch = mkdtempSync(join(tmpdir(), 'kiosk-tls-'));
  const started = performance.now();
  execFileSync('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss512k',
    '--add-exports', 'java.base/sun.security.tools.keytool=ALL-UNNAMED', '-cp', core,
    'org.communitykiosk.core.internal.tls.DeviceCertificate', join(scratch, 'tls'), 'kiosk-bench'], { stdio: 'ignore' });
  making.push(performance.now() - started);
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`certificate made by bin/kiosk-jvm's command (first start only): ${making.map(ms => (ms / 1000).toFixed(2)).join(', ')} s`);

const proc = kiosk.start();

const stats = xs => {
  const s = [...xs].sort((a, b) => a - b);
  const at = q => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `min ${s[0].toFixed(1)}  p50 ${at(0.5).toFixed(1)}  p90 ${at(0.9).toFixed(1)}  max ${s[s.length - 1].toFixed(1)} ms`;
};

function request(lib, options, body) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let handshake = 0;
    const req = lib.request({ agent: false, ...options }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks),
        ms: performance.now() - started, handshake, session: res.socket?.getSession?.() }));
    });
    req.on('socket', socket => socket.on('secureConnect', () => { handshake = performance.now() - started; }));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const device = { host: '127.0.0.2', port: devicesPort, ca: null, checkServerIdentity: () => undefined };
const screen = { host: '127.0.0.1', port: Number(new URL(kiosk.url).port) };

try {
  const since = Date.now();
  for (;;) {
    try {
      const r = await request(http, { ...screen, path: '/kiosk/' });
      if (r.status === 200) break;
    } catch { /* not yet */ }
    if (Date.now() - since > 180000) throw new Error('the kiosk did not start');
    await sleep(200);
  }
  console.log(`kiosk up after ${((Date.now() - since) / 1000).toFixed(1)} s (first start, certificate made by bin/kiosk-jvm)`);
  device.ca = readFileSync(join(kiosk.home, 'etc/tls/kiosk-ca.crt'));
  let code;
  for (let i = 0; i < 60 && !code; i++) {
    try {
      code = kiosk.shell('kiosk:device-code bench-booth booth').match(/pairing code (\d{4}) (\d{4})/)?.slice(1).join('');
    } catch { /* shell not up yet */ }
    if (!code) await sleep(1000);
  }
  const enrolled = await request(https, { ...device, method: 'POST', path: '/kiosk/enrol',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, `code=${code}`);
  const cookie = enrolled.headers['set-cookie'].find(c => c.startsWith('__Host-kiosk-device=')).split(';')[0];
  console.log(`enrolled: ${enrolled.status} in ${enrolled.ms.toFixed(1)} ms (handshake ${enrolled.handshake.toFixed(1)} ms)`);
  const page = (await request(http, { ...screen, path: '/kiosk/' })).body.toString();
  const staticPath = '/kiosk/' + page.match(/VAADIN\/build\/[\w.-]+\.js/)[0];

  // warm both paths up (JIT, Vaadin's first sessions), then measure
  for (let i = 0; i < 10; i++) {
    await request(http, { ...screen, path: '/kiosk/' });
    await request(https, { ...device, path: '/kiosk/', headers: { Cookie: cookie } });
  }
  const handshakes = [], resumed = [], enrolPage = [], deviceHome = [], deviceHomeHandshake = [], screenHome = [],
    deviceStatic = [], screenStatic = [];
  let session;
  for (let i = 0; i < RUNS; i++) {
    handshakes.push(await new Promise((resolve, reject) => {
      const started = performance.now();
      let ms;
      // TLS 1.3 sends the session ticket after the handshake: wait for it (not timed) before closing
      const socket = tls.connect(device, () => { ms = performance.now() - started; });
      socket.on('session', ticket => { session = ticket; socket.end(); resolve(ms); });
      setTimeout(() => { if (ms !== undefined && !session) { socket.end(); resolve(ms); } }, 500);
      socket.on('error', reject);
    }));
    resumed.push(await new Promise((resolve, reject) => {
      const started = performance.now();
      const socket = tls.connect({ ...device, session }, () => {
        const ms = performance.now() - started;
        if (!socket.isSessionReused()) { socket.end(); reject(new Error('session not resumed')); return; }
        socket.end(); resolve(ms);
      });
      socket.on('error', reject);
    }).catch(() => NaN));
    enrolPage.push((await request(https, { ...device, path: '/kiosk/enrol' })).ms);
    const home = await request(https, { ...device, path: '/kiosk/', headers: { Cookie: cookie } });
    if (home.status !== 200) throw new Error(`device home ${home.status}`);
    deviceHome.push(home.ms);
    deviceHomeHandshake.push(home.handshake);
    screenHome.push((await request(http, { ...screen, path: '/kiosk/' })).ms);
    deviceStatic.push((await request(https, { ...device, path: staticPath, headers: { Cookie: cookie } })).ms);
    screenStatic.push((await request(http, { ...screen, path: staticPath })).ms);
  }
  const bytes = (await request(https, { ...device, path: '/kiosk/', headers: { Cookie: cookie } })).body.length;
  console.log(`runs: ${RUNS} each, one fresh connection per figure`);
  console.log(`TLS handshake (TLS 1.3, EC P-256), full:            ${stats(handshakes)}`);
  const r = resumed.filter(x => !Number.isNaN(x));
  console.log(`TLS handshake, session resumed:                     ${r.length ? stats(r) : 'not offered'}`);
  console.log(`device, unenrolled: handshake + enrolment page:     ${stats(enrolPage)}`);
  console.log(`device, enrolled: handshake + home screen page:     ${stats(deviceHome)}  (handshake part ${stats(deviceHomeHandshake)}; ${bytes} bytes)`);
  console.log(`kiosk screen: plain HTTP home screen page:          ${stats(screenHome)}`);
  console.log(`device, enrolled: handshake + static bundle file:   ${stats(deviceStatic)}`);
  console.log(`kiosk screen: plain HTTP static bundle file:        ${stats(screenStatic)}`);
} finally {
  await kiosk.stop();
  proc.kill();
}
