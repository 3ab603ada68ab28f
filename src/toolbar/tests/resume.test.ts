import { describe, expect, it } from 'vitest';
import { ResumeCursor, memoryStore } from '../src/hub/resume';
import type { HubEnvelope } from '../src/api/types';

const env = (epoch: string, seq: number): HubEnvelope => ({ epoch, seq, name: 'agentStateChanged', at: '2026-12-05T10:00:00Z', data: {} });

describe('resume bookkeeping', () => {
  it('starts empty and remembers the last envelope across instances (page reload)', () => {
    const store = memoryStore();
    const c = new ResumeCursor(store);
    expect(c.current).toEqual({ epoch: null, seq: 0 });
    expect(c.accept(env('e1', 1))).toEqual({ apply: true, gap: false });
    expect(c.accept(env('e1', 2))).toEqual({ apply: true, gap: false });
    expect(new ResumeCursor(store).current).toEqual({ epoch: 'e1', seq: 2 });
  });
  it('drops duplicates and reports gaps', () => {
    const c = new ResumeCursor(memoryStore());
    c.accept(env('e1', 5));
    expect(c.accept(env('e1', 5)).apply).toBe(false);
    expect(c.accept(env('e1', 3)).apply).toBe(false);
    expect(c.accept(env('e1', 8))).toEqual({ apply: true, gap: true });
    expect(c.current.seq).toBe(8);
  });
  it('restarts counting on a new epoch (server restarted)', () => {
    const c = new ResumeCursor(memoryStore());
    c.accept(env('e1', 40));
    expect(c.accept(env('e2', 1))).toEqual({ apply: true, gap: false });
    expect(c.current).toEqual({ epoch: 'e2', seq: 1 });
    expect(c.accept(env('e3', 4))).toEqual({ apply: true, gap: true });
  });
  it('applies missed events from Resume in order, without the ones already seen', () => {
    const c = new ResumeCursor(memoryStore());
    c.accept(env('e1', 2));
    const r = c.absorb({ epoch: 'e1', seq: 5, skillGroups: [], events: [env('e1', 5), env('e1', 2), env('e1', 3), env('e1', 4)] });
    expect(r.events.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(r.snapshot).toBeNull();
    expect(c.current).toEqual({ epoch: 'e1', seq: 5 });
  });
  it('takes a snapshot and moves the cursor to it', () => {
    const c = new ResumeCursor(memoryStore());
    c.accept(env('e1', 2));
    const snap = { agent: null, calls: [], skillGroups: [] };
    const r = c.absorb({ epoch: 'e9', seq: 17, skillGroups: [], snapshot: snap });
    expect(r.snapshot).toBe(snap);
    expect(c.current).toEqual({ epoch: 'e9', seq: 17 });
  });
  it('survives garbage in storage and forgets on reset', () => {
    const store = memoryStore();
    store.setItem('cti.cursor', '{not json');
    expect(new ResumeCursor(store).current).toEqual({ epoch: null, seq: 0 });
    store.setItem('cti.cursor', JSON.stringify({ epoch: 'e', seq: -4 }));
    expect(new ResumeCursor(store).current).toEqual({ epoch: 'e', seq: 0 });
    const c = new ResumeCursor(store);
    c.reset();
    expect(store.getItem('cti.cursor')).toBeNull();
  });
});
