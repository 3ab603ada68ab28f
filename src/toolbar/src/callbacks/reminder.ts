// The reminders of due callbacks on the agent's screen (a chunk, see ./slot): one line per callback with one click to
// dial (the call center's dial: her phone rings, then the number), snooze for 10 minutes, or open the list. Supervisors
// see the callbacks of their teams that were escalated to them. Plain DOM, outside the toolbar's own rendering.
import type { Api } from '../api/client';
import { ApiError } from '../api/errors';
import { dialCallback, listCallbacks, localTime, snoozeCallback, type Callback } from './api';
import './reminder.css';

interface Item { callback: Callback; escalated: boolean; error?: string }

export function reminders(api: Api, supervisor: boolean): (name: string, data: unknown) => void {
  const items = new Map<string, Item>();
  const box = document.createElement('aside');
  box.className = 'callback-reminders';
  box.setAttribute('aria-label', 'Callback reminders');
  box.setAttribute('aria-live', 'polite');
  document.body.append(box);

  // The stack floats over the page's bottom corner: while it shows, the page gets as much room at its end, so what lies
  // under it (the dial pad's Call button on a phone-sized screen) can be scrolled above it and stays clickable.
  const reserveRoom = () => { document.body.style.paddingBottom = box.hidden ? '' : `${box.offsetHeight + 24}px`; };
  new ResizeObserver(reserveRoom).observe(box);

  const render = () => {
    box.replaceChildren(...[...items.values()].map(row));
    box.hidden = items.size === 0;
    reserveRoom();
  };

  const row = (it: Item): HTMLElement => {
    const c = it.callback;
    const el = document.createElement('div');
    el.className = it.escalated ? 'callback-reminder escalated' : 'callback-reminder';
    el.dataset.callbackId = c.id;
    const who = c.contactName ? `${c.contactName} (${c.number})` : c.number;
    const text = document.createElement('p');
    text.textContent = it.escalated
      ? `Callback not taken: ${who}, due ${localTime(c)}${c.agentName ? ` for ${c.agentName}` : c.skillGroupName ? ` for ${c.skillGroupName}` : ''}.`
      : `Callback due ${localTime(c)}: ${who}${c.note ? ` — ${c.note}` : ''}`;
    el.append(text);
    const actions = document.createElement('div');
    actions.className = 'callback-actions';
    if (!it.escalated) {
      actions.append(button(`Dial ${c.number}`, 'Dial', 'primary', async () => {
        await dialCallback(api, c.id);
        items.delete(c.id);
      }, it));
      actions.append(button('', 'Snooze 10 min', '', async () => {
        await snoozeCallback(api, c.id, 10);
        items.delete(c.id);
      }, it));
    }
    const list = document.createElement('a');
    list.href = '/callbacks';
    list.textContent = it.escalated ? 'Team callbacks' : 'My callbacks';
    actions.append(list);
    actions.append(button('Dismiss this reminder', '×', 'ghost', async () => { items.delete(c.id); }, it));
    el.append(actions);
    if (it.error) {
      const err = document.createElement('p');
      err.className = 'error';
      err.setAttribute('role', 'alert');
      err.textContent = it.error;
      el.append(err);
    }
    return el;
  };

  const button = (label: string, text: string, cls: string, act: () => Promise<void>, it: Item): HTMLButtonElement => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (label) b.setAttribute('aria-label', label);
    if (cls) b.className = cls;
    b.addEventListener('click', () => {
      b.disabled = true;
      act().then(() => { it.error = undefined; }, (e: unknown) => { it.error = e instanceof ApiError ? e.message : 'Failed, try again.'; })
        .finally(render);
    });
    return b;
  };

  const me = () => api.session?.user.userId;
  // Due and reminded, still waiting for someone to act: shown after a reload as well.
  const stillDue = (c: Callback) => c.status === 'Scheduled' && !!c.reminderSentAt;

  void listCallbacks(api, 'Mine').then((list) => {
    for (const c of list) if (stillDue(c) && !c.escalatedAt && (c.agentId === me() || !c.agentId)) items.set(c.id, { callback: c, escalated: false });
    render();
  }).catch(() => { /* the events still come */ });
  // A supervisor's escalated callbacks nobody has taken yet.
  if (supervisor) void listCallbacks(api, 'Team').then((list) => {
    for (const c of list) if (c.status === 'Scheduled' && c.escalatedAt && !items.has(c.id)) items.set(c.id, { callback: c, escalated: true });
    render();
  }).catch(() => { /* the events still come */ });

  return (name, data) => {
    const d = data as { callback?: Callback };
    const c = d?.callback;
    if (!c) return;
    if (name === 'callbackDue') items.set(c.id, { callback: c, escalated: false });
    else if (name === 'callbackEscalated') items.set(c.id, { callback: c, escalated: true });
    else if (name === 'callbackUpdated') {
      const shown = items.get(c.id);
      // Taken (dialled, snoozed, completed, reassigned): the reminder goes, unless it is still due and still hers.
      if (shown && !(stillDue(c) && (c.agentId === me() || (!c.agentId && !shown.escalated)))) items.delete(c.id);
    }
    render();
  };
}
