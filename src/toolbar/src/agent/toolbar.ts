// The agent's toolbar: wiring of the API, the hub, the softphone and the views. Plain DOM code kept behind one
// boundary (mountAgentToolbar): the app shell gives it a container and is told when someone signs in or out.

import type { Api } from '../api/client';
import { popSlot, loadScreenPop } from '../contacts/popslot';
import { callbackEvent, startCallbackReminders } from '../callbacks/slot';
import { api } from '../api/session';
import { ApiError } from '../api/errors';
import { AgentHub } from '../hub/hub';
import { ResumeCursor, memoryStore } from '../hub/resume';
import { applyEvent, applySkillGroupStats, applySnapshot, emptyModel, mergeRecent, newerAgent, recentFromRecords, type Model } from './model';
import { NoSoftphone, SipJsSoftphone, type Softphone, type SoftphoneSettings } from '../softphone/softphone';
import { TabGuard } from './tabs';
import { beep, enableSound, notifyIncoming, soundAllowed } from './alerts';
import { h, patch } from './dom';
import * as V from './views';
import { changeShortcut, loadShortcuts, saveShortcuts, shortcutFor, type ShortcutAction } from './shortcuts';
import type { AgentStateChangedData, AgentView, CallView, HubEnvelope, Me, ResumeResult, SkillGroupMessage, TransferTargetGroup } from '../api/types';
import { myNote, noteBody, type Actions, type NoteDraft, type Ui } from './ui';

performance.mark('toolbar-script-start');

let root: HTMLElement = document.createElement('div');
const cursor = new ResumeCursor(safeSessionStorage());
const tabs = new TabGuard(() => api.session?.user.displayName ?? null);

const ui: Ui = {
  model: emptyModel(),
  link: 'disconnected',
  sandbox: null,
  pauseReasons: [],
  dispositions: [],
  callerIds: [],
  softphone: new NoSoftphone(),
  registration: 'none',
  panel: 'dial',
  picker: null,
  keypadFor: null,
  menuOpen: false,
  lastCallId: null,
  lastCall: null,
  tabConflict: null,
  takenOver: false,
  autoAnswered: new Set(),
  notifiedOffers: new Set(),
  usableMarked: false,
  soundBlocked: false,
  nonAgent: false,
  dormant: false,
  shortcuts: loadShortcuts(safeLocalStorage()),
};

let hub: AgentHub | null = null;

const noteDrafts = new Map<string, NoteDraft>();
let toastTimer: number | undefined;

function safeLocalStorage(): Storage | null {
  try { return localStorage; } catch { return null; }
}

function safeSessionStorage() {
  try { sessionStorage.setItem('cti.probe', '1'); sessionStorage.removeItem('cti.probe'); return sessionStorage; } catch { return memoryStore(); }
}

/** Where earlier versions kept the Recent tab in this browser only: removed, the server's call records replace it. */
function forgetLocalRecent(): void {
  const s = safeLocalStorage();
  if (!s) return;
  try {
    for (let i = s.length - 1; i >= 0; i--) { const k = s.key(i); if (k?.startsWith('cti.recent.')) s.removeItem(k); }
  } catch { /* storage unavailable */ }
}

/** The Recent tab from my call records on the server (any browser, any device); the tab keeps what it had on failure. */
let recentLoading: Promise<void> | null = null;
function refreshRecent(): Promise<void> {
  recentLoading ??= (async () => {
    const user = api.session?.user.userId;
    try {
      const page = await api.recentCalls();
      if (!user || api.session?.user.userId !== user) return; // signed out (or someone else signed in) meanwhile
      const next = mergeRecent(recentFromRecords(page.items ?? []), ui.model.recent);
      setModel({ ...ui.model, recent: next });
    } catch { /* offline or signed out: the tab keeps its entries */ } finally { recentLoading = null; }
  })();
  return recentLoading;
}

// ---------------------------------------------------------------- model updates

