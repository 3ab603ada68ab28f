// Listening to an agent's call from the desk: the supervisor's device (a browser softphone registered by this page, or
// a desk phone that rings by itself), starting, switching mode and stopping, kept current by the monitoring events.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/session';
import { ApiError } from '../api/errors';
import type { Schema } from '../api/types';
import { SipJsSoftphone, type RegistrationState, type SoftphoneSettings } from '../softphone/softphone';

export type MonitoringView = Schema<'Application.Supervision.Monitoring.MonitoringView'>;
export type MonitoringMode = Schema<'Domain.Supervision.MonitoringMode'>;
type EndReason = Schema<'Domain.Supervision.MonitoringEndReason'>;

const URL = '/supervision/monitoring';

/** The modes, in the words the desk uses, with what each party hears. */
export const MODES: readonly { mode: MonitoringMode; label: string; hint: string }[] = [
  { mode: 'Monitor', label: 'Listen', hint: 'you hear the call; nobody hears you' },
  { mode: 'Whisper', label: 'Whisper', hint: 'only the agent hears you' },
  { mode: 'Barge', label: 'Barge in', hint: 'the agent and the customer hear you' },
  { mode: 'TakeOver', label: 'Take over', hint: 'you keep the customer; the agent leaves the call' },
];

const ENDED: Record<EndReason, string> = {
  Stopped: 'you stopped listening',
  SupervisorHungUp: 'your device hung up',
  SupervisorUnreachable: 'your device did not answer',
  CallEnded: 'the call ended',
  CustomerHungUp: 'the customer hung up',
  Failed: 'the PBX refused the listening leg',
};

export const modeLabel = (m: MonitoringMode): string => MODES.find((x) => x.mode === m)?.label ?? m;

/**
 * Where the supervisor hears calls: this page's browser softphone (with its listening line once that is up), or a phone
 * (or nothing) the server rings.
 */
export type ListeningDevice =
  | { kind: 'loading' }
  | { kind: 'browser'; registration: RegistrationState; line?: boolean }
  | { kind: 'elsewhere'; detail: string };

/** How long the desk waits before asking again for a listening line that ended while its softphone is registered. */
const LINE_RETRY_MS = 2000;

/**
 * The supervisor's browser softphone, registered while the desk is open (when their device is a web extension). Once it
 * is registered the desk asks for a listening line (docs/supervision.md): the server calls the softphone once, with the
 * auto-answer headers, and keeps that call up, silent, so that "Listen" only has to add the call's audio to it. Calls
 * with those headers (the line, or a session's own leg while the line is not up) are answered at once; nothing else is.
 * A line that ends while the softphone is registered is asked for again after a pause; closing the desk hangs the line
 * up (a tab that just vanishes: Asterisk hangs it up when its audio stops).
 */
export function useListeningDevice(): ListeningDevice {
  const [device, setDevice] = useState<ListeningDevice>({ kind: 'loading' });
  useEffect(() => {
    let phone: SipJsSoftphone | null = null;
    let gone = false;
    let retry: number | undefined;
    (async () => {
      let settings: SoftphoneSettings;
      try { settings = await api.request<SoftphoneSettings>('GET', `${URL}/softphone`); } catch (e) {
        if (!gone) setDevice({ kind: 'elsewhere', detail: e instanceof ApiError ? e.message : String(e) });
        return;
      }
      if (gone) return;
      phone = new SipJsSoftphone(settings);
      const sp = phone;
      let fresh = true; // the first line this page asks for replaces one a page that is gone left behind (a reload)
      const openLine = () => {
        if (gone || sp.registration !== 'registered' || sp.hasSession()) return;
        const replace = fresh;
        fresh = false;
        api.request('PUT', `${URL}/line${replace ? '?replace=true' : ''}`).catch(() => { /* a desk phone, or no device: listening rings it */ });
      };
      sp.onRegistration((registration) => {
        if (gone) return;
        setDevice({ kind: 'browser', registration, line: sp.hasSession() });
        if (registration === 'registered') openLine();
      });
      sp.onIncoming(() => {
        if (!sp.incomingAsksAutoAnswer()) return;
        void sp.answer().then(() => { if (!gone) setDevice({ kind: 'browser', registration: sp.registration, line: true }); });
      });
      sp.onCallEnded(() => {
        if (gone) return;
        setDevice({ kind: 'browser', registration: sp.registration, line: false });
        retry = window.setTimeout(openLine, LINE_RETRY_MS);
      });
      // For diagnostics and the browser tests (WebRTC statistics of the listening leg); no secret in it.
      (window as unknown as { __ctiDesk?: unknown }).__ctiDesk = { peerConnection: () => sp.peerConnection() };
      setDevice({ kind: 'browser', registration: 'registering' });
      try { await sp.start(); } catch (e) { if (!gone) setDevice({ kind: 'elsewhere', detail: (e as Error).message }); }
    })();
    return () => {
      gone = true;
      window.clearTimeout(retry);
      // Hanging up the line: the server closes it when its leg ends.
      void phone?.hangup().finally(() => phone?.stop());
    };
  }, []);
  return device;
}

