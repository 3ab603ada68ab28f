// The toolbar's state and the pure reducer that applies hub events and REST answers to it.
import type {
  AgentView, CallView, SkillGroupStats, HubEnvelope, AgentStateChangedData, CallOfferedData, ScreenPop,
  CallStateChangedData, ParticipantsChangedData, CallEndedData, SkillGroupStatsChangedData,
  PbxConnectionChangedData, PhoneRegistrationChangedData, CallRecordSummary,
} from '../api/types';

export interface Offer { callId: string; countdownSeconds: number; receivedAtMs: number; screenPop?: ScreenPop | null }

export interface RecentCall {
  callId: string;
  number: string;
  name?: string | null;
  direction: string;
  skillGroupName?: string | null;
  at: string;
  reason?: string;
}

export interface Model {
  agent: AgentView | null;
  calls: Record<string, CallView>;
  offers: Record<string, Offer>;
  skillGroups: Record<string, SkillGroupStats>;
  pbx: { connected: boolean; description: string };
  phone: { endpoint?: string; registered?: boolean; inUse?: boolean };
  recent: RecentCall[];
}

export const RECENT_MAX = 20;

export function emptyModel(): Model {
  return { agent: null, calls: {}, offers: {}, skillGroups: {}, pbx: { connected: true, description: '' }, phone: {}, recent: [] };
}

function withCall(m: Model, call: CallView): Model {
  if (call.state === 'Ended') return endCall(m, call, undefined);
  const calls = { ...m.calls, [call.callId]: call };
  let offers = m.offers;
  // A call that is no longer ringing for me drops its offer banner. Only my own leg counts: in a consultation
  // the call is Connected (the first agent talks to the customer) while my leg rings.
  if (offers[call.callId] && !ringsMe(call, m.agent?.agentId)) {
    offers = { ...offers };
    delete offers[call.callId];
  }
  return { ...m, calls, offers };
}

/** True while my own leg of the call rings (or, with no leg of mine listed, while the call rings). */
export function ringsMe(call: CallView, agentId: string | undefined | null): boolean {
  const mine = call.parties.find((p) => p.agentId === agentId && p.state !== 'Left');
  if (mine) return mine.state === 'Ringing';
  return call.state === 'Ringing';
}

function endCall(m: Model, call: CallView, reason: string | undefined): Model {
  const calls = { ...m.calls };
  const offers = { ...m.offers };
  const had = calls[call.callId] ?? call;
  delete calls[call.callId];
  delete offers[call.callId];
  const recent = addRecent(m.recent, had, call, reason);
  return { ...m, calls, offers, recent };
}

export function addRecent(recent: RecentCall[], before: CallView, after: CallView, reason?: string): RecentCall[] {
  const entry: RecentCall = {
    callId: after.callId,
    number: after.customerNumber || before.customerNumber,
    name: after.customerName ?? before.customerName,
    direction: after.direction,
    skillGroupName: after.skillGroupName ?? before.skillGroupName,
    at: after.answeredAt ?? after.createdAt,
    reason,
  };
  return [entry, ...recent.filter((r) => r.callId !== entry.callId)].slice(0, RECENT_MAX);
}

/** The server's call records (`/agent/calls/recent`) as the Recent tab's entries. */
export function recentFromRecords(items: readonly CallRecordSummary[]): RecentCall[] {
  return items.map((r) => ({
    callId: r.id,
    number: r.customerNumber || r.dialedNumber || '', // an outbound call with no customer number has ''
    name: r.customerName,
    direction: r.direction,
    skillGroupName: r.skillGroupName,
    at: r.answeredAt ?? r.offeredAt,
    reason: r.endReason ?? undefined,
  }));
}

/**
 * The Recent tab after the server answered: its records, plus the calls that ended here since the server's newest one
 * (records are written by a background writer, so a call that just ended may not be there yet).
 */
export function mergeRecent(server: readonly RecentCall[], local: readonly RecentCall[]): RecentCall[] {
  const known = new Set(server.map((r) => r.callId));
  const newest = server.reduce((t, r) => Math.max(t, Date.parse(r.at)), Number.NEGATIVE_INFINITY);
  const pending = local.filter((r) => !known.has(r.callId) && Date.parse(r.at) >= newest);
  return [...pending, ...server].slice(0, RECENT_MAX);
}

