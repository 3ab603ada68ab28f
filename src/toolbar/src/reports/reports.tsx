// The reports page (/reports, its own chunk; Chart.js in a further chunk): an agent's own dashboard (today, yesterday,
// this month) and, for supervisors and admins, the report of a team (each agent and together), a skill group or an
// agent over a chosen range, and an agent's state timeline through a day. The server computes every figure
// (docs/reports.md); each chart has a table with the same figures beside it.
import { useEffect, useState } from 'preact/hooks';
import { currentUser } from '../api/session';
import { ApiError } from '../api/errors';
import { AppHeader } from '../shared/header';
import { hasRole } from '../shared/roles';
import { useStore } from '../shared/store';
import { reportsApi, type AgentDashboard, type AgentFigures, type AgentReport, type AgentTimeline, type ReportSubjects, type SkillGroupReport, type TeamReport } from './api';
import { ChartBox } from './chart';
import { chartTime, clock, hms, percent, RANGE_CHOICES, reportRange, timelineBars, utcToday, type RangeChoice } from './model';
import './reports.css';

const message = (e: unknown) => e instanceof ApiError ? e.message : 'Something went wrong.';
const pauseOf = (f: AgentFigures) => f.pauseByReason.reduce((s, p) => s + p.seconds, 0);

export default function ReportsPage() {
  const me = useStore(currentUser);
  const isAgent = !!me && hasRole(me, 'agent');
  const supervises = !!me && (hasRole(me, 'supervisor') || hasRole(me, 'admin'));
  const [subjects, setSubjects] = useState<ReportSubjects | null>(null);
  const [error, setError] = useState('');
  useEffect(() => { if (supervises) reportsApi.subjects().then(setSubjects, (e) => setError(message(e))); }, [supervises]);
  return (
    <div class="workspace reports">
      <AppHeader title="CtiBridge" current="reports" />
      <main id="main" class="page" aria-labelledby="reports-title">
        <h1 id="reports-title">Reports</h1>
        <p class="muted">Days are UTC days. What each figure counts: answered, not answered (rang without an answer),
          abandoned, service level and occupancy are defined once for the whole product.</p>
        {error && <p class="form-error" role="alert">{error}</p>}
        {isAgent && <Dashboard />}
        {supervises && subjects && <SupervisorReports subjects={subjects} />}
        {isAgent && !supervises && me && <Timeline agents={[{ id: me.userId, name: me.displayName }]} />}
      </main>
    </div>
  );
}

