// #/device-check: microphone, speaker, browser support, WebSocket reachability.
import { h } from './dom';
import type { Api } from '../api/client';

type Result = 'ok' | 'warn' | 'fail' | 'running';

function line(id: string, label: string): { el: HTMLElement; set: (r: Result, text: string) => void } {
  const status = h('span', { class: 'badge', id: `${id}-status` }, '…');
  const text = h('span', { class: 'muted', id: `${id}-text` }, '');
  const el = h('li', { class: 'check-line' }, h('strong', {}, label), ' ', status, ' ', text);
  return {
    el,
    set: (r, t) => {
      status.textContent = r === 'ok' ? 'OK' : r === 'warn' ? 'Check' : r === 'fail' ? 'Problem' : 'Testing…';
      status.className = `badge check-${r}`;
      text.textContent = t;
    },
  };
}

export function browserSupport(): { name: string; ok: boolean }[] {
  return [
    { name: 'WebRTC', ok: typeof RTCPeerConnection !== 'undefined' },
    { name: 'Microphone access', ok: !!navigator.mediaDevices?.getUserMedia },
    { name: 'WebSocket', ok: typeof WebSocket !== 'undefined' },
    { name: 'Web Audio', ok: typeof AudioContext !== 'undefined' },
    { name: 'BroadcastChannel', ok: typeof BroadcastChannel !== 'undefined' },
    { name: 'Notifications', ok: typeof Notification !== 'undefined' },
    { name: 'Secure context (https or localhost)', ok: window.isSecureContext },
  ];
}

