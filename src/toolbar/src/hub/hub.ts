// The SignalR connection to /hubs/agent: automatic reconnect, then Resume(epoch, lastSeq).
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { ResumeCursor } from './resume';
import type { HubEnvelope, ResumeResult, SkillGroupMessage, SkillGroupStats } from '../api/types';
import type { HubEventName } from '../api/events';

export const EVENT_NAMES = [
  'agentStateChanged', 'callOffered', 'callStateChanged', 'participantsChanged', 'callEnded',
  'skillGroupStatsChanged', 'phoneRegistrationChanged', 'pbxConnectionChanged',
  'monitoringStarted', 'monitoringModeChanged', 'monitoringEnded',
  'callbackDue', 'callbackEscalated', 'callbackUpdated',
] as const satisfies readonly HubEventName[];

export type LinkState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface HubHandlers {
  /** A stream envelope, or a skill group's statistics (a group message: no epoch/seq). */
  event(env: HubEnvelope | SkillGroupMessage): void;
  /** The current statistics carried by every Resume answer (group messages are not replayed). */
  skillGroups(stats: SkillGroupStats[]): void;
  snapshot(s: NonNullable<ResumeResult['snapshot']>): void;
  link(state: LinkState, detail?: string): void;
  /** After a reconnect without Resume support: reload state over REST. */
  resync(): void;
}

export class AgentHub {
  private conn: HubConnection | null = null;
  private stopped = false;
  private retryTimer: number | undefined;

  constructor(private readonly tokenFactory: () => Promise<string>, private readonly cursor: ResumeCursor, private readonly h: HubHandlers, private readonly url = '/hubs/agent') {}

  async start(): Promise<void> {
    this.stopped = false;
    const conn = new HubConnectionBuilder()
      .withUrl(this.url, { accessTokenFactory: this.tokenFactory })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10_000, 500 * 2 ** Math.min(ctx.previousRetryCount, 5)) })
      .configureLogging(LogLevel.Warning)
      .build();
    conn.serverTimeoutInMilliseconds = 20_000;
    conn.keepAliveIntervalInMilliseconds = 5_000;
    for (const name of EVENT_NAMES) {
      conn.on(name, (env: HubEnvelope | SkillGroupMessage) => this.onEnvelope({ ...env, name: env?.name ?? name } as HubEnvelope | SkillGroupMessage));
    }
    conn.onreconnecting((e) => this.h.link('reconnecting', e?.message));
    conn.onreconnected(() => { this.h.link('connected'); void this.resume(); });
    conn.onclose((e) => {
      if (this.stopped) return;
      this.h.link('disconnected', e?.message);
      this.scheduleRestart();
    });
    this.conn = conn;
    this.h.link('connecting');
    try {
      await conn.start();
      this.h.link('connected');
      await this.resume();
    } catch (e) {
      this.h.link('disconnected', (e as Error)?.message);
      this.scheduleRestart();
    }
  }

  private scheduleRestart(): void {
    if (this.stopped) return;
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(async () => {
      if (this.stopped || !this.conn) return;
      try {
        if (this.conn.state === HubConnectionState.Disconnected) {
          this.h.link('reconnecting');
          await this.conn.start();
          this.h.link('connected');
          await this.resume();
        }
      } catch { this.scheduleRestart(); }
    }, 3000);
  }

  private onEnvelope(env: HubEnvelope | SkillGroupMessage): void {
    if (env && 'seq' in env && typeof env.seq === 'number' && env.epoch !== undefined) {
      const { apply, gap } = this.cursor.accept(env);
      if (!apply) return;
      this.h.event(env);
      if (gap) void this.resume();
    } else {
      // A skill group's statistics: outside the stream, so the cursor neither counts nor checks it.
      this.h.event(env);
    }
  }

  /** Asks the server for what was missed since the cursor; falls back to a REST resync. */
  async resume(): Promise<void> {
    if (!this.conn || this.conn.state !== HubConnectionState.Connected) return;
    const c = this.cursor.current;
    try {
      const r = await this.conn.invoke<ResumeResult>('Resume', c.epoch, c.seq);
      if (!r) { this.h.resync(); return; }
      const { events, snapshot } = this.cursor.absorb(r);
      if (snapshot) this.h.snapshot(snapshot);
      for (const e of events) this.h.event(e);
      if (r.skillGroups) this.h.skillGroups(r.skillGroups);
    } catch {
      this.h.resync();
    }
  }

  get connected(): boolean { return this.conn?.state === HubConnectionState.Connected; }

  async stop(): Promise<void> {
    this.stopped = true;
    window.clearTimeout(this.retryTimer);
    const c = this.conn;
    this.conn = null;
    if (c) { try { await c.stop(); } catch { /* closing anyway */ } }
  }
}
