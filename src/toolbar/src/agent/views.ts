// The views: login, agent login, and the toolbar's regions. Each region is rebuilt only when its
// data changed (patch with a key); running clocks are updated in place by main.tick().
import { h, patch } from './dom';
import { myNote, noteBody, type Actions, type Ui } from './ui';
import {
  activeParties, displayNumber, elapsedSeconds, formatDuration, partyLabel, pendingLabel, primaryCall, remainingSeconds,
  stateClass, stateLabel, truncateValue,
} from './format';
import { ApiError } from '../api/errors';
import { ringsMe } from './model';
import { notificationsWanted, setNotificationsWanted } from './alerts';
import { SHORTCUT_ACTIONS } from './shortcuts';
import { popSlot } from '../contacts/popslot';
import type { AgentView, CallView, DirectoryEntry, FreePhone, Me, PauseReason, TransferTargetGroup, WaitingCallView } from '../api/types';

export const fmtSince = (iso: string, now: number, skew: number) => formatDuration(elapsedSeconds(iso, now, skew));
export const leftSeconds = (iso: string, now: number, skew: number) => remainingSeconds(iso, now, skew);
export const fmtLeft = (s: number) => formatDuration(s);

const k = (v: unknown) => JSON.stringify(v);

// ---------------------------------------------------------------- sign-in

export function loginView(signIn: (d: string, l: string, p: string) => Promise<void>, lastDomain: string): HTMLElement {
  const err = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const domain = h('input', { id: 'domain', name: 'domain', autocomplete: 'organization', required: true, value: lastDomain, 'data-fid': 'domain' });
  const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, 'data-fid': 'username' });
  const pass = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-fid': 'password' });
  const btn = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', {
    class: 'card login', 'aria-labelledby': 'login-title',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      err.textContent = '';
      btn.disabled = true; btn.textContent = 'Signing in…';
      try { await signIn(domain.value.trim(), user.value.trim(), pass.value); }
      catch (x) { err.textContent = x instanceof ApiError ? x.message : String(x); pass.select(); }
      finally { btn.disabled = false; btn.textContent = 'Sign in'; }
    },
  },
  h('h1', { id: 'login-title' }, 'CtiBridge agent'),
  h('label', { for: 'domain' }, 'Company domain'), domain,
  h('label', { for: 'username' }, 'Username'), user,
  h('label', { for: 'password' }, 'Password'), pass,
  err, btn,
  h('p', { class: 'muted' }, h('a', { href: '#/device-check' }, 'Check microphone, speaker and connection')));
  queueMicrotask(() => (lastDomain ? user : domain).focus());
  return h('main', { class: 'center' }, form);
}

export function tabConflictView(user: string, a: Actions): HTMLElement {
  return h('main', { class: 'center' }, h('section', { class: 'card', role: 'alertdialog', 'aria-labelledby': 'tab-title' },
    h('h1', { id: 'tab-title' }, 'The toolbar is open in another tab'),
    h('p', {}, `${user} is working in another tab of this browser. Only one tab can hold the session and the microphone.`),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'primary', onclick: () => void a.takeOver() }, 'Use this tab instead'),
      h('button', { type: 'button', onclick: () => window.close() }, 'Close this tab'))));
}

export function takenOverView(a: Actions): HTMLElement {
  return h('main', { class: 'center' }, h('section', { class: 'card', role: 'alert' },
    h('h1', {}, 'Moved to another tab'),
    h('p', {}, 'The toolbar was opened in another tab, which now holds your session and microphone.'),
    h('button', { type: 'button', class: 'primary', onclick: () => void a.takeOver() }, 'Use this tab again')));
}

// ---------------------------------------------------------------- users who are not agents

const ROLE_NAMES: Record<string, string> = { admin: 'Administrator', supervisor: 'Supervisor', agent: 'Agent' };

/**
 * Supervisors and admins who are not agents: until the web app has their screens, who they are, where the API
 * documentation is (everything the supervisor desk and admin console will show is in the API), and Sign out.
 */
export function nonAgentView(me: Me, a: Actions): HTMLElement {
  const roles = me.roles.map((r) => ROLE_NAMES[r.toLowerCase()] ?? r);
  return h('main', { class: 'center' }, h('section', { class: 'card', 'aria-labelledby': 'non-agent-title' },
    h('h1', { id: 'non-agent-title' }, `Hello, ${me.displayName}`),
    h('p', { id: 'non-agent-role' }, `Signed in to ${me.tenantDomain} as ${roles.join(', ') || 'a user without a role'}${me.isPlatformAdmin ? ' (platform administrator)' : ''}.`),
    h('p', {}, 'This toolbar is for agents. Supervisor and administration screens are not in the web app yet; everything they will show — live agents and calls, queues, records, users and settings — is available through the API.'),
    h('ul', { class: 'links' },
      h('li', {}, h('a', { href: '/swagger', target: '_blank', rel: 'noopener' }, 'API documentation (Swagger UI)')),
      h('li', {}, h('a', { href: '/swagger/v1/swagger.json', target: '_blank', rel: 'noopener' }, 'OpenAPI description (JSON)'))),
    h('p', { class: 'row' }, h('a', { href: '#/device-check' }, 'Device check'),
      h('button', { type: 'button', class: 'primary', onclick: () => void a.signOut() }, 'Sign out'))));
}

// ---------------------------------------------------------------- agent login