function setModel(next: Model): void {
  const prev = ui.model;
  ui.model = next;
  // Remember the call I last worked (disposition stays editable in wrap-up).
  for (const c of Object.values(next.calls)) {
    if (c.state === 'Connected' && c.parties.some((p) => p.agentId === next.agent?.agentId && p.state !== 'Left')) { ui.lastCallId = c.callId; ui.lastCall = c; }
  }
  if (ui.lastCallId && !next.calls[ui.lastCallId] && prev.calls[ui.lastCallId]) ui.lastCall = prev.calls[ui.lastCallId] ?? ui.lastCall;
  if (ui.picker && !next.calls[ui.picker.callId]) ui.picker = null;
  if (ui.keypadFor && !next.calls[ui.keypadFor]) ui.keypadFor = null;
  render();
}

/** The last hub events (name, seq, change), for diagnostics and the e2e tests. */
const recentEvents: { name: string; seq: number | null; change?: string }[] = [];

function onHubEvent(env: HubEnvelope | SkillGroupMessage): void {
  const now = Date.now();
  recentEvents.push({ name: env.name, seq: 'seq' in env ? env.seq : null, change: (env.data as { change?: string; reason?: string })?.change ?? (env.data as { reason?: string })?.reason });
  if (recentEvents.length > 100) recentEvents.shift();
  if (env.name === 'callOffered') {
    const id = (env.data as { call?: CallView })?.call?.callId;
    if (id) performance.mark(`offer-received:${id}`);
  }
  if (env.name === 'agentStateChanged') {
    const d = env.data as AgentStateChangedData;
    // A supervisor changed my state: say who and why (my own changes and other agents' name nobody).
    if (d.changedBy && (!ui.model.agent || d.agent?.agentId === ui.model.agent.agentId))
      ui.supervisorNote = `Changed by ${d.changedBy.name}${d.changedBy.message ? `: ${d.changedBy.message}` : ''}`;
  }
  // The phone system ended a recording nobody here stopped: the agent must know the call is no longer recorded.
  if (env.name === 'callStateChanged' && (env.data as { change?: string })?.change === 'recording_ended_by_pbx') {
    const call = (env.data as { call?: CallView }).call;
    if (call && ui.model.calls[call.callId])
      showToast(`Recording stopped by the phone system (call with ${call.customerName || call.customerNumber || 'the customer'}). Start it again if the call must be recorded.`, 'error');
  }
  setModel(applyEvent(ui.model, env, now));
  popSlot.event?.(env.name, env.data);
  callbackEvent(env.name, env.data);
  if (env.name === 'callOffered') afterOffer();
  // The call's record is written in the background: read it back once it is there (the tab shows the call already).
  if (env.name === 'callEnded') window.setTimeout(() => void refreshRecent(), 2000);
  // Not on a call any more but still showing one (e.g. a blind transfer took it away without a
  // call event for me): ask the server which calls are still mine.
  if (env.name === 'agentStateChanged') {
    const a = ui.model.agent;
    if (a && a.status !== 'OnCall' && a.status !== 'Ringing' && Object.keys(ui.model.calls).length > 0) void reconcileCalls();
  }
}

async function reconcileCalls(): Promise<void> {
  try {
    const calls = await api.myCalls();
    const keep = new Set(calls.map((c) => c.callId));
    let m = ui.model;
    for (const c of Object.values(m.calls)) {
      if (!keep.has(c.callId)) m = applyEvent(m, { name: 'callEnded', data: { call: { ...c, state: 'Ended' }, reason: 'Left' } }, Date.now());
    }
    for (const c of calls) m = applyEvent(m, { name: 'callStateChanged', data: { call: c } }, Date.now());
    setModel(m);
  } catch { /* next event will tell */ }
}

