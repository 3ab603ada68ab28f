// The supervisor desk: the live team view (every agent of the supervisor's teams, kept current by the hub's events
// without polling) and changing an agent's state with a message.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AppHeader } from '../shared/header';
import { api } from '../api/session';
import { ApiError } from '../api/errors';
import { AgentHub, type LinkState } from '../hub/hub';
import { ResumeCursor, memoryStore } from '../hub/resume';
import type { AgentStatus, AgentView, PauseReason, SkillGroupMessage, SkillGroupStats, TeamAgentView } from '../api/types';
import { STATE_LABELS, applyTeamEvent, choicesOf, elapsed, teamOf, visibleAgents, type SortKey, type Team } from './team';
import { applyGroupMessage, groupsOf, sortedGroups, type Groups } from './groups';
import { GroupDashboard } from './queues';
import { MonitoringPanel, startListening, useListeningDevice, useMonitoring } from './monitor';
import { callbackEvent, startCallbackReminders } from '../callbacks/slot';
import './desk.css';

const FILTER_STATES: AgentStatus[] = ['Ready', 'NotReady', 'Ringing', 'OnCall', 'WrapUp', 'LoggedOut'];

function useTeam(onMonitoring: (name: string, data: unknown) => void): { team: Team | null; groups: Groups; link: LinkState } {
  const [team, setTeam] = useState<Team | null>(null);
  const [groups, setGroups] = useState<Groups>({});
  const [link, setLink] = useState<LinkState>('connecting');
  useEffect(() => {
    let current: Team | null = null;
    let currentGroups: Groups = {};
    const set = (t: Team) => { current = t; setTeam(t); };
    const setG = (g: Groups) => { currentGroups = g; setGroups(g); };
    const resync = async () => {
      try {
        set(teamOf(await api.request<TeamAgentView[]>('GET', '/supervision/team')));
        setG(groupsOf(await api.request<SkillGroupStats[]>('GET', '/supervision/skill-groups')));
      } catch { /* the next reconnect tries again */ }
    };
    // A cursor of this page alone, from nothing: the first Resume answers with a snapshot that has the team.
    const hub = new AgentHub(() => api.accessToken(), new ResumeCursor(memoryStore()), {
      event(env) {
        callbackEvent(env.name, env.data); // escalated callbacks of her teams (docs/callbacks.md)
        if (env.name === 'skillGroupStatsChanged') setG(applyGroupMessage(currentGroups, env as SkillGroupMessage));
        else if (env.name.startsWith('monitoring')) onMonitoring(env.name, (env as { data: unknown }).data);
        else if (current) set(applyTeamEvent(current, env));
      },
      // Every Resume answer carries the current figures of the supervisor's groups (group messages are not replayed).
      skillGroups(stats) { setG(groupsOf(stats)); },
      snapshot(s) { if (s.team) set(teamOf(s.team)); else void resync(); },
      link(state) { setLink(state); },
      resync() { void resync(); },
    });
    void hub.start();
    startCallbackReminders(api, true);
    return () => { void hub.stop(); };
  }, []);
  return { team, groups, link };
}

/** Re-renders every second (time in state, call duration). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now() + api.skewMs);
  useEffect(() => { const t = window.setInterval(() => setNow(Date.now() + api.skewMs), 1000); return () => window.clearInterval(t); }, []);
  return now;
}

function stateText(a: AgentView): string {
  let s = STATE_LABELS[a.status];
  if (a.reason && a.status === 'NotReady') s += ` (${a.reason})`;
  if (a.pending === 'NotReady') s += ` · then Not Ready${a.pendingReason ? ` (${a.pendingReason})` : ''}`;
  if (a.pending === 'Logout') s += ' · then log out';
  return s;
}

function CallCell({ row, now }: { row: TeamAgentView; now: number }) {
  const c = row.call;
  if (!c) return <span class="muted">—</span>;
  const flags = [c.consultation && 'consultation', c.conference && 'conference', c.held && 'held', c.muted && 'muted', c.recording && 'recording']
    .filter(Boolean).join(', ');
  return (
    <span>
      {c.direction} {c.customerNumber}{c.skillGroupName ? ` · ${c.skillGroupName}` : ''}
      {c.state === 'Ringing' ? ' · ringing' : ` · ${elapsed(c.since, now)}`}
      {flags && <span class="muted"> ({flags})</span>}
    </span>
  );
}

/** The phone: registered or not (a remote agent's outside number registers nothing), and whether calls can reach it now. */
function PhoneCell({ row }: { row: TeamAgentView }) {
  const reg = row.phone?.registered;
  const registration = reg === true ? 'registered' : reg === false ? 'not registered' : row.agent.extensionKind === 'Remote' ? 'outside number' : '';
  const device = row.agent.status === 'LoggedOut' ? '' : row.agent.deviceAvailable ? 'available' : 'unavailable';
  return <span class={reg === false ? 'warn' : undefined}>{[registration, device].filter(Boolean).join(' · ') || '—'}</span>;
}

