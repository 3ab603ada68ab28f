// Resume bookkeeping: the last (epoch, seq) seen on the hub, kept in sessionStorage so a reload
// resumes where the page left off, and the rule for which incoming envelopes to apply.
import type { HubEnvelope, ResumeResult } from '../api/types';

export interface KeyValueStore { getItem(k: string): string | null; setItem(k: string, v: string): void; removeItem(k: string): void }

export interface Cursor { epoch: string | number | null; seq: number }

export const CURSOR_KEY = 'cti.cursor';

export class ResumeCursor {
  private cursor: Cursor;
  constructor(private readonly store: KeyValueStore, private readonly key = CURSOR_KEY) {
    this.cursor = ResumeCursor.read(store, key);
  }

  static read(store: KeyValueStore, key = CURSOR_KEY): Cursor {
    try {
      const raw = store.getItem(key);
      if (!raw) return { epoch: null, seq: 0 };
      const c = JSON.parse(raw) as Partial<Cursor>;
      const seq = typeof c.seq === 'number' && Number.isFinite(c.seq) && c.seq >= 0 ? c.seq : 0;
      const epoch = typeof c.epoch === 'string' || typeof c.epoch === 'number' ? c.epoch : null;
      return { epoch, seq: epoch === null ? 0 : seq };
    } catch {
      return { epoch: null, seq: 0 };
    }
  }

  get current(): Cursor { return { ...this.cursor }; }

  /**
   * Decides whether an envelope is new: same epoch and seq ≤ last → duplicate (skip);
   * a new epoch (server restarted) → apply and restart counting; seq jump → apply but report a gap
   * so the caller can Resume to fetch what was missed.
   */
  accept(env: Pick<HubEnvelope, 'epoch' | 'seq'>): { apply: boolean; gap: boolean } {
    if (this.cursor.epoch === null || String(env.epoch) !== String(this.cursor.epoch)) {
      const wasKnown = this.cursor.epoch !== null;
      this.set({ epoch: env.epoch, seq: env.seq });
      return { apply: true, gap: wasKnown && env.seq > 1 };
    }
    if (env.seq <= this.cursor.seq) return { apply: false, gap: false };
    const gap = env.seq > this.cursor.seq + 1;
    this.set({ epoch: env.epoch, seq: env.seq });
    return { apply: true, gap };
  }

  /** Takes in a Resume answer: events to apply in order (duplicates dropped), or a snapshot. */
  absorb(result: ResumeResult): { events: HubEnvelope[]; snapshot: ResumeResult['snapshot'] | null } {
    if (result.snapshot) {
      this.set({ epoch: result.epoch, seq: result.seq });
      return { events: [], snapshot: result.snapshot };
    }
    const fresh: HubEnvelope[] = [];
    for (const e of [...(result.events ?? [])].sort((a, b) => a.seq - b.seq)) {
      if (this.accept(e).apply) fresh.push(e);
    }
    if (String(result.epoch) !== String(this.cursor.epoch) || result.seq > this.cursor.seq) this.set({ epoch: result.epoch, seq: result.seq });
    return { events: fresh, snapshot: null };
  }

  reset(): void { this.cursor = { epoch: null, seq: 0 }; this.store.removeItem(this.key); }

  private set(c: Cursor): void {
    this.cursor = { epoch: c.epoch, seq: c.seq };
    this.store.setItem(this.key, JSON.stringify(this.cursor));
  }
}

/** An in-memory store (tests, or when sessionStorage is not available). */
export function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}