/** The signed-in agent's own figures: today, yesterday, this month. */
function Dashboard() {
  const [d, setD] = useState<AgentDashboard | null>(null);
  const [error, setError] = useState('');
  useEffect(() => { reportsApi.dashboard().then(setD, (e) => setError(message(e))); }, []);
  const periods: [string, AgentReport | undefined][] = [['Today', d?.today], ['Yesterday', d?.yesterday], ['This month', d?.thisMonth]];
  const reasons = [...new Set(periods.flatMap(([, r]) => r?.figures.pauseByReason.map((p) => p.reason) ?? []))];
  const pause = (r: AgentReport | undefined, reason: string) => r?.figures.pauseByReason.find((p) => p.reason === reason)?.seconds ?? 0;
  return (
    <section class="card report" aria-labelledby="dashboard-title" id="dashboard">
      <h2 id="dashboard-title">My figures</h2>
      {error && <p class="form-error" role="alert">{error}</p>}
      {!d && !error && <p class="loading" role="status">Loading…</p>}
      {d && (
        <>
          <div class="charts">
            <ChartBox id="chart-answer-rates" label="My answered and not answered rates: today, yesterday, this month" deps={[d]}
              draw={(c, el) => c.bars(el, periods.map(([l]) => l), [
                { label: 'Answered %', values: periods.map(([, r]) => r?.figures.answeredPercent ?? 0), colour: 'ok' },
                { label: 'Not answered %', values: periods.map(([, r]) => r && r.figures.answeredPercent !== null ? Math.round((100 - r.figures.answeredPercent) * 10) / 10 : 0), colour: 'bad' },
              ], ' %')} />
            <ChartBox id="chart-my-pauses" label="My pause time by reason: today, yesterday, this month" deps={[d]}
              draw={(c, el) => {
                // One scale for the three periods: every value converted together, then split per period.
                const { values, unit } = chartTime(periods.flatMap(([, r]) => reasons.map((reason) => pause(r, reason))));
                return c.bars(el, reasons.length ? reasons : ['No pauses'], periods.map(([l], i) => ({
                  label: l, values: values.slice(i * reasons.length, (i + 1) * reasons.length), colour: (['accent', 'wrap', 'warn'] as const)[i],
                })), unit);
              }} />
          </div>
          <table class="figures" id="dashboard-figures">
            <caption>My figures by period</caption>
            <thead><tr><th scope="col">Figure</th>{periods.map(([l]) => <th scope="col" key={l}>{l}</th>)}</tr></thead>
            <tbody>
              <FigureRow name="Offered" cells={periods.map(([, r]) => String(r?.figures.offered ?? 0))} />
              <FigureRow name="Answered" cells={periods.map(([, r]) => String(r?.figures.answered ?? 0))} />
              <FigureRow name="Not answered" cells={periods.map(([, r]) => String(r?.figures.notAnswered ?? 0))} />
              <FigureRow name="Abandoned while ringing" cells={periods.map(([, r]) => String(r?.figures.abandoned ?? 0))} />
              <FigureRow name="Answered rate" cells={periods.map(([, r]) => percent(r?.figures.answeredPercent))} />
              <FigureRow name="Not answered rate" cells={periods.map(([, r]) => r?.figures.answeredPercent == null ? '—' : percent(100 - r.figures.answeredPercent))} />
              <FigureRow name="Average talk" cells={periods.map(([, r]) => hms(r?.figures.averageTalkSeconds))} />
              <FigureRow name="Average wrap-up" cells={periods.map(([, r]) => hms(r?.figures.averageWrapUpSeconds))} />
              <FigureRow name="Occupancy" cells={periods.map(([, r]) => percent(r?.figures.occupancyPercent))} />
              <FigureRow name="Login time" cells={periods.map(([, r]) => hms(r?.figures.loginSeconds))} />
              {reasons.map((reason) => <FigureRow key={reason} name={`Pause: ${reason}`} cells={periods.map(([, r]) => hms(pause(r, reason)))} />)}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function FigureRow({ name, cells }: { name: string; cells: string[] }) {
  return <tr><th scope="row">{name}</th>{cells.map((c, i) => <td key={i}>{c}</td>)}</tr>;
}

type Kind = 'team' | 'skillGroup' | 'agent';
type Result = { kind: 'team'; report: TeamReport } | { kind: 'skillGroup'; report: SkillGroupReport } | { kind: 'agent'; report: AgentReport };

/** A supervisor's (or admin's) reports: a team, a skill group or an agent over a range; an agent's day as a timeline. */
function SupervisorReports({ subjects }: { subjects: ReportSubjects }) {
  const agents = [...new Map(subjects.teams.flatMap((t) => t.agents).map((a) => [a.id, a])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const [kind, setKind] = useState<Kind>('team');
  const options = kind === 'team' ? subjects.teams : kind === 'skillGroup' ? subjects.skillGroups : agents;
  const [subject, setSubject] = useState('');
  const [choice, setChoice] = useState<RangeChoice>('today');
  const [firstDay, setFirstDay] = useState('');
  const [lastDay, setLastDay] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const chosen = options.some((o) => o.id === subject) ? subject : options[0]?.id ?? '';

  const show = async () => {
    const range = reportRange(choice, new Date(), firstDay, lastDay);
    if ('problem' in range) { setError(range.problem); return; }
    if (!chosen) { setError('There is nothing to report on.'); return; }
    setBusy(true); setError('');
    try {
      if (kind === 'team') setResult({ kind, report: await reportsApi.team(chosen, range) });
      else if (kind === 'skillGroup') setResult({ kind, report: await reportsApi.skillGroup(chosen, range) });
      else setResult({ kind, report: await reportsApi.agent(chosen, range) });
    } catch (e) { setError(message(e)); setResult(null); } finally { setBusy(false); }
  };
  useEffect(() => { if (chosen) void show(); }, []); // eslint-disable-line react-hooks/exhaustive-deps -- the first team's today on arrival

  return (
    <>
      <section class="card report" aria-labelledby="range-report-title" id="range-report">
        <h2 id="range-report-title">Team, skill group and agent reports</h2>
        <form class="report-form" aria-label="Choose a report" onSubmit={(e) => { e.preventDefault(); void show(); }}>
          <div class="filter-row">
            <div class="filter"><label for="report-kind">Report on</label>
              <select id="report-kind" value={kind} onChange={(e) => { setKind(e.currentTarget.value as Kind); setSubject(''); }}>
                <option value="team">A team</option><option value="skillGroup">A skill group</option><option value="agent">An agent</option>
              </select>
            </div>
            <div class="filter"><label for="report-subject">{kind === 'team' ? 'Team' : kind === 'skillGroup' ? 'Skill group' : 'Agent'}</label>
              <select id="report-subject" value={chosen} onChange={(e) => setSubject(e.currentTarget.value)}>
                {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            </div>
          </div>
          <fieldset class="ranges">
            <legend>Range</legend>
            {RANGE_CHOICES.map(([value, label]) => (
              <label key={value} class="check"><input type="radio" name="report-range" value={value} checked={choice === value} onChange={() => setChoice(value)} /> {label}</label>
            ))}
          </fieldset>
          {choice === 'custom' && (
            <div class="filter-row">
              <div class="filter"><label for="report-first">First day</label><input type="date" id="report-first" value={firstDay} onInput={(e) => setFirstDay(e.currentTarget.value)} /></div>
              <div class="filter"><label for="report-last">Last day</label><input type="date" id="report-last" value={lastDay} onInput={(e) => setLastDay(e.currentTarget.value)} /></div>
            </div>
          )}
          <button type="submit" class="primary" id="report-show" disabled={busy}>Show</button>
        </form>
        <p class="form-error" role="alert">{error}</p>
        <p role="status" class="muted" id="report-status">{busy ? 'Loading…' : result ? `${result.report.name}: ${rangeText(result.report.range)}` : ''}</p>
        {result?.kind === 'team' && <TeamResult report={result.report} />}
        {result?.kind === 'skillGroup' && <GroupResult report={result.report} />}
        {result?.kind === 'agent' && <AgentResult report={result.report} />}
      </section>
      {agents.length > 0 && <Timeline agents={agents} />}
    </>
  );
}

function rangeText(r: { from: string; to: string }): string {
  const from = r.from.slice(0, 10), last = new Date(Date.parse(r.to) - 1).toISOString().slice(0, 10);
  return from === last ? from : `${from} to ${last}`;
}

const AGENT_COLUMNS: [string, (f: AgentFigures) => string][] = [
  ['Offered', (f) => String(f.offered)], ['Answered', (f) => String(f.answered)], ['Not answered (RONA)', (f) => String(f.notAnswered)],
  ['Abandoned while ringing', (f) => String(f.abandoned)],
  ['Answered %', (f) => percent(f.answeredPercent)],
  // Over the queue calls the agent answered, each against its own group's threshold (docs/reports.md): not the group's figure.
  ['Service level (answered)', (f) => percent(f.serviceLevelPercent)], ['Avg wait', (f) => hms(f.averageWaitSeconds)],
  ['Longest wait', (f) => hms(f.longestWaitSeconds)], ['Avg talk', (f) => hms(f.averageTalkSeconds)], ['Avg hold', (f) => hms(f.averageHoldSeconds)],
  ['Avg wrap-up', (f) => hms(f.averageWrapUpSeconds)], ['Occupancy', (f) => percent(f.occupancyPercent)], ['Login time', (f) => hms(f.loginSeconds)],
  ['Pause time', (f) => hms(pauseOf(f))],
];

function AgentTable({ id, caption, rows }: { id: string; caption: string; rows: [string, AgentFigures, boolean?][] }) {
  return (
    <table class="list figures-by-agent" id={id}>
      <caption>{caption}</caption>
      <thead><tr><th scope="col">Agent</th>{AGENT_COLUMNS.map(([h]) => <th scope="col" key={h}>{h}</th>)}</tr></thead>
      <tbody>
        {rows.map(([name, f, total]) => (
          <tr key={name} class={total ? 'total' : undefined}>
            <th scope="row" data-label="Agent">{name}</th>
            {AGENT_COLUMNS.map(([h, v]) => <td key={h} data-label={h}>{v(f)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PauseTable({ id, figures }: { id: string; figures: AgentFigures }) {
  if (!figures.pauseByReason.length) return <p class="muted">No pause time.</p>;
  return (
    <table class="figures" id={id}>
      <caption>Pause time by reason</caption>
      <thead><tr><th scope="col">Reason</th><th scope="col">Time</th></tr></thead>
      <tbody>{figures.pauseByReason.map((p) => <FigureRow key={p.reason} name={p.reason} cells={[hms(p.seconds)]} />)}</tbody>
    </table>
  );
}

function TeamResult({ report }: { report: TeamReport }) {
  const names = report.agents.map((a) => a.name);
  return (
    <div class="result" id="team-result">
      <div class="charts">
        <ChartBox id="chart-team-calls" label={`${report.name}: answered and not answered calls per agent`} deps={[report]}
          draw={(c, el) => c.bars(el, names, [
            { label: 'Answered', values: report.agents.map((a) => a.figures.answered), colour: 'ok' },
            { label: 'Not answered (RONA)', values: report.agents.map((a) => a.figures.notAnswered), colour: 'bad' },
          ])} />
        <ChartBox id="chart-team-time" label={`${report.name}: login, pause and busy time per agent`} deps={[report]}
          draw={(c, el) => {
            const all = report.agents.flatMap((a) => [a.figures.loginSeconds, pauseOf(a.figures), a.figures.busySeconds]);
            const { values, unit } = chartTime(all);
            return c.bars(el, names, [
              { label: 'Login', values: values.filter((_, i) => i % 3 === 0), colour: 'accent' },
              { label: 'Pause', values: values.filter((_, i) => i % 3 === 1), colour: 'warn' },
              { label: 'Busy', values: values.filter((_, i) => i % 3 === 2), colour: 'wrap' },
            ], unit);
          }} />
      </div>
      <AgentTable id="team-figures" caption={`${report.name}: each agent and the team`}
        rows={[...report.agents.map((a) => [a.name, a.figures] as [string, AgentFigures]), [`${report.name} (all)`, report.total, true]]} />
      <PauseTable id="team-pauses" figures={report.total} />
    </div>
  );
}

function AgentResult({ report }: { report: AgentReport }) {
  return (
    <div class="result" id="agent-result">
      <AgentTable id="agent-figures" caption={report.name} rows={[[report.name, report.figures]]} />
      <PauseTable id="agent-pauses" figures={report.figures} />
    </div>
  );
}

function GroupResult({ report }: { report: SkillGroupReport }) {
  const f = report.figures;
  return (
    <div class="result" id="group-result">
      <div class="charts">
        <ChartBox id="chart-group-calls" label={`${report.name}: offered, answered, abandoned and not answered calls`} deps={[report]}
          draw={(c, el) => c.bars(el, ['Calls'], [
            { label: 'Offered', values: [f.offered], colour: 'accent' }, { label: 'Answered', values: [f.answered], colour: 'ok' },
            { label: 'Abandoned', values: [f.abandoned], colour: 'bad' }, { label: 'Not answered', values: [f.notAnswered], colour: 'warn' },
          ])} />
      </div>
      <table class="figures" id="group-figures">
        <caption>{report.name}</caption>
        <tbody>
          <FigureRow name="Offered" cells={[String(f.offered)]} />
          <FigureRow name="Answered" cells={[String(f.answered)]} />
          <FigureRow name="Abandoned" cells={[String(f.abandoned)]} />
          <FigureRow name="Not answered" cells={[String(f.notAnswered)]} />
          <FigureRow name="Overflowed to another group" cells={[String(f.movedOn)]} />
          <FigureRow name="RONA" cells={[String(f.rona)]} />
          <FigureRow name={`Service level (answered within ${report.serviceLevelSeconds} s)`} cells={[percent(f.serviceLevelPercent)]} />
          <FigureRow name="Average wait" cells={[hms(f.averageWaitSeconds)]} />
          <FigureRow name="Longest wait" cells={[hms(f.longestWaitSeconds)]} />
          <FigureRow name="Average talk" cells={[hms(f.averageTalkSeconds)]} />
          <FigureRow name="Average hold" cells={[hms(f.averageHoldSeconds)]} />
          <FigureRow name="Average wrap-up" cells={[hms(f.averageWrapUpSeconds)]} />
        </tbody>
      </table>
    </div>
  );
}

/** An agent's states through a day (UTC) as a chart, and the same intervals as a table. */
function Timeline({ agents }: { agents: { id: string; name: string }[] }) {
  const [agentId, setAgentId] = useState(agents[0]?.id ?? '');
  const [day, setDay] = useState(utcToday(new Date()));
  const [t, setT] = useState<AgentTimeline | null>(null);
  const [error, setError] = useState('');
  const load = async () => {
    if (!agentId || !/^\d{4}-\d{2}-\d{2}$/.test(day)) { setError('Choose an agent and a day.'); return; }
    setError('');
    try { setT(await reportsApi.timeline(agentId, day)); } catch (e) { setError(message(e)); setT(null); }
  };
  useEffect(() => { void load(); }, []); // eslint-disable-line react-hooks/exhaustive-deps -- today on arrival
  const name = agents.find((a) => a.id === t?.agentId)?.name ?? 'Agent';
  const items = t ? timelineBars(t.day, t.intervals) : [];
  return (
    <section class="card report" aria-labelledby="timeline-title" id="timeline">
      <h2 id="timeline-title">State timeline</h2>
      <form class="report-form" aria-label="Choose an agent and a day" onSubmit={(e) => { e.preventDefault(); void load(); }}>
        <div class="filter-row">
          {agents.length > 1 && (
            <div class="filter"><label for="timeline-agent">Agent</label>
              <select id="timeline-agent" value={agentId} onChange={(e) => setAgentId(e.currentTarget.value)}>
                {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </div>
          )}
          <div class="filter"><label for="timeline-day">Day (UTC)</label><input type="date" id="timeline-day" value={day} onInput={(e) => setDay(e.currentTarget.value)} /></div>
        </div>
        <button type="submit" id="timeline-show">Show</button>
      </form>
      <p class="form-error" role="alert">{error}</p>
      {t && (items.length === 0 ? <p class="muted" id="timeline-empty">{name} was logged out all of {t.day}.</p> : (
        <>
          <ChartBox id="chart-timeline" label={`${name}'s states on ${t.day}`} deps={[t]} height={150}
            draw={(c, el) => c.timeline(el, name, items)} />
          <table class="list figures-by-agent" id="timeline-table">
            <caption>{name}'s states on {t.day} (UTC)</caption>
            <thead><tr><th scope="col">State</th><th scope="col">From</th><th scope="col">To</th><th scope="col">For</th></tr></thead>
            <tbody>
              {items.map((b, i) => (
                <tr key={i} data-state={b.status}>
                  <th scope="row" data-label="State">{b.label}</th>
                  <td data-label="From">{clock(b.fromHour, true)}</td><td data-label="To">{clock(b.toHour, true)}</td>
                  <td data-label="For">{hms((b.toHour - b.fromHour) * 3600)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ))}
    </section>
  );
}


