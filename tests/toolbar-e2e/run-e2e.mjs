#!/usr/bin/env node
// Runs the toolbar's end-to-end tests: builds the toolbar, starts CtiBridge in sandbox mode on
// 127.0.0.1 with a temporary SQLite database, then runs every *.e2e.test.mjs here with node's test
// runner in headless Debian Chromium (playwright-core, no browser download).
//   npm --prefix src/toolbar run e2e
// Env: CTI_CHROMIUM (default /usr/bin/chromium), CTI_E2E_BASE_URL (use a running service instead),
//      CTI_E2E_UPDATE_DOCS=1 (copy the screenshots into docs/screenshots/), CTI_E2E_ONLY=admin (only those files).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const toolbar = join(repo, 'src/toolbar');
const chromium = process.env.CTI_CHROMIUM ?? '/usr/bin/chromium';

function log(msg) { console.log(`[e2e] ${msg}`); }

if (!existsSync(chromium)) {
  console.error(`[e2e] ${chromium} not found: install Debian's Chromium first (apt-get install -y chromium).`);
  process.exit(1);
}

async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

async function waitReady(url, child, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}`);
    try { const r = await fetch(`${url}/health/ready`); if (r.ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`service not ready at ${url} after ${timeoutMs} ms`);
}

let child = null;
let dataDir = null;
let baseUrl = process.env.CTI_E2E_BASE_URL;
const cleanup = () => {
  if (child && child.exitCode === null) { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
};
/**
 * Stops the service and only then removes its data: a database deleted under a stopping service leaves its scheduler
 * unable to write its last state, and its shutdown waits for that forever. Killed after 30 s.
 */
async function stopService() {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 30_000))]);
    if (!stopped) { log('service did not stop within 30 s: killed'); try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }
  }
  cleanup();
}
process.on('SIGINT', () => { cleanup(); process.exit(130); });
process.on('SIGTERM', () => { cleanup(); process.exit(143); });

let code = 1;
try {
  if (!existsSync(join(toolbar, 'node_modules'))) {
    log('npm ci (toolbar)');
    // npm here can write lock files without the optional per-platform packages of rollup, which
    // `npm ci` then rejects; `npm install --no-save` installs the same locked versions.
    if (spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: toolbar, stdio: 'inherit' }).status !== 0
      && spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund'], { cwd: toolbar, stdio: 'inherit' }).status !== 0) throw new Error('npm install failed');
  }
  log('building the toolbar');
  if (spawnSync('npm', ['run', 'build'], { cwd: toolbar, stdio: 'inherit' }).status !== 0) throw new Error('toolbar build failed');

  if (!baseUrl) {
    const port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'cti-e2e-'));
    baseUrl = `http://127.0.0.1:${port}`;
    log(`starting CtiBridge (sandbox) at ${baseUrl}, data in ${dataDir}`);
    const env = {
      ...process.env,
      CTI_SKIP_TOOLBAR: '1', // built above
      ASPNETCORE_ENVIRONMENT: 'Development',
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      DOTNET_NOLOGO: '1',
      Sandbox__Enabled: 'true',
      Database__Provider: 'Sqlite',
      Database__ConnectionString: `Data Source=${join(dataDir, 'ctibridge.db')}`,
      Auth__Jwt__SigningKeyFile: join(dataDir, 'jwt-signing.key'),
      RateLimiting__Login__PermitLimit: '1000',
      RateLimiting__Login__PerIpPermitLimit: '1000',
      Logging__LogLevel__Default: 'Warning',
      // The screen pop lookup's budget (default 500 ms) on a machine shared with builds: the banner test checks the pop, not the budget.
      Contacts__ScreenPopBudgetMilliseconds: '5000',
    };
    mkdirSync(join(repo, 'artifacts/toolbar-e2e'), { recursive: true });
    child = spawn('dotnet', ['run', '--project', join(repo, 'src/CtiBridge.Api'), '--no-launch-profile', '--urls', baseUrl], {
      cwd: join(repo, 'src/CtiBridge.Api'), env, stdio: ['ignore', 'inherit', 'inherit'], detached: true,
    });
    await waitReady(baseUrl, child, 300_000);
    log('service ready');
  }

  const only = process.env.CTI_E2E_ONLY; // e.g. "admin": only the files whose name contains it
  const files = readdirSync(here).filter((f) => f.endsWith('.e2e.test.mjs') && (!only || f.includes(only))).sort().map((f) => join(here, f));
  const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
    cwd: repo, stdio: 'inherit', env: { ...process.env, CTI_E2E_BASE_URL: baseUrl, CTI_CHROMIUM: chromium },
  });
  code = run.status ?? 1;
} catch (e) {
  console.error(`[e2e] ${e.message}`);
  code = 1;
} finally {
  await stopService();
}
process.exit(code);