export function renderDeviceCheck(api: Api): HTMLElement {
  const browser = line('browser', 'Browser');
  const mic = line('mic', 'Microphone');
  const speaker = line('speaker', 'Speaker');
  const ws = line('ws', 'Server connection (WebSocket)');
  const sipWs = line('sipws', 'Softphone server (WSS)');
  const meter = h('meter', { id: 'mic-level', min: 0, max: 1, value: 0, 'aria-label': 'Microphone level' });
  const micSel = h('select', { id: 'mic-select', 'aria-label': 'Microphone' });
  const spkSel = h('select', { id: 'speaker-select', 'aria-label': 'Speaker' });

  const support = browserSupport();
  const missing = support.filter((s) => !s.ok).map((s) => s.name);
  browser.set(missing.length === 0 ? 'ok' : missing.includes('WebRTC') || missing.includes('WebSocket') ? 'fail' : 'warn',
    missing.length ? `Missing: ${missing.join(', ')}` : `${support.length} features present`);

  let stream: MediaStream | null = null;
  const testMic = async () => {
    mic.set('running', 'Allow the microphone when the browser asks.');
    try {
      stream?.getTracks().forEach((t) => t.stop());
      stream = await navigator.mediaDevices.getUserMedia({ audio: micSel.value ? { deviceId: { exact: micSel.value } } : true });
      const devices = await navigator.mediaDevices.enumerateDevices();
      const inputs = devices.filter((d) => d.kind === 'audioinput');
      const outputs = devices.filter((d) => d.kind === 'audiooutput');
      if (!micSel.options.length) micSel.replaceChildren(...inputs.map((d, i) => h('option', { value: d.deviceId }, d.label || `Microphone ${i + 1}`)));
      if (!spkSel.options.length) spkSel.replaceChildren(...outputs.map((d, i) => h('option', { value: d.deviceId }, d.label || `Speaker ${i + 1}`)));
      const ctx = new AudioContext();
      const an = ctx.createAnalyser();
      ctx.createMediaStreamSource(stream).connect(an);
      const buf = new Float32Array(an.fftSize);
      let peak = 0;
      const started = performance.now();
      const loop = () => {
        an.getFloatTimeDomainData(buf);
        const level = Math.min(1, Math.sqrt(buf.reduce((s, v) => s + v * v, 0) / buf.length) * 4);
        peak = Math.max(peak, level);
        meter.value = level;
        if (performance.now() - started < 5000) requestAnimationFrame(loop);
        else { void ctx.close(); mic.set(peak > 0.01 ? 'ok' : 'warn', peak > 0.01 ? `${inputs.length} microphone(s); sound heard.` : 'No sound heard – speak and test again.'); }
      };
      mic.set('running', `${inputs.length} microphone(s). Say something…`);
      loop();
    } catch (e) {
      mic.set('fail', `No microphone access: ${(e as Error).message}`);
    }
  };

  const testSpeaker = async () => {
    try {
      const ctx = new AudioContext();
      const dest = ctx.createMediaStreamDestination();
      const osc = ctx.createOscillator();
      osc.frequency.value = 440;
      const gain = ctx.createGain();
      gain.gain.value = 0.2;
      osc.connect(gain).connect(dest);
      const audio = new Audio();
      audio.srcObject = dest.stream;
      const withSink = audio as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
      if (spkSel.value && withSink.setSinkId) await withSink.setSinkId(spkSel.value);
      osc.start();
      await audio.play();
      window.setTimeout(() => { osc.stop(); void ctx.close(); audio.srcObject = null; }, 1000);
      speaker.set('ok', 'A one-second tone was played. Did you hear it?');
    } catch (e) {
      speaker.set('fail', `Could not play sound: ${(e as Error).message}`);
    }
  };

  const testWs = async () => {
    ws.set('running', '');
    const t0 = performance.now();
    try {
      const token = api.session ? await api.accessToken() : '';
      const neg = await fetch('/hubs/agent/negotiate?negotiateVersion=1', { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {} });
      if (neg.status === 401) { ws.set('warn', 'Server reachable; sign in to test the event connection.'); return; }
      if (!neg.ok) { ws.set('fail', `Server answered ${neg.status}.`); return; }
      const j = (await neg.json()) as { connectionToken?: string; availableTransports?: { transport: string }[] };
      const hasWs = j.availableTransports?.some((t) => t.transport === 'WebSockets');
      const url = new URL(`/hubs/agent?id=${encodeURIComponent(j.connectionToken ?? '')}${token ? `&access_token=${encodeURIComponent(token)}` : ''}`, location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      await new Promise<void>((resolve, reject) => {
        const sock = new WebSocket(url);
        const timer = window.setTimeout(() => { sock.close(); reject(new Error('timed out')); }, 5000);
        sock.onopen = () => { window.clearTimeout(timer); sock.close(); resolve(); };
        sock.onerror = () => { window.clearTimeout(timer); reject(new Error('refused')); };
      });
      ws.set(hasWs === false ? 'warn' : 'ok', `WebSocket open in ${Math.round(performance.now() - t0)} ms.`);
    } catch (e) {
      ws.set('fail', `Not reachable: ${(e as Error).message}`);
    }
  };

  const testSipWs = async () => {
    if (!api.session) { sipWs.set('warn', 'Sign in to test the softphone server.'); return; }
    let wsUri = '';
    try { wsUri = (await api.request<{ wsUri?: string }>('GET', '/agent/softphone')).wsUri ?? ''; } catch { wsUri = ''; }
    if (!wsUri) { sipWs.set('warn', 'No softphone server configured for you (sandbox or IP phone).'); return; }
    await new Promise<void>((resolve) => {
      const sock = new WebSocket(wsUri, 'sip');
      const timer = window.setTimeout(() => { sock.close(); sipWs.set('fail', `${wsUri}: timed out`); resolve(); }, 5000);
      sock.onopen = () => { window.clearTimeout(timer); sock.close(); sipWs.set('ok', `${wsUri} reachable.`); resolve(); };
      sock.onerror = () => { window.clearTimeout(timer); sipWs.set('fail', `${wsUri}: refused (certificate or firewall?)`); resolve(); };
    });
  };

  mic.set('warn', 'Press “Test microphone”.');
  speaker.set('warn', 'Press “Play test tone”.');
  void testWs();
  void testSipWs();

  return h('main', { class: 'center' }, h('section', { class: 'card device-check', 'aria-labelledby': 'dc-title' },
    h('h1', { id: 'dc-title' }, 'Device check'),
    h('ul', { class: 'checks' }, browser.el, mic.el, speaker.el, ws.el, sipWs.el),
    h('div', { class: 'row' }, micSel, h('button', { type: 'button', id: 'test-mic', onclick: () => void testMic() }, 'Test microphone'), meter),
    h('div', { class: 'row' }, spkSel, h('button', { type: 'button', id: 'test-speaker', onclick: () => void testSpeaker() }, 'Play test tone')),
    h('div', { class: 'row' }, h('button', { type: 'button', onclick: () => { void testWs(); void testSipWs(); } }, 'Test connection again')),
    h('p', {}, h('a', { href: '#/' }, 'Back to the toolbar'))));
}
