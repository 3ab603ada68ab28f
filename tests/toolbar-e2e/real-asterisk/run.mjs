#!/usr/bin/env node
// The browser softphone on a real Asterisk, end to end:
//   Asterisk 22 with asterisk-config/ (copied to a temp dir, credentials from setup-credentials.sh, a local certificate
//   from make-certs.sh for wss://, free loopback ports) + CtiBridge in production mode (no sandbox, endpoint
//   provisioning on) + a tenant set up through the admin API + headless Chromium with fake media devices:
//   the web agent signs in, the SIP.js softphone registers over WSS, she is Ready, a sipp customer calls the demo
//   trunk number (→ Stasis(ctibridge,queue,demo,Sales)), the toolbar shows the offer, Answer answers the SIP INVITE
//   in the browser, the call is bridged on Asterisk with the customer, Hang up, wrap-up, End wrap-up; then the admin
//   switches her auto-answer on and a second customer's call is answered by the softphone without a click.
// Prints "skipped: <reason>" and exits 0 when Asterisk, sipp, openssl or Chromium is missing.
//   node tests/toolbar-e2e/real-asterisk/run.mjs      (or: npm --prefix src/toolbar run e2e:asterisk)
// Env: CTI_ASTERISK_BIN, CTI_ASTERISK_MODULES, CTI_ASTERISK_DATA, CTI_SIPP_BIN, CTI_CHROMIUM (as the C# suite),
//      CTI_KEEP_ASTERISK_DIR=1 keeps the temp directory (logs, traces), CTI_RELOADS=n reloads mid-call (default 2),
//      CTI_RELOAD_RESULTS=file.json writes the measured gaps, CTI_E2E_NO_BUILD=1 runs the Api built beforehand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, copyFileSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const toolbarDir = join(repo, 'src/toolbar');
const started = Date.now();
const log = (m) => console.log(`[real-asterisk ${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);
const skip = (why) => { console.log(`skipped: ${why}`); process.exit(0); };

const onPath = (name) => (process.env.PATH ?? '').split(delimiter).map((d) => join(d, name)).find((p) => p && existsSync(p));
const asteriskBin = process.env.CTI_ASTERISK_BIN
  ? (existsSync(process.env.CTI_ASTERISK_BIN) ? process.env.CTI_ASTERISK_BIN : null)
  : onPath('asterisk') ?? ['/usr/sbin/asterisk', '/usr/local/sbin/asterisk'].find(existsSync) ?? null;
const sippBin = process.env.CTI_SIPP_BIN || onPath('sipp');
const chromiumBin = process.env.CTI_CHROMIUM ?? '/usr/bin/chromium';
// The agent's and the supervisor's browsers: fake microphone, WebRTC to Asterisk's self-signed WSS on loopback.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required', '--ignore-certificate-errors', '--disable-features=WebRtcHideLocalIpsWithMdns'];
if (!asteriskBin) skip('Asterisk is not installed (set CTI_ASTERISK_BIN or put asterisk on PATH; see docs/asterisk.md)');
if (!sippBin) skip("sipp is not installed (Debian package 'sip-tester'; or set CTI_SIPP_BIN)");
if (!existsSync(chromiumBin)) skip(`${chromiumBin} not found (apt-get install -y chromium, or set CTI_CHROMIUM)`);
if (!onPath('openssl')) skip('openssl is not installed (make-certs.sh needs it for the wss:// certificate)');
if (!onPath('dotnet')) skip('dotnet is not installed');
if (!existsSync(join(toolbarDir, 'node_modules/playwright-core'))) skip('src/toolbar/node_modules is missing: run npm ci in src/toolbar first');
const { chromium } = await import('../../../src/toolbar/node_modules/playwright-core/index.mjs');

const moduleDir = process.env.CTI_ASTERISK_MODULES
  || ['/usr/lib/asterisk/modules', '/usr/lib64/asterisk/modules', '/usr/local/lib/asterisk/modules'].find(existsSync) || '/usr/lib/asterisk/modules';
const dataDir = process.env.CTI_ASTERISK_DATA || '/var/lib/asterisk';

// ------------------------------------------------------------------ helpers
/** A μ-law (G.711, WAV format 7) 8 kHz mono WAV of a sine tone: what sipp's rtp_stream sends as PCMU. */
function ulawToneWav(hz, seconds) {
  const n = 8000 * seconds, wav = Buffer.alloc(58 + n);
  wav.write('RIFF', 0); wav.writeUInt32LE(50 + n, 4); wav.write('WAVE', 8); wav.write('fmt ', 12); wav.writeUInt32LE(18, 16);
  wav.writeUInt16LE(7, 20); wav.writeUInt16LE(1, 22); wav.writeUInt32LE(8000, 24); wav.writeUInt32LE(8000, 28);
  wav.writeUInt16LE(1, 32); wav.writeUInt16LE(8, 34); wav.writeUInt16LE(0, 36);
  wav.write('fact', 38); wav.writeUInt32LE(4, 42); wav.writeUInt32LE(n, 46); wav.write('data', 50); wav.writeUInt32LE(n, 54);
  const ulaw = (x) => {
    const sign = x < 0 ? 0x80 : 0; let v = Math.min(Math.abs(x), 32635) + 0x84; let exp = 7;
    for (let mask = 0x4000; (v & mask) === 0 && exp > 0; mask >>= 1) exp--;
    return ~(sign | (exp << 4) | ((v >> (exp + 3)) & 0x0f)) & 0xff;
  };
  for (let i = 0; i < n; i++) wav[58 + i] = ulaw(Math.round(8000 * Math.sin(2 * Math.PI * hz * i / 8000)));
  return wav;
}
/** A mono 16-bit 48 kHz WAV of a sine tone, 250 ms on and 250 ms off (amplitude 16000 of 32767). */
function toneWav(hz, seconds) {
  const rate = 48000, n = rate * seconds, wav = Buffer.alloc(44 + 2 * n);
  wav.write('RIFF', 0); wav.writeUInt32LE(36 + 2 * n, 4); wav.write('WAVE', 8); wav.write('fmt ', 12);
  wav.writeUInt32LE(16, 16); wav.writeUInt16LE(1, 20); wav.writeUInt16LE(1, 22); wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(2 * rate, 28); wav.writeUInt16LE(2, 32); wav.writeUInt16LE(16, 34); wav.write('data', 36); wav.writeUInt32LE(2 * n, 40);
  for (let i = 0; i < n; i++) wav.writeInt16LE(Math.floor(i / (rate / 4)) % 2 ? 0 : Math.round(16000 * Math.sin(2 * Math.PI * hz * i / rate)), 44 + 2 * i);
  return wav;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(fn, what, timeoutMs = 15_000, intervalMs = 100) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}
// Ports below the kernel's ephemeral range (where outgoing connections take their source ports, so a port found free
// there can be taken before Asterisk binds it), at random, free for TCP and UDP, never handed out twice; the C# suite
// uses 20000-29999, this script 30000-32699, so the two can run at once.
const handedOut = new Set();
const tcpFree = (port) => new Promise((res) => {
  const s = createServer(); s.once('error', () => res(false));
  s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
});
const udpFree = (port) => new Promise((res) => {
  const u = createSocket('udp4'); u.once('error', () => res(false));
  u.bind(port, '127.0.0.1', () => u.close(() => res(true)));
});
async function freeTcpUdp() {
  for (let i = 0; i < 500; i++) {
    const port = 30000 + Math.floor(Math.random() * 2700);
    if (handedOut.has(port)) continue;
    if (await tcpFree(port) && await udpFree(port)) { handedOut.add(port); return port; }
  }
  throw new Error('no free port');
}
const freeTcp = freeTcpUdp;
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}
function rewrite(file, re, to) {
  const text = readFileSync(file, 'utf8');
  const out = text.replace(re, to);
  if (out === text) throw new Error(`${file}: nothing matched ${re}`);
  writeFileSync(file, out);
}

// ------------------------------------------------------------------ state to clean up
const root = mkdtempSync(join(tmpdir(), 'cti-rast-'));
const etc = join(root, 'etc');
const children = [];
let browser = null;
let supervisorBrowser = null;
let asterisk = null;
let conf = null;
async function cleanup() {
  try { await browser?.close(); } catch { /* gone */ }
  try { await supervisorBrowser?.close(); } catch { /* gone */ }
  for (const c of children.reverse()) {
    if (c.exitCode === null && c.signalCode === null) { try { process.kill(c.detachedGroup ? -c.pid : c.pid, 'SIGTERM'); } catch { /* gone */ } }
  }
  // The services stop before their database goes (deleted under a stopping service, its scheduler's shutdown waits forever).
  const stopBy = Date.now() + 30_000;
  while (children.some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < stopBy) await sleep(100);
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) { try { process.kill(c.detachedGroup ? -c.pid : c.pid, 'SIGKILL'); } catch { /* gone */ } }
  }
  if (asterisk && asterisk.exitCode === null) {
    spawnSync(asteriskBin, ['-C', conf, '-rx', 'core stop now'], { timeout: 10_000 });
    const end = Date.now() + 10_000;
    while (asterisk.exitCode === null && Date.now() < end) await sleep(100);
    if (asterisk.exitCode === null) asterisk.kill('SIGKILL');
  }
  if (!process.env.CTI_KEEP_ASTERISK_DIR) rmSync(root, { recursive: true, force: true });
  else log(`kept ${root}`);
}
process.on('SIGINT', () => { void cleanup().then(() => process.exit(130)); });

const CUSTOMER_XML = `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="customer calls and stays until hung up">
  <Global variables="caller" />
  <send retrans="500"><![CDATA[

      INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Customer" <sip:[$caller]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: <sip:[$caller]@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Type: application/sdp
      Content-Length: [len]

v=0
o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
s=-
c=IN IP[media_ip_type] [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 0
a=rtpmap:0 PCMU/8000

    ]]></send>
  <recv response="100" optional="true" />
  <recv response="180" optional="true" />
  <recv response="183" optional="true" />
  <recv response="200" rrs="true" />
  <send><![CDATA[

      ACK [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Customer" <sip:[$caller]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      [last_To:]
      Call-ID: [call_id]
      CSeq: 1 ACK
      Max-Forwards: 70
      Content-Length: 0

    ]]></send>
  <nop><action><exec rtp_stream="customer-500hz.wav,-1,0" /></action></nop>
  <label id="talk" />
  <recv request="INVITE" optional="true" next="reinvite" />
  <recv request="BYE" timeout="120000" />
  <send next="end"><![CDATA[

      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]></send>
  <label id="reinvite" />
  <send retrans="500"><![CDATA[

      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:[$caller]@[local_ip]:[local_port];transport=[transport]>
      Content-Type: application/sdp
      Content-Length: [len]

v=0
o=user1 53655765 2353687638 IN IP[local_ip_type] [local_ip]
s=-
c=IN IP[media_ip_type] [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 0
a=rtpmap:0 PCMU/8000

    ]]></send>
  <recv request="ACK" next="talk" />
  <label id="end" />
</scenario>
`;

let code = 1;
let lastSeen = '';
try {
  // ---------------------------------------------------------------- Asterisk with asterisk-config/
  const source = join(repo, 'asterisk-config');
  mkdirSync(etc, { recursive: true });
  for (const f of readdirSync(source)) if (f.endsWith('.conf') || f.endsWith('.sh')) copyFileSync(join(source, f), join(etc, f));
  for (const d of ['run', 'log', 'lib', 'db', 'spool/recording', 'etc/provisioned']) mkdirSync(join(root, d), { recursive: true });
  const port = { http: await freeTcp(), ami: await freeTcp(), tls: await freeTcp(), sip: await freeTcpUdp(), trunk: await freeTcpUdp(), api: await freeTcp() };
  rewrite(join(etc, 'http.conf'), /^bindport\s*=.*$/m, `bindport = ${port.http}`);
  rewrite(join(etc, 'manager.conf'), /^port\s*=.*$/m, `port = ${port.ami}`);
  rewrite(join(etc, 'pjsip.conf'), /^bind\s*=\s*0\.0\.0\.0:5060$/gm, `bind = 127.0.0.1:${port.sip}`);
  rewrite(join(etc, 'pjsip.conf'), /^bind\s*=\s*0\.0\.0\.0$/m, 'bind = 127.0.0.1');
  rewrite(join(etc, 'pjsip.conf'), /127\.0\.0\.1:5070/g, `127.0.0.1:${port.trunk}`);
  conf = join(etc, 'asterisk.conf');
  writeFileSync(conf, `[directories]
astetcdir => ${etc}
astmoddir => ${moduleDir}
astvarlibdir => ${root}/lib
astdbdir => ${root}/db
astkeydir => ${root}
astdatadir => ${dataDir}
astagidir => ${dataDir}/agi-bin
astspooldir => ${root}/spool
astrundir => ${root}/run
astlogdir => ${root}/log
astsbindir => ${dirname(asteriskBin)}

[options]
verbose = 2
`);
  // The committed scripts, exactly as users run them.
  run('bash', [join(etc, 'setup-credentials.sh'), etc]);
  run('bash', [join(etc, 'make-certs.sh'), etc, 'localhost', '127.0.0.1'], { env: { ...process.env, CTI_WSS_BIND: `127.0.0.1:${port.tls}` } });
  const creds = Object.fromEntries(readFileSync(join(etc, 'ctibridge.env'), 'utf8').split('\n')
    .filter((l) => l.includes('=') && !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const ariAuth = 'Basic ' + Buffer.from(`${creds.Asterisk__Ari__Username}:${creds.Asterisk__Ari__Password}`).toString('base64');
  const ari = async (path, method = 'GET') => {
    const r = await fetch(`http://127.0.0.1:${port.http}/ari/${path}`, { method, headers: { Authorization: ariAuth } });
    if (!r.ok) throw new Error(`ARI ${method} ${path}: ${r.status}`);
    const t = await r.text();
    return t ? JSON.parse(t) : null;
  };

  log(`starting ${asteriskBin} (http ${port.http}, wss ${port.tls}, sip ${port.sip})`);
  asterisk = spawn(asteriskBin, ['-C', conf, '-f', '-n', '-g'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let asteriskOut = '';
  asterisk.stdout.on('data', (d) => { asteriskOut += d; });
  asterisk.stderr.on('data', (d) => { asteriskOut += d; });
  const info = await until(async () => {
    if (asterisk.exitCode !== null) throw Object.assign(new Error(`Asterisk exited: ${asteriskOut}`), { fatal: true });
    return ari('asterisk/info');
  }, 'ARI', 60_000);
  run(asteriskBin, ['-C', conf, '-rx', 'core waitfullybooted']);
  log(`Asterisk ${info.system.version} up`);

  // ---------------------------------------------------------------- CtiBridge in production mode
  log('building the toolbar');
  if (spawnSync('npm', ['run', 'build'], { cwd: toolbarDir, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error('toolbar build failed');
  const base = `http://127.0.0.1:${port.api}`;
  const bootstrapKey = 'real-asterisk-e2e-bootstrap-0123456789';
  const env = {
    ...process.env,
    CTI_SKIP_TOOLBAR: '1', // built above
    ASPNETCORE_ENVIRONMENT: 'Production',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1',
    Sandbox__Enabled: 'false',
    Database__Provider: 'Sqlite',
    Database__ConnectionString: `Data Source=${join(root, 'ctibridge.db')}`,
    Auth__Jwt__SigningKeyFile: join(root, 'jwt-signing.key'),
    Auth__PasswordIterations: '1000',
    Admin__BootstrapKey: bootstrapKey,
    RateLimiting__Login__PermitLimit: '1000', RateLimiting__Login__PerIpPermitLimit: '1000',
    Logging__LogLevel__Default: 'Warning',
    Asterisk__Ari__BaseUrl: `http://127.0.0.1:${port.http}`,
    Asterisk__Ari__Username: creds.Asterisk__Ari__Username, Asterisk__Ari__Password: creds.Asterisk__Ari__Password,
    Asterisk__Ami__Host: '127.0.0.1', Asterisk__Ami__Port: String(port.ami),
    Asterisk__Ami__Username: creds.Asterisk__Ami__Username, Asterisk__Ami__Secret: creds.Asterisk__Ami__Secret,
    Asterisk__Provisioning__IncludeFile: join(etc, 'provisioned/pjsip_provisioned.conf'),
    Softphone__WebSocketUrl: `wss://127.0.0.1:${port.tls}/ws`,
  };
  log(`starting CtiBridge (production mode) at ${base}`);
  // CTI_E2E_NO_BUILD=1: the Api was built beforehand (dotnet build src/CtiBridge.Api), e.g. for repeated benchmark runs.
  const noBuild = process.env.CTI_E2E_NO_BUILD === '1' ? ['--no-build'] : [];
  const service = spawn('dotnet', ['run', '--project', join(repo, 'src/CtiBridge.Api'), ...noBuild, '--no-launch-profile', '--urls', base], {
    cwd: join(repo, 'src/CtiBridge.Api'), env, stdio: ['ignore', 'inherit', 'inherit'], detached: true,
  });
  service.detachedGroup = true;
  children.push(service);
  await until(async () => {
    if (service.exitCode !== null) throw new Error(`service exited with ${service.exitCode}`);
    return (await fetch(`${base}/health/ready`)).ok;
  }, 'CtiBridge ready with its PBX connected', 240_000);
  log('service ready');

  // ---------------------------------------------------------------- tenant through the admin API
  const rest = async (method, path, body, headers = {}) => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method, headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const t = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${t}`);
    return t ? JSON.parse(t) : null;
  };
  await rest('POST', '/admin/tenants', { domain: 'demo', name: 'Demo', adminUsername: 'boss', adminPassword: 'Lantern-Fjord-2026',
    settings: { attachedDataKeys: ['ACCOUNT', 'DNIS'], wrapUpDefaultSeconds: 30 } }, { 'X-Bootstrap-Key': bootstrapKey });
  const boss = await rest('POST', '/session/login', { domain: 'demo', login: 'boss', password: 'Lantern-Fjord-2026' });
  const asBoss = { Authorization: `Bearer ${boss.accessToken}` };
  const sales = await rest('POST', '/admin/skill-groups', { name: 'Sales', number: '500', ringTimeoutSeconds: 30 }, asBoss);
  const ann = await rest('POST', '/admin/users', { username: 'ann', displayName: 'Ann Web', agentNumber: '1201', roles: ['agent'],
    password: 'Copper-Kettle-2026', agentProfile: { extension: '1201', extensionKind: 'Web', wrapUpSeconds: 60 } }, asBoss);
  await rest('PUT', `/admin/skill-groups/${sales.id}/members/${ann.id}`, { priority: 1 }, asBoss);
  // A supervisor who listens from the desk on a browser softphone of her own (endpoint demo-1290), leading ann's team.
  const sue = await rest('POST', '/admin/users', { username: 'sue', displayName: 'Sue Lead', roles: ['supervisor'], password: 'Copper-Kettle-2026' }, asBoss);
  await rest('PUT', `/admin/users/${sue.id}/supervisor-device`, { extension: '1290', extensionKind: 'Web' }, asBoss);
  await rest('POST', '/admin/teams', { name: 'Floor', supervisorIds: [sue.id], memberIds: [ann.id], monitoringModes: ['Monitor', 'Whisper', 'Barge', 'TakeOver'] }, asBoss);
  log('tenant demo: Sales, web agent ann (1201, endpoint demo-1201 provisioned), supervisor sue (web device 1290) leading her team');

  // ---------------------------------------------------------------- the agent in Chromium
  const profile = join(root, 'chromium');
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumBin, headless: true,
    args: CHROMIUM_ARGS,
    ignoreHTTPSErrors: true, viewport: { width: 1100, height: 760 }, baseURL: base,
  });
  const page = browser.pages()[0] ?? await browser.newPage();
  page.on('pageerror', (e) => log(`[page error] ${e.message}`));
  const ui = (expr) => page.evaluate(expr);
  await page.goto('/');
  await page.fill('#domain', 'demo');
  await page.fill('#username', 'ann');
  await page.fill('#password', 'Copper-Kettle-2026');
  await page.click('button[type=submit]');
  await page.waitForSelector('#start-state');
  await page.selectOption('#start-state', '');
  await page.click('button[type=submit]');
  await page.waitForSelector('#agent-state');
  await until(async () => (await ui(() => window.__cti.ui.registration)) === 'registered', 'the softphone registered over WSS', 20_000);
  const endpoint = await until(async () => { const e = await ari('endpoints/PJSIP/demo-1201'); return e.state === 'online' ? e : null; }, 'demo-1201 online on Asterisk');
  const wsUri = await ui(() => window.__cti.ui.softphone.settings.wsUri);
  if (!wsUri.startsWith(`wss://127.0.0.1:${port.tls}/`)) throw new Error(`softphone not on Asterisk's WSS: ${wsUri}`);
  log(`softphone registered over ${wsUri} (Asterisk: endpoint demo-1201 ${endpoint.state})`);
  await until(async () => /^Ready$/.test(await page.locator('#agent-state').innerText()), 'agent Ready').catch(async (e) => {
    // What the toolbar, the server and Asterisk said when Ready did not come: the state, its reason, the device.
    const shown = await page.locator('#agent-state').innerText().catch(() => '(no #agent-state)');
    const server = await page.evaluate(() => JSON.stringify(window.__cti?.ui?.model?.agent ?? null)).catch(() => '(no view)');
    const endpoint = await ari('endpoints/PJSIP/demo-1201').catch(() => null);
    throw new Error(`${e.message}; the toolbar shows "${shown}"; its agent view ${server}; Asterisk's endpoint ${JSON.stringify(endpoint)}`);
  });
  log('agent Ready');

  // ---------------------------------------------------------------- a real call from sipp through the queue
  const sippDir = join(root, 'sipp');
  mkdirSync(sippDir);
  writeFileSync(join(sippDir, 'customer.xml'), CUSTOMER_XML);
  // The customer talks all the time (a 500 Hz tone as PCMU RTP), as a phone on a trunk does: Asterisk's two-party bridge
  // only passes on frames, and the supervisor's whisper rides on what the agent's leg receives.
  writeFileSync(join(sippDir, 'customer-500hz.wav'), ulawToneWav(500, 1));
  const customer = spawn(sippBin, ['-sf', 'customer.xml', '-s', '5551001', '-set', 'caller', '5550199', '-i', '127.0.0.1', '-p', String(port.trunk),
    '-m', '1', '-aa', '-nostdin', '-trace_msg', '-trace_err', `127.0.0.1:${port.sip}`], { cwd: sippDir, stdio: 'ignore' });
  children.push(customer);
  const customerDone = new Promise((res) => customer.once('exit', (c) => res(c)));
  log('customer (sipp) calls 5551001 from the trunk');

  await page.waitForSelector('#incoming', { timeout: 20_000 });
  const banner = await page.locator('#incoming').innerText();
  if (!/Sales/.test(banner) || !/5550199|\*/.test(banner)) throw new Error(`offer banner: ${banner}`);
  await until(async () => ui(() => window.__cti.ui.softphone.hasIncoming()), 'the SIP INVITE to reach the browser');
  log('offer shown, INVITE ringing in SIP.js');
  await page.click('#answer');
  await until(async () => /Connected/.test(await page.locator('#call-state').innerText()), 'the toolbar to show the call connected');
  const bridged = await until(async () => {
    lastSeen = JSON.stringify({ channels: (await ari('channels')).map((c) => [c.name, c.state]), bridges: (await ari('bridges')).map((b) => b.channels) });
    const channels = await ari('channels');
    const web = channels.find((c) => c.name.startsWith('PJSIP/demo-1201-') && c.state === 'Up');
    const trunk = channels.find((c) => c.name.startsWith('PJSIP/demo-trunk-') && c.state === 'Up');
    if (!web || !trunk) return null;
    return (await ari('bridges')).find((b) => b.channels.includes(web.id) && b.channels.includes(trunk.id)) ?? null;
  }, 'the browser and the customer bridged on Asterisk').catch((e) => { throw new Error(`${e.message}; Asterisk had ${lastSeen}`); });
  const ice = await ui(() => window.__cti.ui.softphone.session?.sessionDescriptionHandler?.peerConnection?.iceConnectionState ?? 'n/a');
  log(`answered in the browser: bridge ${bridged.id} holds the softphone and the customer (WebRTC ICE ${ice})`);

  // ---------------------------------------------------------------- reloads mid-call: the softphone comes back
  // Each reload drops the page (its SIP WebSocket and its hub connection); the reloaded toolbar asks for its softphone
  // back into the call, CtiBridge rings it and it answers by itself. The gap is measured on Asterisk: the time between
  // the last RTP packet Asterisk received from the old softphone leg and the first from the new one (ARI
  // rtp_statistics rxcount, sampled every 50 ms), i.e. how long the customer did not hear the agent.
  const reloads = Number(process.env.CTI_RELOADS ?? '2');
  const gaps = [];
  const softphoneLeg = async () => {
    const channels = await ari('channels');
    const web = channels.filter((c) => c.name.startsWith('PJSIP/demo-1201-') && c.state === 'Up');
    const trunk = channels.find((c) => c.name.startsWith('PJSIP/demo-trunk-') && c.state === 'Up');
    if (!trunk) throw new Error('the customer channel is gone: the call was dropped');
    const bridges = await ari('bridges');
    return web.find((c) => bridges.some((b) => b.channels.includes(c.id) && b.channels.includes(trunk.id))) ?? null;
  };
  const rxOf = async (id) => { try { return (await ari(`channels/${id}/rtp_statistics`)).rxcount ?? 0; } catch { return null; } };
  for (let i = 1; i <= reloads; i++) {
    const old = await until(softphoneLeg, 'the softphone leg in the bridge before the reload');
    // The old leg's RTP flowing: note when its packet count last grew, until the page is gone.
    let lastOldRx = await rxOf(old.id);
    let lastOldAt = Date.now();
    await until(async () => { const rx = await rxOf(old.id); if (rx !== null && rx > lastOldRx) { lastOldRx = rx; lastOldAt = Date.now(); return true; } return false; },
      'RTP from the softphone before the reload', 10_000);
    let reloading = true;
    const watchOld = (async () => {
      while (reloading) {
        const rx = await rxOf(old.id);
        if (rx === null) break;
        if (rx > lastOldRx) { lastOldRx = rx; lastOldAt = Date.now(); }
        await sleep(50);
      }
    })();
    const reloaded = page.reload({ waitUntil: 'domcontentloaded' });
    // The new leg: in the bridge with the customer, its RTP counted from the first packet.
    let firstNewAt = 0;
    const fresh = await until(async () => {
      const leg = await softphoneLeg();
      if (!leg || leg.id === old.id) return null;
      const rx = await rxOf(leg.id);
      if (!rx) return null;
      firstNewAt = Date.now();
      return leg;
    }, `the softphone back in the call after reload ${i}`, 20_000, 50);
    reloading = false;
    await watchOld;
    await reloaded;
    const gap = (firstNewAt - lastOldAt) / 1000;
    gaps.push(gap);
    await until(async () => /Connected/.test(await page.locator('#call-state').innerText()), `the call card Connected after reload ${i}`);
    const mine = await page.evaluate(() => Object.values(window.__cti.ui.model.calls).map((c) => c.callId));
    if (mine.length !== 1) throw new Error(`after reload ${i} the toolbar shows ${mine.length} calls`);
    if (customer.exitCode !== null) throw new Error(`the customer's call ended during reload ${i}`);
    log(`reload ${i}/${reloads}: softphone back in the call (leg ${fresh.id}), customer-side gap in the agent's audio ${gap.toFixed(2)} s`);
  }
  if (reloads > 0) {
    const sorted = [...gaps].sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    log(`reload gaps (s): ${gaps.map((g) => g.toFixed(2)).join(', ')}; median ${median.toFixed(2)}, max ${sorted[sorted.length - 1].toFixed(2)}; dropped calls 0`);
    if (process.env.CTI_RELOAD_RESULTS) writeFileSync(process.env.CTI_RELOAD_RESULTS, JSON.stringify({ gaps, median, max: sorted[sorted.length - 1] }));
  }

  // ---------------------------------------------------------------- the supervisor listens from the desk
  // Sue opens the desk in her own browser; its softphone registers her device; "Listen" rings it with auto-answer and
  // the desk answers by itself. Proof of audio, not of API state: the WebRTC statistics of her leg count audio
  // energy arriving (the agent's fake microphone beeps), and Asterisk holds a snoop on ann's leg bridged with her.
  // The supervisor's microphone says a 2500 Hz tone, 250 ms on and 250 ms off (a WAV Chromium loops as its fake capture
  // device; a steady tone would be taken for noise by the browser's noise suppression), so what reaches the agent's
  // browser from her can be told apart by frequency from the customer's 500 Hz.
  const supervisorTone = join(root, 'supervisor-2500hz.wav');
  writeFileSync(supervisorTone, toneWav(2500, 2));
  supervisorBrowser = await chromium.launch({
    executablePath: chromiumBin, headless: true,
    args: [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${supervisorTone}`],
  });
  const deskContext = await supervisorBrowser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 900 }, baseURL: base });
  // With CTI_MONITOR_TRIES: the desk's page marks, on the machine's clock, each step of a monitoring leg's set-up (the
  // SIP messages over its WebSocket, the microphone, the peer connection's ICE and DTLS states), to tell where the time
  // between the click and the first RTP packet goes. Passive wrappers; nothing the app does changes.
  if (Number(process.env.CTI_MONITOR_TRIES ?? '0') > 0) {
    await deskContext.addInitScript(() => {
      const marks = [];
      window.__ctiMarks = marks;
      const mark = (what) => marks.push({ what, at: Date.now() });
      const NativeWebSocket = window.WebSocket;
      window.WebSocket = class extends NativeWebSocket {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (e) => {
            if (typeof e.data !== 'string') return;
            if (e.data.startsWith('INVITE ')) mark('INVITE received');
            else if (e.data.startsWith('ACK ')) mark('ACK received');
            else if (e.data.includes('"monitoringStarted"')) mark('monitoringStarted event');
          });
        }
        send(data) {
          if (typeof data === 'string' && data.startsWith('SIP/2.0 200') && /^CSeq: *\d+ INVITE/mi.test(data)) mark('200 OK sent');
          return super.send(data);
        }
      };
      const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (c) => { mark('getUserMedia asked'); const m = await gum(c); mark('getUserMedia done'); return m; };
      const NativePeerConnection = window.RTCPeerConnection;
      window.RTCPeerConnection = class extends NativePeerConnection {
        constructor(...args) {
          super(...args);
          mark('peer connection created');
          this.addEventListener('icegatheringstatechange', () => mark(`ICE gathering ${this.iceGatheringState}`));
          this.addEventListener('iceconnectionstatechange', () => mark(`ICE ${this.iceConnectionState}`));
          this.addEventListener('connectionstatechange', () => mark(`DTLS/peer ${this.connectionState}`));
        }
        async setRemoteDescription(d) { mark('offer applied'); return super.setRemoteDescription(d); }
        async createAnswer(o) { const a = await super.createAnswer(o); mark('answer created'); return a; }
      };
    });
  }
  const desk = await deskContext.newPage();
  desk.on('pageerror', (e) => log(`[desk page error] ${e.message}`));
  await desk.goto('/');
  await desk.fill('#domain', 'demo');
  await desk.fill('#username', 'sue');
  await desk.fill('#password', 'Copper-Kettle-2026');
  await desk.click('button[type=submit]');
  await desk.getByText('Listening device: this browser, ready; listening line open.').waitFor({ timeout: 20_000 });
  await until(async () => (await ari('endpoints/PJSIP/demo-1290')).state === 'online', 'demo-1290 online on Asterisk');
  // The listening line: the desk's softphone was called once and stays up, alone in a bridge, before any "Listen".
  let lineSeen = '';
  const line = await until(async () => {
    const channels = await ari('channels');
    const bridges = await ari('bridges');
    lineSeen = JSON.stringify({ channels: channels.map((c) => [c.id, c.name, c.state]), bridges: bridges.map((b) => [b.id, b.channels]) });
    const sup = channels.find((c) => c.name.startsWith('PJSIP/demo-1290-') && c.state === 'Up');
    if (!sup) return null;
    const bridge = bridges.find((b) => b.channels.includes(sup.id));
    return bridge && bridge.channels.length === 1 ? sup : null;
  }, 'the listening line up to the desk, alone in its bridge', 30_000).catch((e) => { throw new Error(`${e.message}; Asterisk had ${lineSeen}`); });
  log(`supervisor desk open: its softphone registered demo-1290 over WSS and holds the listening line ${line.name}`);
  const inbound = () => desk.evaluate(async () => {
    const pc = window.__ctiDesk?.peerConnection();
    if (!pc) return null;
    let audio = null;
    (await pc.getStats()).forEach((r) => { if (r.type === 'inbound-rtp' && r.kind === 'audio') audio = { energy: r.totalAudioEnergy ?? 0, packets: r.packetsReceived ?? 0 }; });
    return audio;
  });
  // An idle line carries nothing: the packets counted before a click are the baseline the first packet is told from.
  const idle = await inbound();
  await sleep(300);
  const idleLater = await inbound();
  log(`idle listening line: ${idle?.packets ?? 0} → ${idleLater?.packets ?? 0} RTP packets received in 300 ms`);
  const baseline = idleLater?.packets ?? 0;
  const listenAt = Date.now();
  await desk.getByRole('button', { name: 'Listen to Ann Web' }).click();
  await desk.getByText("Listen: Ann Web's call.").waitFor({ timeout: 20_000 });
  // First the leg's first RTP packet, then sound in it (the fake microphone beeps with silence between).
  await until(async () => { const a = await inbound(); return a && a.packets > baseline ? a : null; }, 'RTP arriving at the supervisor\'s browser', 15_000, 20);
  const firstPacketMs = Date.now() - listenAt;
  const heard = await until(async () => { const a = await inbound(); return a && a.energy > 0 ? a : null; },
    'audio energy arriving at the supervisor\'s browser', 15_000, 50);
  const firstAudioMs = Date.now() - listenAt;
  const listening = await until(async () => {
    const channels = await ari('channels');
    const sup = channels.find((c) => c.name.startsWith('PJSIP/demo-1290-') && c.state === 'Up');
    const snoop = channels.find((c) => c.name.startsWith('Snoop/'));
    if (!sup || !snoop) return null;
    return (await ari('bridges')).find((b) => b.channels.includes(sup.id) && b.channels.includes(snoop.id)) ? { sup, snoop } : null;
  }, 'a snoop on ann\'s leg bridged with the supervisor\'s browser');
  if (listening.sup.id !== line.id) throw new Error(`the session rang a new leg (${listening.sup.name}) instead of using the listening line ${line.name}`);
  log(`monitor: the supervisor's browser receives RTP ${firstPacketMs} ms and sound ${firstAudioMs} ms after "Listen" (energy ${heard.energy.toPrecision(2)}, ${heard.packets} packets; Asterisk: ${listening.snoop.name} bridged with ${listening.sup.name})`);
  const before = (await inbound()).energy;
  await until(async () => (await inbound()).energy > before, 'audio energy still growing at the supervisor', 10_000, 100);
  // What the agent's browser receives at the supervisor's 2500 Hz, in each mode: nothing in monitor, her voice in
  // whisper and barge — judged by frequency on the decoded audio of the softphone's incoming track, in the agent's page.
  const toneAt = (where, which, hz) => where.evaluate(async ({ which, hz }) => {
    const pc = which === 'desk' ? window.__ctiDesk?.peerConnection() : window.__cti.ui.softphone.session?.sessionDescriptionHandler?.peerConnection;
    const track = pc?.getReceivers().find((r) => r.track?.kind === 'audio')?.track;
    if (!track) return null;
    // The decoded audio of the incoming track, frame by frame (a headless browser has no audio output for WebAudio).
    const reader = new MediaStreamTrackProcessor({ track: track.clone() }).readable.getReader();
    const samples = [];
    let rate = 48000;
    const end = Date.now() + 1500;
    while (Date.now() < end) {
      const { value: frame, done } = await reader.read();
      if (done) break;
      rate = frame.sampleRate;
      const plane = new Float32Array(frame.numberOfFrames);
      frame.copyTo(plane, { planeIndex: 0, format: 'f32-planar' });
      frame.close();
      samples.push(...plane);
    }
    await reader.cancel();
    // Goertzel at hz over each 100 ms: the loudest, as a 16-bit amplitude.
    const n = Math.round(rate / 10), k = 2 * Math.cos(2 * Math.PI * hz / rate);
    let peak = 0;
    for (let i = 0; i + n <= samples.length; i += n) {
      let s1 = 0, s2 = 0;
      for (let j = i; j < i + n; j++) { const s0 = samples[j] + k * s1 - s2; s2 = s1; s1 = s0; }
      peak = Math.max(peak, 2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - k * s1 * s2)) / n * 32768);
    }
    return Math.round(peak);
  }, { which, hz });
  const supervisorAtAgent = () => toneAt(page, 'agent', 2500);
  const levels = { Monitor: await supervisorAtAgent() };
  await desk.getByRole('radio', { name: /^Whisper/ }).click(); // the mode shown is the server's: it changes with the answer
  await desk.getByText("Whisper: Ann Web's call.").waitFor({ timeout: 10_000 });
  levels.Whisper = await supervisorAtAgent();
  await desk.getByRole('radio', { name: /^Barge in/ }).click();
  await desk.getByText("Barge in: Ann Web's call.").waitFor({ timeout: 10_000 });
  levels.Barge = await supervisorAtAgent();
  log(`the supervisor's 2500 Hz at the agent's browser (16-bit amplitude, loudest 100 ms of 1.5 s): monitor ${levels.Monitor}, whisper ${levels.Whisper}, barge ${levels.Barge}`);
  if (!(levels.Monitor < 1000)) throw new Error(`in monitor the agent's browser receives the supervisor (${levels.Monitor})`);
  if (!(levels.Whisper > 5000 && levels.Barge > 5000)) throw new Error(`in whisper and barge the agent's browser should receive the supervisor: ${JSON.stringify(levels)}`);
  await desk.getByRole('radio', { name: /^Whisper/ }).click();
  await desk.getByText("Whisper: Ann Web's call.").waitFor({ timeout: 10_000 });
  const whisper = await rest('GET', '/supervision/monitoring', undefined, { Authorization: `Bearer ${(await rest('POST', '/session/login', { domain: 'demo', login: 'sue', password: 'Copper-Kettle-2026' })).accessToken}` });
  if (whisper.mode !== 'Whisper' || whisper.state !== 'Active') throw new Error(`after switching: ${JSON.stringify(whisper)}`);
  log('switched to whisper from the desk, same device leg');
  await desk.getByRole('button', { name: 'Stop listening' }).click();
  await desk.getByText('Listening ended: you stopped listening.').waitFor({ timeout: 10_000 });
  await until(async () => !(await ari('channels')).some((c) => c.name.startsWith('Snoop/')), 'the snoop gone');
  if (!(await ari('channels')).some((c) => c.id === line.id && c.state === 'Up')) throw new Error('the listening line went with the session');
  if (customer.exitCode !== null) throw new Error('the customer\'s call ended while the supervisor listened');
  await until(async () => /Connected/.test(await page.locator('#call-state').innerText()), 'ann still connected after the supervisor left');
  log('stopped from the desk: the snoop is gone, the listening line stays up, ann and the customer still talk');
  // CTI_MONITOR_TRIES=N: N more starts from the desk, each timed from the click to the first RTP packet and to the first
  // sound at the supervisor's browser (docs/benchmarks.md), each stopped before the next.
  const tries = Number(process.env.CTI_MONITOR_TRIES ?? '0');
  if (tries > 0) {
    const packetMs = [], soundMs = [], steps = [];
    for (let i = 0; i < tries; i++) {
      await desk.getByRole('button', { name: 'Listen to Ann Web' }).waitFor({ timeout: 10_000 });
      await desk.evaluate(() => { window.__ctiMarks.length = 0; });
      const before = (await inbound())?.packets ?? 0;
      const answered = desk.waitForResponse((r) => r.url().endsWith('/supervision/monitoring') && r.request().method() === 'POST');
      const at = Date.now();
      await desk.getByRole('button', { name: 'Listen to Ann Web' }).click();
      answered.then(() => desk.evaluate(() => window.__ctiMarks.push({ what: 'REST answered', at: Date.now() }))).catch(() => {});
      await until(async () => { const a = await inbound(); return a && a.packets > before ? a : null; }, `RTP at the supervisor, try ${i + 1}`, 15_000, 10);
      packetMs.push(Date.now() - at);
      // Each step once, its first time after the click, in ms from the click.
      const marks = await desk.evaluate(() => window.__ctiMarks);
      const step = { 'first RTP (getStats)': packetMs.at(-1) };
      for (const m of marks) if (!(m.what in step)) step[m.what] = m.at - at;
      steps.push(step);
      log(`try ${i + 1}: ${Object.entries(step).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      const energyBefore = (await inbound())?.energy ?? 0;
      await until(async () => { const a = await inbound(); return a && a.energy > energyBefore ? a : null; }, `sound at the supervisor, try ${i + 1}`, 15_000, 20);
      soundMs.push(Date.now() - at);
      await desk.getByRole('button', { name: 'Stop listening' }).click();
      await until(async () => !(await ari('channels')).some((c) => c.name.startsWith('Snoop/')), `the snoop gone, try ${i + 1}`);
    }
    const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
    log(`monitor from the desk, ${tries} tries: first RTP p50 ${pct(packetMs, 0.5)} ms, p95 ${pct(packetMs, 0.95)} ms; first sound p50 ${pct(soundMs, 0.5)} ms, p95 ${pct(soundMs, 0.95)} ms (RTP: ${packetMs.join(', ')})`);
    // The breakdown: per step, p50 / p95 of its time from the click (over the tries in which it happened).
    const names = [...new Set(steps.flatMap((x) => Object.keys(x)))];
    const rows = names.map((n) => ({ n, xs: steps.map((x) => x[n]).filter((v) => v !== undefined) }))
      .sort((a, b) => pct(a.xs, 0.5) - pct(b.xs, 0.5));
    log(`monitor from the desk, steps from the click (p50 / p95 ms, tries):\n${rows.map((r) => `  ${r.n}: ${pct(r.xs, 0.5)} / ${pct(r.xs, 0.95)} (${r.xs.length})`).join('\n')}`);
  }

  // Take over from the desk, on a browser agent: the agent's softphone leg leaves the call (she goes to wrap-up) and the
  // supervisor's browser receives the customer's 500 Hz on the same listening line; then she hangs the customer up.
  await desk.getByRole('button', { name: 'Listen to Ann Web' }).click();
  await desk.getByText("Listen: Ann Web's call.").waitFor({ timeout: 10_000 });
  const annLegBefore = (await ari('channels')).find((c) => c.name.startsWith('PJSIP/demo-1201-'));
  await desk.getByRole('radio', { name: /^Take over/ }).click();
  await desk.getByText("Take over: Ann Web's call.").waitFor({ timeout: 10_000 });
  await until(async () => !(await ari('channels')).some((c) => c.id === annLegBefore?.id), 'the agent\'s browser leg gone after the take over');
  await until(async () => /Wrap-up/.test(await page.locator('#agent-state').innerText()), 'the agent in wrap-up after the take over');
  const customerAtSupervisor = await until(async () => { const a = await toneAt(desk, 'desk', 500); return a > 3000 ? a : null; },
    'the customer\'s 500 Hz at the supervisor\'s browser after the take over', 10_000, 200);
  const lineBridge = (await ari('bridges')).find((b) => b.channels.includes(line.id));
  const trunkLeg = (await ari('channels')).find((c) => c.name.startsWith('PJSIP/demo-trunk-'));
  if (!lineBridge || !trunkLeg || !lineBridge.channels.includes(trunkLeg.id) || lineBridge.channels.length !== 2)
    throw new Error(`after the take over the listening line should be bridged with the customer alone: ${JSON.stringify(lineBridge)}`);
  log(`taken over from the desk: the agent's browser leg left, she is in wrap-up, the supervisor's browser receives the customer's 500 Hz at ${customerAtSupervisor} on the listening line, bridged with the customer alone`);
  await desk.getByRole('button', { name: 'Stop listening' }).click();
  const takenOverExit = await Promise.race([customerDone, sleep(15_000).then(() => 'timeout')]);
  if (takenOverExit !== 0) throw new Error(`the customer's sipp did not end cleanly after the supervisor hung up (exit ${takenOverExit})`);
  if (!(await ari('channels')).some((c) => c.id === line.id && c.state === 'Up')) throw new Error('the listening line went with the taken-over call');
  log('the supervisor hung up the taken-over call: the customer got BYE, the listening line stays');

  // The desk closes (as a tab would, with no goodbye from the page): its softphone's WebSocket goes, Asterisk drops the
  // registration, and CtiBridge closes the listening line, so no leg stays up to a browser that is not there.
  await deskContext.close();
  const deskClosedAt = Date.now();
  await until(async () => !(await ari('channels')).some((c) => c.name.startsWith('PJSIP/demo-1290-')), 'the listening line closed once the desk went away', 45_000);
  log(`desk closed: the listening line was hung up ${((Date.now() - deskClosedAt) / 1000).toFixed(1)} s later`);

  await until(async () => (await ari('channels')).length === 0, 'no channel left on Asterisk');
  log('nothing left on Asterisk, agent in wrap-up');
  await page.click('#end-wrapup');
  await until(async () => /^Ready$/.test(await page.locator('#agent-state').innerText()), 'Ready after End wrap-up');

  // ---------------------------------------------------------------- auto-answer, set by the admin
  // The admin switches ann's auto-answer on; the next offer is dialled with the SIP auto-answer headers and the
  // softphone answers it by itself: nobody clicks, the customer is bridged with the browser.
  const setBy = await rest('PUT', `/agents/${ann.id}/auto-answer`, { enabled: true }, asBoss);
  if (setBy.autoAnswer !== true) throw new Error(`auto-answer not set: ${JSON.stringify(setBy)}`);
  await page.getByText('Auto-answer', { exact: true }).waitFor({ timeout: 10_000 });
  log('admin switched auto-answer on: the toolbar shows it');
  const customer2 = spawn(sippBin, ['-sf', 'customer.xml', '-s', '5551001', '-set', 'caller', '5550299', '-i', '127.0.0.1', '-p', String(port.trunk),
    '-m', '1', '-aa', '-nostdin', '-trace_msg', '-trace_err', `127.0.0.1:${port.sip}`], { cwd: sippDir, stdio: 'ignore' });
  children.push(customer2);
  const customer2Done = new Promise((res) => customer2.once('exit', (c) => res(c)));
  const autoStart = Date.now();
  const autoBridged = await until(async () => {
    const channels = await ari('channels');
    lastSeen = JSON.stringify({ channels: channels.map((c) => [c.name, c.state]) });
    const web = channels.find((c) => c.name.startsWith('PJSIP/demo-1201-') && c.state === 'Up');
    const trunk = channels.find((c) => c.name.startsWith('PJSIP/demo-trunk-') && c.state === 'Up');
    if (!web || !trunk) return null;
    return (await ari('bridges')).find((b) => b.channels.includes(web.id) && b.channels.includes(trunk.id)) ?? null;
  }, 'the browser to answer the second call by itself', 20_000).catch((e) => { throw new Error(`${e.message}; Asterisk had ${lastSeen}`); });
  await until(async () => /Connected/.test(await page.locator('#call-state').innerText()), 'the toolbar to show the auto-answered call');
  log(`auto-answered in the browser without a click ${Date.now() - autoStart} ms after the customer called: bridge ${autoBridged.id}`);
  await page.getByRole('button', { name: 'Hang up' }).click();
  await until(async () => /Wrap-up/.test(await page.locator('#agent-state').innerText()), 'wrap-up after the auto-answered call');
  const sipp2Exit = await Promise.race([customer2Done, sleep(15_000).then(() => 'timeout')]);
  if (sipp2Exit !== 0) throw new Error(`the second customer's sipp did not end cleanly (exit ${sipp2Exit})`);
  await until(async () => (await ari('channels')).length === 0, 'no channel left on Asterisk');
  await page.click('#end-wrapup');
  log(`passed: web agent took a real queue call in the browser softphone, a supervisor listened to it from the desk, and one call auto-answered (Asterisk ${info.system.version}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  code = 0;
} catch (e) {
  console.error(`[real-asterisk] FAILED: ${e.stack ?? e.message}`);
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
