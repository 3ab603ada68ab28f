// The header of every workspace page but the agent toolbar (which has its own): product, workspace switch, who, Sign out.
import type { ComponentChildren } from 'preact';
import { currentUser, signOut } from '../api/session';
import { useStore } from './store';
import { CALLBACKS_PATH, CONTACTS_PATH, DIAL_TASKS_PATH, RECORDS_PATH, REPORTS_PATH, workspacesOf, type Role } from './roles';

/** The pages every role reaches from the header (not workspaces). */
const PAGES = ['records', 'contacts', 'reports', 'callbacks', 'dialtasks'] as const;
type Page = (typeof PAGES)[number];

/** The workspaces her roles open: for several roles, and on the records, contacts and reports pages (the way back to her workspace). */
export function WorkspaceSwitch({ current }: { current: Role | Page }) {
  const me = useStore(currentUser);
  const mine = me ? workspacesOf(me) : [];
  if (mine.length < 2 && !PAGES.includes(current as Page)) return null;
  return (
    <nav class="workspaces" aria-label="Workspaces">
      <ul>
        {mine.map((w) => (
          <li key={w.role}><a href={w.path} aria-current={w.role === current ? 'page' : undefined}>{w.label}</a></li>
        ))}
      </ul>
    </nav>
  );
}

export function AppHeader({ title, current, children }: { title: string; current: Role | Page; children?: ComponentChildren }) {
  const me = useStore(currentUser);
  return (
    <header class="app-header">
      <span class="app-title">{title}</span>
      <WorkspaceSwitch current={current} />
      <a class="header-link" href={RECORDS_PATH} aria-current={current === 'records' ? 'page' : undefined}>Call records</a>
      <a class="header-link" href={CONTACTS_PATH} aria-current={current === 'contacts' ? 'page' : undefined}>Contacts</a>
      <a class="header-link" href={CALLBACKS_PATH} aria-current={current === 'callbacks' ? 'page' : undefined}>Callbacks</a>
      <a class="header-link" href={DIAL_TASKS_PATH} aria-current={current === 'dialtasks' ? 'page' : undefined}>Dial tasks</a>
      <a class="header-link" href={REPORTS_PATH} aria-current={current === 'reports' ? 'page' : undefined}>Reports</a>
      {children}
      <span class="app-user">
        {me && <span class="muted">{me.displayName} · {me.tenantDomain}</span>}
        <button type="button" onClick={() => void signOut()}>Sign out</button>
      </span>
    </header>
  );
}
