// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { store, useStore, type Store } from '../src/shared/store';

function Shows({ s }: { s: Store<string> }) {
  return <p>{useStore(s)}</p>;
}

const settled = () => new Promise((r) => setTimeout(r, 250)); // past Preact's after-paint effect scheduling

describe('useStore', () => {
  it('re-renders on a change made before its subscription ran (a session resumed during the first paint)', async () => {
    const who = store('nobody');
    const root = document.createElement('div');
    render(<Shows s={who} />, root);
    who.set('admin'); // the effect that subscribes has not run yet
    await settled();
    expect(root.textContent).toBe('admin');
  });

  it('re-renders on later changes and stops listening once unmounted', async () => {
    const who = store('a');
    const root = document.createElement('div');
    render(<Shows s={who} />, root);
    await settled();
    who.set('b');
    await settled();
    expect(root.textContent).toBe('b');
    render(null, root);
    await settled();
    who.set('c');
    await settled();
    expect(root.textContent).toBe('');
  });
});
