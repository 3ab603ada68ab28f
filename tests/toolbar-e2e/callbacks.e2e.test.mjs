// Callbacks in Chromium: a callback falls due while the agent works in the toolbar; the reminder appears (pushed by the
// reminder job over the hub) and one click on Dial places the outbound call through the dial use case: the call shows
// in the toolbar and the callback is in progress. Then the callbacks page lists her callbacks in the tenant's time, and
// a supervisor's desk shows a callback escalated to her because its agent is offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, session, signIn, signOut, until, auditPage } from './lib.mjs';

let browser;
let page;
let agent1;
const stamp = String(Date.now()).slice(-6);
const number = `+49309${stamp}`; // a number no other suite uses
const later = `+49409${stamp}`;
let callbackId;
let laterId;
let escalatedId;

before(async () => {
  agent1 = await session('agent1');
  // Nobody else Ready: no queue call from another suite lands on her meanwhile.
  for (const login of ['agent2', 'agent3']) { try { await (await session(login)).call('POST', '/agent/logout'); } catch { /* not logged in */ } }
  browser = await launch();
  page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
});
after(async () => {
  for (const id of [callbackId, laterId, escalatedId]) { try { if (id) await agent1.call('POST', `/callbacks/${id}/cancel`, {}); } catch { /* closed already */ } }
  try { await agent1.call('POST', '/agent/logout'); } catch { /* not logged in */ }
  await browser?.close();
});

test('a due callback shows a reminder on the toolbar and one click dials it', async () => {
  await signIn(page, 'agent1');
  await page.getByRole('button', { name: 'Start working' }).click();
  await until(async () => /Ready/.test(await page.locator('#agent-state').innerText()), 'Ready');
  await until(() => page.evaluate(() => window.__cti.ui.link === 'connected'), 'hub connected');
  // Not Ready: dialling out is allowed whatever the tenant's rule, and no queue call comes in.
  await agent1.call('PUT', '/agent/state', { state: 'NotReady', reason: 'Break' });

  const cb = await agent1.call('POST', '/callbacks', { number, dueAt: new Date(Date.now() + 2000).toISOString(), note: 'Asked for a call back' });
  callbackId = cb.id;
  // The reminder job runs every 5 s: the reminder is there within a few seconds of the due time.
  const reminder = page.locator(`.callback-reminder[data-callback-id="${callbackId}"]`);
  await reminder.waitFor({ timeout: 20_000 });
  const text = await reminder.innerText();
  assert.match(text, /Callback due/);
  assert.ok(text.includes(number), `the reminder names the number: ${text}`);
  assert.match(text, /Asked for a call back/);
  await auditPage(page, 'callback-reminder', reminder);
  // On a phone-sized screen the reminders float over the bottom of the page, where the dial pad's Call button is: the
  // page makes room for them, so the button can be scrolled above them and clicked (a trial click checks nothing covers it).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#tab-dial, [role="tab"]:has-text("Dial")').first().click();
  await page.getByRole('button', { name: 'Call', exact: true }).click({ trial: true, timeout: 10_000 });
  await page.setViewportSize({ width: 1366, height: 900 });

  await reminder.getByRole('button', { name: `Dial ${number}` }).click();
  await until(async () => (await reminder.count()) === 0, 'the reminder to go after dialling');
  const after = await agent1.call('GET', `/callbacks/${callbackId}`);
  assert.equal(after.status, 'InProgress');
  assert.ok(after.callId, 'the callback names its call');
  // The call center's dial placed it: an outbound call of hers to the number, shown on the toolbar.
  const calls = await agent1.call('GET', '/agent/calls');
  const call = calls.find((c) => c.callId === after.callId);
  assert.ok(call, `her calls: ${JSON.stringify(calls.map((c) => c.callId))}`);
  assert.equal(call.direction, 'Outbound');
  assert.equal(call.customerNumber, number);
  await page.locator(`#call-panel[data-call="${after.callId}"]`).first().waitFor({ timeout: 10_000 });

  await agent1.call('POST', `/calls/${after.callId}/hangup`);
  const done = await agent1.call('POST', `/callbacks/${callbackId}/complete`, { result: 'Reached' });
  assert.equal(done.status, 'Completed');
});

test('the callbacks page lists her open callbacks in the tenant\'s time', async () => {
  const cb = await agent1.call('POST', '/callbacks', { number: later, dueAt: new Date(Date.now() + 3600_000).toISOString() });
  laterId = cb.id;
  await page.goto('/callbacks');
  const row = page.locator(`#callbacks-list [data-callback-id="${laterId}"]`);
  await row.waitFor({ timeout: 10_000 });
  const text = await row.innerText();
  assert.ok(text.includes(later), text);
  assert.ok(text.includes(cb.dueAtLocal.slice(0, 10)) && text.includes(cb.dueAtLocal.slice(11, 16)), `shows ${cb.dueAtLocal}: ${text}`);
  // The completed one is not in the open list.
  assert.equal(await page.locator(`#callbacks-list [data-callback-id="${callbackId}"]`).count(), 0);
  await auditPage(page, 'callbacks-page');
  await row.getByRole('button', { name: 'Cancel callback' }).click();
  await until(async () => (await page.locator(`#callbacks-list [data-callback-id="${laterId}"]`).count()) === 0, 'the cancelled callback to leave the list');
  laterId = undefined;
});

test('a supervisor sees a callback escalated because its agent is offline', async () => {
  await signOut(page);
  const sup = await session('super');
  const agent3 = (await session('agent3')).user.userId; // logged out (see before)
  const cb = await sup.call('POST', '/callbacks', { number: later, dueAt: new Date(Date.now() + 2000).toISOString(), agentId: agent3 });
  escalatedId = cb.id;
  await signIn(page, 'super');
  await page.waitForURL(/\/supervisor/);
  const line = page.locator(`.callback-reminder.escalated[data-callback-id="${escalatedId}"]`);
  await line.waitFor({ timeout: 20_000 });
  assert.match(await line.innerText(), /Callback not taken/);
  assert.ok((await line.innerText()).includes('Agent 3'));
});
