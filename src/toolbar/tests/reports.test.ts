import { describe, expect, it } from 'vitest';
import { chartTime, clock, hms, percent, reportRange, timelineBars } from '../src/reports/model';
import type { StateInterval } from '../src/reports/api';

const now = new Date('2026-03-15T22:30:00Z');

describe('report ranges (UTC days)', () => {
  it('quick ranges are whole UTC days, the end exclusive', () => {
    expect(reportRange('today', now)).toEqual({ from: '2026-03-15T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' });
    expect(reportRange('yesterday', now)).toEqual({ from: '2026-03-14T00:00:00.000Z', to: '2026-03-15T00:00:00.000Z' });
    expect(reportRange('last7', now)).toEqual({ from: '2026-03-09T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' });
    expect(reportRange('thisMonth', now)).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(reportRange('lastMonth', new Date('2026-01-10T00:00:00Z'))).toEqual({ from: '2025-12-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' });
  });
  it('a custom range includes its last day; bad days are refused in words', () => {
    expect(reportRange('custom', now, '2026-02-01', '2026-02-28')).toEqual({ from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
    expect(reportRange('custom', now, '2026-02-02', '2026-02-01')).toEqual({ problem: 'The last day must not be before the first.' });
    expect(reportRange('custom', now, '', '2026-02-01')).toEqual({ problem: 'Choose the first and the last day.' });
    expect(reportRange('custom', now, '2024-01-01', '2025-12-31')).toEqual({ problem: 'A report covers at most 366 days.' });
  });
});

describe('figures in words', () => {
  it('durations, percentages and missing figures', () => {
    expect(hms(65)).toBe('1:05');
    expect(hms(3725)).toBe('1:02:05');
    expect(hms(null)).toBe('—');
    expect(percent(66.66)).toBe('66.7 %');
    expect(percent(null)).toBe('—');
    expect(clock(13.5)).toBe('13:30');
  });
});

describe('timeline bars', () => {
  it('intervals become hours of the day, a pause names its reason, empty ones are dropped', () => {
    const i = (status: StateInterval['status'], from: string, to: string, reason: string | null = null): StateInterval =>
      ({ agentId: 'a', status, reason, from, to, seconds: 0 });
    const bars = timelineBars('2026-03-15', [
      i('Ready', '2026-03-15T08:00:00Z', '2026-03-15T09:30:00Z'),
      i('NotReady', '2026-03-15T09:30:00Z', '2026-03-15T10:00:00Z', 'Lunch'),
      i('OnCall', '2026-03-15T10:00:00Z', '2026-03-15T10:00:00Z'),
    ]);
    expect(bars).toEqual([
      { status: 'Ready', label: 'Ready', fromHour: 8, toHour: 9.5 },
      { status: 'NotReady', label: 'Not ready (Lunch)', fromHour: 9.5, toHour: 10 },
    ]);
  });
});

describe('chart time scale', () => {
  it('seconds while everything is under two minutes, else minutes with one decimal', () => {
    expect(chartTime([1, 59, 119])).toEqual({ values: [1, 59, 119], unit: ' s' });
    expect(chartTime([30, 120, 3600])).toEqual({ values: [0.5, 2, 60], unit: ' min' });
    expect(clock(10.5 + 7 / 3600, true)).toBe('10:30:07');
  });
});
