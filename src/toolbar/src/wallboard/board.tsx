// The wallboard: a wall screen's big per-group numbers (waiting, longest wait, service level, agents by state), opened
// with a wallboard key in the address (/wallboard?key=…), no sign-in, kept live by the skill groups' statistics messages.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SkillGroupStats } from '../api/types';
import { ApiError } from '../api/errors';
import { boardHub, fetchBoard, type WallboardView } from './api';
import { seconds } from '../supervisor/groups';
import './board.css';

interface Shown { stats: SkillGroupStats; at: number }
type State = { kind: 'loading' } | { kind: 'refused'; text: string } | { kind: 'board'; name: string; groups: Record<string, Shown>; live: boolean };

function useBoard(key: string): State {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    if (!key) { setState({ kind: 'refused', text: 'This wallboard needs a key in its address (/wallboard?key=…).' }); return; }
    let current: State = { kind: 'loading' };
    const set = (s: State) => { current = s; setState(s); };
    const take = (b: WallboardView, live: boolean) =>
      set({ kind: 'board', name: b.name, live, groups: Object.fromEntries(b.skillGroups.map((g) => [g.skillGroupId, { stats: g, at: Date.now() }])) });
    const refuse = (x: unknown) => set({ kind: 'refused', text: x instanceof ApiError && x.status === 401
      ? 'This wallboard key is not valid (it may have been revoked). Ask an administrator for a new one.'
      : `The wallboard cannot be shown: ${x instanceof Error ? x.message : String(x)}` });
    const hub = boardHub(key, {
      stats(s) {
        if (current.kind !== 'board' || !current.groups[s.skillGroupId]) return;
        set({ ...current, groups: { ...current.groups, [s.skillGroupId]: { stats: s, at: Date.now() } } });
      },
      board(b) { take(b, true); },
      // Closed for good (revoked, or the server gone for a while): ask again over REST, which says why.
      lost() { fetchBoard(key).then((b) => take(b, false), refuse); },
    });
    fetchBoard(key).then(async (b) => {
      take(b, false);
      await hub.start();
      take(await hub.invoke<WallboardView>('Board'), true);
    }).catch(refuse);
    return () => { void hub.stop(); };
  }, [key]);
  return state;
}

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => { const t = window.setInterval(() => setNow(Date.now()), 1000); return () => window.clearInterval(t); }, []);
  return now;
}

function Tile({ shown, now }: { shown: Shown; now: number }) {
  const g = shown.stats;
  // The longest wait as of the message, counted on since (callers' times are not sent to a wall screen).
  const longest = g.waiting > 0 ? g.longestWaitSeconds + (now - shown.at) / 1000 : 0;
  const sl = g.today?.figures.serviceLevelPercent;
  return (
    <section class="tile" aria-labelledby={`t-${g.skillGroupId}`} data-group={g.skillGroupId}>
      <h2 id={`t-${g.skillGroupId}`}>{g.name}</h2>
      <dl>
        <div class={`big ${g.waiting > 0 ? 'hot' : ''}`}><dt>Waiting</dt><dd class="waiting">{g.waiting}</dd></div>
        <div class="big"><dt>Longest wait</dt><dd class="longest">{seconds(longest)}</dd></div>
        <div class="big"><dt>Service level ({g.serviceLevelSeconds ?? 20} s)</dt><dd class="sl">{sl === null || sl === undefined ? '—' : `${sl} %`}</dd></div>
        <div><dt>Ready</dt><dd class="ready">{g.agentsReady}</dd></div>
        <div><dt>Busy</dt><dd>{g.agentsBusy ?? 0}</dd></div>
        <div><dt>Not Ready</dt><dd>{g.agentsNotReady ?? 0}</dd></div>
        <div><dt>Wrap-up</dt><dd>{g.agentsWrapUp ?? 0}</dd></div>
      </dl>
      <p class="today">Today {g.today?.figures.offered ?? '—'} offered · {g.today?.figures.answered ?? '—'} answered · {g.today?.figures.abandoned ?? '—'} abandoned</p>
    </section>
  );
}

function Wallboard({ keyText }: { keyText: string }) {
  const state = useBoard(keyText);
  const now = useNow();
  if (state.kind === 'loading') return <main id="main" class="wallboard"><p role="status">Loading the wallboard…</p></main>;
  if (state.kind === 'refused') {
    return <main id="main" class="wallboard refused"><h1>Wallboard</h1><p role="alert">{state.text}</p></main>;
  }
  const groups = Object.values(state.groups).sort((a, b) => a.stats.name.localeCompare(b.stats.name));
  return (
    <main id="main" class="wallboard" aria-labelledby="wallboard-title">
      <h1 id="wallboard-title">{state.name}</h1>
      <p class="link" role="status">{state.live ? 'Live' : 'Connecting…'}</p>
      <div class="tiles">{groups.map((s) => <Tile key={s.stats.skillGroupId} shown={s} now={now} />)}</div>
    </main>
  );
}

export function startWallboard(root: HTMLElement): void {
  const key = new URLSearchParams(location.search).get('key') ?? '';
  document.title = 'Wallboard – CtiBridge';
  root.replaceChildren();
  render(<Wallboard keyText={key} />, root);
}
