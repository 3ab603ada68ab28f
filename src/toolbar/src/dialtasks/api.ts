// The dial tasks API (docs/dialtasks.md), on the shared client.
import type { Api } from '../api/client';
import type { Schema } from '../api/types';

export type DialTask = Schema<'Application.DialTasks.DialTaskView'>;
export type DialTaskProgress = Schema<'Application.DialTasks.DialTaskProgress'>;
export type DialTaskContact = Schema<'Application.DialTasks.DialTaskContactView'>;
export type DialTaskNext = Schema<'Application.DialTasks.DialTaskNextResponse'>;
export type DialTaskDial = Schema<'Application.DialTasks.DialTaskDialResponse'>;
export type CreateDialTask = Schema<'Application.DialTasks.CreateDialTaskRequest'>;
export type TaskCallerId = Schema<'Application.CallerIds.CallerIdView'>;

const at = (id: string, action = '') => `/dial-tasks/${encodeURIComponent(id)}${action}`;
const contact = (task: string, c: string, action: string) => at(task, `/contacts/${encodeURIComponent(c)}${action}`);

export const listDialTasks = (api: Api): Promise<DialTask[]> => api.request('GET', '/dial-tasks');
/** The caller IDs a new task may present (the tenant's and the task's team's). */
export const taskCallerIds = (api: Api): Promise<TaskCallerId[]> => api.request('GET', '/dial-tasks/caller-ids');
export const createDialTask = (api: Api, input: CreateDialTask): Promise<DialTask> => api.request('POST', '/dial-tasks', input);
export const setDialTaskStatus = (api: Api, id: string, status: 'Running' | 'Paused' | 'Cancelled'): Promise<DialTask> =>
  api.request('POST', at(id, '/status'), { status });
export const nextContact = (api: Api, id: string): Promise<DialTaskNext> => api.request('POST', at(id, '/next'));
export const dialContact = (api: Api, task: string, c: string): Promise<DialTaskDial> => api.request('POST', contact(task, c, '/dial'));
export const setResult = (api: Api, task: string, c: string, dispositionId: string, remark: string): Promise<DialTaskContact> =>
  api.request('POST', contact(task, c, '/result'), { dispositionId, remark: remark || undefined });

/** "3 of 10 done · 7 left (2 retries waiting) · Sale 2, Not interested 1" */
export function progressText(p: DialTaskProgress): string {
  const results = (p.byResult ?? []).map((r) => `${r.result} ${r.count}`).join(', ');
  const waiting = p.retriesWaiting ? ` (${p.retriesWaiting} retries waiting)` : '';
  const other = [p.exhausted ? `${p.exhausted} not reached` : '', p.blocked ? `${p.blocked} blocked` : ''].filter(Boolean).join(', ');
  const noResult = p.noResult ? `${results ? ', ' : ''}no result ${p.noResult}` : '';
  return `${p.done} of ${p.total} done · ${p.remaining} left${waiting}${other ? ` · ${other}` : ''}${results || noResult ? ` · ${results}${noResult}` : ''}`;
}