export function agentLoginView(agent: AgentView, reasons: PauseReason[], a: Actions): HTMLElement {
  const readySel = h('select', { id: 'start-state', 'data-fid': 'start-state' },
    h('option', { value: '' }, 'Ready'),
    reasons.map((r) => h('option', { value: r.name }, `Not Ready – ${r.name}`)));
  const phoneWrap = h('div', { class: 'phones' });
  let phones: FreePhone[] = [];
  const phoneSel = h('select', { id: 'phone', 'data-fid': 'phone' });
  if (agent.extensionKind === 'Sip') {
    phoneWrap.append(h('label', { for: 'phone' }, 'Phone'), phoneSel, h('p', { class: 'muted', id: 'phone-note' }, 'Loading phones…'));
    void a.api.freePhones().then((list) => {
      phones = list;
      const registered = list.filter((p) => p.registered);
      phoneSel.replaceChildren(h('option', { value: '' }, `My phone (${agent.extension})`),
        ...(registered.length ? registered : list).map((p) => h('option', { value: p.endpoint }, `${p.extension}${p.description ? ` – ${p.description}` : ''}${p.registered ? '' : ' (not registered)'}`)));
      const note = phoneWrap.querySelector('#phone-note')!;
      note.textContent = registered.length ? `${registered.length} free registered phone(s).` : list.length ? 'No phone is registered; all phones are listed.' : 'No free phone to choose: your own phone is used.';
    }).catch((e) => { phoneWrap.querySelector('#phone-note')!.textContent = e instanceof ApiError ? e.message : 'Phones could not be loaded.'; });
  }
  const btn = h('button', { type: 'submit', class: 'primary' }, 'Start working');
  const form = h('form', {
    class: 'card', 'aria-labelledby': 'agent-login-title',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      btn.disabled = true;
      const reason = readySel.value || undefined;
      const phone = phoneSel.value || undefined;
      void phones;
      await a.agentLogin(!reason, reason, phone);
      btn.disabled = false;
    },
  },
  h('h1', { id: 'agent-login-title' }, `Hello, ${agent.displayName}`),
  h('p', {}, `Extension ${agent.extension} · ${agent.extensionKind === 'Web' ? 'browser softphone' : agent.extensionKind === 'Sip' ? 'IP phone' : 'remote phone'}`),
  agent.extensionKind === 'Sip' && !agent.deviceAvailable ? h('p', { class: 'warn', role: 'status' }, 'Your phone is not registered.') : null,
  h('label', { for: 'start-state' }, 'Start as'), readySel,
  phoneWrap,
  btn,
  h('p', { class: 'row' }, h('a', { href: '#/device-check' }, 'Device check'), h('button', { type: 'button', class: 'link', onclick: () => void a.signOut() }, 'Sign out')));
  queueMicrotask(() => btn.focus());
  return h('main', { class: 'center' }, form);
}

// ---------------------------------------------------------------- toolbar

export function toolbarShell(): HTMLElement {
  return h('div', { id: 'toolbar' },
    h('div', { id: 'banners' }),
    h('header', { id: 'hdr', class: 'hdr' }),
    h('section', { id: 'wrapup', 'aria-label': 'Wrap-up' }),
    h('section', { id: 'offers', 'aria-label': 'Incoming calls', 'aria-live': 'assertive' }),
    h('div', { class: 'cols' },
      h('main', { id: 'calls', 'aria-label': 'Calls' }),
      h('aside', { id: 'side', 'aria-label': 'Tools' },
        h('nav', { id: 'tabs', class: 'tabs', role: 'tablist', 'aria-label': 'Tools' }),
        h('section', { id: 'panel', role: 'tabpanel' }))));
}

export function renderToolbar(ui: Ui, a: Actions): void {
  const m = ui.model;
  const agent = m.agent!;
  const $ = (id: string) => document.getElementById(id)!;

  patch($('banners'), k([ui.link, m.pbx.connected, ui.softphoneNotice, ui.supervisorNote, ui.registration, agent.deviceAvailable, agent.extensionKind, ui.soundBlocked]), () => banners(ui, a));
  patch($('hdr'), k([agent, ui.menuOpen, ui.pauseReasons, Object.values(m.skillGroups).map((g) => [g.skillGroupId, g.name]), ui.registration, ui.softphone.kind]), () => header(ui, a));
  patch($('wrapup'), k([agent.status, agent.wrapUpEndsAt, agent.pending, agent.pendingReason, ui.pauseReasons.length]), () => wrapUp(ui, a));
  patch($('offers'), k([Object.keys(m.offers), Object.values(m.offers).map((o) => m.calls[o.callId])]), () => offers(ui, a));
  patch($('calls'), k([Object.values(m.calls).filter((c) => !m.offers[c.callId]), ui.picker, ui.keypadFor, agent.status, ui.lastCall?.callId]), () => calls(ui, a));
  patch($('tabs'), ui.panel, () => tabs(ui, a));
  panel(ui, a);
}

function banners(ui: Ui, a: Actions): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (ui.soundBlocked) {
    out.push(h('div', { class: 'banner banner-warn', role: 'status', id: 'sound-blocked' },
      h('span', {}, 'The browser is blocking sound: incoming calls will not ring (the banner and desktop notifications still show). '),
      h('button', { type: 'button', 'data-fid': 'enable-sound', onclick: () => void a.enableSound() }, 'Enable sound')));
  }
  if (ui.link === 'reconnecting' || ui.link === 'disconnected') {
    out.push(h('div', { class: 'banner banner-error', role: 'alert', id: 'conn-lost' }, 'Connection to the server lost – reconnecting…'));
  }
  if (!ui.model.pbx.connected) out.push(h('div', { class: 'banner banner-error', role: 'alert' }, `Phone system unreachable${ui.model.pbx.description ? `: ${ui.model.pbx.description}` : ''} – calls may fail until it is back.`));
  if (ui.softphoneNotice) out.push(h('div', { class: 'banner banner-info', role: 'status', id: 'softphone-notice' }, ui.softphoneNotice));
  if (ui.supervisorNote) {
    out.push(h('div', { class: 'banner banner-info', role: 'status', id: 'supervisor-note' },
      h('span', {}, ui.supervisorNote + ' '),
      h('button', { type: 'button', 'data-fid': 'dismiss-supervisor-note', onclick: () => a.dismissSupervisorNote() }, 'Dismiss')));
  }
  const agent = ui.model.agent!;
  if (agent.extensionKind === 'Sip' && !agent.deviceAvailable) out.push(h('div', { class: 'banner banner-warn', role: 'status' }, 'Your IP phone is not registered: calls cannot reach you.'));
  return out;
}

