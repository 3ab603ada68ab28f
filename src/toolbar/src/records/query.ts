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
  /** How the call came or what happened in it (the API's `Type`). */
  type: '' | CallType;
  outcome: '' | CallOutcome;
  /** The detailed end reason (the API's `EndReason`). */
  endReason: string;
  /** Talked at least this many minutes (a whole or decimal number; empty: any). */
  minTalkMinutes: string;
  dispositionId: string;
  skillGroupId: string;
  agentId: string;
  search: string;
  hasRecording: '' | 'true' | 'false';
}

export type CallType = 'InboundQueue' | 'DirectInbound' | 'ManualOutbound' | 'TaskDialled' | 'Internal' | 'Transferred' | 'Consulted';
export const TYPES: readonly [CallType, string][] = [
  ['InboundQueue', 'Inbound through a skill group'], ['DirectInbound', 'Inbound to an agent'], ['ManualOutbound', 'Dialled by hand'],
  ['TaskDialled', 'Dialled for a dial task'], ['Internal', 'Internal'], ['Transferred', 'Transferred'], ['Consulted', 'With a consultation or conference'],
];
/** The end reasons a search can name, in words (who hung up, RONA, transfer, timeout, blocked, …). */
export const END_REASONS: readonly [string, string][] = [
  ['CustomerHungUp', 'Customer hung up'], ['AgentHungUp', 'Agent hung up'],
  ['Normal', 'Ended after the conversation (who hung up not recorded)'], ['AgentTransfer', 'Transferred by the agent'], ['AbandonedWhileWaiting', 'Caller hung up while waiting'],
  ['AbandonedWhileRinging', 'Caller hung up while an agent\'s phone rang'], ['CallerCancelled', 'Caller cancelled'], ['AgentCancelled', 'Agent cancelled'],
  ['NoAnswer', 'Not answered in time (RONA)'], ['Rejected', 'Declined by the agent'], ['Missed', 'Missed'], ['NoAgentOnline', 'No agent logged in'],
  ['Overflow', 'Overflowed (waited too long)'], ['Closed', 'Closed (outside opening hours)'], ['Blocklisted', 'Blocked number'], ['Busy', 'Busy'],
  ['Unreachable', 'Unreachable'], ['Failed', 'Failed'], ['TakenOver', 'Taken over by a supervisor'], ['PbxRestarted', 'Phone system restarted'],
  ['EndedUnseen', 'Ended while CtiBridge restarted (end not seen)'],
];
export const QUICK_RANGES: readonly [QuickRange, string][] = [['today', 'Today'], ['yesterday', 'Yesterday'], ['last7', 'Last 7 days'], ['custom', 'Custom']];
export const DIRECTIONS = [['Inbound', 'Inbound'], ['Outbound', 'Outbound'], ['Internal', 'Internal']] as const;
export const OUTCOMES: readonly [CallOutcome, string][] = [['Answered', 'Answered'], ['NotAnswered', 'Not answered'], ['Abandoned', 'Abandoned'], ['Busy', 'Busy'], ['Failed', 'Failed']];

export function defaultFilters(): RecordFilters {
  return { range: 'today', from: '', to: '', direction: '', type: '', outcome: '', endReason: '', minTalkMinutes: '', dispositionId: '', skillGroupId: '', agentId: '', search: '', hasRecording: '' };
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
  if (f.type) q.set('Type', f.type);
  if (f.outcome) q.set('Outcome', f.outcome);
  if (f.endReason) q.set('EndReason', f.endReason);
  const minTalk = minTalkSeconds(f.minTalkMinutes);
  if (minTalk !== null && minTalk > 0) q.set('MinTalkSeconds', String(minTalk));
  if (f.dispositionId) q.set('DispositionId', f.dispositionId);
  if (f.skillGroupId) q.set('SkillGroupId', f.skillGroupId);
  if (mayChooseAgent && f.agentId) q.set('AgentId', f.agentId);
  if (f.search.trim()) q.set('Search', f.search.trim());
  if (f.hasRecording) q.set('HasRecording', f.hasRecording);
  return q;
}

/** Minutes typed by the user as whole seconds; null when empty or not a number of minutes ≥ 0. */
export function minTalkSeconds(minutes: string): number | null {
  const t = minutes.trim().replace(',', '.');
  if (!t || !/^\d+(\.\d+)?$/.test(t)) return null;
  return Math.round(Number(t) * 60);
}

/** A custom range that ends before it starts, or a minimum talk time that is not a number, in words; null when fine. */
export function rangeProblem(f: RecordFilters): string | null {
  if (f.minTalkMinutes.trim() && minTalkSeconds(f.minTalkMinutes) === null) return 'The minimum talk time is a number of minutes.';
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
