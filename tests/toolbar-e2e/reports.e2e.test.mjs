// Reports in Chromium: an agent's own dashboard (today, yesterday, this month; answered / not answered rates, talk,
// wrap-up, pause time by reason) and a supervisor's team, skill group and agent reports and an agent's state
// timeline, each drawn as a chart (Chart.js, loaded only on this page) with the same figures in a table, compared
// with the REST reports; accessibility audit at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { auditPage, launch, session, signIn, signOut, sleep, until } from './lib.mjs';

let browser;
let page;
let sup;
let agent1;
const chartRequests = [];

/** Ends whatever the agent still has: calls hung up, wrap-up ended, then logged out. */
async function tidy(s) {
  try {
    for (const c of await s.call('GET', '/agent/calls')) await s.call('POST', `/calls/${c.callId}/hangup`).catch(() => {});
    const st = await s.call('GET', '/agent/state');
    if (st.status === 'WrapUp') await s.call('POST', '/agent/wrap-up/end');
    await s.call('POST', '/agent/logout').catch(() => {});
  } catch { /* not an agent or not logged in */ }
}

async function endWrapUp(s) {
  const st = await s.call('GET', '/agent/state');
  if (st.status === 'WrapUp') await s.call('POST', '/agent/wrap-up/end');
}

before(async () => {
  sup = await session('super');
  agent1 = await session('agent1');
  for (const login of ['agent1', 'agent2', 'agent3']) await tidy(await session(login));
  // Agent 1's day: a Sales call answered and talked for a second, a call whose caller hung up while it rang her,
  // then a short Break.
  await agent1.call('POST', '/agent/login', { ready: true });
  await sup.call('POST', '/sandbox/calls', { skillGroup: 'Sales', callerNumber: '+4930777001' });
  const offer = await until(async () => (await agent1.call('GET', '/agent/calls')).find((c) => c.state === 'Ringing'), 'the offer');
  await agent1.call('POST', `/calls/${offer.callId}/answer`);
  await sleep(1100);
  await agent1.call('POST', `/calls/${offer.callId}/hangup`);
  await sleep(300);
  await endWrapUp(agent1);
  await until(async () => (await agent1.call('GET', '/agent/state')).status === 'Ready', 'agent1 Ready');
  const { legId } = await sup.call('POST', '/sandbox/calls', { skillGroup: 'Sales', callerNumber: '+4930777002' });
  await until(async () => (await agent1.call('GET', '/agent/calls')).some((c) => c.state === 'Ringing'), 'the second offer');
  await sup.call('POST', `/sandbox/legs/${legId}/hangup`);
  await sleep(300);
  await endWrapUp(agent1);
  await agent1.call('PUT', '/agent/state', { state: 'NotReady', reason: 'Break' });
  await sleep(1100);
  await agent1.call('PUT', '/agent/state', { state: 'Ready' });
  // The records are written in the background.
  await until(async () => (await sup.call('GET', '/call-records?Search=4930777&pageSize=10')).items.length >= 2, 'the call records');

  browser = await launch();
  page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  page.on('request', (r) => { if (/\/app\/charts-[^/]+\.js$/.test(r.url())) chartRequests.push(r.url()); });
});
after(async () => {
  await tidy(agent1);
  await browser?.close();
});

/** The text of a figures table's cell: the row named `row`, the `col`-th value column. */
const cell = (table, row, col = 0) => page.locator(`${table} tbody tr`).filter({ has: page.getByRole('rowheader', { name: row, exact: true }) }).locator('td').nth(col).innerText();

/** A canvas Chart.js has drawn on (some pixel not transparent). */
async function drawn(id) {
  const canvas = page.locator(`canvas#${id}`);
  await canvas.waitFor();
  return until(() => canvas.evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  }), `chart ${id} drawn`);
}

const seconds = (text) => text.split(':').map(Number).reduce((a, b) => a * 60 + b, 0);

