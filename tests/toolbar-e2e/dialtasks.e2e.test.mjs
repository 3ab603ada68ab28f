// Dial tasks in Chromium: a supervisor creates a task on the dial tasks page — contacts picked from a contact search,
// a caller ID chosen from the tenant's list — and sees its progress change live when an agent sets a result; a task names agent 1, and on the page she works it — the next contact is shown, one click on Dial
// places the outbound call (her toolbar's call), the customer answers, she hangs up and saves the result from the page;
// the task's contact is done with that result and the task's progress counts it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, session, signIn, signOut, until, auditPage } from './lib.mjs';

let browser;
let page;
let agent1;
let sup;
let taskId;
let formTaskId;
let admin;
let codeId;
let callerIdRow;
const stamp = String(Date.now()).slice(-6);
const number = `+49308${stamp}`; // a number no other suite uses
const code = `DT${stamp}`;
const tag = stamp.replace(/\d/g, (d) => 'abcdefghij'[d]); // in names: a search by name does not also match the numbers' digits

before(async () => {
  agent1 = await session('agent1');
  sup = await session('super');
  admin = await session('admin');
  codeId = (await admin.call('POST', '/admin/dispositions', { code, name: `Interested ${stamp}` })).id;
  callerIdRow = await admin.call('POST', '/admin/caller-ids', { number: `+49306${stamp}`, label: `Offers ${stamp}` });
  for (const login of ['agent2', 'agent3']) { try { await (await session(login)).call('POST', '/agent/logout'); } catch { /* not logged in */ } }
  browser = await launch();
  page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
});
after(async () => {
  for (const id of [taskId, formTaskId]) { try { if (id) await sup.call('POST', `/dial-tasks/${id}/status`, { status: 'Cancelled' }); } catch { /* completed */ } }
  try { await agent1.call('POST', '/agent/logout'); } catch { /* not logged in */ }
  try { if (callerIdRow) await admin.call('DELETE', `/admin/caller-ids/${callerIdRow.id}`); } catch { /* left */ }
  // The code this file made: deleted, else made inactive (other files' agents see none of it).
  try { await admin.call('DELETE', `/admin/dispositions/${codeId}`); } catch {
    try { await admin.call('PUT', `/admin/dispositions/${codeId}`, { code, name: `Interested ${stamp}`, active: false }); } catch { /* left */ }
  }
  await browser?.close();
});

test('a supervisor creates a task on the page and sees its progress live', async () => {
  await sup.call('POST', '/contacts', { name: `Form Lead ${tag}`, numbers: [{ number: `+49307${stamp}` }] });
  await sup.call('POST', '/contacts', { name: `Form Pick ${tag}`, numbers: [{ number: `+49305${stamp}` }] });
  await sup.call('POST', '/contacts', { name: `Form Skip ${tag}`, numbers: [{ number: `+49304${stamp}` }] });
  await signIn(page, 'super');
  await page.waitForURL(/\/supervisor/);
  await page.getByRole('link', { name: 'Dial tasks' }).click();
  await page.getByRole('button', { name: 'New dial task' }).click();
  const form = page.locator('#dialtask-form');
  await form.locator('#dialtask-name').fill(`Form task ${stamp}`);
  // Picked from a search's results (one of the three found), plus every contact matching another search.
  await form.getByLabel('Find contacts by name or number').fill(tag);
  await form.getByRole('button', { name: 'Find' }).click();
  await form.getByLabel(`Form Pick ${tag} (+49305${stamp})`).check();
  await form.getByLabel('Find contacts by name or number').fill(`Form Skip ${tag}`);
  await form.getByRole('button', { name: 'Find' }).click();
  await form.getByLabel(`Form Skip ${tag} (+49304${stamp})`).waitFor();
  assert.ok(await form.getByLabel(`Form Pick ${tag} (+49305${stamp})`).isChecked(), 'a pick is kept across searches');
  assert.match(await form.locator('legend', { hasText: 'Pick contacts' }).innerText(), /1 picked/);
  await form.locator('#dialtask-contactSearch').fill(`Form Lead ${tag}`);
  // The caller ID is a choice from the tenant's list (free text is gone).
  const choice = form.getByLabel('Caller ID');
  assert.equal(await choice.evaluate((e) => e.tagName), 'SELECT');
  assert.ok((await choice.locator('option').allInnerTexts()).includes(`+49306${stamp} — Offers ${stamp}`));
  await choice.selectOption(`+49306${stamp}`);
  await form.locator('#dialtask-dailyStart').fill('00:00');
  await form.locator('#dialtask-dailyEnd').fill('23:59');
  await form.getByLabel('Agent 1').check();
  await auditPage(page, 'dialtasks-new', form);
  await form.getByRole('button', { name: 'Create' }).click();
  await until(async () => (await page.locator('#dialtasks-status').innerText()) === 'Task created.', 'the task to be created');
  formTaskId = (await sup.call('GET', '/dial-tasks')).find((t) => t.name === `Form task ${stamp}`)?.id;
  assert.ok(formTaskId, 'the task is listed by the API');
  const row = page.locator(`#dialtasks-list [data-dialtask-id="${formTaskId}"]`);
  await until(async () => /0 of 2 done/.test(await row.innerText()), 'the new task with its two contacts');
  const made = (await sup.call('GET', '/dial-tasks')).find((t) => t.id === formTaskId);
  assert.equal(made.callerId, `+49306${stamp}`);
  assert.deepEqual((await sup.call('GET', `/dial-tasks/${formTaskId}/contacts`)).map((c) => c.contactName).sort(),
    [`Form Lead ${tag}`, `Form Pick ${tag}`]);
  // Agent 1 (named) takes the contacts and sets results without dialling: the supervisor's page follows without a reload.
  for (let i = 0; i < 2; i++) {
    const next = await agent1.call('POST', `/dial-tasks/${formTaskId}/next`);
    await agent1.call('POST', `/dial-tasks/${formTaskId}/contacts/${next.contact.id}/result`, { dispositionId: codeId, remark: 'wrong number' });
  }
  await until(async () => /2 of 2 done/.test(await row.innerText()), 'the live progress', 15_000);
  await signOut(page);
});

