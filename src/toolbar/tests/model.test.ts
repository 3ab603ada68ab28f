import { describe, expect, it } from 'vitest';
import { applyEvent, applySkillGroupStats, applySnapshot, emptyModel, mergeRecent, newerAgent, RECENT_MAX, recentFromRecords, ringsMe, type Model } from '../src/agent/model';
import type { CallRecordSummary } from '../src/api/types';
import type { AgentView, CallView, PartyView } from '../src/api/types';

const agent: AgentView = {
  agentId: 'me', displayName: 'Agent 1', extension: '1001', extensionKind: 'Web', status: 'Ready', pending: 'None',
  pausedSkillGroupIds: [], workingMode: 'Both', deviceAvailable: true,
};
const party = (p: Partial<PartyView>): PartyView => ({ legId: 'l', role: 'Agent', name: '', number: '', state: 'Connected', held: false, muted: false, ...p });
const call = (c: Partial<CallView>): CallView => ({
  callId: 'c1', kind: 'Queue', direction: 'Inbound', state: 'Ringing', customerNumber: '+4930111', attachedData: [{ key: 'orderId', value: '42' }],
  parties: [party({ legId: 'cust', role: 'Customer' }), party({ legId: 'ag', agentId: 'me', state: 'Ringing' })],
  held: false, recording: false, createdAt: '2026-01-01T10:00:00Z', skillGroupName: 'Sales', ...c,
});

