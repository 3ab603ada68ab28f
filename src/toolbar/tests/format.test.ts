import { partyLabel } from '../src/agent/format';
import { describe, expect, it } from 'vitest';
import {
  activeParties, countdownFraction, displayNumber, elapsedSeconds, formatDuration, offerDeadlineMs, pendingLabel,
  primaryCall, remainingSeconds, stateLabel, truncateValue,
} from '../src/agent/format';
import type { CallView, PartyView } from '../src/api/types';

describe('state formatting', () => {
  it('names states the way agents say them', () => {
    expect(stateLabel({ status: 'Ready' })).toBe('Ready');
    expect(stateLabel({ status: 'NotReady', reason: 'Lunch' })).toBe('Not Ready (Lunch)');
    expect(stateLabel({ status: 'NotReady' })).toBe('Not Ready');
    expect(stateLabel({ status: 'WrapUp', reason: 'ignored' })).toBe('Wrap-up');
    expect(stateLabel({ status: 'OnCall' })).toBe('On call');
  });
  it('shows a pending Not Ready with its reason, a pending Logout, and nothing otherwise', () => {
    expect(pendingLabel({ pending: 'NotReady', pendingReason: 'Break' })).toBe('Pending Not Ready (Break)');
    expect(pendingLabel({ pending: 'NotReady' })).toBe('Pending Not Ready');
    expect(pendingLabel({ pending: 'Logout' })).toBe('Pending Logout');
    expect(pendingLabel({ pending: 'None' })).toBe('');
  });
});

describe('durations and countdowns', () => {
  it('formats m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(245)).toBe('4:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('0:00');
  });
  it('counts time in state by the server clock', () => {
    const since = '2026-01-01T10:00:00Z';
    const now = Date.parse('2026-01-01T10:01:05Z');
    expect(elapsedSeconds(since, now)).toBe(65);
    // local clock 2 s behind the server
    expect(elapsedSeconds(since, now - 2000, 2000)).toBe(65);
    expect(elapsedSeconds(null, now)).toBe(0);
    expect(elapsedSeconds('garbage', now)).toBe(0);
  });
  it('counts down to a deadline, rounding up and never below zero', () => {
    const until = '2026-01-01T10:00:30Z';
    expect(remainingSeconds(until, Date.parse('2026-01-01T10:00:00Z'))).toBe(30);
    expect(remainingSeconds(until, Date.parse('2026-01-01T10:00:29.2Z'))).toBe(1);
    expect(remainingSeconds(until, Date.parse('2026-01-01T10:00:31Z'))).toBe(0);
  });
  it('takes the offer deadline from ringingUntil, else from the countdown of the event', () => {
    expect(offerDeadlineMs({ ringingUntil: '2026-01-01T10:00:20Z' }, 15, 0, 1000)).toBe(Date.parse('2026-01-01T10:00:20Z') - 1000);
    expect(offerDeadlineMs({ ringingUntil: null }, 15, 5000)).toBe(20_000);
    expect(countdownFraction(5, 20)).toBe(0.25);
    expect(countdownFraction(5, 0)).toBe(0);
    expect(countdownFraction(30, 20)).toBe(1);
  });
});

describe('caller number display', () => {
  it('shows a masked number as sent and speaks what is hidden', () => {
    const d = displayNumber('+49 *** ***4567');
    expect(d.text).toBe('+49 *** ***4567');
    expect(d.masked).toBe(true);
    expect(d.label).toBe('number ending 4567, 6 digits hidden');
  });
  it('reads a fully hidden number and a plain one', () => {
    expect(displayNumber('xxxxxx').label).toBe('hidden number, 6 digits hidden');
    expect(displayNumber('+4930123456')).toEqual({ text: '+4930123456', label: 'number +4930123456', masked: false });
    expect(displayNumber('').text).toBe('Unknown number');
  });
});

describe('attached data', () => {
  it('keeps values up to 15 characters and cuts longer ones with the full text as title', () => {
    expect(truncateValue('ORD-12345')).toEqual({ text: 'ORD-12345' });
    expect(truncateValue('exactly15chars!')).toEqual({ text: 'exactly15chars!' });
    expect(truncateValue('Jean-Baptiste Emanuel Zorg')).toEqual({ text: 'Jean-Baptiste E…', title: 'Jean-Baptiste Emanuel Zorg' });
  });
});

const party = (p: Partial<PartyView>): PartyView => ({ legId: 'l', role: 'Agent', name: '', number: '', state: 'Connected', held: false, muted: false, ...p });
const call = (c: Partial<CallView>): CallView => ({
  callId: 'c', kind: 'Queue', direction: 'Inbound', state: 'Connected', customerNumber: '1', attachedData: [], parties: [],
  held: false, recording: false, createdAt: '2026-01-01T10:00:00Z', ...c,
});

describe('calls', () => {
  it('lists parties still on the call, me first', () => {
    const ps = [party({ legId: 'a', role: 'Customer' }), party({ legId: 'b', agentId: 'me' }), party({ legId: 'c', state: 'Left' })];
    expect(activeParties(ps, 'me').map((p) => p.legId)).toEqual(['b', 'a']);
  });
  it('shows a connected call before a ringing one', () => {
    const a = call({ callId: 'a', state: 'Ringing', createdAt: '2026-01-01T10:00:05Z' });
    const b = call({ callId: 'b', state: 'Connected' });
    expect(primaryCall([a, b])?.callId).toBe('b');
    expect(primaryCall([call({ state: 'Ended' })])).toBeUndefined();
  });
});

describe('partyLabel', () => {
  const p = (x: Record<string, unknown>) => ({ legId: 'l', role: 'Customer', name: 'Customer', number: '+4930123', state: 'Connected', held: false, muted: false, ...x }) as import('../src/api/types').PartyView;
  it('names the customer by name or number, never "Customer" twice', () => {
    expect(partyLabel(p({}), { customerNumber: '+4930123' }, 'me')).toEqual({ name: '+4930123', role: 'Customer' });
    expect(partyLabel(p({}), { customerNumber: '+4930123', customerName: 'Zorg' }, 'me')).toEqual({ name: 'Zorg', role: 'Customer' });
    expect(partyLabel(p({ role: 'Agent', agentId: 'me', name: 'Agent 1' }), { customerNumber: '' }, 'me')).toEqual({ name: 'You', role: '' });
    expect(partyLabel(p({ role: 'External', name: '0800123', number: '0800123' }), { customerNumber: '' }, 'me')).toEqual({ name: '0800123', role: '' });
  });
});
