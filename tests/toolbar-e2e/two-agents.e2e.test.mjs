// Two agents side by side, each in her own browser, plus a supervisor and an admin: consultation, transfers,
// auto-answer, labels, users who are not agents, and sound after a reload. Elements are found by role and label.
// Customers and the tenant's settings are driven over REST (the sandbox's simulated PBX).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DOMAIN, PASSWORD, launch, session, shot, until } from './lib.mjs';

let first;   // agent1's browser
let second;  // agent2's browser
let a1;      // agent1's page
let a2;      // agent2's page
let admin;
let sup;
let agent3;
let originalSettings;

async function newPage(browser) {
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  return page;
}

/** Signs in through the form and starts working (Ready unless a reason is given). */
async function signIn(page, login, { startAs = 'Ready' } = {}) {
  await page.goto('/');
  await page.getByLabel('Company domain').fill(DOMAIN);
  await page.getByLabel('Username').fill(login);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Start working' }).waitFor();
  await page.getByLabel('Start as').selectOption({ label: startAs });
  await page.getByRole('button', { name: 'Start working' }).click();
  await page.getByRole('button', { name: 'State ▾' }).waitFor();
  await until(async () => page.evaluate(() => window.__cti.ui.link === 'connected'), `${login}'s hub connected`);
}

const state = (page) => page.locator('#agent-state').innerText();
async function expectState(page, re, what = String(re)) {
  await until(async () => re.test(await state(page)), `state ${what}`, 10_000);
}
async function setState(page, label) {
  await page.getByRole('button', { name: 'State ▾' }).click();
  await page.getByRole('menuitem', { name: label, exact: true }).click();
}
const incoming = (page) => page.getByRole('alertdialog');
const callCard = (page) => page.getByRole('region', { name: /^Call with/ });
const controls = (page) => page.getByRole('toolbar', { name: 'Call controls' });

/** What the server says of agent3 and the groups, for a failure message (the picker's count is the server's). */
async function whyNotFree() {
  const st = await agent3.call('GET', '/agent/state').catch((e) => e.message);
  const calls = await agent3.call('GET', '/agent/calls').catch((e) => e.message);
  const groups = await sup.call('GET', '/skill-groups').catch((e) => e.message);
  return `agent3 ${JSON.stringify(st)} calls ${JSON.stringify(calls)} groups ${JSON.stringify(groups)}`;
}

async function customerCalls(group, number, attachedData) {
  return (await sup.call('POST', '/sandbox/calls', { skillGroup: group, callerNumber: number, attachedData })).legId;
}

/** Ends whatever the agent still has: calls hung up, wrap-up ended, then logged out. */
async function tidy(s) {
  try {
    for (const c of await s.call('GET', '/agent/calls')) await s.call('POST', `/calls/${c.callId}/hangup`).catch(() => {});
    const st = await s.call('GET', '/agent/state');
    if (st.status === 'WrapUp') await s.call('POST', '/agent/wrap-up/end');
    await s.call('POST', '/agent/logout').catch(() => {});
  } catch { /* not an agent or not logged in */ }
}

before(async () => {
  // Earlier test files share the sandbox: start with every agent of this file logged out and without calls.
  for (const login of ['agent1', 'agent2', 'agent3']) await tidy(await session(login));
  admin = await session('admin');
  sup = await session('super');
  agent3 = await session('agent3');
  // Masked numbers (keep the last 4 digits) and agents who may choose auto-answer, restored afterwards.
  const tenant = await admin.call('GET', '/admin/tenant');
  originalSettings = tenant.settings;
  await admin.call('PUT', '/admin/tenant', { name: tenant.name, settings: { ...tenant.settings, numberMaskingRule: 'keep-last:4', agentsMayChooseAutoAnswer: true } });
  first = await launch();
  second = await launch();
  a1 = await newPage(first);
  a2 = await newPage(second);
});