function ChangeStateForm({ row, reasons, onDone }: { row: TeamAgentView; reasons: PauseReason[]; onDone: (text: string) => void }) {
  const [state, setState] = useState<'Ready' | 'NotReady' | 'LoggedOut'>(row.agent.status === 'Ready' ? 'NotReady' : 'Ready');
  const [reason, setReason] = useState(reasons[0]?.name ?? '');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const name = row.agent.displayName;
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true); setError('');
    try {
      await api.request('PUT', `/agents/${row.agent.agentId}/state`,
        { state, reason: state === 'NotReady' ? reason : undefined, message: message.trim() || undefined });
      onDone(`${name}: ${state === 'LoggedOut' ? 'log out' : STATE_LABELS[state]} sent.`);
    } catch (x) {
      setError(x instanceof ApiError ? x.message : String(x));
    } finally { setBusy(false); }
  }
  return (
    <form class="change-state card" aria-label={`Change the state of ${name}`} onSubmit={submit}>
      <h2>Change the state of {name}</h2>
      <fieldset>
        <legend>New state</legend>
        {(['Ready', 'NotReady', 'LoggedOut'] as const).map((s, i) => (
          <label key={s} class="choice">
            <input ref={i === 0 ? first : undefined} type="radio" name="state" value={s} checked={state === s} onChange={() => setState(s)} />
            {s === 'LoggedOut' ? 'Log out' : STATE_LABELS[s]}
          </label>
        ))}
      </fieldset>
      {state === 'NotReady' && (
        <label>Reason
          <select value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value)}>
            {reasons.map((r) => <option key={r.name} value={r.name}>{r.name}</option>)}
          </select>
        </label>
      )}
      <label>Message to the agent (optional)
        <input type="text" maxLength={200} value={message} onInput={(e) => setMessage((e.target as HTMLInputElement).value)} />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>Apply</button>
        <button type="button" onClick={() => onDone('')}>Cancel</button>
      </div>
    </form>
  );
}

