// A value pages watch: set() re-renders every component that read it with useStore().
import { useEffect, useState } from 'preact/hooks';

export interface Store<T> { readonly value: T; set(v: T): void; subscribe(fn: () => void): () => void }

export function store<T>(initial: T): Store<T> {
  let value = initial;
  const subs = new Set<() => void>();
  return {
    get value() { return value; },
    set(v: T) { if (v === value) return; value = v; subs.forEach((fn) => fn()); },
    subscribe(fn) { subs.add(fn); return () => { subs.delete(fn); }; },
  };
}

export function useStore<T>(s: Store<T>): T {
  const value = s.value;
  const [, bump] = useState(0);
  useEffect(() => {
    const unsubscribe = s.subscribe(() => bump((n) => n + 1));
    // Effects run after the browser paints (later still in a background tab): a value set between this render and
    // now (a session resumed by a quick refresh) sent no notice to anyone, and the page would keep the old value.
    if (s.value !== value) bump((n) => n + 1);
    return unsubscribe;
  }, [s]);
  return value;
}