function afterOffer(): void {
  for (const offer of Object.values(ui.model.offers)) {
    const call = ui.model.calls[offer.callId];
    if (!call) continue;
    const id = call.callId;
    if (!performance.getEntriesByName(`offer-dom:${id}`).length) {
      // The banner is in the DOM now (render ran synchronously); it is drawn at the next frame.
      performance.mark(`offer-dom:${id}`);
      requestAnimationFrame(() => {
        performance.mark(`offer-drawn:${id}`);
        try { performance.measure(`offer:${id}`, `offer-received:${id}`, `offer-drawn:${id}`); } catch { /* no event mark (after reload) */ }
        try { performance.measure(`offer-dom:${id}`, `offer-received:${id}`, `offer-dom:${id}`); } catch { /* idem */ }
      });
    }
    if (!ui.notifiedOffers.has(id)) {
      ui.notifiedOffers.add(id);
      // Sound and notification after the frame: they must not delay drawing the banner.
      requestAnimationFrame(() => setTimeout(() => {
        if (!ui.model.offers[id]) return;
        checkSound();
        beep();
        notifyIncoming('Incoming call', `${call.customerNumber}${call.skillGroupName ? ` · ${call.skillGroupName}` : ''}`, api.session?.user.notificationsEnabled !== false, () => {
          document.querySelector<HTMLButtonElement>(`[data-fid="answer-${id}"]`)?.focus();
        });
      }, 0));
    }
  }
  autoAnswerIncoming();
}

/**
 * Auto-answer is the device's job: desk phones and the sandbox's simulated phones answer by themselves when the
 * server dials them with the SIP auto-answer headers, and so does the browser softphone, here, as soon as its
 * INVITE arrives — when the INVITE carries those headers, or the agent's setting is on and an offer is shown.
 */
function autoAnswerIncoming(): void {
  const sp = ui.softphone;
  if (sp.kind !== 'sipjs' || !sp.hasIncoming()) return;
  const offered = Object.keys(ui.model.offers).filter((id) => !ui.autoAnswered.has(id));
  if (!sp.incomingAsksAutoAnswer() && !(ui.model.agent?.autoAnswer && offered.length)) return;
  offered.forEach((id) => ui.autoAnswered.add(id));
  void sp.answer().then(() => { for (const id of offered) void refreshCall(id); }, showError);
}

/** Notes the browser's autoplay block (shown with an Enable sound button) or its end. */
function checkSound(): void {
  const blocked = !soundAllowed();
  if (blocked !== ui.soundBlocked) { ui.soundBlocked = blocked; render(); }
}

function onSnapshot(s: NonNullable<ResumeResult['snapshot']>): void {
  setModel(applySnapshot(ui.model, s.agent, s.calls ?? [], s.skillGroups, Date.now()));
  afterOffer();
}

async function resyncRest(): Promise<void> {
  try {
    const [agent, calls] = await Promise.all([api.agentState(), api.myCalls().catch(() => [] as CallView[])]);
    setModel(applySnapshot(ui.model, agent, calls, undefined, Date.now()));
    afterOffer();
  } catch (e) { showError(e); }
}

// ---------------------------------------------------------------- actions

export function showError(e: unknown): void {
  const text = e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e);
  showToast(text, 'error');
}

export function showToast(text: string, kind: 'error' | 'info' = 'info'): void {
  ui.toast = { text, kind };
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => { ui.toast = undefined; render(); }, 7000);
  render();
}

/** Runs an API action; AgentView answers update the header, errors become a sentence. */
export async function act<T>(fn: () => Promise<T>, after?: (r: T) => void): Promise<T | undefined> {
  try {
    const r = await fn();
    if (r && typeof r === 'object' && 'agentId' in (r as object) && 'status' in (r as object)) setModel({ ...ui.model, agent: newerAgent(ui.model.agent, r as unknown as AgentView) });
    after?.(r);
    return r;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'call_not_found') void resyncRest();
    showError(e);
    return undefined;
  }
}

async function refreshCall(id: string): Promise<void> {
  if (hub?.connected) return; // events will tell
  try {
    const c = await api.call(id);
    setModel(applyEvent(ui.model, { name: 'callStateChanged', data: { call: c } }, Date.now()));
  } catch { /* gone */ }
}

export async function callAction(id: string, action: Parameters<Api['callAction']>[1]): Promise<void> {
  if (action === 'mute' || action === 'unmute') ui.softphone.setMuted(action === 'mute');
  await act(() => api.callAction(id, action));
  if (action === 'hangup') void ui.softphone.hangup();
  void refreshCall(id);
}

