// The supervisor's team view as state: the snapshot's (or GET /supervision/team's) agents, kept current by the events of
// the supervisor's own stream (agentStateChanged, callOffered, callStateChanged, participantsChanged, callEnded).
import type {
  AgentStateChangedData, AgentStatus, CallEndedData, CallOfferedData, CallStateChangedData, CallView, HubEnvelope, PhoneRegistrationChangedData,
  TeamAgentView, TeamCallView,
} from '../api/types';

export type Team = Readonly<Record<string, TeamAgentView>>;

export function teamOf(list: TeamAgentView[]): Team {
  return Object.fromEntries(list.map((a) => [a.agent.agentId, a]));
}

/** The desk's view of a call for one agent of it (the agent's own leg says held and muted). */
export function teamCallOf(call: CallView, agentId: string): TeamCallView {
  const own = call.parties.find((p) => p.agentId === agentId && p.state !== 'Left');
  const consultation = !!call.consultLegOwner || call.parties.some((p) => p.state === 'Consulting');
  return {
    consultation, conference: !consultation && call.parties.filter((p) => p.state === 'Connected').length > 2,
    callId: call.callId, direction: call.direction, state: call.state, customerNumber: call.customerNumber,
    skillGroupId: call.skillGroupId, skillGroupName: call.skillGroupName, since: call.answeredAt ?? call.createdAt,
    held: call.held || (own?.held ?? false), muted: own?.muted ?? false, recording: call.recording,
  };
}

function withCall(team: Team, agentId: string, call: TeamCallView | null): Team {
  const a = team[agentId];
  return a ? { ...team, [agentId]: { ...a, call } } : team;
}

/** Applies one stream event; events of agents outside the team (none should arrive) change nothing. */
export function applyTeamEvent(team: Team, env: Pick<HubEnvelope, 'name' | 'data'>): Team {
  switch (env.name) {
    case 'agentStateChanged': {
      const d = env.data as AgentStateChangedData;
      const known = team[d.agent.agentId];
      if (!known || (known.agent.revision ?? 0) > (d.agent.revision ?? 0)) return team;
      const paused = new Set(d.agent.pausedSkillGroupIds);
      let next: Team = { ...team, [d.agent.agentId]: { ...known, agent: d.agent, skillGroups: known.skillGroups.map((g) => ({ ...g, paused: paused.has(g.skillGroupId) })) } };
      // No longer on or offered a call: the call cell empties.
      if (!d.agent.callId && d.agent.status !== 'Ringing' && d.agent.status !== 'OnCall') next = withCall(next, d.agent.agentId, null);
      return next;
    }
    case 'callOffered': {
      const d = env.data as CallOfferedData;
      return withCall(team, d.agentId, teamCallOf(d.call, d.agentId));
    }
    case 'callStateChanged':
    case 'participantsChanged': {
      const call = (env.data as CallStateChangedData).call;
      let next = team;
      const present = new Set(call.parties.filter((p) => p.agentId && p.state !== 'Left').map((p) => p.agentId!));
      for (const id of present) next = withCall(next, id, teamCallOf(call, id));
      // Who left the call (transferred away, hung up their leg) no longer shows it.
      for (const a of Object.values(team)) {
        if (a.call?.callId === call.callId && !present.has(a.agent.agentId) && call.state !== 'Ringing') next = withCall(next, a.agent.agentId, null);
      }
      return next;
    }
    case 'phoneRegistrationChanged': {
      const d = env.data as PhoneRegistrationChangedData;
      const a = d.agentId ? team[d.agentId] : undefined;
      if (!a || (a.phone && a.phone.endpoint !== d.endpoint)) return team;
      return { ...team, [a.agent.agentId]: { ...a, phone: { endpoint: d.endpoint, registered: d.registered } } };
    }
    case 'callEnded': {
      const callId = (env.data as CallEndedData).call.callId;
      let next = team;
      for (const a of Object.values(team)) if (a.call?.callId === callId) next = withCall(next, a.agent.agentId, null);
      return next;
    }
    default:
      return team;
  }
}

export const STATE_LABELS: Readonly<Record<AgentStatus, string>> = {
  LoggedOut: 'Logged out', Ready: 'Ready', NotReady: 'Not Ready', Ringing: 'Ringing', OnCall: 'On a call', WrapUp: 'Wrap-up',
};

/** m:ss or h:mm:ss since <paramref name="since"/>. */
export function elapsed(since: string | null | undefined, nowMs: number): string {
  if (!since) return '';
  const s = Math.max(0, Math.floor((nowMs - Date.parse(since)) / 1000));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
}

export type SortKey = 'name' | 'state' | 'time';

/** What the desk filters the team by: state, team, skill group (empty: all) and a name or extension search. */
export interface TeamFilter { state: AgentStatus | ''; teamId?: string; groupId?: string; search: string; sort?: SortKey }

const STATE_ORDER: readonly AgentStatus[] = ['Ringing', 'OnCall', 'WrapUp', 'Ready', 'NotReady', 'LoggedOut'];

/** The team filtered and sorted: by name (default), by state (busy first, then by name), or by time in state (longest first). */
export function visibleAgents(team: Team, f: TeamFilter): TeamAgentView[] {
  const q = f.search.trim().toLowerCase();
  const byName = (x: TeamAgentView, y: TeamAgentView) => x.agent.displayName.localeCompare(y.agent.displayName) || x.agent.agentId.localeCompare(y.agent.agentId);
  const since = (a: TeamAgentView) => (a.agent.stateSince && a.agent.status !== 'LoggedOut' ? Date.parse(a.agent.stateSince) : Number.MAX_SAFE_INTEGER);
  const order = f.sort === 'state' ? (x: TeamAgentView, y: TeamAgentView) => STATE_ORDER.indexOf(x.agent.status) - STATE_ORDER.indexOf(y.agent.status) || byName(x, y)
    : f.sort === 'time' ? (x: TeamAgentView, y: TeamAgentView) => since(x) - since(y) || byName(x, y)
    : byName;
  return Object.values(team)
    .filter((a) => !f.state || a.agent.status === f.state)
    .filter((a) => !f.teamId || (a.teams ?? []).some((t) => t.teamId === f.teamId))
    .filter((a) => !f.groupId || a.skillGroups.some((g) => g.skillGroupId === f.groupId))
    .filter((a) => !q || a.agent.displayName.toLowerCase().includes(q) || a.agent.extension.includes(q))
    .sort(order);
}

/** The teams and skill groups the team's agents are in, by name (the filters' choices). */
export function choicesOf(team: Team): { teams: { id: string; name: string }[]; groups: { id: string; name: string }[] } {
  const teams = new Map<string, string>(), groups = new Map<string, string>();
  for (const a of Object.values(team)) {
    for (const t of a.teams ?? []) teams.set(t.teamId, t.name);
    for (const g of a.skillGroups) groups.set(g.skillGroupId, g.name);
  }
  const list = (m: Map<string, string>) => [...m].map(([id, name]) => ({ id, name })).sort((x, y) => x.name.localeCompare(y.name));
  return { teams: list(teams), groups: list(groups) };
}