describe('model', () => {
  const base: Model = { ...emptyModel(), agent };

  it('an offer makes a banner; answering removes it and keeps the call', () => {
    let m = applyEvent(base, { name: 'callOffered', data: { agentId: 'me', call: call({}), countdownSeconds: 20 } }, 1000);
    expect(Object.keys(m.offers)).toEqual(['c1']);
    expect(m.offers.c1!.countdownSeconds).toBe(20);
    m = applyEvent(m, { name: 'callStateChanged', data: { call: call({ state: 'Connected', parties: [party({ role: 'Customer' }), party({ agentId: 'me' })] }) } }, 2000);
    expect(m.offers).toEqual({});
    expect(m.calls.c1!.state).toBe('Connected');
  });

  it('a consultation offered to me keeps its banner while the call is Connected and my leg rings', () => {
    const consult = call({
      state: 'Connected', consultLegOwner: 'first', held: true,
      parties: [party({ legId: 'cust', role: 'Customer', held: true }), party({ legId: 'a1', agentId: 'first', state: 'Connected' }), party({ legId: 'ag', agentId: 'me', state: 'Ringing' })],
    });
    let m = applyEvent(base, { name: 'callOffered', data: { agentId: 'me', call: consult, countdownSeconds: 20 } }, 0);
    m = applyEvent(m, { name: 'participantsChanged', data: { call: consult, party: consult.parties[2], joined: true } }, 10);
    m = applyEvent(m, { name: 'callStateChanged', data: { call: consult, change: 'consult_started' } }, 20);
    expect(Object.keys(m.offers)).toEqual(['c1']);
    const answered = { ...consult, parties: consult.parties.map((p) => p.agentId === 'me' ? { ...p, state: 'Consulting' as const } : p) };
    m = applyEvent(m, { name: 'callStateChanged', data: { call: answered, change: 'consult_answered' } }, 30);
    expect(m.offers).toEqual({});
  });

  it('ignores offers for another agent', () => {
    const m = applyEvent(base, { name: 'callOffered', data: { agentId: 'other', call: call({}), countdownSeconds: 20 } }, 0);
    expect(m.offers).toEqual({});
  });

  it('a call that ends goes to the recent calls, newest first, at most 20', () => {
    let m = base;
    for (let i = 0; i < RECENT_MAX + 3; i++) {
      m = applyEvent(m, { name: 'callOffered', data: { agentId: 'me', call: call({ callId: `c${i}` }), countdownSeconds: 5 } }, 0);
      m = applyEvent(m, { name: 'callEnded', data: { call: call({ callId: `c${i}`, state: 'Ended' }), reason: 'Normal' } }, 0);
    }
    expect(m.calls).toEqual({});
    expect(m.recent).toHaveLength(RECENT_MAX);
    expect(m.recent[0]!.callId).toBe(`c${RECENT_MAX + 2}`);
    expect(m.recent[0]!.number).toBe('+4930111');
  });

  it('a call transferred away from me leaves my calls', () => {
    let m = applyEvent(base, { name: 'callStateChanged', data: { call: call({ state: 'Connected', parties: [party({ role: 'Customer' }), party({ agentId: 'me' })] }) } }, 0);
    m = applyEvent(m, { name: 'callStateChanged', data: { call: call({ state: 'Connected', parties: [party({ role: 'Customer' }), party({ agentId: 'me', state: 'Left' }), party({ agentId: 'other' })] }) } }, 0);
    expect(m.calls).toEqual({});
    expect(m.recent[0]!.reason).toBe('Transferred');
  });

  it('my leg leaving the call (participantsChanged, joined false) removes it', () => {
    let m = applyEvent(base, { name: 'callStateChanged', data: { call: call({ state: 'Connected', parties: [party({ role: 'Customer' }), party({ agentId: 'me' })] }) } }, 0);
    const after = call({ state: 'Connected', parties: [party({ role: 'Customer' }), party({ agentId: 'me', state: 'Left' })] });
    m = applyEvent(m, { name: 'participantsChanged', data: { call: after, party: party({ agentId: 'me', state: 'Left' }), joined: false } }, 0);
    expect(m.calls).toEqual({});
  });

  it('agent state, group stats and PBX link events update the model', () => {
    let m = applyEvent(base, { name: 'agentStateChanged', data: { agent: { ...agent, status: 'WrapUp' }, trigger: 'CallEnded' } }, 0);
    expect(m.agent!.status).toBe('WrapUp');
    m = applyEvent(m, { name: 'skillGroupStatsChanged', data: { stats: { skillGroupId: 'g', name: 'Sales', waiting: 2, longestWaitSeconds: 9, agentsLoggedIn: 2, agentsReady: 1, agentsFree: 1 } } }, 0);
    expect(m.skillGroups.g!.waiting).toBe(2);
    m = applyEvent(m, { name: 'pbxConnectionChanged', data: { connected: false, description: 'ARI down' } }, 0);
    expect(m.pbx).toEqual({ connected: false, description: 'ARI down' });
    expect(applyEvent(m, { name: 'somethingNew', data: {} }, 0)).toBe(m);
  });

  it('an agent view older than the one shown (by revision) does not undo it, whichever way it arrives', () => {
    const pending = { ...agent, status: 'WrapUp' as const, pending: 'NotReady' as const, revision: 12 };
    const extendAnswer = { ...agent, status: 'WrapUp' as const, pending: 'None' as const, revision: 11 };
    let m = applyEvent(base, { name: 'agentStateChanged', data: { agent: pending, trigger: 'NotReady' } }, 0);
    m = applyEvent(m, { name: 'agentStateChanged', data: { agent: extendAnswer, trigger: 'Ready' } }, 0);
    expect(m.agent!.pending).toBe('NotReady');
    expect(newerAgent(pending, extendAnswer)).toBe(pending);
    expect(newerAgent(extendAnswer, pending)).toBe(pending);
    // The same revision (a REST read of the state an event already showed) and another agent's view pass through.
    expect(newerAgent(pending, { ...pending, reason: "Break" }).reason).toBe("Break");
    expect(newerAgent(pending, { ...extendAnswer, agentId: 'other' }).agentId).toBe('other');
  });

  it('skill-group statistics: the newest figures of each group replace its old ones, other groups stay', () => {
    const sales = { skillGroupId: 'g', name: 'Sales', waiting: 2, longestWaitSeconds: 9, agentsLoggedIn: 2, agentsReady: 1, agentsFree: 1,
      agentsBusy: 1, agentsNotReady: 0, agentsWrapUp: 0, serviceLevelSeconds: 20 };
    const support = { ...sales, skillGroupId: 'h', name: 'Support', waiting: 0 };
    let m = applySkillGroupStats(base, [sales, support]);
    // A group message (no epoch, no seq) goes through the same reducer as stream events.
    m = applyEvent(m, { name: 'skillGroupStatsChanged', data: { stats: { ...sales, waiting: 0, agentsReady: 2 } } }, 0);
    expect(m.skillGroups.g).toMatchObject({ waiting: 0, agentsReady: 2 });
    // A Resume answer's skillGroups: current figures of the groups named; the others are kept (e.g. transfer targets).
    m = applySkillGroupStats(m, [{ ...support, waiting: 4 }]);
    expect(m.skillGroups.h!.waiting).toBe(4);
    expect(m.skillGroups.g!.agentsReady).toBe(2);
    expect(applySkillGroupStats(m, [])).toBe(m);
  });

  it('a snapshot after reload rebuilds calls and the banner of a still-ringing call', () => {
    const m = applySnapshot(emptyModel(), agent, [call({}), call({ callId: 'c2', state: 'Connected', parties: [party({ agentId: 'me' })] })], undefined, 5);
    expect(Object.keys(m.calls).sort()).toEqual(['c1', 'c2']);
    expect(Object.keys(m.offers)).toEqual(['c1']);
  });

  it('knows when my own leg rings (consultation to me on a connected call)', () => {
    expect(ringsMe(call({ state: 'Connected', parties: [party({ agentId: 'other' }), party({ agentId: 'me', state: 'Ringing' })] }), 'me')).toBe(true);
    expect(ringsMe(call({ state: 'Connected', parties: [party({ agentId: 'me' })] }), 'me')).toBe(false);
    expect(ringsMe(call({ state: 'Ringing', parties: [] }), 'me')).toBe(true);
  });
});