export async function answer(id: string): Promise<void> {
  if (ui.softphone.hasIncoming()) {
    try { await ui.softphone.answer(); } catch (e) { showError(e); }
    void refreshCall(id);
    return;
  }
  await callAction(id, 'answer');
}

const actions: Actions = {
  api,
  act,
  clearToast() { ui.toast = undefined; window.clearTimeout(toastTimer); render(); },
  /** The skill groups a call can go to, with their free agents (one place to read them from). */
  transferGroups(): Promise<TransferTargetGroup[]> { return api.transferGroups(); },
  /** Disposition and remarks typed for a call and not saved yet (kept across re-renders). */
  noteDraft(callId: string): NoteDraft {
    let d = noteDrafts.get(callId);
    if (!d) { d = {}; noteDrafts.set(callId, d); }
    return d;
  },
  /** Saves disposition and remarks typed but not saved yet, so the agent who takes the call next reads them. */
  async saveNotes(callId: string): Promise<void> {
    const call = ui.model.calls[callId];
    const draft = noteDrafts.get(callId);
    if (!call || !draft || (draft.disposition === undefined && draft.remarks === undefined)) return;
    const mine = myNote(call, ui.model.agent?.agentId);
    const codes = ui.dispositions.length > 0;
    const d = draft.disposition?.trim(), r = draft.remarks?.trim();
    if ((d === undefined || d === ((codes ? mine?.dispositionId : mine?.disposition) ?? '')) && (r === undefined || r === (mine?.remarks ?? ''))) return;
    try { await api.disposition(callId, noteBody(codes, d, r)); } catch { /* the transfer matters more */ }
  },
  async enableSound() { await enableSound(); checkSound(); },
  dismissSupervisorNote() { ui.supervisorNote = undefined; render(); },
  answer,
  callAction,
  showToast,
  render: () => render(),
  setPanel(p: Ui['panel']) { ui.panel = p; render(); if (p === 'recent') void refreshRecent(); },
  openPicker(mode: 'transfer' | 'consult' | 'add', callId: string) { ui.picker = { mode, callId }; render(); },
  closePicker() { ui.picker = null; render(); },
  toggleKeypad(callId: string) { ui.keypadFor = ui.keypadFor === callId ? null : callId; render(); },
  toggleMenu(open?: boolean) { ui.menuOpen = open ?? !ui.menuOpen; render(); },
  sendDtmf(callId: string, d: string) { ui.softphone.sendDtmf(d); void act(() => api.dtmf(callId, d)); },
  async logout() {
    ui.menuOpen = false;
    const r = await act(() => api.agentLogout());
    if (r && r.status === 'LoggedOut') await endSession();
    else if (r) showToast('You will be logged out when the call and wrap-up end.');
  },
  async signOut() { await endSession(); },
  async agentLogin(ready: boolean, reason: string | undefined, phone: string | undefined) {
    const r = await act(() => api.agentLogin(ready, reason, phone));
    if (r) { await startLive(); }
  },
  setShortcut(action: ShortcutAction, key: string) {
    const next = changeShortcut(ui.shortcuts, action, key);
    if (typeof next === 'string') { showToast(next, 'error'); return false; }
    ui.shortcuts = next;
    saveShortcuts(safeLocalStorage(), next);
    showToast(`Shortcut saved: Alt+${next[action].toUpperCase()}.`);
    return true;
  },
  async takeOver() {
    await tabs.takeOver();
    ui.tabConflict = null;
    ui.takenOver = false;
    await boot();
  },
};


async function endSession(): Promise<void> {
  await hub?.stop();
  hub = null;
  await ui.softphone.stop();
  ui.softphone = new NoSoftphone();
  ui.registration = 'none';
  await api.logoutSession();
  cursor.reset();
  tabs.active = false;
  ui.model = emptyModel();
  ui.lastCall = null; ui.lastCallId = null;
  ui.nonAgent = false;
  ui.dormant = false;
  render();
  hooks.signedOut();
}

// ---------------------------------------------------------------- start-up

