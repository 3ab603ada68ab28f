// Keyboard shortcuts for the agent's most frequent actions: Alt + a letter, each letter changeable in Settings
// (kept per browser). A shortcut presses the same button the agent would, so it does exactly what the button does.
export type ShortcutAction = 'answer' | 'hangup' | 'hold' | 'mute' | 'ready';
export type ShortcutKeys = Record<ShortcutAction, string>;

export const SHORTCUT_ACTIONS: readonly { action: ShortcutAction; label: string }[] = [
  { action: 'answer', label: 'Answer' },
  { action: 'hangup', label: 'Hang up' },
  { action: 'hold', label: 'Hold / Resume' },
  { action: 'mute', label: 'Mute / Unmute' },
  { action: 'ready', label: 'Ready' },
];

export const DEFAULT_SHORTCUTS: Readonly<ShortcutKeys> = { answer: 'a', hangup: 'h', hold: 'o', mute: 'm', ready: 'r' };
const STORAGE_KEY = 'cti.shortcuts';

/** The agent's letters: the defaults where she chose none or an unusable one. */
export function loadShortcuts(storage: Pick<Storage, 'getItem'> | null): ShortcutKeys {
  let saved: Partial<ShortcutKeys> = {};
  try { saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}') as Partial<ShortcutKeys>; } catch { /* defaults */ }
  const keys = { ...DEFAULT_SHORTCUTS };
  for (const { action } of SHORTCUT_ACTIONS) {
    const k = saved[action];
    if (typeof k === 'string' && /^[a-z0-9]$/.test(k)) keys[action] = k;
  }
  return keys;
}

/** Sets one letter; refused (returns why) when it is not a letter or digit or another action has it. */
export function changeShortcut(keys: ShortcutKeys, action: ShortcutAction, key: string): ShortcutKeys | string {
  const k = key.trim().toLowerCase();
  if (!/^[a-z0-9]$/.test(k)) return 'One letter or digit.';
  const other = SHORTCUT_ACTIONS.find((x) => x.action !== action && keys[x.action] === k);
  if (other) return `Alt+${k.toUpperCase()} is already ${other.label}.`;
  return { ...keys, [action]: k };
}

export function saveShortcuts(storage: Pick<Storage, 'setItem'> | null, keys: ShortcutKeys): void {
  try { storage?.setItem(STORAGE_KEY, JSON.stringify(keys)); } catch { /* storage unavailable: this page only */ }
}

/** The action of a key press: Alt + the letter (by physical key, as Alt changes the character on some layouts). */
export function shortcutFor(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>, keys: ShortcutKeys): ShortcutAction | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const m = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(e.code);
  if (!m) return null;
  const k = (m[1] ?? m[2]!).toLowerCase();
  return SHORTCUT_ACTIONS.find((x) => keys[x.action] === k)?.action ?? null;
}
