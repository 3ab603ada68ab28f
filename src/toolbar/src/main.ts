// The web app's entry: styles and the shell (which mounts the agent toolbar and loads the other workspaces lazily).
import './styles.css';
import { startShell } from './app/shell';

startShell(document.getElementById('app')!);