async function loadAgentContext(show = true): Promise<void> {
  const [agent, calls, reasons, sandbox, dispositions, callerIds] = await Promise.all([
    api.agentState(),
    api.myCalls().catch(() => [] as CallView[]),
    api.pauseReasons().catch(() => null),
    ui.sandbox === null ? api.isSandbox() : Promise.resolve(ui.sandbox),
    api.dispositions().catch(() => ui.dispositions),
    api.callerIds().catch(() => ui.callerIds),
  ]);
  ui.callerIds = callerIds;
  // Without the reasons she could not say why she goes Not Ready (the server requires one): a failed read is tried again.
  if (reasons) ui.pauseReasons = reasons;
  else setTimeout(() => void loadAgentContext(), 3000);
  ui.dispositions = dispositions;
  ui.sandbox = sandbox;
  ui.model = applySnapshot(ui.model, agent, calls, undefined, Date.now());
  if (show) render();
  forgetLocalRecent();
  void refreshRecent();
}

/** Hub + softphone + group stats: everything a logged-in agent needs live. */
async function startLive(): Promise<void> {
  if (!hub) {
    hub = new AgentHub(() => api.accessToken(), cursor, {
      event: onHubEvent,
      snapshot: onSnapshot,
      skillGroups: (stats) => setModel(applySkillGroupStats(ui.model, stats)),
      link: (s, d) => { ui.link = s; ui.linkDetail = d; render(); },
      resync: () => void resyncRest(),
    });
    void hub.start();
  }
  void api.skillGroups().then((gs) => setModel(applySkillGroupStats(ui.model, gs))).catch(() => {});
  void startSoftphone();
  startCallbackReminders(api);
  checkSound();
  afterOffer();
}

async function startSoftphone(): Promise<void> {
  const agent = ui.model.agent;
  if (!agent || ui.softphone.kind !== 'none' || agent.status === 'LoggedOut') return;
  if (ui.sandbox) { ui.softphoneNotice = 'Sandbox mode: no softphone; Answer and Hang up act through the server.'; render(); return; }
  if (agent.extensionKind !== 'Web') { ui.softphoneNotice = undefined; render(); return; }
  let settings: SoftphoneSettings | null = null;
  try { settings = await api.request<SoftphoneSettings>('GET', '/agent/softphone'); } catch { settings = null; }
  if (!settings?.wsUri) { ui.softphoneNotice = 'The server did not provide softphone settings; calls cannot be answered in the browser.'; render(); return; }
  const sp = new SipJsSoftphone(settings);
  sp.onRegistration((s, d) => {
    ui.registration = s;
    ui.softphoneNotice = s === 'failed' ? `Softphone registration failed${d ? `: ${d}` : ''}.` : undefined;
    render();
    if (s === 'registered') void returnToLiveCall(sp);
  });
  sp.onIncoming(() => { render(); autoAnswerIncoming(); });
  ui.softphone = sp;
  try { await sp.start(); } catch (e) { ui.registration = 'failed'; ui.softphoneNotice = `Softphone could not start: ${(e as Error).message}`; render(); }
}

/**
 * After a page reload the agent may still be connected to a call whose audio ran in the old page: ask the server to call
 * this softphone back into it (it answers by itself). Once per page; the server refuses if the call is not hers or not
 * connected.
 */
let returnAsked = false;
async function returnToLiveCall(sp: Softphone): Promise<void> {
  const me = ui.model.agent?.agentId;
  if (returnAsked || !me || sp.hasSession() || sp.hasIncoming()) return;
  const live = Object.values(ui.model.calls).find((c) => c.state === 'Connected'
    && c.parties.some((p) => p.agentId === me && p.state === 'Connected'));
  if (!live) return;
  returnAsked = true;
  sp.expectCallBack();
  try { await api.request('POST', `/calls/${live.callId}/softphone/return`); } catch (e) { showError(e); }
}

