// The browser softphone behind one small interface. Sandbox mode and IP-phone agents use
// NoSoftphone (Answer / Hang up go through the REST API); web-extension agents use SIP.js over WSS,
// loaded on demand so the bundle stays small for everyone else.

export interface SoftphoneSettings {
  /** wss://host:8089/ws */
  wsUri: string;
  /** sip:demo-1001@pbx.example */
  aor: string;
  authorizationUsername: string;
  authorizationPassword: string;
  displayName?: string;
  iceServers?: { urls: string | string[]; username?: string; credential?: string }[];
}

export type RegistrationState = 'none' | 'registering' | 'registered' | 'unregistered' | 'failed';

export interface Softphone {
  readonly kind: 'none' | 'sipjs';
  readonly registration: RegistrationState;
  onRegistration(cb: (state: RegistrationState, detail?: string) => void): void;
  /** Rings locally when the PBX sends an INVITE; the agent's Answer calls answer(). */
  onIncoming(cb: (info: { remote: string }) => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** True when the call must be answered on this device (a SIP INVITE is pending). */
  hasIncoming(): boolean;
  /** True when the pending INVITE asks to be answered at once (CtiBridge's SIP auto-answer headers). */
  incomingAsksAutoAnswer(): boolean;
  answer(): Promise<void>;
  /** True while a call's audio runs in this page. */
  hasSession(): boolean;
  /**
   * The server is about to call this softphone back into the agent's call (after a page reload): the next INVITE within
   * a few seconds is answered at once, without ringing.
   */
  expectCallBack(): void;
  hangup(): Promise<void>;
  setMuted(muted: boolean): void;
  sendDtmf(digits: string): void;
}

export class NoSoftphone implements Softphone {
  readonly kind = 'none' as const;
  readonly registration: RegistrationState = 'none';
  onRegistration(): void {}
  onIncoming(): void {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  hasIncoming(): boolean { return false; }
  incomingAsksAutoAnswer(): boolean { return false; }
  async answer(): Promise<void> {}
  hasSession(): boolean { return false; }
  expectCallBack(): void {}
  async hangup(): Promise<void> {}
  setMuted(): void {}
  sendDtmf(): void {}
}

type SipModule = typeof import('sip.js');
type SipSession = import('sip.js').Invitation | import('sip.js').Inviter;

export class SipJsSoftphone implements Softphone {
  readonly kind = 'sipjs' as const;
  registration: RegistrationState = 'none';
  private regCb: (s: RegistrationState, d?: string) => void = () => {};
  private incomingCb: (i: { remote: string }) => void = () => {};
  private callEndedCb: () => void = () => {};
  private ua: import('sip.js').UserAgent | null = null;
  private registerer: import('sip.js').Registerer | null = null;
  private pending: import('sip.js').Invitation | null = null;
  private session: SipSession | null = null;
  private sip: SipModule | null = null;
  /** Until when an INVITE is the server calling this softphone back into the agent's call (answered at once). */
  private callBackUntil = 0;
  private readonly audio: HTMLAudioElement;

  constructor(private readonly settings: SoftphoneSettings) {
    this.audio = document.createElement('audio');
    this.audio.autoplay = true;
    this.audio.setAttribute('aria-hidden', 'true');
    document.body.appendChild(this.audio);
  }

  onRegistration(cb: (s: RegistrationState, d?: string) => void): void { this.regCb = cb; }
  onIncoming(cb: (i: { remote: string }) => void): void { this.incomingCb = cb; }
  /** Told when an answered call of this page ends (either side hung up, or the connection went). */
  onCallEnded(cb: () => void): void { this.callEndedCb = cb; }
  private setReg(s: RegistrationState, d?: string): void { this.registration = s; this.regCb(s, d); }