function header(ui: Ui, a: Actions): HTMLElement[] {
  const agent = ui.model.agent!;
  const pending = pendingLabel(agent);
  const reg = ui.softphone.kind === 'sipjs' ? h('span', { class: `reg reg-${ui.registration}`, title: 'Softphone registration' }, `Softphone: ${ui.registration}`) : null;
  const menuId = 'state-menu';
  const items: HTMLElement[] = [];
  const menuBtn = (label: string, fn: () => unknown, extra: Record<string, string | boolean> = {}) => h('button', {
    type: 'button', role: 'menuitem', ...extra,
    onclick: () => { a.toggleMenu(false); void fn(); },
  }, label);
  if (ui.menuOpen) {
    items.push(menuBtn('Ready', () => a.act(() => a.api.setState('Ready')), { 'data-fid': 'menu-ready' }));
    for (const r of ui.pauseReasons.filter((r) => !/^(Missed|Device unavailable)$/.test(r.name))) {
      items.push(menuBtn(`Not Ready – ${r.name}`, () => a.act(() => a.api.setState('NotReady', r.name)), { 'data-fid': `menu-nr-${r.name}` }));
    }
    if (!ui.pauseReasons.length) items.push(menuBtn('Not Ready', () => a.act(() => a.api.setState('NotReady'))));
    const groups = Object.values(ui.model.skillGroups);
    if (groups.length) {
      items.push(h('div', { class: 'menu-sep', role: 'separator' }));
      for (const g of groups) {
        const paused = agent.pausedSkillGroupIds.includes(g.skillGroupId);
        items.push(h('button', {
          type: 'button', role: 'menuitemcheckbox', 'aria-checked': String(paused),
          onclick: () => { a.toggleMenu(false); void a.act(() => a.api.pauseGroup(g.skillGroupId, !paused)); },
        }, `${paused ? 'Resume' : 'Pause'} ${g.name}`));
      }
    }
    items.push(h('div', { class: 'menu-sep', role: 'separator' }));
    items.push(menuBtn('Log out', () => a.logout(), { 'data-fid': 'menu-logout' }));
    queueMicrotask(() => document.querySelector<HTMLElement>('#state-menu [role^=menuitem]')?.focus());
  }
  const onMenuKey = (e: KeyboardEvent) => {
    const list = [...document.querySelectorAll<HTMLElement>('#state-menu [role^=menuitem]')];
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); list[(i + 1) % list.length]?.focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); list[(i - 1 + list.length) % list.length]?.focus(); }
    if (e.key === 'Escape') { a.toggleMenu(false); document.getElementById('state-btn')?.focus(); }
  };
  return [
    h('div', { class: 'who' },
      h('strong', { id: 'agent-name' }, agent.displayName),
      h('span', { class: 'muted', id: 'agent-ext' }, ` · ext ${agent.extension}`),
      reg,
      agent.autoAnswer ? h('span', { class: 'badge', id: 'auto-answer-badge', title: 'Offered calls are answered automatically' }, 'Auto-answer') : null),
    h('div', { class: 'state-line' },
      h('span', { class: `badge ${stateClass(agent.status)}`, id: 'agent-state', 'aria-live': 'polite' }, stateLabel(agent)),
      h('span', { class: 'timer', id: 'state-timer', 'aria-label': 'Time in state', 'data-since': agent.stateSince ?? '' }, '0:00'),
      pending ? h('span', { class: 'badge pending', id: 'pending-state', role: 'status' }, pending) : null,
      agent.pausedSkillGroupIds.length ? h('span', { class: 'muted small' }, `Paused in ${agent.pausedSkillGroupIds.map((id) => ui.model.skillGroups[id]?.name ?? 'a group').join(', ')}`) : null),
    h('div', { class: 'menu-wrap' },
      h('button', { type: 'button', id: 'state-btn', 'data-fid': 'state-btn', 'aria-haspopup': 'menu', 'aria-expanded': String(ui.menuOpen), 'aria-controls': menuId, onclick: () => a.toggleMenu() }, 'State ▾'),
      ui.menuOpen ? h('div', { id: menuId, class: 'menu', role: 'menu', 'aria-label': 'Change state', onkeydown: onMenuKey }, items) : null),
  ];
}

function wrapUp(ui: Ui, a: Actions): HTMLElement | null {
  const agent = ui.model.agent!;
  if (agent.status !== 'WrapUp') return null;
  const total = agent.wrapUpEndsAt && agent.stateSince ? Math.max(1, Math.round((Date.parse(agent.wrapUpEndsAt) - Date.parse(agent.stateSince)) / 1000)) : 0;
  const reason = h('select', { id: 'wrapup-reason', 'aria-label': 'Not Ready reason after wrap-up', 'data-fid': 'wrapup-reason' },
    ui.pauseReasons.filter((r) => !/^(Missed|Device unavailable)$/.test(r.name)).map((r) => h('option', { value: r.name }, r.name)));
  const pendingNr = agent.pending === 'NotReady';
  return h('div', { class: 'wrapup card' },
    h('div', { class: 'row' },
      h('strong', {}, 'Wrap-up'),
      agent.wrapUpEndsAt ? h('span', { class: 'timer', id: 'wrapup-left', 'aria-label': 'Wrap-up time left', 'data-until': agent.wrapUpEndsAt, 'data-total': String(total) }, '') : h('span', { class: 'muted' }, 'no time limit'),
      agent.wrapUpEndsAt ? h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', {})) : null),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'end-wrapup', 'data-fid': 'end-wrapup', onclick: () => void a.act(() => a.api.endWrapUp()) }, 'End wrap-up'),
      h('button', { type: 'button', id: 'extend-wrapup', 'data-fid': 'extend-wrapup', onclick: () => void a.act(() => a.api.extendWrapUp(30)) }, 'Extend +30 s'),
      pendingNr
        ? h('span', { class: 'badge pending' }, pendingLabel(agent))
        : [reason, h('button', { type: 'button', id: 'nr-after-wrapup', 'data-fid': 'nr-after', onclick: () => void a.act(() => a.api.setState('NotReady', reason.value || undefined)) }, 'Not Ready after wrap-up')]),
    ui.lastCall ? disposition(ui.lastCall, ui, a) : null);
}