after(async () => {
  for (const login of ['agent1', 'agent2', 'agent3']) await tidy(await session(login));
  if (originalSettings) {
    const tenant = await admin.call('GET', '/admin/tenant');
    await admin.call('PUT', '/admin/tenant', { name: tenant.name, settings: originalSettings });
  }
  await first?.close();
  await second?.close();
});

test('the consulted agent sees who consults her about which call, can decline, answers, and gets only the controls she may use', async () => {
  await signIn(a2, 'agent2', { startAs: 'Not Ready – Break' });
  await signIn(a1, 'agent1');
  await customerCalls('Sales', '+4930987654321', { orderId: 'ORD-77', customerName: 'Ruth' });
  await incoming(a1).getByRole('button', { name: 'Answer' }).click();
  await callCard(a1).waitFor();
  await setState(a2, 'Ready');
  await expectState(a2, /^Ready$/);

  // First try: agent2 declines.
  await controls(a1).getByRole('button', { name: 'Consult' }).click();
  await a1.getByRole('dialog', { name: 'Consult' }).getByRole('button', { name: 'Consult Agent 2' }).click();
  const offer = incoming(a2);
  await offer.waitFor({ timeout: 5000 });
  assert.match(await offer.innerText(), /Consultation from Agent 1/);
  assert.match(await offer.innerText(), /About Agent 1's call with/);
  const number = offer.locator('#offer-number');
  assert.match(await number.innerText(), /^\*{6,}4321$/, 'the number as the tenant masks it');
  assert.match(await number.getAttribute('aria-label'), /^number ending 4321, \d+ digits hidden$/);
  assert.match(await offer.getByRole('definition').allInnerTexts().then((t) => t.join(' ')), /ORD-77/);
  assert.equal(await offer.getByRole('button', { name: 'Answer' }).count(), 1);
  assert.equal(await offer.getByRole('button', { name: 'Decline' }).count(), 1);
  // Meanwhile the first agent's call says Consulting, not On hold.
  await until(async () => (await callCard(a1).locator('#call-state').innerText()) === 'Consulting', 'first agent sees Consulting');
  await shot(a2, 'consultation-offered');

  await offer.getByRole('button', { name: 'Decline' }).click();
  await until(async () => (await incoming(a2).count()) === 0, 'the consultation banner to go');
  await expectState(a2, /^Ready$/, 'agent2 Ready again after declining a consultation');
  await until(async () => (await callCard(a1).locator('#call-state').innerText()) === 'Connected', 'first agent back with the customer');

  // Second try: agent2 answers.
  await controls(a1).getByRole('button', { name: 'Consult' }).click();
  await a1.getByRole('dialog', { name: 'Consult' }).getByRole('button', { name: 'Consult Agent 2' }).click();
  await incoming(a2).getByRole('button', { name: 'Answer' }).click();
  await callCard(a2).waitFor();
  await expectState(a2, /On call/);
  const mine = controls(a2);
  await until(async () => (await mine.getByRole('button', { name: 'Mute' }).count()) === 1, 'Mute offered to the consulted agent');
  assert.equal(await mine.getByRole('button', { name: 'Hang up' }).count(), 1);
  for (const name of ['Hold', 'Transfer', 'Consult', 'Add party', 'Record', 'Keypad']) {
    assert.equal(await mine.getByRole('button', { name, exact: true }).count(), 0, `${name} is not offered to the consulted agent`);
  }
  assert.equal(await callCard(a2).getByRole('button', { name: /^Drop/ }).count(), 0, 'only the call owner may drop parties');
  assert.equal(await callCard(a2).locator('#call-state').innerText(), 'Consulting');
  await shot(a2, 'consulted-in-call');
  // The first agent has the consultation's own controls.
  assert.equal(await a1.getByRole('group', { name: 'Consultation' }).getByRole('button', { name: 'Complete transfer' }).count(), 1);

  await a1.getByRole('group', { name: 'Consultation' }).getByRole('button', { name: 'Cancel' }).click();
  await until(async () => (await callCard(a2).count()) === 0, 'the consultation to end for agent2');
  await callCard(a1).getByRole('button', { name: 'Hang up' }).click();
  await expectState(a1, /Wrap-up/);
  await a1.getByRole('button', { name: 'End wrap-up' }).click();
  await expectState(a1, /^Ready$/);
});

test('transfer: the picker lists working colleagues live and every skill group, clears old errors, confirms, and the receiver sees who and the notes', async () => {
  await setState(a2, 'Not Ready – Break');
  await expectState(a2, /^Not Ready/);
  await customerCalls('Sales', '+4930111222333', { orderId: 'ORD-78' });
  await incoming(a1).getByRole('button', { name: 'Answer' }).click();
  await callCard(a1).waitFor();
  // Notes typed but not saved travel with the transfer.
  await callCard(a1).getByText('Disposition and remarks').click();
  await callCard(a1).getByLabel('Remarks').fill('Wants the March invoice refunded');

  await controls(a1).getByRole('button', { name: 'Transfer' }).click();
  const picker = a1.getByRole('dialog', { name: 'Transfer to' });
  const agents = picker.getByRole('list', { name: 'Agents' });
  await agents.getByRole('button', { name: 'Transfer to Agent 2' }).waitFor();
  assert.equal(await agents.getByRole('button', { name: 'Transfer to Agent 3' }).count(), 0, 'logged-out agents are not offered');
  const groups = picker.getByRole('list', { name: 'Skill groups' });
  await groups.getByRole('button', { name: 'Transfer to skill group Support' }).waitFor();
  assert.match(await groups.innerText(), /Sales\s+0 free/);
  assert.match(await groups.innerText(), /Support\s+0 free/);

  // agent3 logs in while the picker is open: she appears, and Support has a free agent.
  await agent3.call('POST', '/agent/login', { ready: true });
  await agents.getByRole('button', { name: 'Transfer to Agent 3' }).waitFor({ timeout: 5000 });
  await until(async () => /Support\s+1 free/.test(await groups.innerText()), 'Support to show 1 free agent', 5000)
    .catch(async (e) => { throw new Error(`${e.message}; ${await whyNotFree()}`); });
  await shot(a1, 'transfer-picker');
  // agent3 goes Not Ready: her badge follows, and a transfer to her is refused with a sentence.
  await agent3.call('PUT', '/agent/state', { state: 'NotReady', reason: 'Lunch' });
  await until(async () => /Agent 3[\s\S]*Not Ready \(Lunch\)/.test(await agents.innerText()), 'Agent 3 shown Not Ready', 5000);
  await agents.getByRole('button', { name: 'Transfer to Agent 3' }).click();
  await until(async () => /That agent is not Ready\./.test(await a1.locator('#toast').innerText()), 'the refusal');

  await setState(a2, 'Ready');
  await expectState(a2, /^Ready$/);
  await until(async () => /Agent 2[\s\S]*Ready/.test(await agents.innerText()), 'Agent 2 shown Ready', 5000);
  await agents.getByRole('button', { name: 'Transfer to Agent 2' }).click();
  await until(async () => /Transferred to Agent 2\./.test(await a1.locator('#toast').innerText()), 'the confirmation');
  assert.doesNotMatch(await a1.locator('#toast').innerText(), /not Ready/, 'the old error is gone');

  // The receiver: who transferred it, and her notes.
  const offer = incoming(a2);
  await offer.waitFor();
  assert.match(await offer.innerText(), /Transferred call from Agent 1/);
  assert.match(await offer.getByRole('note', { name: 'Notes from Agent 1' }).innerText(), /Wants the March invoice refunded/);
  await shot(a2, 'transferred-call-offered');
  await offer.getByRole('button', { name: 'Answer' }).click();
  await callCard(a2).waitFor();
  assert.match(await callCard(a2).getByRole('note', { name: 'Notes from Agent 1' }).innerText(), /Wants the March invoice refunded/);
  // The first agent's part of the inbound queue call ended: wrap-up by her ACW mode (docs/agent-states.md).
  await expectState(a1, /Wrap-up/);
  await a1.getByRole('button', { name: 'End wrap-up' }).click();
  await expectState(a1, /^Ready$/);
  await callCard(a2).getByRole('button', { name: 'Hang up' }).click();
  await expectState(a2, /Wrap-up/);
  await a2.getByRole('button', { name: 'End wrap-up' }).click();
  await agent3.call('POST', '/agent/logout');
});

test('labels: Declined is not Missed, the customer is named once, no "null" extension, a toast on the device check can be dismissed', async () => {
  await setState(a2, 'Not Ready – Break');
  await customerCalls('Sales', '+4930444555666', { orderId: 'ORD-79' });
  await incoming(a1).getByRole('button', { name: 'Decline' }).click();
  await expectState(a1, /^Not Ready \(Declined\)$/, 'Not Ready (Declined)');
  // The same customer comes back when agent1 is Ready again; this time she answers.
  await setState(a1, 'Ready');
  await incoming(a1).getByRole('button', { name: 'Answer' }).click();
  const parties = callCard(a1).getByRole('list', { name: 'Participants' });
  await parties.waitFor();
  const text = await parties.innerText();
  assert.match(text, /\*+5666\s*·\s*Customer/);
  assert.doesNotMatch(text, /Customer\s*·\s*Customer/);
  await callCard(a1).getByRole('button', { name: 'Hang up' }).click();
  await a1.getByRole('button', { name: 'End wrap-up' }).click();
  await expectState(a1, /^Ready$/);

  await a1.getByRole('tab', { name: 'Directory' }).click();
  const dir = a1.getByRole('tabpanel').getByRole('list');
  await until(async () => /Sam Supervisor/.test(await dir.innerText()), 'the directory');
  assert.doesNotMatch(await dir.innerText(), /null/);
  assert.match(await dir.innerText(), /Sam Supervisor\s+Supervisor/);

  // An error toast, then the device check: dismissing it removes it there too.
  await a1.getByRole('tab', { name: 'Dial' }).click();
  await a1.getByLabel('Number', { exact: true }).fill('1');
  await a1.getByRole('button', { name: 'Call', exact: true }).click();
  await until(async () => /not valid/.test(await a1.locator('#toast').innerText()), 'an error toast');
  await a1.evaluate(() => { location.hash = '#/device-check'; });
  await a1.getByRole('button', { name: 'Dismiss message' }).click();
  await until(async () => (await a1.getByRole('button', { name: 'Dismiss message' }).count()) === 0, 'the toast to go on the device check');
  await a1.evaluate(() => { location.hash = ''; });
  await a1.getByRole('button', { name: 'State ▾' }).waitFor();
});

test('auto-answer: the agent switches it on in Settings and the next call connects without a click', async () => {
  await a1.getByRole('tab', { name: 'Settings' }).click();
  const box = a1.getByRole('checkbox', { name: 'Answer calls automatically' });
  assert.equal(await box.isEnabled(), true, 'the tenant lets agents choose');
  await box.check();
  await a1.getByText('Auto-answer', { exact: true }).waitFor();
  await shot(a1, 'settings-auto-answer');
  await customerCalls('Sales', '+4930777888999', { orderId: 'ORD-80' });
  await callCard(a1).waitFor();
  await expectState(a1, /On call/);
  await until(async () => (await callCard(a1).locator('#call-state').innerText()) === 'Connected', 'connected without a click');
  await callCard(a1).getByRole('button', { name: 'Hang up' }).click();
  await a1.getByRole('button', { name: 'End wrap-up' }).click();
  await a1.getByRole('tab', { name: 'Settings' }).click();
  await a1.getByRole('checkbox', { name: 'Answer calls automatically' }).uncheck();
  await until(async () => (await a1.getByText('Auto-answer', { exact: true }).count()) === 0, 'auto-answer off');
  await a1.getByRole('button', { name: 'State ▾' }).click();
  await a1.getByRole('menuitem', { name: 'Log out' }).click();
  await a1.getByLabel('Company domain').waitFor();
  await a2.getByRole('button', { name: 'State ▾' }).click();
  await a2.getByRole('menuitem', { name: 'Log out' }).click();
  await a2.getByLabel('Company domain').waitFor();
});

test('a supervisor lands on the supervisor desk and an admin on the admin console, each with Sign out', async () => {
  for (const [login, path, heading] of [['super', '/supervisor', 'Supervisor desk'], ['admin', '/admin', 'Tenant settings']]) {
    await a2.goto('/');
    await a2.getByLabel('Username').fill(login);
    await a2.getByLabel('Company domain').fill(DOMAIN);
    await a2.getByLabel('Password').fill(PASSWORD);
    await a2.getByRole('button', { name: 'Sign in' }).click();
    await a2.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: 10_000 });
    assert.equal(new URL(a2.url()).pathname, path);
    assert.equal(await a2.getByText('Loading…').count(), 0);
    // Not an agent: no toolbar, and no workspace switch for a single role.
    assert.equal(await a2.getByRole('button', { name: 'State ▾' }).count(), 0);
    assert.equal(await a2.getByRole('navigation', { name: 'Workspaces' }).count(), 0);
    await a2.getByRole('button', { name: 'Sign out' }).click();
    await a2.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal(new URL(a2.url()).pathname, '/');
  }
});

