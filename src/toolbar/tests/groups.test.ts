import { describe, expect, it } from 'vitest';
import { applyGroupMessage, groupsOf, longestWait, seconds, serviceLevel, sortedGroups } from '../src/supervisor/groups';
import type { SkillGroupStats } from '../src/api/types';

const sales: SkillGroupStats = {
  skillGroupId: 's', name: 'Sales', waiting: 1, longestWaitSeconds: 3, agentsLoggedIn: 2, agentsReady: 0, agentsFree: 0,
  agentsBusy: 2, agentsNotReady: 0, agentsWrapUp: 0, serviceLevelSeconds: 20,
  callers: [{ callId: 'c1', position: 1, customerNumber: '+49301', enqueuedAt: '2026-12-05T10:00:00Z' }], today: null,
};
const support: SkillGroupStats = { ...sales, skillGroupId: 'u', name: 'Support', callers: [], waiting: 0 };
/** A group message as the hub sends it. */
const message = (stats: SkillGroupStats) => ({ name: 'skillGroupStatsChanged' as const, data: { tenantId: 't', agents: [], name: 'skillGroupStatsChanged', stats } });

describe('the desk\'s skill groups', () => {
  it('replaces a known group with each message and ignores groups it does not show', () => {
    const g = groupsOf([support, sales]);
    const next = applyGroupMessage(g, message({ ...sales, waiting: 0, callers: [] }));
    expect(next.s.waiting).toBe(0);
    expect(next.u).toBe(support);
    const other = applyGroupMessage(next, message({ ...sales, skillGroupId: 'x', name: 'Billing' }));
    expect(Object.keys(other)).toEqual(['u', 's']);
    expect(sortedGroups(other).map((x) => x.name)).toEqual(['Sales', 'Support']);
  });

  it('ticks the longest wait from the callers\' queue times and shows the service level', () => {
    expect(longestWait(sales, Date.parse('2026-12-05T10:01:05Z'))).toBe(65);
    expect(longestWait(support, Date.now())).toBe(0);
    expect(seconds(65)).toBe('1:05');
    expect(seconds(null)).toBe('—');
    expect(serviceLevel(sales)).toBe('—');
    const figures = { offered: 3, answered: 2, abandoned: 1, notAnswered: 0, rona: 0, answeredWithinServiceLevel: 2, serviceLevelPercent: 100,
      averageWaitSeconds: 4, longestWaitSeconds: 9, averageTalkSeconds: 60, averageHoldSeconds: null, movedOn: 0,
      averageWrapUpSeconds: null };
    expect(serviceLevel({ ...sales, today: { day: '2026-12-05', serviceLevelSeconds: 20, figures } })).toBe('100 %');
  });
});
