// The supervisor desk in Chromium: the live team view (a team agent's state change shown within one second of the
// event, time in state ticking, filter and search), a supervisor's state change with a message reaching the agent's
// toolbar, the accessibility audit (axe-core) and the 390 px layout, screenshots (docs/screenshots/ with
// CTI_E2E_UPDATE_DOCS=1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DOMAIN, PASSWORD, auditPage, launch, session, until } from './lib.mjs';

let supBrowser;
let agentBrowser;
let desk;   // the supervisor's page
let tb;     // agent3's toolbar
let agent3; // agent3's REST session

before(async () => {
  agent3 = await session('agent3');
  supBrowser = await launch();
  agentBrowser = await launch();
  desk = supBrowser.context.pages()[0] ?? await supBrowser.context.newPage();
  tb = agentBrowser.context.pages()[0] ?? await agentBrowser.context.newPage();
  for (const p of [desk, tb]) p.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
});
after(async () => {
  // The other browser tests count the working colleagues: agent3 ends logged out.
  await agent3?.call('POST', '/agent/logout').catch(() => {});
  await supBrowser?.close();
  await agentBrowser?.close();
});

async function signIn(page, login) {
  await page.goto('/');
  await page.getByLabel('Company domain').fill(DOMAIN);
  await page.getByLabel('Username').fill(login);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const row = (name) => desk.locator('table.team tbody tr', { hasText: name });

test('the desk lists the team and shows an agent\'s state change within one second of the event', async () => {
  await signIn(tb, 'agent3');
  await tb.getByRole('button', { name: 'Start working' }).waitFor();
  await tb.getByLabel('Start as').selectOption({ label: 'Ready' });
  await tb.getByRole('button', { name: 'Start working' }).click();
  await tb.getByRole('button', { name: 'State ▾' }).waitFor();

  await signIn(desk, 'super');
  await desk.getByRole('heading', { level: 1, name: 'Supervisor desk' }).waitFor();
  assert.equal(new URL(desk.url()).pathname, '/supervisor');
  await row('Agent 3').waitFor();
  assert.deepEqual(await desk.locator('table.team tbody th').allInnerTexts().then((l) => l.map((x) => x.split(/\s/)[0] + ' ' + x.split(/\s/)[1])),
    ['Agent 1', 'Agent 2', 'Agent 3']);
  await until(async () => /Ready/.test(await row('Agent 3').locator('td[data-label="State"]').innerText()), 'Agent 3 Ready');

  // Time in state ticks.
  const tick = row('Agent 3').locator('td[data-label="Time in state"]');
  const before = await tick.innerText();
  await until(async () => (await tick.innerText()) !== before, 'time in state ticking', 3000);

  // The event reaches the page within one second: the wait starts before the change is made.
  const shown = desk.waitForFunction(() => {
    const r = [...document.querySelectorAll('table.team tbody tr')].find((x) => x.textContent.includes('Agent 3'));
    return r && /Not Ready \(Break\)/.test(r.querySelector('td[data-label="State"]').textContent);
  }, null, { timeout: 5000, polling: 'raf' });
  await agent3.call('PUT', '/agent/state', { state: 'NotReady', reason: 'Break' });
  const answered = Date.now();
  await shown;
  const ms = Date.now() - answered;
  console.log(`[e2e] desk showed agent3's Not Ready ${ms} ms after the REST answer`);
  assert.ok(ms < 1000, `shown after ${ms} ms`);

  // Filter by state and search by name.
  await desk.getByLabel('State', { exact: true }).selectOption({ label: 'Not Ready' });
  assert.deepEqual(await desk.locator('table.team tbody tr').count(), 1);
  await desk.getByLabel('State', { exact: true }).selectOption({ label: 'All states' });
  await desk.getByLabel('Search by name').fill('agent 2');
  assert.match(await desk.locator('table.team tbody').innerText(), /Agent 2/);
  assert.equal(await desk.locator('table.team tbody tr').count(), 1);
  await desk.getByLabel('Search by name').fill('');

  // Filter by skill group and team, sort by state; the phone's registration.
  await desk.getByLabel('Skill group', { exact: true }).selectOption({ label: 'Support' });
  assert.deepEqual(await desk.locator('table.team tbody th').allInnerTexts().then((l) => l.map((x) => x.split(/\s/).slice(0, 2).join(' '))), ['Agent 2', 'Agent 3']);
  await desk.getByLabel('Skill group', { exact: true }).selectOption({ label: 'All groups' });
  await desk.getByLabel('Team', { exact: true }).selectOption({ label: 'Team A' });
  assert.equal(await desk.locator('table.team tbody tr').count(), 3);
  await desk.getByLabel('Sort by').selectOption({ label: 'State' });
  assert.match(await desk.locator('table.team tbody th').first().innerText(), /Agent 3/); // Not Ready before the logged out
  await desk.getByLabel('Sort by').selectOption({ label: 'Name' });
  assert.match(await row('Agent 3').locator('td[data-label="Phone"]').innerText(), /registered · available/);
  await auditPage(desk, 'supervisor-desk');
});

test('the supervisor changes the agent\'s state with a message and the agent\'s toolbar says who and why', async () => {
  await desk.getByRole('button', { name: 'Change state of Agent 3' }).click();
  const form = desk.getByRole('form', { name: 'Change the state of Agent 3' });
  await form.getByLabel('Ready', { exact: true }).check();
  await form.getByLabel('Message to the agent (optional)').fill('Queue is long, please take calls');
  await auditPage(desk, 'supervisor-desk-change-state');
  await form.getByRole('button', { name: 'Apply' }).click();
  await desk.getByRole('status').filter({ hasText: 'Agent 3: Ready sent.' }).waitFor();
  await until(async () => /^Ready/.test(await row('Agent 3').locator('td[data-label="State"]').innerText()), 'Agent 3 Ready on the desk');

  const note = tb.locator('#supervisor-note');
  await note.waitFor();
  assert.match(await note.innerText(), /Changed by Sam Supervisor: Queue is long, please take calls/);
  await until(async () => /Ready/.test(await tb.locator('#agent-state').innerText()), 'Ready on the toolbar');
  await tb.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await note.count(), 0);

  // Not Ready with a reason, from the desk.
  await desk.getByRole('button', { name: 'Change state of Agent 3' }).click();
  await form.getByLabel('Not Ready', { exact: true }).check();
  await form.getByLabel('Reason').selectOption({ label: 'Meeting' });
  await form.getByRole('button', { name: 'Apply' }).click();
  await until(async () => /Not Ready \(Meeting\)/.test(await row('Agent 3').locator('td[data-label="State"]').innerText()), 'Meeting on the desk');
  await until(async () => /Changed by Sam Supervisor/.test(await tb.locator('#supervisor-note').innerText()), 'the note without a message');
});

