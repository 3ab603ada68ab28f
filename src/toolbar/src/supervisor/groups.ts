// The supervisor's skill groups as state: every Resume answer's `skillGroups` (or GET /supervision/skill-groups)
// replaces them, each `skillGroupStatsChanged` group message replaces one group (full figures, no seq).
import type { SkillGroupMessage, SkillGroupStats } from '../api/types';

export type Groups = Readonly<Record<string, SkillGroupStats>>;

export function groupsOf(list: SkillGroupStats[]): Groups {
  return Object.fromEntries(list.map((g) => [g.skillGroupId, g]));
}

/** Applies a group message; groups the desk does not show (none should arrive) are added only when it knows them. */
export function applyGroupMessage(groups: Groups, msg: Pick<SkillGroupMessage, 'name' | 'data'>): Groups {
  if (msg.name !== 'skillGroupStatsChanged') return groups;
  const s = msg.data.stats;
  return groups[s.skillGroupId] ? { ...groups, [s.skillGroupId]: s } : groups;
}

/** The groups by name. */
export function sortedGroups(groups: Groups): SkillGroupStats[] {
  return Object.values(groups).sort((a, b) => a.name.localeCompare(b.name) || a.skillGroupId.localeCompare(b.skillGroupId));
}

/** Seconds the longest-waiting caller has waited at <paramref name="nowMs"/> (0 when nobody waits). */
export function longestWait(g: SkillGroupStats, nowMs: number): number {
  const first = (g.callers ?? []).reduce<number | null>((min, c) => { const t = Date.parse(c.enqueuedAt); return min === null || t < min ? t : min; }, null);
  return first === null ? 0 : Math.max(0, Math.floor((nowMs - first) / 1000));
}

/** m:ss (or h:mm:ss) of a number of seconds; '—' for none. */
export function seconds(s: number | null | undefined): string {
  if (s === null || s === undefined) return '—';
  const t = Math.round(s);
  const h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), r = t % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
}

/** The service level as shown: "85.7 %" or "—" when no call counts yet. */
export function serviceLevel(g: SkillGroupStats): string {
  const p = g.today?.figures.serviceLevelPercent;
  return p === null || p === undefined ? '—' : `${p} %`;
}