test('an agent opens her reports from the toolbar: figures as the server computes them, charts drawn', async () => {
  await signIn(page, 'agent1');
  await page.locator('#agent-state').waitFor();
  assert.equal(chartRequests.length, 0, 'the toolbar does not load the charts');
  await page.getByRole('tab', { name: 'Recent' }).click();
  await page.getByRole('link', { name: 'My reports' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/reports');
  await page.locator('#dashboard-figures').waitFor();

  const d = await agent1.call('GET', '/reports/agent-dashboard');
  assert.ok(d.today.figures.answered >= 1 && d.today.figures.offered >= 2, JSON.stringify(d.today.figures));
  assert.equal(await cell('#dashboard-figures', 'Answered', 0), String(d.today.figures.answered));
  assert.equal(await cell('#dashboard-figures', 'Offered', 0), String(d.today.figures.offered));
  assert.equal(await cell('#dashboard-figures', 'Answered', 1), String(d.yesterday.figures.answered));
  assert.equal(await cell('#dashboard-figures', 'Answered', 2), String(d.thisMonth.figures.answered));
  assert.equal(await cell('#dashboard-figures', 'Answered rate', 0), `${d.today.figures.answeredPercent.toFixed(1)} %`);
  assert.ok(Math.abs(seconds(await cell('#dashboard-figures', 'Average talk', 0)) - d.today.figures.averageTalkSeconds) <= 1);
  const brk = d.today.figures.pauseByReason.find((p) => p.reason === 'Break');
  assert.ok(brk && brk.seconds >= 1, 'her Break is counted');
  assert.ok(Math.abs(seconds(await cell('#dashboard-figures', 'Pause: Break', 0)) - brk.seconds) <= 1);
  assert.ok(await drawn('chart-answer-rates'));
  assert.ok(await drawn('chart-my-pauses'));
  assert.ok(chartRequests.length >= 1, 'the charts chunk loads on the reports page');
  // An agent has no team or skill group report, and her timeline is her own.
  assert.equal(await page.locator('#range-report').count(), 0);
  await page.locator('#timeline-table').waitFor();
  assert.equal(await page.getByLabel('Agent', { exact: true }).count(), 0);
  assert.match(await page.locator('#timeline-table').innerText(), /On a call[\s\S]*Not ready \(Break\)/);
  await auditPage(page, 'reports-agent', page.locator('#dashboard'));
  await signOut(page);
});

test('a supervisor reads her team, a skill group and an agent over a range, and an agent\'s day as a timeline', async () => {
  await signIn(page, 'super');
  await page.getByText(/\d+ of \d+ agents/).waitFor(); // her desk has loaded
  await page.getByRole('link', { name: 'Reports', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  assert.equal(await page.locator('#dashboard').count(), 0, 'no own dashboard for a supervisor who is not an agent');

  // Team A today (the admin tests may have given her another team, shown first: choose it).
  await page.locator('#team-figures').waitFor();
  const subjects = await sup.call('GET', '/reports/subjects');
  const teamA = subjects.teams.find((t) => t.name === 'Team A');
  await page.locator('#report-subject').selectOption(teamA.id);
  await page.locator('#report-show').click();
  await page.locator('#team-figures tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Team A (all)', exact: true }) }).waitFor();
  const today = new Date().toISOString().slice(0, 10);
  const from = `${today}T00:00:00.000Z`, to = new Date(Date.parse(from) + 86_400_000).toISOString();
  const team = await sup.call('GET', `/reports/teams/${teamA.id}?from=${from}&to=${to}`);
  const a1 = team.agents.find((a) => a.name === 'Agent 1');
  const rowOf = (name) => page.locator('#team-figures tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  assert.equal(await rowOf('Agent 1').locator('td').nth(1).innerText(), String(a1.figures.answered));
  assert.equal(await rowOf('Agent 1').locator('td').nth(0).innerText(), String(a1.figures.offered));
  assert.equal(await rowOf('Team A (all)').locator('td').nth(1).innerText(), String(team.total.answered));
  // The team's wait and answered service level, as the server computed them (— when its agents answered no queue call).
  const pct = (p) => (p === null ? '—' : `${p.toFixed(1)} %`);
  assert.equal(await rowOf('Team A (all)').locator('td[data-label="Service level (answered)"]').innerText(), pct(team.total.serviceLevelPercent));
  assert.equal(await rowOf('Agent 1').locator('td[data-label="Service level (answered)"]').innerText(), pct(a1.figures.serviceLevelPercent));
  const longest = await rowOf('Team A (all)').locator('td[data-label="Longest wait"]').innerText();
  assert.ok(team.total.longestWaitSeconds === null ? longest === '—' : Math.abs(seconds(longest) - team.total.longestWaitSeconds) <= 1, longest);
  assert.equal(await page.locator('#team-figures tbody tr').count(), team.agents.length + 1);
  assert.ok(await drawn('chart-team-calls'));
  assert.ok(await drawn('chart-team-time'));
  await auditPage(page, 'reports-team', page.locator('#team-result'));

  // Sales this month.
  await page.getByLabel('Report on').selectOption('skillGroup');
  await page.getByLabel('Skill group', { exact: true }).selectOption({ label: 'Sales' });
  await page.getByLabel('This month').check();
  await page.getByRole('button', { name: 'Show', exact: true }).first().click();
  await page.locator('#group-figures').waitFor();
  const sales = subjects.skillGroups.find((g) => g.name === 'Sales');
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const g = await sup.call('GET', `/reports/skill-groups/${sales.id}?from=${month.toISOString()}&to=${next.toISOString()}`);
  assert.ok(g.figures.offered >= 2 && g.figures.abandoned >= 1, JSON.stringify(g.figures));
  assert.equal(await cell('#group-figures', 'Offered'), String(g.figures.offered));
  assert.equal(await cell('#group-figures', 'Abandoned'), String(g.figures.abandoned));
  assert.equal(await cell('#group-figures', `Service level (answered within ${g.serviceLevelSeconds} s)`),
    g.figures.serviceLevelPercent === null ? '—' : `${g.figures.serviceLevelPercent.toFixed(1)} %`);
  assert.ok(await drawn('chart-group-calls'));

  // One agent; a custom range whose last day is before its first is refused in the page.
  await page.getByLabel('Report on').selectOption('agent');
  await page.getByLabel('Agent', { exact: true }).first().selectOption({ label: 'Agent 1' });
  await page.getByLabel('Custom').check();
  await page.getByLabel('First day').fill('2026-02-02');
  await page.getByLabel('Last day').fill('2026-02-01');
  await page.getByRole('button', { name: 'Show', exact: true }).first().click();
  await page.getByText('The last day must not be before the first.').waitFor();
  await page.getByLabel('Last day').fill(today);
  await page.getByLabel('First day').fill(today);
  await page.getByRole('button', { name: 'Show', exact: true }).first().click();
  await page.locator('#agent-figures').waitFor();
  assert.equal(await page.locator('#agent-figures tbody tr td').nth(1).innerText(), String(a1.figures.answered));

  // Agent 1's day as a timeline.
  await page.getByLabel('Agent', { exact: true }).last().selectOption({ label: 'Agent 1' });
  await page.locator('#timeline-show').click();
  await until(async () => /Not ready \(Break\)/.test(await page.locator('#timeline-table').innerText()), 'the timeline');
  const states = await page.locator('#timeline-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.state));
  for (const s of ['Ready', 'Ringing', 'OnCall', 'NotReady']) assert.ok(states.includes(s), `${s} in ${states}`);
  assert.ok(await drawn('chart-timeline'));
  await auditPage(page, 'reports-timeline', page.locator('#timeline'));
  await signOut(page);
});
