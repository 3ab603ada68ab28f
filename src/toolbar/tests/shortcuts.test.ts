import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS, changeShortcut, loadShortcuts, shortcutFor } from '../src/agent/shortcuts';

const press = (code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = { altKey: true }) =>
  ({ altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods, code });

describe('keyboard shortcuts', () => {
  it('maps Alt + letter to the action, nothing without Alt or with other modifiers', () => {
    expect(shortcutFor(press('KeyA'), DEFAULT_SHORTCUTS)).toBe('answer');
    expect(shortcutFor(press('KeyH'), DEFAULT_SHORTCUTS)).toBe('hangup');
    expect(shortcutFor(press('KeyA', {}), DEFAULT_SHORTCUTS)).toBeNull();
    expect(shortcutFor(press('KeyA', { altKey: true, ctrlKey: true }), DEFAULT_SHORTCUTS)).toBeNull();
    expect(shortcutFor(press('KeyZ'), DEFAULT_SHORTCUTS)).toBeNull();
  });
  it('changes a letter, refusing one another action has or that is not a letter', () => {
    const next = changeShortcut(DEFAULT_SHORTCUTS, 'answer', 'J');
    expect(next).toEqual({ ...DEFAULT_SHORTCUTS, answer: 'j' });
    expect(shortcutFor(press('KeyJ'), next as typeof DEFAULT_SHORTCUTS)).toBe('answer');
    expect(changeShortcut(DEFAULT_SHORTCUTS, 'answer', 'h')).toBe('Alt+H is already Hang up.');
    expect(changeShortcut(DEFAULT_SHORTCUTS, 'answer', '?')).toBe('One letter or digit.');
  });
  it('loads saved letters, keeping the defaults for missing or broken ones', () => {
    expect(loadShortcuts({ getItem: () => '{"mute":"u","ready":"??"}' })).toEqual({ ...DEFAULT_SHORTCUTS, mute: 'u' });
    expect(loadShortcuts({ getItem: () => 'not json' })).toEqual(DEFAULT_SHORTCUTS);
  });
});
