// Opening a page by its address at once after signing in (a bookmark, a link pasted in the address bar): each role gets
// the page, not a blank screen or the sign-in form, in several rounds. The address is opened while the page that signed
// in is still starting (its hub, the agent's state), which is when a reload's session resume used to be lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DOMAIN, PASSWORD, launch } from './lib.mjs';

let browser, page;
before(async () => { browser = await launch(); page = browser.context.pages()[0] ?? await browser.context.newPage(); });
after(async () => { await browser?.close(); });

const ROUNDS = Number(process.env.CTI_E2E_DEEPLINK_ROUNDS ?? 3);

/** Signs in with the form and, without waiting for the landing page, opens `path` by its address. */
async function signInThenOpen(login, path) {
  await page.goto('/');
  await page.getByLabel('Company domain').fill(DOMAIN);
  await page.getByLabel('Username').fill(login);
  await page.getByLabel('Password').fill(PASSWORD);
  const signedIn = page.waitForResponse((r) => r.url().endsWith('/session/login') && r.status() === 200);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedIn;
  await page.goto(path);
}

/** Signs out when the page offers it; a page that failed to show anything leaves its cookie, dropped so the next case starts signed out. */
async function signOutIfSignedIn() {
  const button = page.getByRole('button', { name: 'Sign out' }).first();
  if (await button.isVisible().catch(() => false)) { await button.click(); await page.getByRole('button', { name: 'Sign in' }).waitFor(); }
  await browser.context.clearCookies();
}

const CASES = [
  ['super', '/records', { level: 1, name: 'Call records' }],
  ['super', '/reports', { level: 1, name: 'Reports' }],
  ['super', '/contacts', { level: 1, name: 'Contacts' }],
  ['super', '/callbacks', { level: 1, name: 'Callbacks' }],
  ['super', '/dial-tasks', { level: 1, name: 'Dial tasks' }],
  ['super', '/supervisor', { level: 1, name: 'Supervisor desk' }],
  ['admin', '/admin/users', { level: 1, name: 'Users' }],
  ['admin', '/admin/webhooks', { level: 1, name: 'Webhooks' }],
  ['admin', '/records', { level: 1, name: 'Call records' }],
  ['agent1', '/records', { level: 1, name: 'Call records' }],
  ['agent1', '/reports', { level: 1, name: 'Reports' }],
  ['agent1', '/contacts', { level: 1, name: 'Contacts' }],
];

test('each role opens a page by its address right after signing in, every round', async () => {
  const failures = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [login, path, heading] of CASES) {
      await signInThenOpen(login, path);
      try {
        await page.getByRole('heading', heading).first().waitFor({ timeout: 10_000 });
        assert.equal(new URL(page.url()).pathname, path, `${login} stays on ${path}`);
      } catch (e) {
        const body = (await page.locator('body').innerText().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
        failures.push(`round ${round + 1}: ${login} → ${path}: ${e.message.split('\n')[0]}; at ${new URL(page.url()).pathname}: "${body}"`);
      }
      await signOutIfSignedIn();
    }
  }
  assert.deepEqual(failures, []);
});
