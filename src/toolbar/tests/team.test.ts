import { describe, expect, it } from 'vitest';
import { applyTeamEvent, elapsed, teamOf, visibleAgents } from '../src/supervisor/team';
import type { AgentView, CallView, TeamAgentView } from '../src/api/types';

const agent = (id: string, name: string, over: Partial<AgentView> = {}): AgentView => ({
  agentId: id, displayName: name, extension: id, extensionKind: 'Web', status: 'Ready', pending: 'None',
  pausedSkillGroupIds: [], workingMode: 'Both', deviceAvailable: true, revision: 1, stateSince: '2026-01-01T10:00:00Z', ...over,
});
const row = (a: AgentView): TeamAgentView => ({ agent: a, skillGroups: [{ skillGroupId: 'g1', name: 'Sales', paused: false }], call: null });
const call = (over: Partial<CallView> = {}): CallView => ({
  callId: 'c1', kind: 'Queue', direction: 'Inbound', state: 'Connected', skillGroupId: 'g1', skillGroupName: 'Sales',
  customerNumber: '+49301', attachedData: [], parties: [{ legId: 'l1', role: 'Agent', agentId: 'a1', name: 'Ann', number: '1001', state: 'Connected', held: false, muted: true }],
  held: false, recording: true, createdAt: '2026-01-01T10:00:00Z', answeredAt: '2026-01-01T10:00:05Z', ...over,
} as CallView);

describe('team view', () => {
  const team = teamOf([row(agent('a1', 'Ann')), row(agent('b2', 'bob'))]);

  it('takes a newer agent view, ignores an older one and agents outside the team', () => {
    const next = applyTeamEvent(team, { name: 'agentStateChanged', data: { agent: agent('a1', 'Ann', { status: 'NotReady', reason: 'Lunch', revision: 5, pausedSkillGroupIds: ['g1'] }) } });
    expect(next.a1.agent.status).toBe('NotReady');
    expect(next.a1.skillGroups[0].paused).toBe(true);
    expect(applyTeamEvent(next, { name: 'agentStateChanged', data: { agent: agent('a1', 'Ann', { revision: 2 }) } })).toBe(next);
    expect(applyTeamEvent(next, { name: 'agentStateChanged', data: { agent: agent('zz', 'Zed', { revision: 9 }) } })).toBe(next);
  });

  it('follows a call from offer to end', () => {
    const offered = applyTeamEvent(team, { name: 'callOffered', data: { agentId: 'a1', call: call({ state: 'Ringing', answeredAt: null }), countdownSeconds: 20 } });
    expect(offered.a1.call?.state).toBe('Ringing');
    const connected = applyTeamEvent(offered, { name: 'callStateChanged', data: { call: call() } });
    expect(connected.a1.call).toMatchObject({ since: '2026-01-01T10:00:05Z', muted: true, recording: true, customerNumber: '+49301' });
    expect(applyTeamEvent(connected, { name: 'callEnded', data: { call: call({ state: 'Ended' }), reason: 'Hangup' } }).a1.call).toBeNull();
  });

  it('filters by state, searches by name and sorts by name', () => {
    expect(visibleAgents(team, '', '').map((a) => a.agent.displayName)).toEqual(['Ann', 'bob']);
    expect(visibleAgents(team, '', 'BO').map((a) => a.agent.displayName)).toEqual(['bob']);
    expect(visibleAgents(team, 'NotReady', '')).toEqual([]);
  });

  it('counts time in state', () => {
    expect(elapsed('2026-01-01T10:00:00Z', Date.parse('2026-01-01T10:01:05Z'))).toBe('1:05');
    expect(elapsed('2026-01-01T10:00:00Z', Date.parse('2026-01-01T11:00:09Z'))).toBe('1:00:09');
  });
});
