import { describe, expect, it } from 'vitest';
import { defaultFilters, duration, rangeBounds, rangeProblem, recordQuery, words } from '../src/records/query';

// A fixed local time: 5 December 2026, 15:30.
const now = new Date(2026, 11, 5, 15, 30);

describe('call records search', () => {
  it('defaults to today, from local midnight, with no other filter', () => {
    const q = recordQuery(defaultFilters(), now, true);
    expect([...q.keys()]).toEqual(['From']);
    expect(new Date(q.get('From')!)).toEqual(new Date(2026, 11, 5));
  });

  it('yesterday is the whole local day before today; last 7 days starts six days before today', () => {
    expect(rangeBounds({ range: 'yesterday', from: '', to: '' }, now)).toEqual({ from: new Date(2026, 11, 4), to: new Date(2026, 11, 5) });
    expect(rangeBounds({ range: 'last7', from: '', to: '' }, now)).toEqual({ from: new Date(2026, 10, 29) });
  });

  it('sends every filter set, by the API’s names, and the agent only to those who may choose one', () => {
    const f = { ...defaultFilters(), range: 'custom' as const, from: '2026-12-01T08:00', to: '2026-12-02T08:00', direction: 'Inbound' as const,
      outcome: 'Abandoned' as const, skillGroupId: 'g1', agentId: 'a1', search: ' 4930 ', hasRecording: 'true' as const };
    const q = recordQuery(f, now, true);
    expect(Object.fromEntries(q)).toEqual({
      From: new Date(2026, 11, 1, 8).toISOString(), To: new Date(2026, 11, 2, 8).toISOString(), Direction: 'Inbound',
      Outcome: 'Abandoned', SkillGroupId: 'g1', AgentId: 'a1', Search: '4930', HasRecording: 'true',
    });
    expect(recordQuery(f, now, false).has('AgentId')).toBe(false);
  });

  it('a custom range with no bounds searches without them; one that ends before it starts is refused', () => {
    expect([...recordQuery({ ...defaultFilters(), range: 'custom' }, now, true).keys()]).toEqual([]);
    expect(rangeProblem({ ...defaultFilters(), range: 'custom', from: '2026-12-02T08:00', to: '2026-12-01T08:00' })).toMatch(/after the start/);
    expect(rangeProblem({ ...defaultFilters(), range: 'custom', from: '2026-12-01T08:00', to: '2026-12-02T08:00' })).toBeNull();
  });

  it('writes durations and codes for people', () => {
    expect(duration(0)).toBe('0:00');
    expect(duration(75)).toBe('1:15');
    expect(duration(3723)).toBe('1:02:03');
    expect(words('NotAnswered')).toBe('Not answered');
    expect(words('AbandonedWhileRinging')).toBe('Abandoned while ringing');
    expect(words(null)).toBe('—');
  });
});

describe('call records search: type, end reason, talk time, disposition', () => {
  it('sends them by the API’s names; minutes become seconds; a bad number is refused in words', () => {
    const f = { ...defaultFilters(), type: 'Transferred' as const, endReason: 'NoAnswer', minTalkMinutes: '1,5', dispositionId: 'd-1' };
    const q = recordQuery(f, now, false);
    expect(q.get('Type')).toBe('Transferred');
    expect(q.get('EndReason')).toBe('NoAnswer');
    expect(q.get('MinTalkSeconds')).toBe('90');
    expect(q.get('DispositionId')).toBe('d-1');
    expect(rangeProblem(f)).toBeNull();
    expect(rangeProblem({ ...f, minTalkMinutes: 'ten' })).toBe('The minimum talk time is a number of minutes.');
    expect(recordQuery({ ...f, minTalkMinutes: '0' }, now, false).has('MinTalkSeconds')).toBe(false);
  });
});