function deviceText(d: ListeningDevice): string {
  if (d.kind === 'loading') return 'Listening device: checking…';
  if (d.kind === 'elsewhere') return 'Listening device: your phone rings when you listen (no browser softphone here).';
  const state = { none: 'not started', registering: 'connecting…', registered: 'ready', unregistered: 'disconnected', failed: 'failed to connect' }[d.registration];
  return `Listening device: this browser, ${state}${d.registration === 'registered' && d.line ? '; listening line open' : ''}.`;
}

/**
 * Which of two views of one session is the later: an answer to a request may arrive after the event it caused (the
 * device answered at once, and monitoringStarted came first).
 */
function later(current: MonitoringView | null, next: MonitoringView): MonitoringView {
  if (!current || current.sessionId !== next.sessionId) return next;
  if (current.state === 'Active' && next.state === 'Connecting') return current;
  return (next.periods?.length ?? 0) < (current.periods?.length ?? 0) ? current : next;
}

/** The supervisor's running session: read at start, then kept by the monitoring events and the answers to her actions. */
export function useMonitoring(): { session: MonitoringView | null; ended: string; onEvent(name: string, data: unknown): void; set(s: MonitoringView | null): void } {
  const [session, setSession] = useState<MonitoringView | null>(null);
  const [ended, setEnded] = useState('');
  const endedIds = useRef(new Set<string>());
  const keep = (s: MonitoringView | null) => {
    if (s && endedIds.current.has(s.sessionId)) return; // an answer that arrived after the session's end
    setSession((current) => (s ? later(current, s) : null));
    if (s) setEnded('');
  };
  useEffect(() => {
    api.request<MonitoringView>('GET', URL).then(keep, () => {});
  }, []);
  const handler = useRef((name: string, data: unknown) => {
    const d = data as { session?: MonitoringView };
    if (!d.session) return;
    if (name === 'monitoringStarted' || name === 'monitoringModeChanged') keep(d.session);
    else if (name === 'monitoringEnded') {
      endedIds.current.add(d.session.sessionId);
      setSession(null);
      const reason = d.session.endReason;
      setEnded(reason ? `Listening ended: ${ENDED[reason] ?? reason}.` : 'Listening ended.');
    }
  });
  return { session, ended, onEvent: handler.current, set: keep };
}

/** Starts listening to an agent (Monitor); the session comes back as Connecting while the device rings. */
export async function startListening(agentId: string): Promise<MonitoringView> {
  return api.request<MonitoringView>('POST', URL, { agentId, mode: 'Monitor' });
}

export function MonitoringPanel({ session, agentName, device, ended, onChange }: {
  session: MonitoringView | null; agentName: string; device: ListeningDevice; ended: string; onChange(s: MonitoringView | null): void;
}) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function act(run: () => Promise<MonitoringView | null>) {
    setBusy(true); setError('');
    try { onChange(await run()); } catch (e) { setError(e instanceof ApiError ? e.message : String(e)); } finally { setBusy(false); }
  }
  return (
    <section class="monitoring card" aria-labelledby="monitoring-title">
      <h2 id="monitoring-title">Listening</h2>
      <p class="muted">{deviceText(device)}</p>
      {!session ? <p>{ended || 'Choose "Listen" next to an agent on a call.'}</p> : (
        <>
          <p role="status">
            {session.state === 'Connecting' ? `Your device rings to listen to ${agentName}…` : `${modeLabel(session.mode)}: ${agentName}'s call.`}
          </p>
          <fieldset disabled={busy}>
            <legend>Mode</legend>
            {MODES.map((m) => (
              <label key={m.mode} class="choice" title={m.hint}>
                <input type="radio" name="monitoring-mode" value={m.mode} checked={session.mode === m.mode}
                  onChange={() => act(() => api.request<MonitoringView>('PUT', `${URL}/mode`, { mode: m.mode }))} />
                {m.label} <span class="muted">({m.hint})</span>
              </label>
            ))}
          </fieldset>
          <button type="button" disabled={busy} onClick={() => act(async () => { await api.request('DELETE', URL); return null; })}>
            Stop listening
          </button>
        </>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
