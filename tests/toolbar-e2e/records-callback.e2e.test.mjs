// Call back from a row of the call records page (Chromium): the server dials the record's number under the state
// rules that apply — refused while she is logged out (the page says why, no call is made), placed once she works,
// and she is taken back to her toolbar, which shows the outbound call.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, session, signIn, sleep, until } from './lib.mjs';

let browser;
let page;
let sup;
let agent3;
let callId;
const customerNumber = `+49308${String(Date.now()).slice(-6)}`;

async function tidy(s) {
  try {
    for (const c of await s.call('GET', '/agent/calls')) await s.call('POST', `/calls/${c.callId}/hangup`).catch(() => {});
    const st = await s.call('GET', '/agent/state');
    if (st.status === 'WrapUp') await s.call('POST', '/agent/wrap-up/end');
    await s.call('POST', '/agent/logout').catch(() => {});
  } catch { /* not an agent or not logged in */ }
}

before(async () => {
  sup = await session('super');
  agent3 = await session('agent3');
  for (const login of ['agent1', 'agent2', 'agent3']) await tidy(await session(login));
  // A Support call agent 3 answered and hung up: her record to call back from.
  await agent3.call('POST', '/agent/login', { ready: true });
  await sup.call('POST', '/sandbox/calls', { skillGroup: 'Support', callerNumber: customerNumber });
  const offer = await until(async () => (await agent3.call('GET', '/agent/calls')).find((c) => c.state === 'Ringing'), 'the offer');
  callId = offer.callId;
  await agent3.call('POST', `/calls/${callId}/answer`);
  await sleep(300);
  await agent3.call('POST', `/calls/${callId}/hangup`);
  await tidy(agent3); // logged out: the state rules refuse a call
  await until(async () => (await sup.call('GET', `/call-records?Search=${encodeURIComponent(customerNumber.slice(1))}`)).items.some((r) => r.id === callId),
    'the call record');
  browser = await launch();
  page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
});
after(async () => {
  await tidy(agent3);
  await browser?.close();
});

const row = () => page.locator(`#records-table tr[data-call-id="${callId}"]`);

test('call back from a row: refused while logged out, placed once she works, shown in her toolbar', async () => {
  await signIn(page, 'agent3');
  await page.getByRole('button', { name: 'Start working' }).waitFor();
  await page.goto('/records');
  await page.getByRole('heading', { level: 1, name: 'Call records' }).waitFor();
  await row().waitFor();

  // Logged out: the server refuses, the page says why, nothing is dialled.
  await row().getByRole('button', { name: `Call back number ${customerNumber}` }).click();
  await until(async () => /Could not call back/.test(await page.locator('.records .form-error').innerText()), 'the refusal');
  assert.equal(new URL(page.url()).pathname, '/records');
  assert.deepEqual(await agent3.call('GET', '/agent/calls'), []);

  // Working (Not Ready, so no queue call interferes): the call is placed and she is back on her toolbar with it.
  await agent3.call('POST', '/agent/login', { ready: false, reason: 'Break' });
  await page.reload();
  await row().waitFor();
  await row().getByRole('button', { name: `Call back number ${customerNumber}` }).click();
  await until(() => new URL(page.url()).pathname === '/', 'back on the toolbar');
  const calls = await until(async () => { const c = await agent3.call('GET', '/agent/calls'); return c.length ? c : null; }, 'the outbound call');
  assert.equal(calls.length, 1);
  assert.equal(calls[0].direction, 'Outbound');
  assert.equal(calls[0].customerNumber, customerNumber);
  await page.locator('#call-state').waitFor({ timeout: 10_000 });
  await page.click('#hangup');
  await until(async () => (await agent3.call('GET', '/agent/calls')).length === 0, 'the call to end');
});
