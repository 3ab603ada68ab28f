// Ringing cues: a WebAudio beep and a desktop notification (switchable).

let ctx: AudioContext | null = null;

function audioContext(): AudioContext | null {
  const AC = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!AC) return null;
  try { ctx ??= new AC(); } catch { return null; }
  return ctx;
}

/**
 * Whether the browser lets the page play sound now. After a reload, before the agent clicks anywhere, the autoplay
 * rule keeps the AudioContext suspended and the ring would be silent; the toolbar says so and offers one click.
 */
export function soundAllowed(): boolean {
  const c = audioContext();
  if (!c) return true; // no Web Audio at all: nothing to unlock (the banner and notification still show)
  if (c.state === 'suspended') void c.resume().catch(() => {});
  return c.state !== 'suspended';
}

/** Unlocks sound; must run inside a user gesture (a click). True when the browser now allows it. */
export async function enableSound(): Promise<boolean> {
  const c = audioContext();
  if (!c) return true;
  try { await c.resume(); } catch { /* still blocked */ }
  return c.state === 'running';
}

/** Two short tones; silent when the browser has not allowed audio yet. */
export function beep(): void {
  try {
    const ctx = audioContext();
    if (!ctx) return;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
    const now = ctx.currentTime;
    for (const [i, f] of [[0, 880], [1, 660]] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = f;
      gain.gain.setValueAtTime(0.0001, now + i * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.2, now + i * 0.25 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.25 + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(now + i * 0.25);
      osc.stop(now + i * 0.25 + 0.22);
    }
  } catch { /* no audio: the banner still shows */ }
}

export const NOTIFY_KEY = 'cti.notifications';

export function notificationsWanted(): boolean {
  return localStorage.getItem(NOTIFY_KEY) !== 'off';
}

export async function setNotificationsWanted(on: boolean): Promise<boolean> {
  localStorage.setItem(NOTIFY_KEY, on ? 'on' : 'off');
  if (on && typeof Notification !== 'undefined' && Notification.permission === 'default') {
    try { return (await Notification.requestPermission()) === 'granted'; } catch { return false; }
  }
  return on && typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

/** Shows a desktop notification when the page is hidden, allowed, and wanted by the tenant and the agent. */
export function notifyIncoming(title: string, body: string, tenantAllows: boolean, onClick: () => void): void {
  if (!tenantAllows || !notificationsWanted()) return;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  try {
    const n = new Notification(title, { body, tag: 'cti-incoming', requireInteraction: true });
    n.onclick = () => { window.focus(); onClick(); n.close(); };
  } catch { /* some browsers only allow notifications from a service worker */ }
}
