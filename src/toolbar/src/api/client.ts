// REST client for /api/v1: bearer token, refresh on 401, ProblemDetails → ApiError.
// The access token lives in memory only; the refresh token is an HttpOnly cookie the server scopes to
// POST /session/refresh (login with refreshTokenAsCookie), so no script — ours or an injected one — can read it.
import { ApiError, problemToError, errorSentence } from './errors';
import type {
  AgentView, AllowedCallerId, CallRecordDetail, CallRecordPage, CallView, DirectoryEntry, DispositionCode, FreePhone, Me, PauseReason, RecordingPlayUrl, SessionResponse, SkillGroupStats, TransferTargetGroup, WaitingCallView,
} from './types';

export interface Session { accessToken: string; accessTokenExpiresAt: string; user: Me }

/** Where versions before the refresh cookie kept the whole session, refresh token included: removed on start. */
export const LEGACY_SESSION_KEY = 'cti.session';

export class Api {
  session: Session | null = null;
  /** Server clock − local clock, ms (from the Date header), for countdowns. */
  skewMs = 0;
  onSessionLost: () => void = () => {};
  private refreshing: Promise<boolean> | null = null;

  constructor(private readonly base = '/api/v1', storage: Storage | null = typeof localStorage !== 'undefined' ? localStorage : null) {
    try { storage?.removeItem(LEGACY_SESSION_KEY); } catch { /* storage unavailable */ }
  }

  private save(r: SessionResponse | null): void {
    this.session = r ? { accessToken: r.accessToken, accessTokenExpiresAt: r.accessTokenExpiresAt, user: r.user } : null;
  }

  /** After a page load: resumes the session the refresh cookie still holds, if any. */
  async restore(): Promise<boolean> {
    if (this.session) return true;
    return this.refresh();
  }

  /** A valid access token, refreshed when it is about to expire (for the SignalR connection). */
  async accessToken(): Promise<string> {
    const s = this.session;
    if (!s) return '';
    if (Date.parse(s.accessTokenExpiresAt) - Date.now() < 60_000) await this.refresh();
    return this.session?.accessToken ?? '';
  }

  private refresh(): Promise<boolean> {
    if (this.refreshing) return this.refreshing;
    this.refreshing = (async () => {
      try {
        // No token in the body: the browser sends the HttpOnly cookie, and the answer replaces it.
        const res = await fetch(`${this.base}/session/refresh`, {
          method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: '{}',
        });
        if (!res.ok) return false;
        this.save((await res.json()) as SessionResponse);
        return true;
      } catch { return false; } finally { this.refreshing = null; }
    })();
    return this.refreshing;
  }

