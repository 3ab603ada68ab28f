// The wallboard's calls: the board with a wallboard key (no user session), and its hub.
import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { problemToError } from '../api/errors';
import type { SkillGroupMessage, SkillGroupStats } from '../api/types';

export interface WallboardView { name: string; skillGroups: SkillGroupStats[] }

/** GET /api/v1/wallboard with the key in its header; an ApiError (401 invalid_wallboard_key) when refused. */
export async function fetchBoard(key: string): Promise<WallboardView> {
  const res = await fetch('/api/v1/wallboard', { headers: { Accept: 'application/json', 'X-Wallboard-Key': key } });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw problemToError(res.status, body);
  return body as WallboardView;
}

/** The wall screen's hub: group messages of the key's groups; `Board()` after every (re)connect. */
export function boardHub(key: string, on: { stats(s: SkillGroupStats): void; board(b: WallboardView): void; lost(): void }): HubConnection {
  const conn = new HubConnectionBuilder()
    .withUrl(`/hubs/wallboard?key=${encodeURIComponent(key)}`)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => (ctx.previousRetryCount > 5 ? null : 1000 * 2 ** ctx.previousRetryCount) })
    .configureLogging(LogLevel.None)
    .build();
  conn.on('skillGroupStatsChanged', (m: SkillGroupMessage) => on.stats(m.data.stats));
  conn.onreconnected(async () => { on.board(await conn.invoke<WallboardView>('Board')); });
  conn.onclose(() => on.lost());
  return conn;
}