test('after a reload the agent is told sound is blocked, one click enables it, and the desktop notification still comes', async () => {
  const browser = await launch({ soundNeedsGesture: true });
  try {
    await browser.context.grantPermissions(['notifications']);
    // Count the desktop notifications, and behave as a page in the background (notifications are for that case).
    await browser.context.addInitScript(() => {
      const Native = window.Notification;
      window.__notified = [];
      window.Notification = class extends Native { constructor(title, options) { super(title, options); window.__notified.push(title); } };
      document.hasFocus = () => false;
    });
    // The autoplay rule, as a desktop browser applies it: a page's AudioContext stays suspended until a click on that
    // page. Headless Chromium here lets every AudioContext run whatever --autoplay-policy says, so the rule is applied
    // in the page itself.
    await browser.context.addInitScript(() => {
      let clicked = false;
      addEventListener('pointerdown', (e) => { if (e.isTrusted) clicked = true; }, true);
      const Native = window.AudioContext;
      window.AudioContext = class extends Native {
        get state() { return clicked ? super.state : 'suspended'; }
        resume() { return clicked ? super.resume() : new Promise(() => {}); }
      };
    });
    const page = await newPage(browser);
    await signIn(page, 'agent3');
    assert.equal(await page.locator('#sound-blocked').count(), 0, 'signing in was a click: sound allowed');
    await page.reload();
    await page.getByRole('button', { name: 'State ▾' }).waitFor();
    const banner = page.getByRole('status').filter({ hasText: 'The browser is blocking sound' });
    await banner.waitFor({ timeout: 5000 });
    await shot(page, 'sound-blocked');

    await customerCalls('Support', '+4930123123123', { orderId: 'ORD-81' });
    await incoming(page).waitFor();
    await until(() => page.evaluate(() => window.__notified.length > 0), 'a desktop notification while sound is blocked');

    await banner.getByRole('button', { name: 'Enable sound' }).click();
    await until(async () => (await page.locator('#sound-blocked').count()) === 0, 'the sound banner to go');
    await incoming(page).getByRole('button', { name: 'Decline' }).click();
    await expectState(page, /Declined/);
    await page.getByRole('button', { name: 'State ▾' }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByLabel('Company domain').waitFor();
  } finally {
    await browser.close();
  }
});

