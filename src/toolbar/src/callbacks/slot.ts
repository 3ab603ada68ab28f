// The callback reminders' place in the agent's first load: only this hook. The reminder itself (./reminder) is a chunk
// loaded once the agent's live connection starts (the first-load budget); events that arrive earlier wait for it.
import type { Api } from '../api/client';

let handler: ((name: string, data: unknown) => void) | undefined;
let loading = false;
const early: [string, unknown][] = [];

/** Loads the reminder chunk and shows the callbacks already due (after a reload, too); a supervisor's desk also the escalated ones. */
export function startCallbackReminders(api: Api, supervisor = false): void {
  if (loading) return;
  loading = true;
  void import('./reminder').then((m) => {
    handler = m.reminders(api, supervisor);
    for (const [n, d] of early.splice(0)) handler(n, d);
  });
}

/** A hub event: the callback ones go to the reminder. */
export function callbackEvent(name: string, data: unknown): void {
  if (!name.startsWith('callback')) return;
  if (handler) handler(name, data); else early.push([name, data]);
}