export default function SupervisorDesk() {
  const monitoring = useMonitoring();
  const device = useListeningDevice();
  const { team, groups, link } = useTeam(monitoring.onEvent);
  const groupList = useMemo(() => sortedGroups(groups), [groups]);
  const now = useNow();
  const [state, setState] = useState<AgentStatus | ''>('');
  const [teamId, setTeamId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [search, setSearch] = useState('');
  const [changing, setChanging] = useState<string | null>(null);
  const [reasons, setReasons] = useState<PauseReason[]>([]);
  const [notice, setNotice] = useState('');
  const rows = useMemo(() => (team ? visibleAgents(team, { state, teamId, groupId, search, sort }) : []), [team, state, teamId, groupId, search, sort]);
  const choices = useMemo(() => (team ? choicesOf(team) : { teams: [], groups: [] }), [team]);
  const firstId = team ? Object.keys(team)[0] : undefined;
  useEffect(() => {
    // The tenant's reasons, read through an agent of the team (a supervisor may read their agents' resources).
    if (!firstId || reasons.length) return;
    api.request<PauseReason[]>('GET', `/agents/${firstId}/pause-reasons`).then(setReasons, () => {});
  }, [firstId]);
  const target = changing && team ? team[changing] : null;
  const listened = monitoring.session && team ? team[monitoring.session.agentId] : null;
  async function listen(row: TeamAgentView) {
    setNotice('');
    try { monitoring.set(await startListening(row.agent.agentId)); } catch (x) { setNotice(x instanceof ApiError ? x.message : String(x)); }
  }
  return (
    <div class="workspace">
      <AppHeader title="CtiBridge supervisor" current="supervisor" />
      <main id="main" class="page desk" aria-labelledby="supervisor-title">
        <h1 id="supervisor-title">Supervisor desk</h1>
        {(link === 'reconnecting' || link === 'disconnected') && <p class="banner banner-error" role="alert">Connection to the server lost – reconnecting…</p>}
        <div class="filters" role="search">
          <div class="field">
            <label for="desk-state">State</label>
            <select id="desk-state" value={state} onChange={(e) => setState((e.target as HTMLSelectElement).value as AgentStatus | '')}>
              <option value="">All states</option>
              {FILTER_STATES.map((s) => <option key={s} value={s}>{STATE_LABELS[s]}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="desk-team">Team</label>
            <select id="desk-team" value={teamId} onChange={(e) => setTeamId((e.target as HTMLSelectElement).value)}>
              <option value="">All teams</option>
              {choices.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="desk-group">Skill group</label>
            <select id="desk-group" value={groupId} onChange={(e) => setGroupId((e.target as HTMLSelectElement).value)}>
              <option value="">All groups</option>
              {choices.groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="desk-sort">Sort by</label>
            <select id="desk-sort" value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as SortKey)}>
              <option value="name">Name</option>
              <option value="state">State</option>
              <option value="time">Time in state</option>
            </select>
          </div>
          <div class="field">
            <label for="desk-search">Search by name</label>
            <input id="desk-search" type="search" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
          </div>
        </div>
        <p role="status" class="notice">{notice}</p>
        <MonitoringPanel session={monitoring.session} agentName={listened?.agent.displayName ?? 'the agent'} device={device}
          ended={monitoring.ended} onChange={monitoring.set} />
        {!team ? <p class="loading" role="status">Loading the team…</p> : (
          <>
            <table class="list team">
              <caption>{rows.length} of {Object.keys(team).length} agents</caption>
              <thead><tr><th scope="col">Agent</th><th scope="col">State</th><th scope="col">Time in state</th><th scope="col">Call</th><th scope="col">Skill groups</th><th scope="col">Teams</th><th scope="col">Phone</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.agent.agentId} data-agent={r.agent.agentId}>
                    <th scope="row">{r.agent.displayName} <span class="muted">{r.agent.extensionKind === 'Remote' ? 'remote' : r.agent.extension}</span></th>
                    <td data-label="State"><span class={`state state-${r.agent.status}`}>{stateText(r.agent)}</span></td>
                    <td data-label="Time in state" class="tick">{r.agent.status === 'LoggedOut' ? '—' : elapsed(r.agent.stateSince, now)}</td>
                    <td data-label="Call"><CallCell row={r} now={now} /></td>
                    <td data-label="Skill groups">{r.skillGroups.map((g) => g.paused ? `${g.name} (paused)` : g.name).join(', ') || '—'}</td>
                    <td data-label="Teams">{(r.teams ?? []).map((t) => t.name).join(', ') || '—'}</td>
                    <td data-label="Phone"><PhoneCell row={r} /></td>
                    <td class="row-actions">
                      <button type="button" onClick={() => { setNotice(''); setChanging(r.agent.agentId); }}>
                        Change state<span class="visually-hidden"> of {r.agent.displayName}</span>
                      </button>
                      {monitoring.session?.agentId === r.agent.agentId ? <span class="listening">Listening</span>
                        : r.call?.state === 'Connected' && !monitoring.session && (
                          <button type="button" onClick={() => void listen(r)}>
                            Listen<span class="visually-hidden"> to {r.agent.displayName}</span>
                          </button>
                        )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {target && <ChangeStateForm key={target.agent.agentId} row={target} reasons={reasons} onDone={(text) => { setChanging(null); setNotice(text); }} />}
            <GroupDashboard groups={groupList} team={team} now={now} />
          </>
        )}
      </main>
    </div>
  );
}
