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

const PAGE_LINKS: readonly (readonly [Page, string, string])[] = [
  ['records', RECORDS_PATH, 'Call records'], ['contacts', CONTACTS_PATH, 'Contacts'], ['callbacks', CALLBACKS_PATH, 'Callbacks'],
  ['dialtasks', DIAL_TASKS_PATH, 'Dial tasks'], ['reports', REPORTS_PATH, 'Reports'],
];

/** The pages every role uses (each shows what her roles allow), on every page: the header's and the agent toolbar's. */
export function PageLinks({ current }: { current?: Role | Page }) {
  return (
    <nav class="page-links" aria-label="Sections">
      <ul>
        {PAGE_LINKS.map(([page, path, label]) => (
          <li key={page}><a class="header-link" href={path} aria-current={page === current ? 'page' : undefined}>{label}</a></li>
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
      <PageLinks current={current} />
      {children}
      <span class="app-user">
        {me && <span class="muted">{me.displayName} · {me.tenantDomain}</span>}
        <button type="button" onClick={() => void signOut()}>Sign out</button>
      </span>
    </header>
  );
}

/**
 * Above the agent toolbar (which draws its own header): the other workspaces she holds, the pages, and Sign out, which
 * ends her work first (she would otherwise stay Ready with nobody to take the calls).
 */
export function AgentBar({ stopWorking }: { stopWorking: () => Promise<void> }) {
  return (
    <div class="agent-bar">
      <WorkspaceSwitch current="agent" />
      <PageLinks current="agent" />
      <button type="button" class="link" onClick={async () => { await stopWorking(); await signOut(); }}>Sign out</button>
    </div>
  );
}
