// One toolbar per browser: a second tab finds the first over BroadcastChannel and asks before taking over.

export type TabMessage =
  | { type: 'hello'; tab: string }
  | { type: 'here'; tab: string; user: string }
  | { type: 'take-over'; tab: string }
  | { type: 'released'; tab: string };

export class TabGuard {
  readonly id = Math.random().toString(36).slice(2);
  private ch: BroadcastChannel | null = null;
  active = false;
  onTakenOver: () => void = () => {};

  constructor(private readonly user: () => string | null, name = 'ctibridge-toolbar') {
    if (typeof BroadcastChannel !== 'undefined') {
      this.ch = new BroadcastChannel(name);
      this.ch.onmessage = (ev: MessageEvent<TabMessage>) => this.onMessage(ev.data);
    }
  }

  private onMessage(m: TabMessage): void {
    if (!m || m.tab === this.id) return;
    if (m.type === 'hello' && this.active) this.ch?.postMessage({ type: 'here', tab: this.id, user: this.user() ?? '' } satisfies TabMessage);
    if (m.type === 'take-over' && this.active) {
      this.active = false;
      this.onTakenOver();
      this.ch?.postMessage({ type: 'released', tab: this.id } satisfies TabMessage);
    }
  }

  /** Resolves with the user shown in another active tab, or null when this tab is alone. */
  probe(timeoutMs = 150): Promise<string | null> {
    const ch = this.ch;
    if (!ch) return Promise.resolve(null);
    return new Promise((resolve) => {
      const onMsg = (ev: MessageEvent<TabMessage>) => {
        if (ev.data?.type === 'here' && ev.data.tab !== this.id) { cleanup(); resolve(ev.data.user || 'someone'); }
      };
      const cleanup = () => { ch.removeEventListener('message', onMsg); window.clearTimeout(t); };
      const t = window.setTimeout(() => { cleanup(); resolve(null); }, timeoutMs);
      ch.addEventListener('message', onMsg);
      ch.postMessage({ type: 'hello', tab: this.id } satisfies TabMessage);
    });
  }

  /** Asks the other tab to let go (it shows why), then becomes the active one. */
  async takeOver(timeoutMs = 1000): Promise<void> {
    const ch = this.ch;
    if (ch) {
      await new Promise<void>((resolve) => {
        const onMsg = (ev: MessageEvent<TabMessage>) => { if (ev.data?.type === 'released') { cleanup(); resolve(); } };
        const cleanup = () => { ch.removeEventListener('message', onMsg); window.clearTimeout(t); };
        const t = window.setTimeout(() => { cleanup(); resolve(); }, timeoutMs);
        ch.addEventListener('message', onMsg);
        ch.postMessage({ type: 'take-over', tab: this.id } satisfies TabMessage);
      });
    }
    this.active = true;
  }
}
