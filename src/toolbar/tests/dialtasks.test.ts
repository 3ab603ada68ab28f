import { describe, expect, it } from 'vitest';
import { progressText, type DialTaskProgress } from '../src/dialtasks/api';

const progress = (p: Partial<DialTaskProgress>): DialTaskProgress => ({
  taskId: 't', total: 10, done: 3, remaining: 7, pending: 7, retriesWaiting: 0, claimed: 0, completed: 3, exhausted: 0, blocked: 0,
  byResult: [], noResult: 0, ...p,
});

describe('progressText', () => {
  it('lists the results, then the contacts closed without one', () => {
    expect(progressText(progress({ byResult: [{ result: 'Sale', count: 2 }], noResult: 1 }))).toBe('3 of 10 done · 7 left · Sale 2, no result 1');
    expect(progressText(progress({ noResult: 3 }))).toBe('3 of 10 done · 7 left · no result 3');
    expect(progressText(progress({ retriesWaiting: 2, exhausted: 1 }))).toBe('3 of 10 done · 7 left (2 retries waiting) · 1 not reached');
  });
});
