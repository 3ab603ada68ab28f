// Call records in Chromium: an agent takes a sandbox call, hangs up, and finds it in the toolbar's Recent tab (read
// from the server, so it survives a cleared browser storage) and on the call records page (journey, recording played);
// a supervisor sees it and filters; a colleague does not see it; the accessibility audit at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, session, until } from './lib.mjs';
import * as lib from './lib.mjs';

let browser;
let page;
let sup;
let others = [];
let callId;
// A number no other suite uses, so the searches find this call only.
const customerNumber = `+49307${String(Date.now()).slice(-6)}`;

before(async () => {
  sup = await session('super');
  others = [await session('agent1'), await session('agent2')];
  // Only agent3 is Ready, so the call is offered to her.
  for (const o of others) { try { await o.call('POST', '/agent/logout'); } catch { /* not logged in */ } }
  browser = await launch();
  page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
});
after(async () => {
  try { await (await session('agent3')).call('POST', '/agent/logout'); } catch { /* not logged in */ }
  await browser?.close();
});

const signIn = (login) => lib.signIn(page, login);
const signOut = () => lib.signOut(page);
const auditPage = (name, show) => lib.auditPage(page, name, show);

const rowOf = (id) => page.locator(`#records-table tr[data-call-id="${id}"]`);
const countText = () => page.locator('#records-count').innerText();
async function searchDone() {
  await until(async () => !/Loading/.test(await countText()) && (await countText()).length > 0, 'the search to finish');
}

test('an agent takes a sandbox call, records it, hangs up, and finds it in Recent (from the server)', async () => {
  await signIn('agent3');
  await page.getByRole('button', { name: 'Start working' }).click();
  await until(async () => /^Ready$/.test(await page.locator('#agent-state').innerText()), 'Ready');
  await until(() => page.evaluate(() => window.__cti.ui.link === 'connected'), 'hub connected');

  await sup.call('POST', '/sandbox/calls', { skillGroup: 'Support', callerNumber: customerNumber, attachedData: { orderId: 'REC-1' } });
  await page.waitForSelector('#incoming', { timeout: 10_000 });
  callId = await page.locator('#incoming').getAttribute('data-call');
  await page.click('#answer');
  await until(async () => /Connected/.test(await page.locator('#call-state').innerText()), 'connected');
  await page.getByRole('button', { name: 'Record' }).click();
  await page.getByRole('button', { name: 'Stop recording' }).waitFor();
  await page.waitForTimeout(1200);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await page.getByRole('button', { name: 'Record' }).waitFor();
  await page.click('#hangup');
  await until(async () => !(await page.locator('#call-panel').count()) || /Wrap-up/.test(await page.locator('#agent-state').innerText()), 'the call to end');
  if (await page.locator('#end-wrapup').count()) await page.click('#end-wrapup');

  // The record is on the server (written in the background)…
  await until(async () => (await sup.call('GET', `/call-records?Search=${encodeURIComponent(customerNumber.slice(1))}`)).items.some((r) => r.id === callId),
    'the call record on the server');
  // …and the Recent tab reads it from there: a cleared browser storage and a reload change nothing.
  await page.evaluate(() => { localStorage.clear(); });
  await page.reload();
  await page.locator('#agent-state').waitFor();
  await page.getByRole('tab', { name: 'Recent' }).click();
  await page.locator(`#recent li[data-call="${callId}"]`).waitFor({ timeout: 10_000 });
  assert.match(await page.locator(`#recent li[data-call="${callId}"]`).innerText(), /Inbound · Support/);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cti.recent.')).length), 0);
});