describe('recent calls from the server', () => {
  const record = (id: string, offeredAt: string, extra: Partial<CallRecordSummary> = {}): CallRecordSummary => ({
    id, direction: 'Inbound', kind: 'Queue', skillGroupName: 'Sales', customerNumber: '+4930222', customerName: 'Ada',
    offeredAt, answeredAt: null, endedAt: offeredAt, inProgress: false, outcome: 'Answered', endReason: 'Normal',
    waitSeconds: 1, ringSeconds: 2, talkSeconds: 3, holdSeconds: 0, holdCount: 0, offerCount: 1, ronaCount: 0, hasRecording: false, ...extra,
  });

  it('maps a record to what the tab shows: number, name, direction, skill group, time', () => {
    const [r] = recentFromRecords([record('c1', '2026-12-05T10:00:00Z', { answeredAt: '2026-12-05T10:00:05Z' })]);
    expect(r).toEqual({ callId: 'c1', number: '+4930222', name: 'Ada', direction: 'Inbound', skillGroupName: 'Sales', at: '2026-12-05T10:00:05Z', reason: 'Normal' });
  });

  it('an outbound record without a customer number shows the dialled number', () => {
    const [r] = recentFromRecords([record('c1', '2026-12-05T10:00:00Z', { direction: 'Outbound', customerNumber: '', dialedNumber: '+4930333' })]);
    expect(r!.number).toBe('+4930333');
  });

  it('keeps a call that ended here after the server’s newest record, and drops local entries the server does not list', () => {
    const server = recentFromRecords([record('c2', '2026-12-05T10:00:00Z'), record('c1', '2026-12-05T09:00:00Z')]);
    const local = [
      { callId: 'c3', number: '+1', direction: 'Inbound', at: '2026-12-05T10:05:00Z' }, // not written yet
      { callId: 'c2', number: '+1', direction: 'Inbound', at: '2026-12-05T10:00:00Z' }, // the server has it
      { callId: 'old', number: '+1', direction: 'Inbound', at: '2026-12-04T08:00:00Z' }, // another day, not in the server's list
    ];
    expect(mergeRecent(server, local).map((r) => r.callId)).toEqual(['c3', 'c2', 'c1']);
  });

  it('never shows more than the tab holds', () => {
    const server = recentFromRecords(Array.from({ length: RECENT_MAX + 5 }, (_, i) => record(`c${i}`, '2026-12-05T10:00:00Z')));
    expect(mergeRecent(server, [])).toHaveLength(RECENT_MAX);
  });
});