function attached(call: CallView): HTMLElement | null {
  if (!call.attachedData?.length) return null;
  return h('dl', { class: 'attached', 'aria-label': 'Attached data' }, call.attachedData.map((d) => {
    const t = truncateValue(d.value);
    return [h('dt', {}, d.key), h('dd', { title: t.title ?? null, 'data-full': t.title ? d.value : null }, t.text)];
  }));
}

function numberEl(n: string, id?: string): HTMLElement {
  const d = displayNumber(n);
  return h('span', { class: `number${d.masked ? ' masked' : ''}`, id: id ?? null, 'aria-label': d.label }, d.text);
}

function offers(ui: Ui, a: Actions): HTMLElement[] {
  return Object.values(ui.model.offers).map((o) => {
    const call = ui.model.calls[o.callId];
    if (!call) return h('div', {});
    const until = call.ringingUntil ?? (o.countdownSeconds ? new Date(o.receivedAtMs + a.api.skewMs + o.countdownSeconds * 1000).toISOString() : null);
    const total = o.countdownSeconds || (call.ringingUntil ? Math.round((Date.parse(call.ringingUntil) - Date.parse(call.createdAt)) / 1000) : 0);
    const me = ui.model.agent?.agentId;
    // A consultation: the call is Connected (the first agent and the customer) and only my leg rings.
    const consultFrom = call.state === 'Connected'
      ? call.parties.find((p) => p.role === 'Agent' && p.agentId && p.agentId !== me && p.state !== 'Left' && (!call.consultLegOwner || p.agentId === call.consultLegOwner))
      : undefined;
    const titleId = `offer-title-${call.callId}`;
    const title = call.kind === 'Internal' && !consultFrom ? 'Internal call'
      : consultFrom ? `Consultation from ${consultFrom.name}`
      : call.transferredByName ? `Transferred call from ${call.transferredByName}` : 'Incoming call';
    return h('div', { class: 'offer card', role: 'alertdialog', 'aria-labelledby': titleId, 'data-call': call.callId, id: 'incoming' },
      h('div', { class: 'row' },
        h('strong', { id: titleId }, title),
        call.skillGroupName ? h('span', { class: 'badge group', id: 'offer-group' }, call.skillGroupName) : null,
        until ? h('span', { class: 'timer', id: 'ring-left', 'aria-label': 'Ring time left', 'data-until': until, 'data-total': String(total) }, '') : null),
      h('div', { class: 'offer-number' },
        consultFrom ? h('span', {}, `About ${consultFrom.name}'s call with `) : null,
        call.customerName ? h('span', {}, `${call.customerName} · `) : null, numberEl(call.customerNumber, 'offer-number')),
      until ? h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', {})) : null,
      attached(call),
      consultFrom ? null : handoverNotes(call),
      consultFrom ? null : popSlot.view?.(a.api, o.screenPop) ?? null,
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary answer', id: 'answer', 'data-fid': `answer-${call.callId}`, accesskey: 'a', onclick: () => void a.answer(call.callId) }, 'Answer'),
        h('button', { type: 'button', class: 'danger', id: 'decline', 'data-fid': `decline-${call.callId}`, onclick: () => void a.callAction(call.callId, 'decline') }, 'Decline')));
  });
}

/** Who transferred the call to me and the notes she left (disposition and remarks travel with the call). */
function handoverNotes(call: CallView): HTMLElement | null {
  if (!call.transferredByName) return null;
  const theirs = call.notes?.find((n) => n.agentId === call.transferredBy);
  const notes = [theirs?.disposition, theirs?.remarks].filter((x) => x && x.trim()).join(' — ');
  return h('div', { class: 'handover', role: 'note', 'aria-label': `Notes from ${call.transferredByName}` },
    h('span', { class: 'muted small' }, `Transferred by ${call.transferredByName}`),
    notes ? h('p', { class: 'notes' }, h('strong', {}, `Notes from ${call.transferredByName}: `), notes) : h('p', { class: 'muted small' }, 'No notes.'));
}

function calls(ui: Ui, a: Actions): HTMLElement | HTMLElement[] {
  const m = ui.model;
  const me = m.agent!.agentId;
  const list = Object.values(m.calls).filter((c) => !m.offers[c.callId] && c.state !== 'Ended' && !(ringsMe(c, me) && c.state === 'Ringing' && c.direction === 'Inbound'));
  if (!list.length) {
    return h('p', { class: 'muted idle', id: 'no-call' }, m.agent!.status === 'Ready' ? 'Waiting for calls.' : 'No call.');
  }
  const main = primaryCall(list)!;
  return [callPanel(main, ui, a), ...list.filter((c) => c.callId !== main.callId).map((c) => callPanel(c, ui, a))];
}