const card = (name) => desk.locator('article.group', { has: desk.getByRole('heading', { level: 3, name, exact: true }) });
const callerRows = (group) => card(group).locator('table.callers tbody tr');

test('the skill-group dashboard shows a new waiting call within one second; the supervisor moves it and hands it to a Ready agent', async () => {
  const sup = await session('super');
  await card('Sales').waitFor();
  assert.equal(await callerRows('Sales').count(), 0);

  // The wait starts before the call is placed: the caller's row appears within one second of the REST answer.
  const shown = desk.waitForFunction(() => [...document.querySelectorAll('article.group table.callers tbody th')]
    .some((th) => th.textContent.includes('+4930555111')), null, { timeout: 5000, polling: 'raf' });
  const first = await sup.call('POST', '/sandbox/calls', { skillGroup: 'Sales', callerNumber: '+4930555111' });
  const answered = Date.now();
  await shown;
  const ms = Date.now() - answered;
  console.log(`[e2e] desk showed the new waiting call ${ms} ms after the REST answer`);
  assert.ok(ms < 1000, `shown after ${ms} ms`);
  assert.equal(await card('Sales').locator('dd.waiting').innerText(), '1');

  const second = await sup.call('POST', '/sandbox/calls', { skillGroup: 'Sales', callerNumber: '+4930555112' });
  await until(async () => (await callerRows('Sales').count()) === 2, 'two callers');
  // Longest wait ticks.
  const longest = card('Sales').locator('dd.tick');
  const was = await longest.innerText();
  await until(async () => (await longest.innerText()) !== was, 'longest wait ticking', 3000);

  // Down: the second caller is next.
  await desk.getByRole('button', { name: 'Down +4930555111' }).click();
  await until(async () => /\+4930555112/.test(await callerRows('Sales').first().innerText()), '112 first');
  await auditPage(desk, 'supervisor-desk-groups');

  // Hand the Sales caller to agent3 (Support only, but of the team and Ready): her toolbar rings.
  await agent3.call('PUT', '/agent/state', { state: 'Ready' });
  await until(async () => (await card('Sales').getByLabel('Ready agent for +4930555112').innerText()).includes('Agent 3'), 'Agent 3 offered');
  await card('Sales').getByLabel('Ready agent for +4930555112').selectOption({ label: 'Agent 3' });
  await desk.getByRole('button', { name: 'Hand over +4930555112 to the agent' }).click();
  await until(async () => /Ringing|On a call/.test(await row('Agent 3').locator('td[data-label="State"]').innerText()), 'Agent 3 rung');
  // The call follows its offer event (the agent's Ringing may arrive a moment before it).
  await until(async () => /\+4930555112/.test(await row('Agent 3').locator('td[data-label="Call"]').innerText()), 'the handed call on Agent 3');
  await until(async () => (await callerRows('Sales').count()) === 1, 'one left in Sales');

  // To Support (agent3 is busy with the handed call): it leaves Sales and waits there.
  await card('Sales').getByLabel('Group for +4930555111').selectOption({ label: 'Support' });
  await desk.getByRole('button', { name: 'Move +4930555111 to the group' }).click();
  await until(async () => (await callerRows('Support').count()) === 1 && (await callerRows('Sales').count()) === 0, 'moved to Support');

  // The callers hang up: the desk empties and today's figures count them.
  await sup.call('POST', `/sandbox/legs/${second.legId}/hangup`);
  await sup.call('POST', `/sandbox/legs/${first.legId}/hangup`);
  await until(async () => (await callerRows('Support').count()) === 0, 'Support empty');
  await until(async () => Number(await card('Sales').locator('.today .offered').innerText()) >= 1, 'today counts the Sales call');
  await agent3.call('PUT', '/agent/state', { state: 'NotReady', reason: 'Break' }).catch(() => {});
});

