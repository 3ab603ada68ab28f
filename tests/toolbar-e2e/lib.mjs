// Shared helpers for the toolbar end-to-end tests: REST calls as other users, the browser, artifacts.
import { chromium } from '../../src/toolbar/node_modules/playwright-core/index.mjs';
import { mkdtempSync, mkdirSync, rmSync, copyFileSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BASE = process.env.CTI_E2E_BASE_URL ?? 'http://127.0.0.1:5000';
export const DOMAIN = 'demo';
export const PASSWORD = 'Quiet-Harbor-2026';
export const artifacts = join(repo, 'artifacts/toolbar-e2e');
export const shots = join(artifacts, 'screenshots');
mkdirSync(shots, { recursive: true });

/** A REST session of another user (the test's "other side": customer simulator, colleagues). */
export async function session(login) {
  const r = await fetch(`${BASE}/api/v1/session/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ domain: DOMAIN, login, password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`login ${login}: ${r.status} ${await r.text()}`);
  const s = await r.json();
  const call = async (method, path, body) => {
    const res = await fetch(`${BASE}/api/v1${path}`, {
      method, headers: { Authorization: `Bearer ${s.accessToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok) { const e = new Error(`${method} ${path}: ${res.status} ${text}`); e.status = res.status; e.body = json; throw e; }
    return json;
  };
  return { user: s.user, token: s.accessToken, call };
}

/**
 * A headless Chromium with a new empty profile. `soundNeedsGesture: true` keeps the browser's usual autoplay rule
 * (sound only after the user clicked), as an agent's browser has after a reload; by default sound is always allowed.
 */
export async function launch({ soundNeedsGesture = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'cti-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CTI_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--autoplay-policy=${soundNeedsGesture ? 'document-user-activation-required' : 'no-user-gesture-required'}`],
    // playwright-core passes --autoplay-policy=no-user-gesture-required itself: drop it when the rule must hold.
    ignoreDefaultArgs: soundNeedsGesture ? ['--autoplay-policy=no-user-gesture-required'] : [],
    viewport: { width: 1100, height: 760 },
    baseURL: BASE,
  });
  const close = async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); };
  return { context, close };
}

export async function shot(page, name) {
  const file = join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  if (process.env.CTI_E2E_UPDATE_DOCS === '1') {
    mkdirSync(join(repo, 'docs/screenshots'), { recursive: true });
    copyFileSync(file, join(repo, 'docs/screenshots', `toolbar-${name}.png`));
  }
  return file;
}

const perfFile = join(artifacts, 'perf.json');
export function recordPerf(key, value) {
  const cur = existsSync(perfFile) ? JSON.parse(readFileSync(perfFile, 'utf8')) : {};
  cur[key] = value;
  writeFileSync(perfFile, JSON.stringify(cur, null, 2));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value. */
export async function until(fn, what, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

/** Signs in through the app's sign-in form. */
export async function signIn(page, login, password = PASSWORD) {
  await page.goto('/');
  await page.getByLabel('Company domain').fill(DOMAIN);
  await page.getByLabel('Username').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs out with the first "Sign out" button and waits for the sign-in form. */
export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

const WIDTHS = [[1366, 900], [390, 844]];
let axeSource;

/**
 * axe-core at 1366 and 390 px: no serious or critical violation, no sideways scroll at 390 px (asserted); a full-page
 * screenshot at each width (`<name>-<width>.png`, copied to docs/screenshots/ with CTI_E2E_UPDATE_DOCS=1). `show` is
 * scrolled into view first. Returns the problems found (none, or it has thrown).
 */
export async function auditPage(page, name, show) {
  axeSource ??= readFileSync(createRequire(join(repo, 'src/toolbar/package.json')).resolve('axe-core/axe.min.js'), 'utf8');
  const problems = [];
  for (const [width, height] of WIDTHS) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(150);
    if (show) await show.scrollIntoViewIfNeeded();
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    problems.push(...violations.map((v) => `${name} at ${width} px: ${v}`));
    if (width === 390) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${name} scrolls sideways by ${overflow} px at 390 px`);
    }
    const file = join(shots, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (process.env.CTI_E2E_UPDATE_DOCS === '1') {
      mkdirSync(join(repo, 'docs/screenshots'), { recursive: true });
      copyFileSync(file, join(repo, 'docs/screenshots', `${name}-${width}.png`));
    }
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  assert.deepEqual(problems, [], `${name}: accessibility and layout`);
  return problems;
}
