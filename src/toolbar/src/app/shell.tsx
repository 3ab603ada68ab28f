// The web app's shell: who is signed in, where she lands, and which workspace the address shows. The agent
// toolbar is in the first bundle (it is the page agents load all day); every other workspace is its own chunk,
// loaded the first time it is opened.
import { render, Component } from 'preact';
import { useEffect } from 'preact/hooks';
import { api, currentUser, setSignOut } from '../api/session';
import type { Me } from '../api/types';
import { mountAgentToolbar, type AgentHandle } from '../agent/toolbar';
import { AgentBar } from '../shared/header';
import { hasRole, isCallbacksPath, isContactsPath, isDialTasksPath, isRecordsPath, isReportsPath, landingPath, workspaceOfPath } from '../shared/roles';
import { followLinksInPlace, navigate, useLazy, usePath } from '../shared/router';
import { useStore } from '../shared/store';

const loadSupervisorDesk = () => import('../supervisor/desk');
const loadAdminConsole = () => import('../admin/console');
const loadCallRecords = () => import('../records/records');
const loadContacts = () => import('../contacts/contacts');
const loadReports = () => import('../reports/reports');
const loadCallbacks = () => import('../callbacks/callbacks');
const loadDialTasks = () => import('../dialtasks/dialtasks');

let agent: AgentHandle | null = null;

/** The agent toolbar's own DOM: mounted once, never re-rendered by Preact (it draws itself). */
class AgentHost extends Component {
  private el: HTMLDivElement | null = null;
  override shouldComponentUpdate() { return false; }
  override componentDidMount() {
    agent = mountAgentToolbar(this.el!, {
      signedIn(me: Me) {
        currentUser.set(me);
        const target = landingPath(me, location.pathname);
        if (target !== location.pathname) navigate(target, true);
        // Sent to the toolbar (e.g. from a page her roles do not open): it starts now, not on a later render.
        return target === '/' && hasRole(me, 'agent');
      },
      signedOut() {
        currentUser.set(null);
        navigate('/');
      },
    });
  }
  override render() { return <div id="agent-root" ref={(el) => { this.el = el; }} />; }
}

function NotFound() {
  return <main id="main" class="center"><section class="card"><h1>Page not found</h1><p><a href="/">Back to the start</a></p></section></main>;
}

function Workspace({ path }: { path: string }) {
  const records = isRecordsPath(path), contacts = isContactsPath(path), reports = isReportsPath(path), callbacks = isCallbacksPath(path), dialTasks = isDialTasksPath(path);
  const role = workspaceOfPath(path)?.role;
  const Loaded = useLazy(records ? loadCallRecords : contacts ? loadContacts : reports ? loadReports : callbacks ? loadCallbacks : dialTasks ? loadDialTasks
    : role === 'admin' ? loadAdminConsole : loadSupervisorDesk);
  const Page = records || contacts || reports || callbacks || dialTasks || role === 'supervisor' || role === 'admin' ? Loaded : NotFound;
  return Page ? <Page /> : <p class="loading" role="status">Loading…</p>;
}

function Shell() {
  const path = usePath();
  const me = useStore(currentUser);
  // The toolbar shows the sign-in page to anyone signed out, and the toolbar to an agent at "/".
  const agentPage = !me || path === '/';
  useEffect(() => {
    if (!me) return;
    const target = landingPath(me, path);
    if (target !== path) navigate(target, true);
    else if (path === '/') agent?.activate();
  }, [me, path]);
  return (
    <>
      {me && agentPage && <AgentBar stopWorking={async () => { await agent?.stopWorking(); }} />}
      <div class="agent-area" hidden={!agentPage}><AgentHost /></div>
      {me && !agentPage && <Workspace key={isRecordsPath(path) ? 'records' : isContactsPath(path) ? 'contacts' : isReportsPath(path) ? 'reports' : isCallbacksPath(path) ? 'callbacks' : isDialTasksPath(path) ? 'dialtasks' : workspaceOfPath(path)?.role ?? 'none'} path={path} />}
    </>
  );
}

export function startShell(root: HTMLElement): void {
  setSignOut(async () => {
    if (agent) await agent.signOut(); else await api.logoutSession();
    currentUser.set(null);
    navigate('/');
  });
  followLinksInPlace(/^\/(admin|supervisor|records|contacts|reports|callbacks|dial-tasks)?(\/|$)/);
  root.replaceChildren();
  render(<Shell />, root);
}
