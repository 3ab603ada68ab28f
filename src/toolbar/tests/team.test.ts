import { describe, expect, it } from 'vitest';
import { applyTeamEvent, choicesOf, elapsed, teamOf, visibleAgents } from '../src/supervisor/team';
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
    expect(visibleAgents(team, { state: '', search: '' }).map((a) => a.agent.displayName)).toEqual(['Ann', 'bob']);
    expect(visibleAgents(team, { state: '', search: 'BO' }).map((a) => a.agent.displayName)).toEqual(['bob']);
    expect(visibleAgents(team, { state: 'NotReady', search: '' })).toEqual([]);
  });

  it('filters by team and skill group and sorts by state or time in state', () => {
    const t = teamOf([
      { ...row(agent('a1', 'Ann', { status: 'NotReady', stateSince: '2026-01-01T10:05:00Z' })), teams: [{ teamId: 't1', name: 'Team A' }] },
      { ...row(agent('b2', 'bob', { status: 'OnCall', stateSince: '2026-01-01T10:09:00Z' })), teams: [{ teamId: 't2', name: 'Team B' }],
        skillGroups: [{ skillGroupId: 'g2', name: 'Support', paused: false }] },
      { ...row(agent('c3', 'Cy', { status: 'Ready', stateSince: '2026-01-01T10:01:00Z' })), teams: [{ teamId: 't1', name: 'Team A' }] },
    ]);
    const names = (f: Parameters<typeof visibleAgents>[1]) => visibleAgents(t, f).map((a) => a.agent.displayName);
    expect(names({ state: '', search: '', teamId: 't1' })).toEqual(['Ann', 'Cy']);
    expect(names({ state: '', search: '', groupId: 'g2' })).toEqual(['bob']);
    expect(names({ state: '', search: '', sort: 'state' })).toEqual(['bob', 'Cy', 'Ann']);
    expect(names({ state: '', search: '', sort: 'time' })).toEqual(['Cy', 'Ann', 'bob']);
    expect(choicesOf(t)).toEqual({ teams: [{ id: 't1', name: 'Team A' }, { id: 't2', name: 'Team B' }],
      groups: [{ id: 'g1', name: 'Sales' }, { id: 'g2', name: 'Support' }] });
  });

  it('marks a consultation and a conference and follows the phone\'s registration', () => {
    const consult = applyTeamEvent(team, { name: 'callStateChanged', data: { call: call({ consultLegOwner: 'a1', parties: [
      { legId: 'l1', role: 'Agent', agentId: 'a1', name: 'Ann', number: '1001', state: 'Connected', held: false, muted: false },
      { legId: 'l2', role: 'External', agentId: null, name: '2001', number: '2001', state: 'Consulting', held: false, muted: false }] }) } });
    expect(consult.a1.call).toMatchObject({ consultation: true, conference: false });
    const conf = applyTeamEvent(team, { name: 'callStateChanged', data: { call: call({ parties: [
      { legId: 'l0', role: 'Customer', agentId: null, name: 'Customer', number: '+49301', state: 'Connected', held: false, muted: false },
      { legId: 'l1', role: 'Agent', agentId: 'a1', name: 'Ann', number: '1001', state: 'Connected', held: false, muted: false },
      { legId: 'l2', role: 'External', agentId: null, name: '2001', number: '2001', state: 'Connected', held: false, muted: false }] }) } });
    expect(conf.a1.call).toMatchObject({ consultation: false, conference: true });
    const withPhone = teamOf([{ ...row(agent('a1', 'Ann')), phone: { endpoint: 'PJSIP/demo-1001', registered: true } }]);
    const gone = applyTeamEvent(withPhone, { name: 'phoneRegistrationChanged', data: { endpoint: 'PJSIP/demo-1001', registered: false, inUse: false, agentId: 'a1' } });
    expect(gone.a1.phone).toEqual({ endpoint: 'PJSIP/demo-1001', registered: false });
    expect(applyTeamEvent(withPhone, { name: 'phoneRegistrationChanged', data: { endpoint: 'PJSIP/other', registered: false, inUse: false, agentId: 'a1' } })).toBe(withPhone);
  });

  it('counts time in state', () => {
    expect(elapsed('2026-01-01T10:00:00Z', Date.parse('2026-01-01T10:01:05Z'))).toBe('1:05');
    expect(elapsed('2026-01-01T10:00:00Z', Date.parse('2026-01-01T11:00:09Z'))).toBe('1:00:09');
  });
});