  async request<T>(method: string, path: string, body?: unknown, retried = false): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.session) headers.Authorization = `Bearer ${this.session.accessToken}`;
    let res: Response;
    try {
      res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'network_error', errorSentence('network_error'));
    }
    const date = res.headers.get('Date');
    if (date) { const t = Date.parse(date); if (!Number.isNaN(t)) this.skewMs = t - Date.now(); }
    if (res.status === 401 && this.session && !retried && !path.startsWith('/session/login')) {
      if (await this.refresh()) return this.request<T>(method, path, body, true);
      this.save(null);
      this.onSessionLost();
    }
    const text = await res.text();
    let json: unknown = undefined;
    if (text) { try { json = JSON.parse(text); } catch { json = text; } }
    if (!res.ok) throw problemToError(res.status, json);
    return json as T;
  }

  // Session
  async login(domain: string, login: string, password: string): Promise<Me> {
    const r = await this.request<SessionResponse>('POST', '/session/login', { domain, login, password, refreshTokenAsCookie: true });
    this.save(r);
    return r.user;
  }
  async logoutSession(): Promise<void> {
    try { await this.request('POST', '/session/logout'); } catch { /* signing out anyway */ }
    this.save(null);
  }
  forget(): void { this.save(null); }
  me(): Promise<Me> { return this.request('GET', '/session/me'); }

  // Agent
  agentLogin(ready: boolean, reason?: string, phoneEndpoint?: string): Promise<AgentView> {
    return this.request('POST', '/agent/login', { ready, reason, phoneEndpoint });
  }
  agentLogout(): Promise<AgentView> { return this.request('POST', '/agent/logout'); }
  agentState(): Promise<AgentView> { return this.request('GET', '/agent/state'); }
  setState(state: 'Ready' | 'NotReady', reason?: string): Promise<AgentView> { return this.request('PUT', '/agent/state', { state, reason }); }
  pauseGroup(id: string, paused: boolean): Promise<AgentView> {
    return this.request(paused ? 'POST' : 'DELETE', `/agent/skill-groups/${encodeURIComponent(id)}/pause`);
  }
  endWrapUp(): Promise<AgentView> { return this.request('POST', '/agent/wrap-up/end'); }
  extendWrapUp(seconds: number): Promise<AgentView> { return this.request('POST', '/agent/wrap-up/extend', { seconds }); }
  myCalls(): Promise<CallView[]> { return this.request('GET', '/agent/calls'); }
  /** My call records, newest first (the server's default range: today), from any browser. */
  recentCalls(pageSize = 20): Promise<CallRecordPage> { return this.request('GET', `/agent/calls/recent?pageSize=${pageSize}`); }

  // Call records and recordings (query: the filters as URL parameters)
  callRecords(query: string): Promise<CallRecordPage> { return this.request('GET', `/call-records${query ? `?${query}` : ''}`); }
  callRecord(callId: string): Promise<CallRecordDetail> { return this.request('GET', `/call-records/${encodeURIComponent(callId)}`); }

  /**
   * A recording's play (or download) URL: an <audio> element or a download link cannot send the Authorization header,
   * so the API issues a URL for this one recording and this user, for an hour; the access token never goes into a URL.
   */
  recordingUrl(recordingId: string, download: boolean): Promise<RecordingPlayUrl> {
    return this.request('POST', `/recordings/${encodeURIComponent(recordingId)}/play-url${download ? '?download=true' : ''}`);
  }

  /**
   * A file the API serves behind the bearer token (a CSV export), as a blob: an <a download> cannot send the
   * Authorization header, and the token is never put in a URL.
   */
  async blob(path: string, retried = false): Promise<Blob> {
    const headers: Record<string, string> = {};
    if (this.session) headers.Authorization = `Bearer ${this.session.accessToken}`;
    let res: Response;
    try { res = await fetch(this.base + path, { headers }); } catch { throw new ApiError(0, 'network_error', errorSentence('network_error')); }
    if (res.status === 401 && this.session && !retried && await this.refresh()) return this.blob(path, true);
    if (!res.ok) {
      const text = await res.text();
      let json: unknown = text;
      try { json = JSON.parse(text); } catch { /* not JSON */ }
      throw problemToError(res.status, json);
    }
    return res.blob();
  }
  pauseReasons(): Promise<PauseReason[]> { return this.request('GET', '/agent/pause-reasons'); }

  // Calls
  call(id: string): Promise<CallView> { return this.request('GET', `/calls/${id}`); }
  callAction(id: string, action: 'answer' | 'decline' | 'hangup' | 'hold' | 'resume' | 'mute' | 'unmute'): Promise<void> {
    return this.request('POST', `/calls/${id}/${action}`);
  }
  dtmf(id: string, digits: string): Promise<void> { return this.request('POST', `/calls/${id}/dtmf`, { digits }); }
  transfer(id: string, target: Target): Promise<void> { return this.request('POST', `/calls/${id}/transfer`, target); }
  consult(id: string, target: Target): Promise<void> { return this.request('POST', `/calls/${id}/consult`, target); }
  consultAction(id: string, action: 'complete' | 'conference' | 'cancel'): Promise<void> { return this.request('POST', `/calls/${id}/consult/${action}`); }
  addParty(id: string, target: Target): Promise<void> { return this.request('POST', `/calls/${id}/parties`, target); }
  dropParty(id: string, legId: string): Promise<void> { return this.request('DELETE', `/calls/${id}/parties/${encodeURIComponent(legId)}`); }
  recording(id: string, start: boolean): Promise<void> { return this.request('POST', `/calls/${id}/recording/${start ? 'start' : 'stop'}`); }
  /** The agent's own notes: a code by id, or text (a tenant without codes); undefined keeps, '' clears. */
  disposition(id: string, notes: { dispositionId?: string; disposition?: string; remarks?: string }): Promise<void> {
    return this.request('PUT', `/calls/${id}/disposition`, notes);
  }
  dispositions(): Promise<DispositionCode[]> { return this.request('GET', '/agent/dispositions'); }
  /** The caller IDs I may present on outbound calls (the first is used when I choose none). */
  callerIds(): Promise<AllowedCallerId[]> { return this.request('GET', '/agent/caller-ids/details'); }
  dial(number: string, callerId?: string): Promise<{ callId: string }> { return this.request('POST', '/calls/dial', { number, callerId }); }

  // Groups, directory, phones
  skillGroups(): Promise<SkillGroupStats[]> { return this.request('GET', '/skill-groups'); }
  /** Every skill group of the tenant with its free agents now: what a call can be transferred to. */
  transferGroups(): Promise<TransferTargetGroup[]> { return this.request('GET', '/skill-groups/transfer-targets'); }
  setAutoAnswer(enabled: boolean): Promise<AgentView> { return this.request('PUT', '/agent/auto-answer', { enabled }); }
  waiting(groupId: string): Promise<WaitingCallView[]> { return this.request('GET', `/skill-groups/${groupId}/waiting`); }
  directory(search = ''): Promise<DirectoryEntry[]> { return this.request('GET', `/directory?search=${encodeURIComponent(search)}`); }
  freePhones(): Promise<FreePhone[]> { return this.request('GET', '/phones/free'); }

  /** Sandbox detection: the ready health check names the simulator as the PBX. */
  async isSandbox(): Promise<boolean> {
    try {
      const res = await fetch('/health/ready');
      const j = (await res.json()) as { checks?: Record<string, { description?: string }> };
      return /simulat/i.test(j.checks?.pbx?.description ?? '');
    } catch { return false; }
  }
}

export type Target = { agentId: string } | { skillGroupId: string } | { number: string };