test('the agent finds the call on the records page: journey, recording played, CSV export', async () => {
  await page.getByRole('link', { name: /All my calls/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Call records' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/records');
  await searchDone();
  await rowOf(callId).waitFor();
  assert.equal(await page.getByLabel('Agent', { exact: true }).count(), 0, 'an agent cannot choose an agent');
  assert.match(await rowOf(callId).innerText(), /Support[\s\S]*Agent 3[\s\S]*Answered/);
  await auditPage('records-agent', page.locator('#records-table'));

  await rowOf(callId).getByRole('button', { name: /Details/ }).click();
  const journey = page.getByRole('region', { name: /Call on/ });
  await journey.waitFor();
  await until(async () => /Answered by\s*Agent 3/.test(await journey.innerText()), 'the journey');
  assert.match(await journey.innerText(), /orderId\s*REC-1/);
  // Where the caller waited, group by group (one group here).
  const waits = journey.getByRole('list', { name: 'Where the caller waited' });
  assert.equal(await waits.getByRole('listitem').count(), 1);
  assert.match(await waits.innerText(), /^Support: /);
  // The <audio> element streams a play URL with range requests (not a blob of the whole file); seeking works.
  const audioRequests = [];
  const onRequest = (r) => { if (r.url().includes('/audio/play?token=')) audioRequests.push(r); };
  page.on('request', onRequest);
  await journey.getByRole('button', { name: 'Play recording 1' }).click();
  const audio = journey.locator('audio');
  await audio.waitFor();
  const src = await audio.getAttribute('src');
  const [, recordingId] = src.match(/^\/api\/v1\/recordings\/([0-9a-f-]{36})\/audio\/play\?token=/) ?? [];
  assert.ok(recordingId, `a play URL, not a blob: ${src}`);
  const seconds = await until(() => audio.evaluate((a) => a.readyState >= 1 ? a.duration : null), 'the recording to load');
  assert.ok(seconds > 0, `recording duration ${seconds}`);
  await until(() => audioRequests.length > 0, 'the audio element to request the audio');
  const first = audioRequests[0];
  assert.match((await first.allHeaders()).range ?? '', /^bytes=\d+-/, 'the audio element sends Range');
  assert.equal((await first.response())?.status(), 206, 'the server answers a range');
  assert.equal((await first.allHeaders()).authorization, undefined, 'no access token goes with the audio');
  const seekedTo = await audio.evaluate((a) => new Promise((resolve) => {
    a.addEventListener('seeked', () => resolve(a.currentTime), { once: true });
    a.currentTime = a.duration / 2;
  }));
  assert.ok(seekedTo > 0, `seeked to ${seekedTo}`);
  page.off('request', onRequest);
  await auditPage('records-journey', journey);

  // Download: a real download of the server's attachment, logged as a download (the play above once, as a play).
  const [saved] = await Promise.all([page.waitForEvent('download'), journey.getByRole('button', { name: 'Download recording 1' }).click()]);
  assert.match(saved.suggestedFilename(), /\.wav$/);
  assert.equal(readFileSync(await saved.path()).subarray(0, 4).toString('latin1'), 'RIFF');
  const admin = await session('admin');
  const log = await until(async () => {
    const page = await admin.call('GET', `/admin/audit?targetType=recording&targetId=${recordingId}`);
    return page.items.length >= 2 ? page.items : null;
  }, 'the play and the download in the audit log');
  assert.deepEqual(log.map((e) => [e.action, e.actorName]), [['recording.downloaded', 'agent3'], ['recording.played', 'agent3']]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(download.suggestedFilename(), /^call-records-.*\.csv$/);
  assert.ok(csv.includes(callId), 'the export holds the call');
});

test('quick ranges: yesterday does not list today\'s call; today does', async () => {
  await page.getByLabel('Yesterday').check();
  await page.getByRole('button', { name: 'Search' }).click();
  await searchDone();
  assert.equal(await rowOf(callId).count(), 0);
  await page.getByLabel('Today').check();
  await page.getByRole('button', { name: 'Search' }).click();
  await searchDone();
  await rowOf(callId).waitFor();
  await signOut();
  await (await session('agent3')).call('POST', '/agent/logout');
});

test('a colleague does not see the call, on the page or through the API', async () => {
  await signIn('agent1');
  await page.getByRole('button', { name: 'Start working' }).waitFor();
  await page.goto('/records');
  await page.getByRole('heading', { level: 1, name: 'Call records' }).waitFor();
  await searchDone();
  assert.equal(await rowOf(callId).count(), 0);
  await page.getByLabel('Number or name').fill(customerNumber.slice(-6));
  await page.getByRole('button', { name: 'Search' }).click();
  await searchDone();
  assert.equal(await page.locator('#records-table').count(), 0);
  assert.match(await countText(), /No calls match/);
  const agent1 = others[0];
  await assert.rejects(agent1.call('GET', `/call-records/${callId}`), (e) => e.status === 403 || e.status === 404);
  await signOut();
});

test('a supervisor sees the call, filters by agent, outcome and recording, and opens it', async () => {
  await signIn('super');
  await page.getByRole('link', { name: 'Call records' }).click();
  await page.getByRole('heading', { level: 1, name: 'Call records' }).waitFor();
  await searchDone();
  await rowOf(callId).waitFor();

  const agentFilter = page.getByLabel('Agent', { exact: true });
  await until(async () => (await agentFilter.locator('option').evaluateAll((os) => os.map((o) => o.textContent))).some((t) => t.startsWith('Agent 3')), 'the agents to choose from');
  const optionOf = async (name) => agentFilter.locator('option', { hasText: name }).first().getAttribute('value');
  await agentFilter.selectOption(await optionOf('Agent 1'));
  await page.getByRole('button', { name: 'Search' }).click();
  await searchDone();
  assert.equal(await rowOf(callId).count(), 0, 'not Agent 1\'s call');

  await agentFilter.selectOption(await optionOf('Agent 3'));
  await page.getByLabel('Outcome').selectOption('Answered');
  await page.getByLabel('Recording').selectOption('true');
  await page.getByLabel('Direction').selectOption('Inbound');
  await page.getByLabel('Number or name').fill(customerNumber.slice(-6));
  await page.getByRole('button', { name: 'Search' }).click();
  await searchDone();
  await rowOf(callId).waitFor();
  assert.equal(await page.locator('#records-table tbody tr').count(), 1);

  await page.getByLabel('Outcome').selectOption('Abandoned');
  await page.getByRole('button', { name: 'Search' }).click();
  await searchDone();
  assert.equal(await rowOf(callId).count(), 0, 'not abandoned');
  await page.getByLabel('Outcome').selectOption('');
  // Type, end reason, talk time: a queue call, hung up after a short talk.
  const found = async () => { await page.getByRole('button', { name: 'Search' }).click(); await searchDone(); return rowOf(callId).count(); };
  await page.getByLabel('Type').selectOption('InboundQueue');
  assert.equal(await found(), 1, 'a queue call');
  await page.getByLabel('Type').selectOption('ManualOutbound');
  assert.equal(await found(), 0, 'not dialled by an agent');
  await page.getByLabel('Type').selectOption('');
  await page.getByLabel('End reason').selectOption('NoAnswer');
  assert.equal(await found(), 0, 'not a ring-no-answer');
  await page.getByLabel('End reason').selectOption('');
  await page.getByLabel('Talked at least (minutes)').fill('10');
  assert.equal(await found(), 0, 'shorter than 10 minutes');
  await page.getByLabel('Talked at least (minutes)').fill('ten');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText('The minimum talk time is a number of minutes.').waitFor();
  await page.getByLabel('Talked at least (minutes)').fill('');
  assert.ok(await page.getByLabel('Disposition').locator('option').count() >= 1);
  await page.getByRole('button', { name: 'Search' }).click();
  await searchDone();
  await rowOf(callId).getByRole('button', { name: /Details/ }).click();
  await page.getByRole('region', { name: /Call on/ }).waitFor();
  await auditPage('records-supervisor', page.locator('#records-table'));
  await signOut();
});

test('"More" pages on with the keyset cursor', async () => {
  // Enough calls for two pages of 50: short sandbox calls offered to agent2, the caller hanging up while it rings.
  const need = 52;
  const agent2 = others[1];
  await agent2.call('POST', '/agent/login', { ready: true });
  for (let i = 0; i < need; i++) {
    await until(async () => (await agent2.call('GET', '/agent/state')).status === 'Ready', 'agent2 Ready');
    const { legId } = await sup.call('POST', '/sandbox/calls', { skillGroup: 'Sales', callerNumber: `+4930888${String(i).padStart(4, '0')}` });
    await sup.call('POST', `/sandbox/legs/${legId}/hangup`);
  }
  await agent2.call('POST', '/agent/logout');
  await until(async () => (await sup.call('GET', '/call-records?Search=4930888&pageSize=200')).items.length >= need, 'the records written', 20_000);
  const signedIn = page.waitForResponse((r) => r.url().endsWith('/session/login') && r.ok());
  await signIn('super');
  await signedIn;
  // Opened by its address at once (a bookmark, a reload), her desk still starting: the refresh cookie resumes the session.
  await page.goto('/records');
  await page.getByRole('heading', { level: 1, name: 'Call records' }).waitFor();
  await page.getByLabel('Number or name').fill('4930888');
  await page.getByRole('button', { name: 'Search' }).click();
  await searchDone();
  assert.equal(await page.locator('#records-table tbody tr').count(), 50);
  await page.getByRole('button', { name: 'More' }).click();
  await until(async () => (await page.locator('#records-table tbody tr').count()) >= need, 'the next page');
  const ids = await page.locator('#records-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.callId));
  assert.equal(new Set(ids).size, ids.length, 'no call twice');
  await signOut();
});