function callPanel(call: CallView, ui: Ui, a: Actions): HTMLElement {
  const me = ui.model.agent!.agentId;
  const mine = call.parties.find((p) => p.agentId === me && p.state !== 'Left');
  const parties = activeParties(call.parties, me);
  const consulting = parties.some((p) => p.state === 'Consulting') || (!!call.consultLegOwner && call.consultLegOwner === me);
  const iOwnConsult = consulting && (call.consultLegOwner ? call.consultLegOwner === me : true);
  // The agent being consulted may mute and hang up (leave); the call and its customer stay the first agent's.
  const consulted = consulting && !iOwnConsult;
  const owner = call.ownerAgentId === me;
  const connected = call.state === 'Connected';
  const full = connected && !consulted;
  const held = call.held || !!mine?.held;
  const muted = !!mine?.muted;
  const btn = (id: string, label: string, fn: () => unknown, extra: Record<string, string | boolean | null> = {}) =>
    h('button', { type: 'button', id, 'data-fid': `${id}-${call.callId}`, onclick: () => void fn(), ...extra }, label);
  return h('section', { class: 'call card', 'aria-label': `Call with ${call.customerName ?? call.customerNumber}`, 'data-call': call.callId, id: 'call-panel' },
    h('div', { class: 'row' },
      h('strong', {}, call.customerName ? `${call.customerName} · ` : '', numberEl(call.customerNumber, 'call-number')),
      call.skillGroupName ? h('span', { class: 'badge group' }, call.skillGroupName) : null,
      h('span', { class: 'badge', id: 'call-state' }, call.state === 'Ringing' ? 'Ringing' : consulting ? 'Consulting' : held ? 'On hold' : 'Connected'),
      h('span', { class: 'timer', id: 'call-timer', 'aria-label': 'Call duration', 'data-since': call.answeredAt ?? call.createdAt }, '0:00'),
      call.recording ? h('span', { class: 'rec', id: 'rec-indicator', role: 'status', 'aria-label': 'Recording' }, '● REC') : null,
      call.selfService ? h('span', { class: 'badge', id: 'self-service', role: 'status' }, `Self-service: ${call.selfService}`) : null),
    attached(call),
    handoverNotes(call),
    consulted ? h('p', { class: 'muted small', id: 'consulted-note' }, `${call.parties.find((p) => p.agentId === call.consultLegOwner)?.name ?? 'A colleague'} is consulting you; the customer is on hold.`) : null,
    h('div', { class: 'controls', role: 'toolbar', 'aria-label': 'Call controls' },
      full ? (held
        ? btn('resume', 'Resume', () => a.callAction(call.callId, 'resume'), { 'aria-pressed': 'true' })
        : btn('hold', 'Hold', () => a.callAction(call.callId, 'hold'), { 'aria-pressed': 'false' })) : null,
      connected ? btn('mute', muted ? 'Unmute' : 'Mute', () => a.callAction(call.callId, muted ? 'unmute' : 'mute'), { 'aria-pressed': String(muted) }) : null,
      full ? btn('keypad-btn', 'Keypad', () => a.toggleKeypad(call.callId), { 'aria-expanded': String(ui.keypadFor === call.callId) }) : null,
      connected && !consulting ? btn('transfer', 'Transfer', () => a.openPicker('transfer', call.callId)) : null,
      connected && !consulting ? btn('consult', 'Consult', () => a.openPicker('consult', call.callId)) : null,
      connected && !consulting ? btn('add-party', 'Add party', () => a.openPicker('add', call.callId)) : null,
      full ? btn('record', call.recording ? 'Stop recording' : 'Record', () => a.act(() => a.api.recording(call.callId, !call.recording)), { 'aria-pressed': String(call.recording) }) : null,
      btn('hangup', 'Hang up', () => a.callAction(call.callId, 'hangup'), { class: 'danger' })),
    consulting && iOwnConsult ? h('div', { class: 'controls consult', role: 'group', 'aria-label': 'Consultation' },
      h('span', { class: 'muted' }, 'Consultation:'),
      btn('consult-complete', 'Complete transfer', () => a.act(() => a.api.consultAction(call.callId, 'complete'))),
      btn('consult-conference', 'Conference', () => a.act(() => a.api.consultAction(call.callId, 'conference'))),
      btn('consult-cancel', 'Cancel', () => a.act(() => a.api.consultAction(call.callId, 'cancel')))) : null,
    ui.keypadFor === call.callId ? keypad((d) => a.sendDtmf(call.callId, d), 'In-call keypad') : null,
    ui.picker?.callId === call.callId ? picker(ui, a) : null,
    h('ul', { class: 'parties', 'aria-label': 'Participants', id: 'participants' }, parties.map((p) => {
      const label = partyLabel(p, call, me);
      const details = [label.role, p.state !== 'Connected' ? p.state : '', p.held ? 'held' : '', p.muted ? 'muted' : ''].filter(Boolean).join(' · ');
      return h('li', { 'data-leg': p.legId },
        h('span', {}, label.name),
        details ? h('span', { class: 'muted small' }, ` · ${details}`) : null,
        // Only the call's owner may drop parties (the server refuses everyone else).
        owner && p.agentId !== me && parties.length > 2 ? h('button', { type: 'button', class: 'link', 'aria-label': `Drop ${label.name}`, onclick: () => void a.act(() => a.api.dropParty(call.callId, p.legId)) }, 'Drop') : null);
    })),
    disposition(call, ui, a));
}

function disposition(call: CallView, ui: Ui, a: Actions): HTMLElement {
  // What the agent typed survives re-renders (a call event, opening the transfer picker) until it is saved.
  const draft = a.noteDraft(call.callId);
  const mine = myNote(call, ui.model.agent?.agentId);
  const codes = ui.dispositions;
  const fid = { id: `disp-${call.callId}`, 'data-fid': `disp-${call.callId}` };
  // The tenant's active codes (by category); a tenant without codes keeps free text.
  const disp = codes.length
    ? h('select', fid, h('option', { value: '' }, '—'), codes.map((c) => h('option', { value: c.id }, c.category ? `${c.category}: ${c.name}` : c.name)))
    : h('input', { ...fid, value: draft.disposition ?? mine?.disposition ?? '' });
  if (codes.length) disp.value = draft.disposition ?? mine?.dispositionId ?? '';
  const rem = h('textarea', { id: `rem-${call.callId}`, rows: 2, 'data-fid': `rem-${call.callId}` });
  rem.value = draft.remarks ?? mine?.remarks ?? '';
  const remLabel = h('label', { for: rem.id }, 'Remarks');
  // A code that requires remarks makes them required here too (the server refuses without them anyway).
  const mark = () => {
    rem.required = codes.some((c) => c.id === disp.value && c.remarksRequired);
    remLabel.textContent = rem.required ? 'Remarks (required)' : 'Remarks';
  };
  mark();
  disp.addEventListener(codes.length ? 'change' : 'input', () => { draft.disposition = disp.value; mark(); });
  rem.addEventListener('input', () => { draft.remarks = rem.value; });
  const box = h('details', { class: 'disposition', open: draft.open === true });
  box.addEventListener('toggle', () => { draft.open = box.open; });
  box.append(
    h('summary', {}, 'Disposition and remarks'),
    h('form', { onsubmit: (e: Event) => { e.preventDefault(); void a.act(() => a.api.disposition(call.callId, noteBody(codes.length > 0, disp.value, rem.value)), () => { draft.disposition = undefined; draft.remarks = undefined; a.showToast('Saved.'); }); } },
      h('label', { for: disp.id }, 'Disposition'), disp,
      remLabel, rem,
      h('button', { type: 'submit' }, 'Save')));
  return box;
}