async function boot(): Promise<void> {
  if (!(await api.restore())) { render(); return; }
  // A user who is not an agent here (or is looking at another of her workspaces) leaves the page to the shell.
  if (!hooks.signedIn(api.session!.user)) { ui.dormant = true; render(); return; }
  ui.dormant = false;
  // Ask other tabs while the state loads (both in parallel: the probe must not delay the page).
  const probe = tabs.probe();
  const loaded = loadAgentContext(false).then(() => null, (e: unknown) => e);
  const other = await probe;
  if (other) { ui.tabConflict = other; render(); return; }
  tabs.active = true;
  const err = await loaded;
  if (err) {
    if (err instanceof ApiError && err.status === 401) { api.forget(); render(); return; }
    if (err instanceof ApiError && err.code === 'not_an_agent') { ui.nonAgent = true; render(); return; }
    showError(err);
    return;
  }
  setModel(ui.model);
  if (ui.model.agent && ui.model.agent.status !== 'LoggedOut') await startLive();
  render();
}

export async function signIn(domain: string, login: string, password: string): Promise<void> {
  await api.login(domain, login, password);
  localStorage.setItem('cti.domain', domain);
  cursor.reset();
  await boot();
}

api.onSessionLost = () => {
  void hub?.stop(); hub = null;
  ui.model = emptyModel();
  showToast('Your session has ended. Please sign in again.', 'error');
  hooks.signedOut();
};
tabs.onTakenOver = () => {
  ui.takenOver = true;
  void hub?.stop(); hub = null;
  void ui.softphone.stop(); ui.softphone = new NoSoftphone(); ui.registration = 'none';
  render();
};

// ---------------------------------------------------------------- rendering

let deviceCheck: typeof import('./devicecheck') | null = null;

function render(): void {
  const route = location.hash.replace(/^#/, '');
  document.body.classList.toggle('is-ringing', Object.keys(ui.model.offers).length > 0);
  if (route.startsWith('/device-check')) {
    // A page of its own, opened before a shift: its code is a chunk loaded when it is opened, not at start.
    if (!deviceCheck) { void import('./devicecheck').then((m) => { deviceCheck = m; render(); }); return; }
    const check = deviceCheck;
    patch(root, 'device-check', () => check.renderDeviceCheck(api));
    renderToast(); // a message shown here must go when dismissed or timed out, as on every page
    return;
  }
  if (!api.session) {
    patch(root, 'login', () => V.loginView(signIn, localStorage.getItem('cti.domain') ?? ''));
    renderToast();
    return;
  }
  if (ui.dormant) { patch(root, 'dormant', () => null); renderToast(); return; }
  if (ui.takenOver) { patch(root, 'taken', () => V.takenOverView(actions)); return; }
  if (ui.tabConflict) { patch(root, `conflict:${ui.tabConflict}`, () => V.tabConflictView(ui.tabConflict!, actions)); return; }
  if (ui.nonAgent) { patch(root, `non-agent:${api.session.user.userId}`, () => V.nonAgentView(api.session!.user, actions)); renderToast(); return; }
  const agent = ui.model.agent;
  if (!agent) { patch(root, 'loading', () => h('p', { class: 'loading', role: 'status' }, 'Loading…')); renderToast(); return; }
  if (agent.status === 'LoggedOut') {
    patch(root, `agent-login:${ui.pauseReasons.length}:${agent.extensionKind}`, () => V.agentLoginView(agent, ui.pauseReasons, actions));
    renderToast();
    return;
  }
  if (!root.querySelector('#toolbar')) { root.dataset.key = 'toolbar'; root.replaceChildren(V.toolbarShell()); }
  V.renderToolbar(ui, actions);
  renderToast();
  tick();
  if (!ui.usableMarked) {
    ui.usableMarked = true;
    performance.mark('toolbar-usable');
  }
}

function renderToast(): void {
  let el = document.getElementById('toast');
  if (!el) { el = h('div', { id: 'toast', role: 'alert', 'aria-live': 'assertive' }); document.body.appendChild(el); }
  patch(el, ui.toast ? `${ui.toast.kind}:${ui.toast.text}` : 'none', () => ui.toast
    ? h('div', { class: `toast toast-${ui.toast.kind}` }, h('span', {}, ui.toast.text), h('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss message', onclick: () => { ui.toast = undefined; render(); } }, '×'))
    : null);
}

