// The callbacks API (docs/callbacks.md), on the shared client.
import type { Api } from '../api/client';
import type { Schema } from '../api/types';

export type Callback = Schema<'Application.Callbacks.CallbackView'>;
export type CallbackDialResponse = Schema<'Application.Callbacks.CallbackDialResponse'>;
export interface ScheduleInput {
  number?: string; contactId?: string; dueAtLocal: string; note?: string; agentId?: string; skillGroupId?: string;
}

const at = (id: string, action = '') => `/callbacks/${encodeURIComponent(id)}${action}`;

export const listCallbacks = (api: Api, scope: 'Mine' | 'Team', includeClosed = false): Promise<Callback[]> =>
  api.request('GET', `/callbacks?scope=${scope}&includeClosed=${includeClosed}`);
export const scheduleCallback = (api: Api, input: ScheduleInput): Promise<Callback> => api.request('POST', '/callbacks', input);
export const dialCallback = (api: Api, id: string): Promise<CallbackDialResponse> => api.request('POST', at(id, '/dial'));
export const snoozeCallback = (api: Api, id: string, minutes: number): Promise<Callback> => api.request('POST', at(id, '/snooze'), { minutes });
export const rescheduleCallback = (api: Api, id: string, dueAtLocal: string): Promise<Callback> =>
  api.request('POST', at(id, '/reschedule'), { dueAtLocal });
export const completeCallback = (api: Api, id: string, result: string): Promise<Callback> => api.request('POST', at(id, '/complete'), { result });
export const cancelCallback = (api: Api, id: string, reason?: string): Promise<Callback> => api.request('POST', at(id, '/cancel'), { reason });
export const reassignCallback = (api: Api, id: string, target: { agentId?: string; skillGroupId?: string }): Promise<Callback> =>
  api.request('POST', at(id, '/reassign'), target);

/** "10:30" or "Mon 7 Dec 10:30" — the tenant's wall-clock time as the server wrote it (dueAtLocal), never the browser's zone. */
export function localTime(c: Pick<Callback, 'dueAtLocal'>, withDate = false): string {
  const [date, rest] = c.dueAtLocal.split('T');
  const hm = (rest ?? '').slice(0, 5);
  return withDate ? `${date} ${hm}` : hm;
}

/** The wall-clock part of dueAtLocal, as a datetime-local input wants it. */
export const wallClock = (c: Pick<Callback, 'dueAtLocal'>): string => c.dueAtLocal.slice(0, 16);