/**
 * The newer of two views of the same agent. Views come from REST answers and from events, which may arrive in either
 * order (an "Extend" answer after the "Not Ready after wrap-up" event); the server's revision decides.
 */
export function newerAgent(current: AgentView | null, incoming: AgentView): AgentView {
  if (current && current.agentId === incoming.agentId && (incoming.revision ?? 0) < (current.revision ?? 0)) return current;
  return incoming;
}

/** Applies one hub event. Unknown events leave the model as it was. */
export function applyEvent(m: Model, env: Pick<HubEnvelope, 'name' | 'data'>, nowMs: number): Model {
  switch (env.name) {
    case 'agentStateChanged': {
      const d = env.data as AgentStateChangedData;
      const agent = d.agent ?? (env.data as AgentView);
      if (m.agent && agent.agentId !== m.agent.agentId) return m;
      return { ...m, agent: newerAgent(m.agent, agent) };
    }
    case 'callOffered': {
      const d = env.data as CallOfferedData;
      if (m.agent && d.agentId && d.agentId !== m.agent.agentId) return m;
      const next = { ...m, calls: { ...m.calls, [d.call.callId]: d.call } };
      next.offers = { ...m.offers, [d.call.callId]: { callId: d.call.callId, countdownSeconds: d.countdownSeconds, receivedAtMs: nowMs, screenPop: d.screenPop ?? null } };
      return next;
    }
    case 'callStateChanged':
    case 'participantsChanged': {
      const d = env.data as CallStateChangedData | ParticipantsChangedData;
      const call = d.call;
      const me = m.agent?.agentId;
      const pc = d as ParticipantsChangedData;
      if (env.name === 'participantsChanged' && me && pc.party?.agentId === me && pc.joined === false) {
        return m.calls[call.callId] ? endCall(m, call, 'Left') : m;
      }
      // The call left me (transferred away, I dropped out): forget it.
      if (me && call.parties.length > 0 && !call.parties.some((p) => p.agentId === me && p.state !== 'Left')) {
        return m.calls[call.callId] ? endCall(m, call, 'Transferred') : m;
      }
      return withCall(m, call);
    }
    case 'callEnded': {
      const d = env.data as CallEndedData;
      return endCall(m, d.call, d.reason);
    }
    case 'skillGroupStatsChanged': {
      const d = env.data as SkillGroupStatsChangedData;
      return applySkillGroupStats(m, [d.stats ?? (env.data as SkillGroupStats)]);
    }
    case 'pbxConnectionChanged': {
      const d = env.data as PbxConnectionChangedData;
      return { ...m, pbx: { connected: d.connected, description: d.description } };
    }
    case 'phoneRegistrationChanged': {
      const d = env.data as PhoneRegistrationChangedData;
      return { ...m, phone: { endpoint: d.endpoint, registered: d.registered, inUse: d.inUse } };
    }
    default:
      return m;
  }
}

/**
 * Skill-group statistics, the one place they enter the model: a group message (full current figures), a Resume answer's
 * skillGroups or GET /skill-groups. Each group's newest figures replace its old ones; groups not named are kept.
 */
export function applySkillGroupStats(m: Model, stats: SkillGroupStats[]): Model {
  if (stats.length === 0) return m;
  const skillGroups = { ...m.skillGroups };
  for (const s of stats) skillGroups[s.skillGroupId] = s;
  return { ...m, skillGroups };
}

/** Replaces what the server holds (after login, reload or a Resume snapshot). Offers for ringing calls are rebuilt. */
export function applySnapshot(m: Model, agent: AgentView | null, calls: CallView[], skillGroups: SkillGroupStats[] | undefined, nowMs: number): Model {
  const map: Record<string, CallView> = {};
  const offers: Record<string, Offer> = {};
  for (const c of calls) {
    if (c.state === 'Ended') continue;
    map[c.callId] = c;
    if (agent && ringsMe(c, agent.agentId)) {
      offers[c.callId] = m.offers[c.callId] ?? { callId: c.callId, countdownSeconds: 0, receivedAtMs: nowMs };
    }
  }
  const groups = skillGroups ? Object.fromEntries(skillGroups.map((s) => [s.skillGroupId, s])) : m.skillGroups;
  return { ...m, agent, calls: map, offers, skillGroups: groups };
}
