// Self-service flows in Chromium: the admin console's page adds a flow (a prompt with a path is refused next to its
// field); the agent's transfer list offers it, sends the customer, shows the call in self-service, and the customer
// is back with the digits attached as soon as the last expected digit is typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, session, signIn, signOut, until, auditPage } from './lib.mjs';

let browser;
let page;
let sup;
let admin;
let agent3;
const stamp = String(Date.now()).slice(-6);
const name = `order ${stamp}`;
let flowId;

before(async () => {
  sup = await session('super');
  admin = await session('admin');
  agent3 = await session('agent3');
  // Only agent3 is Ready, so the call is offered to her.
  for (const login of ['agent1', 'agent2']) { try { await (await session(login)).call('POST', '/agent/logout'); } catch { /* not logged in */ } }
  browser = await launch();
  page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
});
after(async () => {
  try { await agent3.call('POST', '/agent/logout'); } catch { /* not logged in */ }
  if (flowId) { try { await admin.call('DELETE', `/admin/self-service-flows/${flowId}`); } catch { /* left */ } }
  await browser?.close();
});

test('the self-service flows page adds a flow and refuses a prompt that is a path', async () => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Self-service flows', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Self-service flows' }).waitFor();
  await page.getByRole('button', { name: 'New self-service flow' }).click();
  const form = page.getByRole('form', { name: 'New self-service flow' });
  await form.getByLabel(/^Name/).fill(name);
  await form.getByLabel(/^Prompt/).fill('/var/lib/asterisk/sounds/en/beep');
  await form.getByLabel(/^Maximum digits/).fill('5');
  await form.getByLabel(/^Attached-data key/).fill('orderNumber');
  await form.getByRole('button', { name: 'Create self-service flow' }).click();
  await until(async () => /sound file name without extension/.test(await form.innerText()), 'the refusal next to the prompt');
  await form.getByLabel(/^Prompt/).fill('custom/enter-order');
  await form.getByRole('button', { name: 'Create self-service flow' }).click();
  await page.getByRole('status').filter({ hasText: 'created' }).waitFor();
  const flow = (await admin.call('GET', '/admin/self-service-flows')).find((f) => f.name === name);
  flowId = flow?.id;
  assert.deepEqual([flow?.prompt, flow?.maxDigits, flow?.terminator, flow?.timeoutSeconds, flow?.dataKey], ['custom/enter-order', 5, '#', 30, 'orderNumber']);
  const problems = await auditPage(page, 'admin-self-service-flows', page.locator('#main'));
  assert.deepEqual(problems, []);
});

test('the agent sends the customer to the flow from the transfer list and gets them back with the digits', async () => {
  await signOut(page);
  await signIn(page, 'agent3');
  await page.getByRole('button', { name: 'Start working' }).click();
  await until(async () => /^Ready$/.test(await page.locator('#agent-state').innerText()), 'Ready');
  await until(() => page.evaluate(() => window.__cti.ui.link === 'connected'), 'hub connected');
  const { legId } = await sup.call('POST', '/sandbox/calls', { skillGroup: 'Support', callerNumber: `+49308${stamp}` });
  const banner = page.locator('#incoming');
  await banner.waitFor({ timeout: 10_000 });
  await banner.getByRole('button', { name: 'Answer' }).click();
  await page.locator('#transfer').click();
  const flows = page.locator('#picker-flows');
  await flows.getByRole('button', { name: `Self-service ${name}` }).click();
  await page.locator('#self-service').filter({ hasText: name }).waitFor();

  await sup.call('POST', `/sandbox/legs/${legId}/dtmf`, { digits: '40817' });
  await page.locator('#self-service').waitFor({ state: 'detached' });
  await until(async () => /40817/.test(await page.locator('#call-panel').innerText()), 'the digits attached on the call');
  const [call] = await agent3.call('GET', '/agent/calls');
  assert.ok(call.attachedData.some((a) => a.key === 'orderNumber' && a.value === '40817'), JSON.stringify(call.attachedData));
  await page.locator('#hangup').click();
});
