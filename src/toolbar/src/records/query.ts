// The call records page's search: the filters a user sets, the quick time ranges, and the query string the API reads
// (the same one for the list, its next pages and the CSV export). Pure, so it is unit-tested.
import type { CallOutcome } from '../api/types';

export type QuickRange = 'today' | 'yesterday' | 'last7' | 'custom';
export interface RecordFilters {
  range: QuickRange;
  /** Custom range, as <input type="datetime-local"> values (local time); used when range is 'custom'. */
  from: string;
  to: string;
  direction: '' | 'Inbound' | 'Outbound' | 'Internal';
  outcome: '' | CallOutcome;
  skillGroupId: string;
  agentId: string;
  search: string;
  hasRecording: '' | 'true' | 'false';
}

export const QUICK_RANGES: readonly [QuickRange, string][] = [['today', 'Today'], ['yesterday', 'Yesterday'], ['last7', 'Last 7 days'], ['custom', 'Custom']];
export const DIRECTIONS = [['Inbound', 'Inbound'], ['Outbound', 'Outbound'], ['Internal', 'Internal']] as const;
export const OUTCOMES: readonly [CallOutcome, string][] = [['Answered', 'Answered'], ['NotAnswered', 'Not answered'], ['Abandoned', 'Abandoned'], ['Busy', 'Busy'], ['Failed', 'Failed']];

export function defaultFilters(): RecordFilters {
  return { range: 'today', from: '', to: '', direction: '', outcome: '', skillGroupId: '', agentId: '', search: '', hasRecording: '' };
}

function startOfDay(d: Date): Date { return new Date(d.getFullYear(), d.getMonth(), d.getDate()); }
function addDays(d: Date, days: number): Date { return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days); }

/** A quick range's bounds in the user's own day (local midnight), [from, to). */
export function rangeBounds(f: Pick<RecordFilters, 'range' | 'from' | 'to'>, now: Date): { from?: Date; to?: Date } {
  const today = startOfDay(now);
  switch (f.range) {
    case 'today': return { from: today };
    case 'yesterday': return { from: addDays(today, -1), to: today };
    case 'last7': return { from: addDays(today, -6) };
    case 'custom': {
      const from = f.from ? new Date(f.from) : undefined, to = f.to ? new Date(f.to) : undefined;
      return { from: from && !Number.isNaN(from.getTime()) ? from : undefined, to: to && !Number.isNaN(to.getTime()) ? to : undefined };
    }
  }
}

/** The filters as the API's query parameters (names as in docs/openapi.json); `agentId` only when she may choose one. */
export function recordQuery(f: RecordFilters, now: Date, mayChooseAgent: boolean): URLSearchParams {
  const q = new URLSearchParams();
  const { from, to } = rangeBounds(f, now);
  if (from) q.set('From', from.toISOString());
  if (to) q.set('To', to.toISOString());
  if (f.direction) q.set('Direction', f.direction);
  if (f.outcome) q.set('Outcome', f.outcome);
  if (f.skillGroupId) q.set('SkillGroupId', f.skillGroupId);
  if (mayChooseAgent && f.agentId) q.set('AgentId', f.agentId);
  if (f.search.trim()) q.set('Search', f.search.trim());
  if (f.hasRecording) q.set('HasRecording', f.hasRecording);
  return q;
}

/** A custom range that ends before it starts, in words; null when the range is fine. */
export function rangeProblem(f: RecordFilters): string | null {
  if (f.range !== 'custom' || !f.from || !f.to) return null;
  return new Date(f.to) <= new Date(f.from) ? 'The end must be after the start.' : null;
}

/** Seconds as m:ss or h:mm:ss. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds)), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}

/** "NotAnswered" → "Not answered", "AbandonedWhileRinging" → "Abandoned while ringing". */
export function words(code: string | null | undefined): string {
  if (!code) return '—';
  const s = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