test('an agent works a dial task: next contact, one-click dial, result', async () => {
  const contact = await sup.call('POST', '/contacts', { name: `Dora Dial ${stamp}`, company: 'Harbour Ltd', numbers: [{ number }] });
  // The tenant's zone is UTC here: a window over the whole day.
  const day = new Date().toISOString().slice(0, 10);
  const task = await sup.call('POST', '/dial-tasks', {
    name: `Winter offer ${stamp}`, contactIds: [contact.id], agentIds: [agent1.user.userId],
    firstDay: day, lastDay: day, dailyStart: '00:00', dailyEnd: '23:59', busyRetries: 1, busyRetryMinutes: 10,
  });
  taskId = task.id;

  await signIn(page, 'agent1');
  await page.getByRole('button', { name: 'Start working' }).click();
  await until(async () => /Ready/.test(await page.locator('#agent-state').innerText()), 'Ready');
  await agent1.call('PUT', '/agent/state', { state: 'NotReady', reason: 'Break' }); // dialling out, no queue call meanwhile

  await page.goto('/dial-tasks');
  const row = page.locator(`#dialtasks-list [data-dialtask-id="${taskId}"]`);
  await row.waitFor({ timeout: 15_000 });
  assert.match(await row.innerText(), /0 of 1 done/);
  await row.getByRole('button', { name: 'Work this list' }).click();
  const shown = row.locator('#dialtask-contact');
  await shown.waitFor({ timeout: 10_000 });
  assert.ok((await shown.innerText()).includes(`Dora Dial ${stamp}`), await shown.innerText());
  assert.ok((await shown.innerText()).includes(number));
  await auditPage(page, 'dialtasks-agent', row);

  await row.getByRole('button', { name: `Dial ${number}` }).click();
  let call;
  await until(async () => {
    call = (await agent1.call('GET', '/agent/calls')).find((c) => c.customerNumber === number && c.parties.some((p) => p.role === 'Customer'));
    return !!call;
  }, 'the outbound call to reach the customer', 15_000);
  assert.equal(call.direction, 'Outbound');
  // The dial's answer came back and was taken (the attempt is stored with its call): no error on the page.
  await until(async () => /Dialling/.test(await row.locator('#dialtask-note').innerText().catch(() => '')), 'the dial to be confirmed on the page');
  assert.equal(await row.locator('.dialtask-work [role="alert"]').innerText(), '');
  const customer = call.parties.find((p) => p.role === 'Customer');
  await agent1.call('POST', `/sandbox/legs/${encodeURIComponent(customer.legId)}/answer`);
  await until(async () => (await agent1.call('GET', '/agent/calls')).some((c) => c.callId === call.callId && c.state === 'Connected'), 'answered');
  await agent1.call('POST', `/calls/${call.callId}/hangup`);
  await until(async () => !(await agent1.call('GET', '/agent/calls')).some((c) => c.callId === call.callId), 'the call to end');

  await row.locator('#dialtask-code').selectOption(codeId);
  await row.locator('#dialtask-remark').fill('Wants a visit');
  await row.getByRole('button', { name: 'Save result' }).click();
  await until(async () => (await row.locator('#dialtask-note').innerText().catch(() => '')) === 'Saved.', 'the result to be saved');

  const contacts = await sup.call('GET', `/dial-tasks/${taskId}/contacts`);
  assert.equal(contacts.length, 1);
  assert.equal(contacts[0].status, 'Done');
  assert.equal(contacts[0].result, `Interested ${stamp}`);
  assert.equal(contacts[0].remark, 'Wants a visit');
  assert.equal(contacts[0].callId, call.callId);
  const progress = await sup.call('GET', `/dial-tasks/${taskId}/progress`);
  assert.equal(progress.completed, 1);
  await until(async () => /1 of 1 done/.test(await row.innerText()), 'the list to show the progress');
});
