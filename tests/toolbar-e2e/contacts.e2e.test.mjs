// Contacts and screen pop in Chromium: a sandbox call from a known number shows the caller's contact in the offer
// banner before answering; a call from an unknown number offers to save it, and the saved contact is the agent's;
// the tenant's third-party screen pop link carries the call's values URL-encoded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, session, signIn, until, auditPage } from './lib.mjs';

let browser;
let page;
let sup;
let admin;
let agent3;
const stamp = String(Date.now()).slice(-6);
// Numbers no other suite uses.
const knownNumber = `+49308${stamp}`;
const unknownNumber = `+49408${stamp}`;

before(async () => {
  sup = await session('super');
  admin = await session('admin');
  agent3 = await session('agent3');
  // Only agent3 is Ready, so the calls are offered to her.
  for (const login of ['agent1', 'agent2']) { try { await (await session(login)).call('POST', '/agent/logout'); } catch { /* not logged in */ } }
  browser = await launch();
  page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
});
after(async () => {
  try { await agent3.call('POST', '/agent/logout'); } catch { /* not logged in */ }
  try {
    const t = await admin.call('GET', '/admin/tenant');
    await admin.call('PUT', '/admin/tenant', { name: t.name, settings: { ...t.settings, screenPopUrlTemplate: '' } });
  } catch { /* left as it was */ }
  await browser?.close();
});

async function offerFrom(number) {
  await sup.call('POST', '/sandbox/calls', { skillGroup: 'Support', callerNumber: number, attachedData: { orderId: `A&B ${stamp}` } });
  await page.waitForSelector('#incoming', { timeout: 10_000 });
  return page.locator('#incoming');
}

async function endOffer() {
  const id = await page.locator('#incoming').getAttribute('data-call');
  await page.click('#decline');
  await until(async () => (await page.locator(`#incoming[data-call="${id}"]`).count()) === 0, 'the offer to go');
  // Declining leaves her Not Ready: back to Ready for the next call.
  await agent3.call('PUT', '/agent/state', { state: 'Ready' });
  await until(async () => /^Ready$/.test(await page.locator('#agent-state').innerText()), 'Ready again');
}

test('the offer banner shows the caller\'s contact before answering', async () => {
  const t = await admin.call('GET', '/admin/tenant');
  await admin.call('PUT', '/admin/tenant', { name: t.name, settings: { ...t.settings, screenPopUrlTemplate: 'https://crm.example.com/pop?n={number}&o={data.orderId}&a={agent}&c={callId}' } });
  await agent3.call('POST', '/contacts', { name: 'Erika Pop', company: 'Muster GmbH', numbers: [{ label: 'mobile', number: knownNumber }] });

  await signIn(page, 'agent3');
  await page.getByRole('button', { name: 'Start working' }).click();
  await until(async () => /^Ready$/.test(await page.locator('#agent-state').innerText()), 'Ready');
  await until(() => page.evaluate(() => window.__cti.ui.link === 'connected'), 'hub connected');

  const banner = await offerFrom(knownNumber);
  const pop = banner.getByRole('region', { name: 'Caller' });
  await pop.waitFor();
  assert.match(await pop.innerText(), /Erika Pop · Muster GmbH \(mobile\)/);
  const callId = await banner.getAttribute('data-call');
  // The third-party link: every value URL-encoded, the template's own host.
  const href = await pop.getByRole('link', { name: 'Open caller page' }).getAttribute('href');
  assert.equal(href, `https://crm.example.com/pop?n=${encodeURIComponent(knownNumber)}&o=${encodeURIComponent(`A&B ${stamp}`)}&a=agent3&c=${callId}`);
  const problems = await auditPage(page, 'screen-pop-offer', banner);
  assert.deepEqual(problems, []);
  await endOffer();
});

test('an unknown caller is offered as a new contact, saved from the banner as the agent\'s', async () => {
  const banner = await offerFrom(unknownNumber);
  const pop = banner.getByRole('region', { name: 'Caller' });
  await pop.waitFor();
  assert.match(await pop.innerText(), /Unknown caller/);
  await pop.getByLabel('Contact name').fill('New From Call');
  await pop.getByRole('button', { name: 'Save as contact' }).click();
  await until(async () => /Saved: New From Call/.test(await pop.innerText()), 'the contact saved');
  const found = await agent3.call('GET', `/contacts?search=${encodeURIComponent(unknownNumber)}`);
  assert.deepEqual(found.items.map((c) => [c.name, c.numbers[0].e164]), [['New From Call', unknownNumber]]);
  assert.equal(found.items[0].ownerName, 'Agent 3');
  await endOffer();
});