/** Updates every running clock on the page (time in state, call timers, countdowns). */
function tick(): void {
  const now = Date.now();
  const skew = api.skewMs;
  document.querySelectorAll<HTMLElement>('[data-since]').forEach((el) => {
    el.textContent = V.fmtSince(el.dataset.since!, now, skew);
  });
  document.querySelectorAll<HTMLElement>('[data-until]').forEach((el) => {
    const left = V.leftSeconds(el.dataset.until!, now, skew);
    el.textContent = V.fmtLeft(left);
    const bar = el.parentElement?.querySelector<HTMLElement>('.bar > span');
    const total = Number(el.dataset.total ?? 0);
    if (bar && total > 0) bar.style.width = `${Math.round(Math.min(1, left / total) * 100)}%`;
  });
}

/** A shortcut presses the button the agent would press (the first call's), or says why there is nothing to do. */
function runShortcut(action: ShortcutAction): void {
  const press = (selector: string): boolean => {
    const b = root.querySelector<HTMLButtonElement>(selector);
    if (!b || b.disabled) return false;
    b.click();
    return true;
  };
  switch (action) {
    case 'answer': if (!press('#incoming button[data-fid^="answer-"]')) showToast('No call to answer.'); break;
    case 'hangup': if (!press('#call-panel #hangup')) showToast('No call to hang up.'); break;
    case 'hold': if (!press('#call-panel #hold') && !press('#call-panel #resume')) showToast('No call to hold.'); break;
    case 'mute': if (!press('#call-panel #mute')) showToast('No call to mute.'); break;
    case 'ready': if (ui.model.agent?.status !== 'Ready') void act(() => api.setState('Ready')); break;
  }
}

/** What the app shell is told, and decides: whether the signed-in user works here as an agent now. */
export interface ShellHooks {
  /** Signed in (or the session resumed): true when this page should run the toolbar for her. */
  signedIn(me: Me): boolean;
  signedOut(): void;
}

/** What the shell can ask of the toolbar. */
export interface AgentHandle {
  /** She came (back) to the toolbar: start it if it was left to another workspace. */
  activate(): void;
  /** Ends the agent session (hub, softphone) and the sign-in. */
  signOut(): Promise<void>;
  /** Logs her out as an agent when she is working (a call in progress makes it a pending logout on the server). */
  stopWorking(): Promise<void>;
}

let hooks: ShellHooks = { signedIn: () => true, signedOut: () => {} };

export function mountAgentToolbar(container: HTMLElement, shell: ShellHooks): AgentHandle {
  root = container;
  hooks = shell;
  loadScreenPop(() => { /* offers drawn from now on carry it */ });
  window.setInterval(tick, 250);
  window.addEventListener('hashchange', () => { root.dataset.key = ''; render(); });
  window.addEventListener('pagehide', () => { /* keep the session: a reload resumes */ });
  // Any click or key press is a user gesture: the moment the browser lets the page play sound.
  for (const type of ['pointerdown', 'keydown'] as const) {
    document.addEventListener(type, () => { if (ui.soundBlocked) void enableSound().then(checkSound); }, { capture: true });
  }
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && (ui.menuOpen || ui.picker)) { ui.menuOpen = false; ui.picker = null; render(); }
    // Shortcuts only while the toolbar is shown to a working agent (not in another workspace, not at sign-in).
    const agent = ui.model.agent;
    if (ui.dormant || !agent || agent.status === 'LoggedOut' || !root.querySelector('#toolbar') || root.closest('[hidden]')) return;
    const action = shortcutFor(e, ui.shortcuts);
    if (action) { e.preventDefault(); runShortcut(action); }
  });
  // Helpers for tests and diagnostics (no secrets: just timings and link state).
  (window as unknown as { __cti: unknown }).__cti = { ui, events: recentEvents, perf: () => performance.getEntriesByType('mark').map((m) => ({ name: m.name, t: m.startTime })) };
  void boot();
  return {
    activate() { if (ui.dormant) { ui.dormant = false; void boot(); } },
    signOut: () => endSession(),
    async stopWorking() {
      if (ui.model.agent && ui.model.agent.status !== 'LoggedOut') { try { await api.agentLogout(); } catch { /* signing out anyway */ } }
    },
  };
}
