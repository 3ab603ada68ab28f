// The wallboard in Chromium: opened with a wallboard key and no sign-in, big per-group numbers kept live by the skill
// groups' statistics (a new waiting call shown within one second), refused without a key, with a wrong one, and once
// the key is revoked; the accessibility audit at 1366 and 390 px; screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { auditPage, launch, session, until } from './lib.mjs';

let browser;
let wall;
let admin;
let sup;
let key;
const legs = [];

before(async () => {
  admin = await session('admin');
  sup = await session('super');
  const groups = await admin.call('GET', '/admin/skill-groups');
  const sales = groups.find((g) => g.name === 'Sales').id;
  key = await admin.call('POST', '/admin/wallboard-keys', { name: 'Floor 2 screen', skillGroupIds: [sales] });
  browser = await launch();
  wall = browser.context.pages()[0] ?? await browser.context.newPage();
  wall.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
});
after(async () => {
  for (const leg of legs) await sup.call('POST', `/sandbox/legs/${leg}/hangup`).catch(() => {});
  await browser?.close();
});

const tile = (name) => wall.locator('section.tile', { has: wall.getByRole('heading', { level: 2, name, exact: true }) });

test('the wallboard opens with a key, shows its groups and a new waiting call within one second', async () => {
  await wall.goto(`/wallboard?key=${encodeURIComponent(key.key)}`);
  await wall.getByRole('heading', { level: 1, name: 'Floor 2 screen' }).waitFor();
  await tile('Sales').waitFor();
  assert.equal(await wall.locator('section.tile').count(), 1); // only the key's group
  await wall.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  const before = Number(await tile('Sales').locator('dd.waiting').innerText());

  const shown = wall.waitForFunction((n) => Number(document.querySelector('section.tile dd.waiting')?.textContent) === n, before + 1,
    { timeout: 5000, polling: 'raf' });
  const placed = await sup.call('POST', '/sandbox/calls', { skillGroup: 'Sales', callerNumber: '+4930555221' });
  const answered = Date.now();
  legs.push(placed.legId);
  await shown;
  const ms = Date.now() - answered;
  console.log(`[e2e] wallboard showed the new waiting call ${ms} ms after the REST answer`);
  assert.ok(ms < 1000, `shown after ${ms} ms`);
  assert.doesNotMatch(await wall.locator('main').innerText(), /\+4930555221/); // no callers' numbers on a wall screen
  const longest = tile('Sales').locator('dd.longest');
  const was = await longest.innerText();
  await until(async () => (await longest.innerText()) !== was, 'longest wait ticking', 3000);
  await auditPage(wall, 'wallboard');
});

test('the wallboard is refused without a key, with a wrong key, and once its key is revoked', async () => {
  const page = await browser.context.newPage();
  await page.goto('/wallboard');
  assert.match(await page.getByRole('alert').innerText(), /needs a key/);
  await page.goto('/wallboard?key=wb_notakeyatallxxxxxxxxxxxxxxxx');
  assert.match(await page.getByRole('alert').innerText(), /not valid/);
  await auditPage(page, 'wallboard-refused');
  await page.close();

  // Revoked while the screen shows it: the screen is disconnected and says so.
  await admin.call('DELETE', `/admin/wallboard-keys/${key.info.id}`);
  await wall.getByRole('alert').filter({ hasText: 'not valid' }).waitFor({ timeout: 10_000 });
  assert.equal(await wall.locator('section.tile').count(), 0);
});
