// The reports page's pure parts (unit-tested): report ranges in UTC days (the server's days), figures in words,
// and a day's state intervals as hours for the timeline chart.
import type { AgentStatus } from '../api/types';
import type { ReportRange, StateInterval } from './api';

export type RangeChoice = 'today' | 'yesterday' | 'last7' | 'thisMonth' | 'lastMonth' | 'custom';
export const RANGE_CHOICES: readonly [RangeChoice, string][] = [
  ['today', 'Today'], ['yesterday', 'Yesterday'], ['last7', 'Last 7 days'], ['thisMonth', 'This month'], ['lastMonth', 'Last month'], ['custom', 'Custom'],
];

const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const iso = (d: Date) => d.toISOString();
/** A yyyy-MM-dd date as the start of that UTC day; null when it is not a date. */
function dayStart(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A range choice as [from, to) in UTC days (reports count UTC days, docs/reports.md). Custom: the first and the last
 * day, both included. A problem in words when the custom days do not make a range.
 */
export function reportRange(choice: RangeChoice, now: Date, firstDay = '', lastDay = ''): ReportRange | { problem: string } {
  const y = now.getUTCFullYear(), m = now.getUTCMonth(), d = now.getUTCDate();
  const today = utcDay(y, m, d);
  switch (choice) {
    case 'today': return { from: iso(today), to: iso(utcDay(y, m, d + 1)) };
    case 'yesterday': return { from: iso(utcDay(y, m, d - 1)), to: iso(today) };
    case 'last7': return { from: iso(utcDay(y, m, d - 6)), to: iso(utcDay(y, m, d + 1)) };
    case 'thisMonth': return { from: iso(utcDay(y, m, 1)), to: iso(utcDay(y, m + 1, 1)) };
    case 'lastMonth': return { from: iso(utcDay(y, m - 1, 1)), to: iso(utcDay(y, m, 1)) };
    case 'custom': {
      const f = dayStart(firstDay), l = dayStart(lastDay);
      if (!f || !l) return { problem: 'Choose the first and the last day.' };
      if (l < f) return { problem: 'The last day must not be before the first.' };
      const to = new Date(l.getTime() + 86_400_000);
      if (to.getTime() - f.getTime() > 366 * 86_400_000) return { problem: 'A report covers at most 366 days.' };
      return { from: iso(f), to: iso(to) };
    }
  }
}

/** Seconds as h:mm:ss or m:ss; a dash when there is no figure. */
export function hms(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.max(0, Math.round(seconds)), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}

export function percent(p: number | null | undefined): string { return p === null || p === undefined ? '—' : `${p.toFixed(1)} %`; }

export const STATE_LABELS: Record<AgentStatus, string> = {
  LoggedOut: 'Logged out', Ready: 'Ready', NotReady: 'Not ready', Ringing: 'Ringing', OnCall: 'On a call', WrapUp: 'Wrap-up',
};

/** A state interval of a day as hours since that day's start (UTC), for the timeline chart's x axis. */
export interface TimelineBar { status: AgentStatus; label: string; fromHour: number; toHour: number }

export function timelineBars(day: string, intervals: readonly StateInterval[]): TimelineBar[] {
  const start = Date.parse(`${day}T00:00:00Z`);
  const hour = (t: string) => Math.min(24, Math.max(0, (Date.parse(t) - start) / 3_600_000));
  return intervals.map((i) => ({
    status: i.status,
    label: i.status === 'NotReady' && i.reason ? `${STATE_LABELS.NotReady} (${i.reason})` : STATE_LABELS[i.status],
    fromHour: hour(i.from),
    toHour: hour(i.to),
  })).filter((b) => b.toHour > b.fromHour);
}

/** An hour of the day (0–24, fractional) as HH:mm, or HH:mm:ss with `withSeconds`. */
export function clock(hour: number, withSeconds = false): string {
  const total = Math.round(hour * 3600), two = (n: number) => String(n).padStart(2, '0');
  const hh = Math.floor(total / 3600), mm = Math.floor((total % 3600) / 60), ss = total % 60;
  if (withSeconds) return `${two(hh)}:${two(mm)}:${two(ss)}`;
  const m = Math.round(hour * 60);
  return `${two(Math.floor(m / 60))}:${two(m % 60)}`;
}

/** Durations for a chart axis: minutes, or seconds when every value is under two minutes (a short day reads). */
export function chartTime(seconds: number[]): { values: number[]; unit: string } {
  return Math.max(0, ...seconds) < 120
    ? { values: seconds.map((s) => Math.round(s)), unit: ' s' }
    : { values: seconds.map((s) => Math.round(s / 6) / 10), unit: ' min' };
}

/** Today as yyyy-MM-dd (UTC), the timeline's default day. */
export function utcToday(now: Date): string { return now.toISOString().slice(0, 10); }
