// The web app's entry: styles and the shell (which mounts the agent toolbar and loads the other workspaces lazily).
// A wall screen (/wallboard?key=…) signs nobody in: it loads only its own chunk.
import './styles.css';
import { startShell } from './app/shell';

const root = document.getElementById('app')!;
if (location.pathname === '/wallboard') void import('./wallboard/board').then((m) => m.startWallboard(root));
else startShell(root);
