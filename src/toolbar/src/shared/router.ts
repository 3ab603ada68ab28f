// The app's router: paths in the address bar (the Api serves index.html for them), history navigation, and
// same-origin links followed without a reload. Small on purpose: the agent's first load carries it.
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { store, useStore } from './store';

const path = store(location.pathname);
addEventListener('popstate', () => path.set(location.pathname));

export function navigate(to: string, replace = false): void {
  if (to === location.pathname) return;
  if (replace) history.replaceState(null, '', to); else history.pushState(null, '', to);
  path.set(location.pathname);
}

export function usePath(): string { return useStore(path); }

/** Follows plain left clicks on links to this app's pages in place (not new tabs, downloads, hashes, /swagger). */
export function followLinksInPlace(appPaths: RegExp): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    const href = a?.getAttribute('href');
    if (!a || !href || href.startsWith('#') || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
    if (!appPaths.test(a.pathname)) return;
    e.preventDefault();
    navigate(a.pathname);
  });
}

/** A component loaded on first use (its own chunk); null meanwhile. */
export function useLazy<P>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> | null {
  const [c, setC] = useState<ComponentType<P> | null>(null);
  useEffect(() => { let live = true; void load().then((m) => { if (live) setC(() => m.default); }); return () => { live = false; }; }, [load]);
  return c;
}
