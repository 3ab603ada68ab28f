// The screen pop in the agent's offer banner: the caller's contact and last calls, or a form to save the caller as a
// new contact; and the tenant's third-party page (new tab or panel). Part of the agent's first load: keep it small.
import { h } from '../agent/dom';
import type { Api } from '../api/client';
import type { ScreenPop } from '../api/types';
import { createContact } from './api';

const when = (iso: string): string => new Date(iso).toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const talk = (s: number): string => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** The banner's contact section (null when the offer brought no screen pop). */
export function screenPopView(api: Api, pop: ScreenPop | null | undefined): HTMLElement | null {
  if (!pop) return null;
  // Always a link too: a browser may block a tab opened without a click.
  const link = pop.thirdPartyUrl && /^https?:\/\//i.test(pop.thirdPartyUrl)
    ? h('a', { href: pop.thirdPartyUrl, target: '_blank', rel: 'noopener noreferrer', id: 'pop-third-party' }, 'Open caller page') : null;
  const calls = pop.recentCalls.length === 0 ? null : h('ul', { class: 'pop-calls', 'aria-label': 'Last calls with this caller' },
    ...pop.recentCalls.map((c) => h('li', {}, `${when(c.offeredAt)} · ${c.outcome}${c.talkSeconds ? ` · ${talk(c.talkSeconds)}` : ''}${c.agentName ? ` · ${c.agentName}` : ''}`)));
  if (pop.contacts.length > 0) {
    return h('section', { class: 'screen-pop', id: 'screen-pop', 'aria-label': 'Caller' },
      ...pop.contacts.map((c) => h('div', { class: 'pop-contact' },
        h('strong', { class: 'pop-name' }, c.name), c.company ? h('span', {}, ` · ${c.company}`) : null,
        c.numberLabel ? h('span', { class: 'muted small' }, ` (${c.numberLabel})`) : null)),
      calls, link);
  }
  if (!pop.number) return calls || link ? h('section', { class: 'screen-pop', id: 'screen-pop', 'aria-label': 'Caller' }, calls, link) : null;
  const number = pop.number;
  const status = h('span', { class: 'muted small', role: 'status' });
  const name = h('input', { type: 'text', id: 'pop-save-name', 'aria-label': 'Contact name', placeholder: 'Name', maxlength: '200', required: true });
  const form = h('form', { class: 'row pop-save', id: 'pop-save' },
    name, h('button', { type: 'submit', id: 'pop-save-button' }, 'Save as contact'), status);
  form.onsubmit = (e) => {
    e.preventDefault();
    if (!name.value.trim()) { status.textContent = 'Enter a name.'; return; }
    createContact(api, { name: name.value.trim(), numbers: [{ number }] })
      .then((c) => form.replaceChildren(h('span', { role: 'status', id: 'pop-saved' }, `Saved: ${c.name}`)))
      .catch((err: Error) => { status.textContent = err.message; });
  };
  return h('section', { class: 'screen-pop', id: 'screen-pop', 'aria-label': 'Caller' },
    h('span', { class: 'muted small' }, 'Unknown caller.'), form, calls, link);
}

/** Opens the tenant's third-party page when its moment has come (offered or answered), once per call. */
export function openThirdParty(pop: ScreenPop | null | undefined, moment: 'Offered' | 'Answered', callId: string, opened: Set<string>): void {
  const url = pop?.thirdPartyUrl;
  if (!url || pop.thirdPartyTrigger !== moment || opened.has(callId) || !/^https?:\/\//i.test(url)) return;
  opened.add(callId);
  if (pop.thirdPartyTarget === 'Panel') {
    let panel = document.getElementById('screen-pop-panel');
    if (!panel) {
      panel = h('aside', { id: 'screen-pop-panel', class: 'card', 'aria-label': 'Caller page' },
        h('div', { class: 'row' }, h('strong', {}, 'Caller page'),
          h('button', { type: 'button', id: 'screen-pop-close', onclick: () => panel?.remove() }, 'Close')));
      document.body.append(panel);
    }
    panel.querySelector('iframe')?.remove();
    panel.append(h('iframe', { src: url, title: 'Caller page', sandbox: 'allow-scripts allow-forms allow-same-origin allow-popups', referrerpolicy: 'no-referrer' }));
  } else {
    window.open(url, '_blank', 'noopener,noreferrer');
  }
}

const pops = new Map<string, ScreenPop>();
const opened = new Set<string>();

/** Called for every hub event: keeps each offer's screen pop and opens the third-party page at its moment. */
export function screenPopEvent(name: string, data: unknown): void {
  const d = data as { call?: { callId: string; state?: string }; screenPop?: ScreenPop | null };
  const id = d?.call?.callId;
  if (!id) return;
  if (name === 'callOffered' && d.screenPop) {
    pops.set(id, d.screenPop);
    openThirdParty(d.screenPop, 'Offered', id, opened);
  } else if (name === 'callStateChanged' && d.call?.state === 'Connected') {
    openThirdParty(pops.get(id), 'Answered', id, opened);
  } else if (name === 'callEnded') {
    pops.delete(id);
  }
}
