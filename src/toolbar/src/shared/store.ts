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
  const [, bump] = useState(0);
  useEffect(() => s.subscribe(() => bump((n) => n + 1)), [s]);
  return s.value;
}
