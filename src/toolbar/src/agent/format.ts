// Pure display helpers: state names, durations, numbers, attached data.
import type { AgentView, AgentStatus, CallView, PartyView } from '../api/types';

export const STATUS_LABEL: Readonly<Record<AgentStatus, string>> = {
  LoggedOut: 'Logged out',
  Ready: 'Ready',
  NotReady: 'Not Ready',
  Ringing: 'Ringing',
  OnCall: 'On call',
  WrapUp: 'Wrap-up',
};

/** "Not Ready (Lunch)", "Ready", "Wrap-up". */
export function stateLabel(agent: { status: AgentStatus | null | undefined; reason?: string | null }): string {
  if (!agent.status) return '—';
  const base = STATUS_LABEL[agent.status] ?? agent.status;
  return agent.status === 'NotReady' && agent.reason ? `${base} (${agent.reason})` : base;
}

/** "Pending Not Ready (Lunch)", "Pending Logout", or '' when nothing is pending. */
export function pendingLabel(agent: Pick<AgentView, 'pending' | 'pendingReason'>): string {
  if (!agent.pending || agent.pending === 'None') return '';
  if (agent.pending === 'NotReady') return agent.pendingReason ? `Pending Not Ready (${agent.pendingReason})` : 'Pending Not Ready';
  if (agent.pending === 'Logout') return 'Pending Logout';
  return `Pending ${agent.pending}`;
}

/** CSS modifier for a state badge. */
export function stateClass(status: AgentStatus | null | undefined): string {
  return status ? `state-${status.toLowerCase()}` : 'state-none';
}

/** 0:07, 4:05, 1:02:03 (negative → 0:00). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/** Seconds elapsed since an ISO instant, by the server's clock (skew = server − local, ms). */
export function elapsedSeconds(sinceIso: string | null | undefined, nowMs: number, skewMs = 0): number {
  if (!sinceIso) return 0;
  const t = Date.parse(sinceIso);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((nowMs + skewMs - t) / 1000));
}

/** Whole seconds left until an ISO instant (never negative), rounded up so "1" shows until the end. */
export function remainingSeconds(untilIso: string | null | undefined, nowMs: number, skewMs = 0): number {
  if (!untilIso) return 0;
  const t = Date.parse(untilIso);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.ceil((t - (nowMs + skewMs)) / 1000));
}

/**
 * Deadline (ms, local clock) of an offer: the server's ringingUntil when present, else the
 * event's countdown counted from when the event arrived.
 */
export function offerDeadlineMs(call: Pick<CallView, 'ringingUntil'>, countdownSeconds: number | undefined, receivedAtMs: number, skewMs = 0): number {
  if (call.ringingUntil) {
    const t = Date.parse(call.ringingUntil);
    if (!Number.isNaN(t)) return t - skewMs;
  }
  return receivedAtMs + Math.max(0, countdownSeconds ?? 0) * 1000;
}

/** Fraction (0..1) of a countdown that remains, for a progress bar. */
export function countdownFraction(remainingS: number, totalS: number): number {
  if (!(totalS > 0)) return 0;
  return Math.min(1, Math.max(0, remainingS / totalS));
}

const MASK_CHARS = /[*xX•]/g;

/**
 * The caller number as the server sent it (already masked by the tenant's rule) plus a label a
 * screen reader can speak: "+49 *** ***4567" → "number ending 4567, 6 digits hidden".
 */
export function displayNumber(number: string | null | undefined): { text: string; label: string; masked: boolean } {
  const text = (number ?? '').trim();
  if (!text) return { text: 'Unknown number', label: 'Unknown number', masked: false };
  const hidden = (text.match(MASK_CHARS) ?? []).length;
  if (hidden === 0) return { text, label: `number ${text}`, masked: false };
  const tail = /(\d+)\s*$/.exec(text)?.[1];
  const label = tail ? `number ending ${tail}, ${hidden} digits hidden` : `hidden number, ${hidden} digits hidden`;
  return { text, label, masked: true };
}

export const ATTACHED_VALUE_MAX = 15;

/** Attached-data value shown in the banner: over 15 characters it is cut with an ellipsis and the full text goes to the title. */
export function truncateValue(value: string, max = ATTACHED_VALUE_MAX): { text: string; title?: string } {
  const chars = [...(value ?? '')];
  if (chars.length <= max) return { text: value ?? '' };
  return { text: chars.slice(0, max).join('') + '…', title: value };
}

/** The other side of a call, as a line for lists. */
export function callTitle(call: Pick<CallView, 'customerName' | 'customerNumber' | 'direction'>): string {
  const num = displayNumber(call.customerNumber).text;
  return call.customerName ? `${call.customerName} · ${num}` : num;
}

/** Parties still on the call (not Left), the signed-in agent first. */
export function activeParties(parties: PartyView[], myAgentId?: string | null): PartyView[] {
  return parties
    .filter((p) => p.state !== 'Left')
    .sort((a, b) => Number(b.agentId === myAgentId) - Number(a.agentId === myAgentId));
}

/** Which of my calls is the main one to show (connected over ringing, newest first). */
export function primaryCall(calls: CallView[]): CallView | undefined {
  const order: Record<string, number> = { Connected: 0, Ringing: 1, Waiting: 2, Ended: 3 };
  return [...calls].filter((c) => c.state !== 'Ended')
    .sort((a, b) => (order[a.state]! - order[b.state]!) || Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}

/**
 * How a participant is named in the call's list, with the role only when it adds something: the customer by the
 * name or (masked) number the server sent — never "Customer · Customer" — agents by name, me as "You".
 */
export function partyLabel(p: PartyView, call: Pick<CallView, 'customerName' | 'customerNumber'>, myAgentId?: string | null): { name: string; role: string } {
  if (p.agentId && p.agentId === myAgentId) return { name: 'You', role: '' };
  if (p.role === 'Customer') {
    const name = call.customerName || displayNumber(p.number || call.customerNumber).text;
    return { name, role: 'Customer' };
  }
  const name = p.name || displayNumber(p.number).text;
  return { name, role: p.role === 'Agent' ? 'Agent' : name === p.number ? '' : p.role };
}
