// The lists a tenant manages, in Chromium. Disposition codes: the admin console's page creates codes (a code taken
// twice is refused next to its field); the agent's wrap-up form offers the active codes only, marks the remarks
// required when the chosen code says so, and saves her own disposition. Caller IDs: the admin page adds a team's
// number, and the agent's dial pad offers it. Every page passes the accessibility audit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, session, signIn, signOut, until, auditPage } from './lib.mjs';

let browser;
let page;
let sup;
let admin;
let agent3;
const stamp = String(Date.now()).slice(-6);
const created = [];
const callerIds = [];

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
  // Codes this file made: deleted when no call carries them, else made inactive (other files' agents see none of them).
  for (const c of callerIds) { try { await admin.call('DELETE', `/admin/caller-ids/${c.id}`); } catch { /* left */ } }
  for (const c of created) {
    try { await admin.call('DELETE', `/admin/dispositions/${c.id}`); } catch {
      try { await admin.call('PUT', `/admin/dispositions/${c.id}`, { code: c.code, name: c.name, active: false }); } catch { /* left */ }
    }
  }
  await browser?.close();
});

test('the admin console\'s disposition codes page creates a code and refuses one taken twice', async () => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Disposition codes', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Disposition codes' }).waitFor();
  await page.getByRole('button', { name: 'New disposition code' }).click();
  let form = page.getByRole('form', { name: 'New disposition code' });
  await form.getByLabel(/^Code/).fill(`CMP${stamp}`);
  await form.getByLabel('Name').fill(`Complaint ${stamp}`);
  await form.getByLabel('Category').fill('Service');
  await form.getByLabel('Remarks required').check();
  await form.getByRole('button', { name: 'Create disposition code' }).click();
  await page.getByRole('status').filter({ hasText: 'created' }).waitFor();
  const codes = await admin.call('GET', '/admin/dispositions');
  const complaint = codes.find((c) => c.code === `CMP${stamp}`);
  assert.deepEqual([complaint?.name, complaint?.category, complaint?.active, complaint?.remarksRequired], [`Complaint ${stamp}`, 'Service', true, true]);
  created.push(complaint);

  await page.getByRole('button', { name: 'New disposition code' }).click();
  form = page.getByRole('form', { name: 'New disposition code' });
  await form.getByLabel(/^Code/).fill(`cmp${stamp}`);
  await form.getByLabel('Name').fill('Twice');
  await form.getByRole('button', { name: 'Create disposition code' }).click();
  await until(async () => /used by another disposition/.test(await form.innerText()), 'the refusal next to the code');
  const problems = await auditPage(page, 'admin-disposition-codes', form);
  assert.deepEqual(problems, []);
  await form.getByRole('button', { name: 'Cancel' }).click();
});

test('the wrap-up form offers the active codes, requires remarks for a code that says so, and saves the agent\'s own', async () => {
  const sale = await admin.call('POST', '/admin/dispositions', { code: `SALE${stamp}`, name: `Sale ${stamp}`, category: 'Sales' });
  const old = await admin.call('POST', '/admin/dispositions', { code: `OLD${stamp}`, name: `Old ${stamp}`, active: false });
  created.push(sale, old);
  const complaint = created[0];
  await signOut(page);
  await signIn(page, 'agent3');
  await page.getByRole('button', { name: 'Start working' }).click();
  await until(async () => /^Ready$/.test(await page.locator('#agent-state').innerText()), 'Ready');
  await until(() => page.evaluate(() => window.__cti.ui.link === 'connected'), 'hub connected');

  await sup.call('POST', '/sandbox/calls', { skillGroup: 'Support', callerNumber: `+49309${stamp}` });
  const banner = page.locator('#incoming');
  await banner.waitFor({ timeout: 10_000 });
  const callId = await banner.getAttribute('data-call');
  await banner.getByRole('button', { name: 'Answer' }).click();
  await page.locator('#hangup').click();
  await until(async () => /Wrap-up/.test(await page.locator('#agent-state').innerText()), 'Wrap-up');

  const wrap = page.locator('.wrapup');
  await wrap.getByText('Disposition and remarks').click();
  const choice = wrap.getByLabel('Disposition');
  const offered = await choice.locator('option').allInnerTexts();
  assert.ok(offered.includes(`Sales: Sale ${stamp}`) && offered.includes(`Service: Complaint ${stamp}`), offered.join(' | '));
  assert.ok(!offered.some((o) => o.includes(`Old ${stamp}`)), 'an inactive code is not offered');

  await choice.selectOption({ label: `Service: Complaint ${stamp}` });
  const remarks = wrap.getByLabel('Remarks (required)');
  await remarks.waitFor();
  assert.equal(await remarks.evaluate((el) => el.required), true);
  await wrap.getByRole('button', { name: 'Save' }).click();   // the browser keeps an empty required field from being sent
  assert.equal(await remarks.evaluate((el) => el.validity.valueMissing), true);
  await remarks.fill('Parcel arrived broken.');
  await wrap.getByRole('button', { name: 'Save' }).click();
  await until(async () => /Saved\./.test(await page.locator('#toast').innerText()), 'saved');
  const problems = await auditPage(page, 'agent-wrap-up-dispositions', wrap);
  assert.deepEqual(problems, []);

  const detail = await sup.call('GET', `/call-records/${callId}`);
  assert.deepEqual(detail.notes.map((n) => [n.agentName, n.dispositionId, n.remarks]), [['Agent 3', complaint.id, 'Parcel arrived broken.']]);
  await page.click('#end-wrapup');
  await until(async () => !/Wrap-up/.test(await page.locator('#agent-state').innerText()), 'wrap-up to end');
});

test('the caller IDs page adds a number for a team, and the agent\'s dial pad offers it', async () => {
  await agent3.call('POST', '/agent/logout');
  await page.getByRole('button', { name: 'Start working' }).waitFor();
  await signOut(page);
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Caller IDs', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Caller IDs' }).waitFor();
  await page.getByRole('button', { name: 'New caller ID' }).click();
  const form = page.getByRole('form', { name: 'New caller ID' });
  await form.getByLabel(/^Number/).fill(`+4930${stamp}`);
  await form.getByLabel('Label').fill('E2E line');
  await form.getByLabel('Who may present it').selectOption({ label: 'Team Team A' });
  await form.getByRole('button', { name: 'Create caller ID' }).click();
  await page.getByRole('status').filter({ hasText: 'created' }).waitFor();
  const listed = (await admin.call('GET', '/admin/caller-ids')).find((c) => c.number === `+4930${stamp}`);
  assert.deepEqual([listed?.label, listed?.teamName], ['E2E line', 'Team A']);
  callerIds.push(listed);
  const problems = await auditPage(page, 'admin-caller-ids', page.locator('#main'));
  assert.deepEqual(problems, []);

  await signOut(page);
  await signIn(page, 'agent3');   // in Team A
  await page.getByRole('button', { name: 'Start working' }).click();
  await until(async () => /^Ready$/.test(await page.locator('#agent-state').innerText()), 'Ready');
  await page.getByRole('tab', { name: 'Dial' }).click();
  const options = await page.locator('#caller-id option').allInnerTexts();
  assert.deepEqual(options, [`E2E line (+4930${stamp})`]);
});
