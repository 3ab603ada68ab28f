// The supervisor desk's shell: its pages (live agents and calls, queues, wallboard) are built in this folder.
import { AppHeader } from '../shared/header';

export default function SupervisorDesk() {
  return (
    <div class="workspace">
      <AppHeader title="CtiBridge supervisor" current="supervisor" />
      <main id="main" class="page" aria-labelledby="supervisor-title">
        <h1 id="supervisor-title">Supervisor desk</h1>
        <p>The live view of agents, calls and queues comes here. Until then, everything it will show is in the API:</p>
        <ul class="links">
          <li><a href="/swagger" target="_blank" rel="noopener">API documentation (Swagger UI)</a></li>
        </ul>
      </main>
    </div>
  );
}
