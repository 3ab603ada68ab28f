// Getting around the web app. Opening a page by its address at once after signing in (a bookmark, a link pasted in the
// address bar): each role gets the page, not a blank screen or the sign-in form, in several rounds (the address is opened
// while the page that signed in is still starting). And every page offers the pages her roles use, the switch between
// her workspaces and Sign out, at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DOMAIN, PASSWORD, launch, session, until } from './lib.mjs';

let browser, page;
before(async () => { browser = await launch(); page = browser.context.pages()[0] ?? await browser.context.newPage(); });
after(async () => { await browser?.close(); });

const ROUNDS = Number(process.env.CTI_E2E_DEEPLINK_ROUNDS ?? 2);

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

const PAGES = ['Call records', 'Contacts', 'Callbacks', 'Dial tasks', 'Reports'];
const ADMIN_SLUGS = ['tenant', 'users', 'teams', 'skill-groups', 'phones', 'pause-reasons', 'dispositions', 'caller-ids', 'self-service',
  'api-keys', 'webhooks', 'wallboards', 'blocklist', 'audit'];

/** The page's links, workspace switch and Sign out, each visible (in reach) at 1366 and at 390 px. */
async function assertWayAround(path, workspaces) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const where = `${path} at ${width} px`;
    const pages = page.getByRole('navigation', { name: 'Sections' });
    assert.deepEqual(await pages.getByRole('link').allInnerTexts(), PAGES, `${where}: the sections`);
    for (const link of await pages.getByRole('link').all()) assert.ok(await link.isVisible(), `${where}: ${await link.innerText()} visible`);
    if (workspaces.length > 1) {
      assert.deepEqual(await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link').allInnerTexts(), workspaces, `${where}: the workspaces`);
    }
    assert.ok(await page.getByRole('button', { name: 'Sign out' }).first().isVisible(), `${where}: Sign out`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${where}: scrolls sideways by ${overflow} px`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('every page offers the pages, the switch between her workspaces and Sign out; Sign out on the toolbar ends her work', async (t) => {
  const admin = await session('admin');
  if (!(await admin.call('GET', '/admin/users')).some((u) => u.username === 'nina.e2e')) await admin.call('POST', '/admin/users', {
    username: 'nina.e2e', displayName: 'Nina Allroles', roles: ['agent', 'supervisor', 'admin'], password: PASSWORD, enabled: true,
    agentProfile: { extension: '1087', extensionKind: 'Web' },
  });
  t.after(async () => { const nina = await session('nina.e2e'); await nina.call('POST', '/agent/logout').catch(() => {}); });
  const workspaces = ['Agent toolbar', 'Supervisor desk', 'Admin console'];
  await signInThenOpen('nina.e2e', '/');
  await page.getByRole('button', { name: /Start working/ }).click();
  await page.locator('#agent-state').waitFor();
  await assertWayAround('/', workspaces);
  const paths = ['/supervisor', ...ADMIN_SLUGS.map((s) => `/admin/${s}`), '/records', '/contacts', '/callbacks', '/dial-tasks', '/reports'];
  // Each page is a chunk of its own, fetched when the page is opened (the agent's toolbar fetched none of them).
  const chunkOf = (path) => ({ '/supervisor': 'desk', '/records': 'records', '/contacts': 'contacts', '/callbacks': 'callbacks', '/dial-tasks': 'dialtasks', '/reports': 'reports' })[path] ?? 'console';
  const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name.replace(/^.*\/app\//, '')).filter((n) => n.endsWith('.js')));
  assert.deepEqual((await scripts()).filter((n) => /^(console|desk|records|reports|charts|contacts|callbacks|dialtasks|board|devicecheck)-/.test(n)), [], 'the toolbar fetched another page');
  for (const path of paths) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 10_000 });
    assert.ok((await scripts()).some((n) => n.startsWith(`${chunkOf(path)}-`)), `${path} fetched its chunk ${chunkOf(path)}-*.js`);
    await assertWayAround(path, workspaces);
  }
  // Back on her toolbar (working, Ready): Sign out there logs her out as an agent too, then signs her out.
  await page.goto('/');
  await page.locator('#agent-state').waitFor();
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  const nina = await session('nina.e2e');
  await until(async () => (await nina.call('GET', '/agent/state')).status === 'LoggedOut', 'Nina logged out as an agent');
  // One role: the pages and Sign out, no workspace switch.
  await signInThenOpen('super', '/supervisor');
  await page.getByRole('heading', { level: 1, name: 'Supervisor desk' }).waitFor();
  await assertWayAround('/supervisor', ['Supervisor desk']);
  assert.equal(await page.getByRole('navigation', { name: 'Workspaces' }).count(), 0);
  await signOutIfSignedIn();
});

test('the tenant switched desktop notifications off: the agent\'s Settings say so and offer no switch', async (t) => {
  const admin = await session('admin');
  const tenant = await admin.call('GET', '/admin/tenant');
  const put = (notificationsEnabled) => admin.call('PUT', '/admin/tenant', { name: tenant.name, settings: { ...tenant.settings, notificationsEnabled } });
  t.after(async () => {
    await put(tenant.settings.notificationsEnabled);
    const agent = await session('agent3'); await agent.call('POST', '/agent/logout').catch(() => {});
  });
  const settings = async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    return page.getByLabel('Desktop notifications for incoming calls');
  };
  await put(false);
  await signInThenOpen('agent3', '/');
  await page.getByRole('button', { name: /Start working/ }).click();
  await page.locator('#agent-state').waitFor();
  const off = await settings();
  assert.equal(await off.isDisabled(), true);
  assert.equal(await off.isChecked(), false);
  await page.getByText('Your company has switched desktop notifications off.').waitFor();
  await put(true);
  await page.reload(); // the switch comes with the signed-in user: read again when the session resumes
  await page.locator('#agent-state').waitFor();
  const on = await settings();
  assert.equal(await on.isDisabled(), false);
  assert.equal(await page.getByText('Your company has switched desktop notifications off.').count(), 0);
  await signOutIfSignedIn();
});