test('the supervisor listens to an agent\'s call from the desk, switches to whisper and stops; the agent is not told', async (t) => {
  const admin = await session('admin');
  const sup = await session('super');
  // A desk phone as her listening device (the sandbox's phones answer by themselves); the desk reads it when it opens.
  await admin.call('PUT', `/admin/users/${sup.user.userId}/supervisor-device`, { extension: '1990', extensionKind: 'Sip' });
  t.after(() => admin.call('DELETE', `/admin/users/${sup.user.userId}/supervisor-device`).catch(() => {}));
  await desk.reload();
  await desk.getByText('Listening device: your phone rings when you listen').waitFor();

  // Agent 3 on a Support call.
  for (const c of await agent3.call('GET', '/agent/calls')) await agent3.call('POST', `/calls/${c.callId}/hangup`).catch(() => {});
  if ((await agent3.call('GET', '/agent/state')).status === 'WrapUp') await agent3.call('POST', '/agent/wrap-up/end');
  await agent3.call('PUT', '/agent/state', { state: 'Ready' });
  const caller = await sup.call('POST', '/sandbox/calls', { skillGroup: 'Support', callerNumber: '+4930555177' });
  t.after(() => sup.call('POST', `/sandbox/legs/${caller.legId}/hangup`).catch(() => {}));
  const offer = await until(async () => (await agent3.call('GET', '/agent/calls')).find((c) => c.state === 'Ringing'), 'the offer to Agent 3');
  await agent3.call('POST', `/calls/${offer.callId}/answer`);

  await row('Agent 3').getByRole('button', { name: 'Listen to Agent 3' }).click();
  await desk.getByText("Listen: Agent 3's call.").waitFor();
  await row('Agent 3').getByText('Listening').waitFor();
  assert.equal(await desk.getByRole('button', { name: /^Listen to / }).count(), 0, 'one call at a time: no other Listen button');
  await auditPage(desk, 'supervisor-desk-listening');

  await desk.getByRole('radio', { name: /^Whisper/ }).click();
  await desk.getByText("Whisper: Agent 3's call.").waitFor();
  const now = await sup.call('GET', '/supervision/monitoring');
  assert.equal(now.mode, 'Whisper');
  assert.deepEqual(now.periods.map((p) => p.mode), ['Monitor', 'Whisper']);

  await desk.getByRole('button', { name: 'Stop listening' }).click();
  await desk.getByText('Listening ended: you stopped listening.').waitFor();
  await until(async () => (await sup.call('GET', '/supervision/monitoring').then(() => 'running', (e) => e.body?.code)) === 'not_monitoring', 'the session ended');
  // The tenant does not tell the monitored parties: the agent's toolbar session saw no monitoring event.
  const events = await tb.evaluate(() => (window.__cti?.events ?? []).map((e) => e.name));
  assert.ok(!events.some((n) => n.startsWith('monitoring')), `agent saw ${events.join(', ')}`);

  await agent3.call('POST', `/calls/${offer.callId}/hangup`);
  if ((await agent3.call('GET', '/agent/state')).status === 'WrapUp') await agent3.call('POST', '/agent/wrap-up/end');
  await agent3.call('PUT', '/agent/state', { state: 'NotReady', reason: 'Break' }).catch(() => {});
});