export function keypad(onDigit: (d: string) => void, label: string): HTMLElement {
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
  return h('div', { class: 'keypad', role: 'group', 'aria-label': label },
    keys.map((d) => h('button', { type: 'button', 'data-fid': `key-${label}-${d}`, 'aria-label': `Digit ${d}`, onclick: () => onDigit(d) }, d)));
}

/** How often the open transfer/consult picker refreshes colleagues' states and the groups' free agents. */
export const PICKER_REFRESH_MS = 2000;
let pickerTimer: number | undefined;

function picker(ui: Ui, a: Actions): HTMLElement {
  const { mode, callId } = ui.picker!;
  const verb = mode === 'transfer' ? 'Transfer to' : mode === 'consult' ? 'Consult' : 'Add to call';
  const action = mode === 'transfer' ? 'Transfer' : mode === 'consult' ? 'Consult' : 'Add';
  const run = async (target: { agentId: string } | { skillGroupId: string } | { number: string }, label: string) => {
    a.clearToast(); // an earlier refusal must not stay on screen next to the outcome of this one
    await a.saveNotes(callId); // the next agent reads them
    await a.act(
      () => mode === 'transfer' ? a.api.transfer(callId, target) : mode === 'consult' ? a.api.consult(callId, target) : a.api.addParty(callId, target),
      () => {
        a.closePicker();
        a.showToast(mode === 'transfer' ? `Transferred to ${label}.` : mode === 'consult' ? `Calling ${label}…` : `Inviting ${label}…`);
      },
    );
  };
  const agents = h('ul', { class: 'dir', 'aria-label': 'Agents', id: 'picker-agents' }, h('li', { class: 'muted' }, 'Loading agents…'));
  const groups = h('ul', { class: 'dir', 'aria-label': 'Skill groups', id: 'picker-groups' });
  // Rebuilding a list keeps the focused button focused (same data-fid), so a refresh never steals the keyboard.
  const refill = (list: HTMLElement, items: HTMLElement[]) => {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.fid;
    list.replaceChildren(...items);
    if (focused) list.querySelector<HTMLElement>(`[data-fid="${CSS.escape(focused)}"]`)?.focus();
  };
  const me = ui.model.agent?.agentId;
  const loadAgents = () => a.api.directory().then((list) => {
    // Logged-out colleagues cannot take a call; supervisors who are not agents have no state.
    const working = list.filter((d) => d.agentId !== me && d.status && d.status !== 'LoggedOut');
    refill(agents, working.length ? working.map((d) => h('li', {},
      h('span', {}, d.displayName, d.extension ? h('span', { class: 'muted small' }, ` ${d.extension}`) : null),
      h('span', { class: `badge ${stateClass(d.status)}` }, stateLabel(d)),
      h('button', { type: 'button', 'data-agent': d.agentId, 'data-fid': `pick-agent-${d.agentId}`, 'aria-label': `${verb} ${d.displayName}`, onclick: () => void run({ agentId: d.agentId }, d.displayName) }, action)))
      : [h('li', { class: 'muted' }, 'No colleague is logged in.')]);
  }).catch((e) => refill(agents, [h('li', { class: 'error' }, e instanceof ApiError ? e.message : 'Could not load agents.')]));
  const loadGroups = () => mode === 'add' ? Promise.resolve() : a.transferGroups().then((list: TransferTargetGroup[]) => {
    refill(groups, list.map((g) => h('li', {},
      h('span', {}, g.name), h('span', { class: 'muted small' }, `${g.agentsFree} free`),
      h('button', {
        type: 'button', 'data-fid': `pick-group-${g.skillGroupId}`, disabled: mode === 'consult' || g.agentsFree === 0,
        'aria-label': `${verb} skill group ${g.name}`, onclick: () => void run({ skillGroupId: g.skillGroupId }, g.name),
      }, action))));
  }).catch(() => refill(groups, [h('li', { class: 'muted' }, 'Skill groups not available.')]));
  const load = () => Promise.all([loadAgents(), loadGroups()]);
  void load();
  // Transfer only: the tenant's self-service flows; the customer comes back to me with the digits attached.
  const flows = h('ul', { class: 'dir', 'aria-label': 'Self-service', id: 'picker-flows' });
  if (mode === 'transfer') void a.api.request<{ name: string }[]>('GET', '/agent/self-service-flows').then((list) => flows.replaceChildren(...list.map((f) => h('li', {},
    h('span', {}, f.name), h('button', { type: 'button', 'data-fid': `pick-flow-${f.name}`, 'aria-label': `Self-service ${f.name}`,
      onclick: () => void a.act(() => a.api.request('POST', `/calls/${callId}/self-service`, { flow: f.name }), () => a.closePicker()) }, 'Send')))), () => {});
  window.clearInterval(pickerTimer);
  pickerTimer = window.setInterval(() => {
    // The picker was closed or rebuilt: stop refreshing this one.
    if (!agents.isConnected) { window.clearInterval(pickerTimer); pickerTimer = undefined; return; }
    void load();
  }, PICKER_REFRESH_MS);
  const num = h('input', { id: 'picker-number', inputmode: 'tel', autocomplete: 'off', 'aria-label': 'Number', 'data-fid': 'picker-number' });
  queueMicrotask(() => document.querySelector<HTMLElement>('#picker-number')?.focus());
  return h('div', { class: 'picker', role: 'dialog', 'aria-label': verb },
    h('div', { class: 'row' }, h('strong', {}, verb), h('button', { type: 'button', class: 'link', onclick: () => a.closePicker(), 'aria-label': 'Close' }, '×')),
    agents,
    mode !== 'add' ? groups : null,
    mode === 'transfer' ? flows : null,
    h('form', { class: 'row', onsubmit: (e: Event) => { e.preventDefault(); const n = num.value.trim(); if (n) void run({ number: n }, n); } },
      num, h('button', { type: 'submit' }, action)));
}

// ---------------------------------------------------------------- side panels

