// Which workspaces a user's roles open, and where she lands after signing in.
import type { Me } from '../api/types';

export type Role = 'agent' | 'supervisor' | 'admin';
export interface Workspace { role: Role; path: string; label: string }

/** In landing order: an agent lands on her toolbar, a supervisor on the desk, an admin on the console. */
export const WORKSPACES: readonly Workspace[] = [
  { role: 'agent', path: '/', label: 'Agent toolbar' },
  { role: 'supervisor', path: '/supervisor', label: 'Supervisor desk' },
  { role: 'admin', path: '/admin', label: 'Admin console' },
];

export function hasRole(me: Pick<Me, 'roles'>, role: Role): boolean {
  return me.roles.some((r) => r.toLowerCase() === role);
}

export function workspacesOf(me: Pick<Me, 'roles'>): Workspace[] {
  return WORKSPACES.filter((w) => hasRole(me, w.role));
}

/** The workspace a path belongs to. */
export function workspaceOfPath(path: string): Workspace | undefined {
  return [...WORKSPACES].reverse().find((w) => w.path === '/' ? path === '/' : path === w.path || path.startsWith(`${w.path}/`));
}

/** Pages every signed-in user of one of the roles opens (each shows what her roles allow): the call records. */
export const RECORDS_PATH = '/records';
export function isRecordsPath(path: string): boolean { return path === RECORDS_PATH || path.startsWith(`${RECORDS_PATH}/`); }

/** The contacts page: agents (their own) and supervisors (their teams'), admins (the tenant's). docs/contacts.md. */
export const CONTACTS_PATH = '/contacts';
export function isContactsPath(path: string): boolean { return path === CONTACTS_PATH || path.startsWith(`${CONTACTS_PATH}/`); }
/** The callbacks page: an agent's own (and her skill groups'), a supervisor's teams', an admin's tenant's. docs/callbacks.md. */
export const CALLBACKS_PATH = '/callbacks';
export function isCallbacksPath(path: string): boolean { return path === CALLBACKS_PATH || path.startsWith(`${CALLBACKS_PATH}/`); }
/** The dial tasks page: an agent works hers (preview dialling), a supervisor creates and follows her teams'. docs/dialtasks.md. */
export const DIAL_TASKS_PATH = '/dial-tasks';
export const isDialTasksPath = (path: string): boolean => path === DIAL_TASKS_PATH;
/** The reports (an agent's own dashboard; a supervisor's and an admin's team, skill group and agent reports). */
export const REPORTS_PATH = '/reports';
export function isReportsPath(path: string): boolean { return path === REPORTS_PATH || path.startsWith(`${REPORTS_PATH}/`); }

/** Where she goes: the path she asked for when her roles open it, else her first workspace. */
export function landingPath(me: Pick<Me, 'roles'>, requested: string): string {
  const mine = workspacesOf(me);
  if ((isRecordsPath(requested) || isContactsPath(requested) || isReportsPath(requested) || isCallbacksPath(requested) || isDialTasksPath(requested)) && mine.length > 0) return requested;
  const asked = workspaceOfPath(requested);
  if (asked && mine.some((w) => w.role === asked.role)) return requested;
  return mine[0]?.path ?? '/';
}