  async start(): Promise<void> {
    this.sip = await import('sip.js');
    const { UserAgent, Registerer, RegistererState } = this.sip;
    const uri = UserAgent.makeURI(this.settings.aor);
    if (!uri) throw new Error(`Not a SIP address: ${this.settings.aor}`);
    this.ua = new UserAgent({
      uri,
      displayName: this.settings.displayName,
      authorizationUsername: this.settings.authorizationUsername,
      authorizationPassword: this.settings.authorizationPassword,
      transportOptions: { server: this.settings.wsUri },
      sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: this.settings.iceServers ?? [] } },
      delegate: {
        onInvite: (inv) => {
          this.pending = inv;
          inv.stateChange.addListener((st) => {
            if (st !== 'Terminated') return;
            if (this.pending === inv) this.pending = null;
            if (this.session === inv) { this.session = null; this.callEndedCb(); }
          });
          if (Date.now() < this.callBackUntil) {
            this.callBackUntil = 0;
            void this.answer().catch(() => { /* the server's wait ends the call part if this never connects */ });
            return;
          }
          this.incomingCb({ remote: inv.remoteIdentity.uri.user ?? '' });
        },
      },
    });
    this.setReg('registering');
    await this.ua.start();
    this.registerer = new Registerer(this.ua);
    this.registerer.stateChange.addListener((st) => {
      if (st === RegistererState.Registered) this.setReg('registered');
      else if (st === RegistererState.Unregistered) this.setReg('unregistered');
    });
    try { await this.registerer.register(); } catch (e) { this.setReg('failed', (e as Error).message); }
  }

  async stop(): Promise<void> {
    try { await this.registerer?.unregister(); } catch { /* going anyway */ }
    try { await this.ua?.stop(); } catch { /* going anyway */ }
    this.audio.remove();
    this.setReg('unregistered');
  }

  hasIncoming(): boolean { return this.pending !== null; }

  hasSession(): boolean { return this.session !== null; }

  /** The running call's WebRTC connection (for its statistics), or null. */
  peerConnection(): RTCPeerConnection | null {
    const sdh = this.session?.sessionDescriptionHandler as unknown as { peerConnection?: RTCPeerConnection } | undefined;
    return sdh?.peerConnection ?? null;
  }

  expectCallBack(): void { this.callBackUntil = Date.now() + 15_000; }

  incomingAsksAutoAnswer(): boolean {
    const req = this.pending?.request;
    if (!req) return false;
    // The headers desk phones honour: Call-Info answer-after=0 and Alert-Info info=alert-autoanswer.
    return /answer-after=0/i.test(req.getHeader('Call-Info') ?? '') || /autoanswer/i.test(req.getHeader('Alert-Info') ?? '');
  }

  async answer(): Promise<void> {
    const inv = this.pending;
    if (!inv) return;
    this.pending = null;
    await inv.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
    this.session = inv;
    this.attachMedia(inv);
  }

  private attachMedia(s: SipSession): void {
    const sdh = s.sessionDescriptionHandler as unknown as { peerConnection?: RTCPeerConnection } | undefined;
    const pc = sdh?.peerConnection;
    if (!pc) return;
    const stream = new MediaStream();
    pc.getReceivers().forEach((r) => r.track && stream.addTrack(r.track));
    this.audio.srcObject = stream;
  }

  async hangup(): Promise<void> {
    const s = this.session ?? this.pending;
    this.session = null; this.pending = null;
    if (!s) return;
    try {
      if ('reject' in s && s.state === 'Initial') await (s as import('sip.js').Invitation).reject();
      else await s.bye();
    } catch { /* already gone */ }
  }

  setMuted(muted: boolean): void {
    const sdh = this.session?.sessionDescriptionHandler as unknown as { peerConnection?: RTCPeerConnection } | undefined;
    sdh?.peerConnection?.getSenders().forEach((snd) => { if (snd.track) snd.track.enabled = !muted; });
  }

  sendDtmf(digits: string): void {
    const sdh = this.session?.sessionDescriptionHandler as unknown as { sendDtmf?: (t: string) => boolean } | undefined;
    sdh?.sendDtmf?.(digits);
  }
}