const PANELS: [Ui['panel'], string][] = [['dial', 'Dial'], ['directory', 'Directory'], ['recent', 'Recent'], ['waiting', 'Waiting'], ['settings', 'Settings']];

function tabs(ui: Ui, a: Actions): HTMLElement[] {
  const onKey = (e: KeyboardEvent) => {
    const i = PANELS.findIndex(([p]) => p === ui.panel);
    const j = e.key === 'ArrowRight' ? (i + 1) % PANELS.length : e.key === 'ArrowLeft' ? (i - 1 + PANELS.length) % PANELS.length : -1;
    if (j >= 0) { e.preventDefault(); a.setPanel(PANELS[j]![0]); document.getElementById(`tab-${PANELS[j]![0]}`)?.focus(); }
  };
  return PANELS.map(([p, label]) => h('button', {
    type: 'button', role: 'tab', id: `tab-${p}`, 'data-fid': `tab-${p}`, 'aria-selected': String(ui.panel === p), tabindex: ui.panel === p ? '0' : '-1',
    onclick: () => a.setPanel(p), onkeydown: onKey,
  }, label));
}

let waitingTimer: number | undefined;

function panel(ui: Ui, a: Actions): void {
  const el = document.getElementById('panel')!;
  el.setAttribute('aria-labelledby', `tab-${ui.panel}`);
  if (ui.panel !== 'waiting') { window.clearInterval(waitingTimer); waitingTimer = undefined; }
  const key = ui.panel === 'recent' ? `recent:${k(ui.model.recent)}`
    : ui.panel === 'waiting' ? `waiting:${k(Object.values(ui.model.skillGroups))}`
    : ui.panel === 'settings' ? `settings:${k([ui.model.agent?.workingMode, ui.model.agent?.autoAnswer, ui.model.agent?.autoAnswerChangeable])}`
    : ui.panel === 'dial' ? `dial:${k(Object.keys(ui.model.skillGroups))}:${k(ui.callerIds.map((c) => c.number))}`
    : ui.panel;
  patch(el, key, () => ui.panel === 'dial' ? dialPanel(ui, a) : ui.panel === 'directory' ? directoryPanel(ui, a)
    : ui.panel === 'recent' ? recentPanel(ui, a) : ui.panel === 'waiting' ? waitingPanel(ui, a) : settingsPanel(ui, a));
}

function dialPanel(ui: Ui, a: Actions): HTMLElement {
  const num = h('input', { id: 'dial-number', inputmode: 'tel', autocomplete: 'off', 'data-fid': 'dial-number', placeholder: 'Number or extension' });
  // The caller IDs I may present (the server refuses any other); the first is the one used when I choose none.
  const cid = h('select', { id: 'caller-id', 'data-fid': 'caller-id' }, ui.callerIds.length
    ? ui.callerIds.map((c) => h('option', { value: c.number }, c.label ? `${c.label} (${c.number})` : c.number))
    : h('option', { value: '' }, 'Default caller ID'));
  const btn = h('button', { type: 'submit', class: 'primary', id: 'dial-btn' }, 'Call');
  return h('form', {
    class: 'dialpad', 'aria-label': 'Dial pad',
    onsubmit: (e: Event) => {
      e.preventDefault();
      const n = num.value.trim();
      if (!n) { num.focus(); return; }
      const callerId = cid.value || undefined;
      void a.act(() => a.api.dial(n, callerId), () => { num.value = ''; });
    },
  },
  h('label', { for: 'dial-number' }, 'Number'), num,
  keypad((d) => { num.value += d; num.focus(); }, 'Dial pad keys'),
  h('label', { for: 'caller-id' }, 'Caller ID'), cid,
  btn);
}

function directoryPanel(ui: Ui, a: Actions): HTMLElement {
  const list = h('ul', { class: 'dir', id: 'directory', 'aria-live': 'polite' });
  const search = h('input', { id: 'dir-search', type: 'search', 'aria-label': 'Search agents', placeholder: 'Search', 'data-fid': 'dir-search' });
  const load = () => a.api.directory(search.value).then((entries: DirectoryEntry[]) => {
    const me = ui.model.agent?.agentId;
    list.replaceChildren(...entries.filter((d) => d.agentId !== me).map((d) => h('li', {},
      h('span', {}, d.displayName, d.extension ? h('span', { class: 'muted small' }, ` ${d.extension}`) : null),
      d.status ? h('span', { class: `badge ${stateClass(d.status)}` }, stateLabel(d))
        : h('span', { class: 'muted small' }, d.role === 'supervisor' ? 'Supervisor' : d.role ?? ''),
      d.extension ? h('button', { type: 'button', 'aria-label': `Call ${d.displayName}`, onclick: () => void a.act(() => a.api.dial(d.extension!)) }, 'Call') : null)));
    if (!entries.length) list.replaceChildren(h('li', { class: 'muted' }, 'Nobody found.'));
  }).catch((e) => list.replaceChildren(h('li', { class: 'error' }, e instanceof ApiError ? e.message : 'Could not load the directory.')));
  let t: number | undefined;
  search.addEventListener('input', () => { window.clearTimeout(t); t = window.setTimeout(() => void load(), 250); });
  void load();
  return h('div', {}, search, list, h('button', { type: 'button', class: 'link', onclick: () => void load() }, 'Refresh'));
}

function recentPanel(ui: Ui, a: Actions): HTMLElement {
  const r = ui.model.recent;
  // The call records page (its own chunk, loaded when opened): every call she took part in, with filters.
  const all = h('p', {}, h('a', { href: '/records', id: 'all-calls' }, 'All my calls (call records)'), ' · ', h('a', { href: '/contacts', id: 'contacts-link' }, 'Contacts'), ' · ', h('a', { href: '/callbacks', id: 'callbacks-link' }, 'Callbacks'), ' · ', h('a', { href: '/dial-tasks', id: 'dialtasks-link' }, 'Dial tasks'), ' · ', h('a', { href: '/reports', id: 'my-reports' }, 'My reports'));
  if (!r.length) return h('div', {}, h('p', { class: 'muted' }, 'No recent calls.'), all);
  return h('div', {}, h('ul', { class: 'dir', id: 'recent' }, r.map((c) => {
    const d = displayNumber(c.number);
    return h('li', { 'data-call': c.callId },
      h('span', {}, c.name ? `${c.name} · ` : '', h('span', { 'aria-label': d.label }, d.text)),
      h('span', { class: 'muted small' }, `${c.direction}${c.skillGroupName ? ` · ${c.skillGroupName}` : ''} · ${new Date(c.at).toLocaleTimeString()}`),
      h('button', { type: 'button', disabled: d.masked, title: d.masked ? 'The number is hidden' : null, 'aria-label': `Call back ${d.label}`, onclick: () => void a.act(() => a.api.dial(c.number)) }, 'Call back'));
  })), all);
}

function waitingPanel(ui: Ui, a: Actions): HTMLElement {
  const groups = Object.values(ui.model.skillGroups);
  const box = h('div', { id: 'waiting' });
  if (!groups.length) { box.append(h('p', { class: 'muted' }, 'No skill groups.')); return box; }
  const lists = new Map<string, HTMLElement>();
  for (const g of groups) {
    const ul = h('ul', { class: 'dir', 'aria-label': `Waiting in ${g.name}` });
    lists.set(g.skillGroupId, ul);
    box.append(h('section', { class: 'group' },
      h('h3', {}, g.name, ' ', h('span', { class: 'muted small' }, `${g.waiting} waiting · ${g.agentsReady} ready · ${g.agentsFree} free`)),
      ul));
  }
  const load = () => {
    for (const g of groups) {
      void a.api.waiting(g.skillGroupId).then((w: WaitingCallView[]) => {
        lists.get(g.skillGroupId)!.replaceChildren(...(w.length ? w.map((c) => h('li', {},
          h('span', {}, `${c.position}. `, numberEl(c.customerNumber)),
          h('span', { class: 'timer', 'data-since': c.enqueuedAt, 'aria-label': 'Waiting for' }, formatDuration(c.waitSeconds)))) : [h('li', { class: 'muted' }, 'Nobody waiting.')]));
      }).catch(() => lists.get(g.skillGroupId)!.replaceChildren(h('li', { class: 'muted' }, 'Not available.')));
    }
  };
  load();
  window.clearInterval(waitingTimer);
  waitingTimer = window.setInterval(load, 5000);
  return box;
}

function settingsPanel(ui: Ui, a: Actions): HTMLElement {
  const agent = ui.model.agent!;
  // The tenant's switch (tenant settings, sent with the signed-in user): off means no desktop notification at all.
  const tenantAllows = a.api.session?.user.notificationsEnabled !== false;
  const notif = h('input', { type: 'checkbox', id: 'notif', checked: tenantAllows && notificationsWanted(), disabled: !tenantAllows, 'aria-describedby': tenantAllows ? undefined : 'notif-off' });
  notif.addEventListener('change', async () => { const ok = await setNotificationsWanted(notif.checked); if (notif.checked && !ok) a.showToast('The browser does not allow notifications for this page.', 'error'); });
  const modes = ['Inbound', 'Outbound', 'Both'] as const;
  const changeable = agent.autoAnswerChangeable === true;
  const auto = h('input', { type: 'checkbox', id: 'auto-answer', checked: agent.autoAnswer === true, disabled: !changeable, 'aria-describedby': 'auto-answer-note' });
  auto.addEventListener('change', () => void a.act(() => a.api.setAutoAnswer(auto.checked)));
  return h('div', { class: 'settings' },
    h('label', { class: 'check' }, notif, ' Desktop notifications for incoming calls'),
    h('label', { class: 'check' }, auto, ' Answer calls automatically'),
    h('p', { class: 'muted small', id: 'auto-answer-note' }, changeable
      ? 'Offered calls connect at once, in the browser softphone or on your desk phone.'
      : `Auto-answer is ${agent.autoAnswer ? 'on' : 'off'}; your administrator sets it.`),
    tenantAllows ? null : h('p', { class: 'muted', id: 'notif-off' }, 'Your company has switched desktop notifications off.'),
    agent.workingMode !== 'Inbound' && agent.workingMode !== 'Outbound' ? h('fieldset', {},
      h('legend', {}, 'Working mode'),
      modes.map((m) => h('label', { class: 'check' }, h('input', {
        type: 'radio', name: 'wm', value: m, checked: agent.workingMode === m,
        onchange: () => void a.act(() => a.api.request('PUT', '/agent/working-mode', { mode: m })),
      }), ` ${m}`))) : h('p', { class: 'muted' }, `Working mode: ${agent.workingMode}`),
    shortcutsHelp(ui, a),
    h('p', {}, h('a', { href: '#/device-check' }, 'Device check')),
    h('p', {}, h('button', { type: 'button', onclick: () => void a.logout() }, 'Log out')));
}

/** The help panel of the keyboard shortcuts: each action with its key, changeable. */
function shortcutsHelp(ui: Ui, a: Actions): HTMLElement {
  return h('section', { class: 'shortcuts', 'aria-labelledby': 'shortcuts-title' },
    h('h3', { id: 'shortcuts-title' }, 'Keyboard shortcuts'),
    h('p', { class: 'muted small', id: 'shortcuts-note' }, 'Press Alt and the key. Type another letter to change one; it is kept in this browser.'),
    h('ul', { class: 'shortcut-list' }, SHORTCUT_ACTIONS.map(({ action, label }) => {
      const input = h('input', {
        id: `shortcut-${action}`, class: 'shortcut-key', value: ui.shortcuts[action].toUpperCase(), maxlength: 1, autocomplete: 'off',
        'aria-describedby': 'shortcuts-note', 'data-fid': `shortcut-${action}`,
      });
      input.addEventListener('change', () => { if (!a.setShortcut(action, input.value)) input.value = ui.shortcuts[action].toUpperCase(); else input.value = input.value.toUpperCase(); });
      return h('li', { class: 'row' }, h('label', { for: `shortcut-${action}`, class: 'shortcut-label' }, label), h('span', { 'aria-hidden': 'true' }, 'Alt +'), input);
    })));
}
