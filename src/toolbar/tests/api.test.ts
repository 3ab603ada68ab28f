import { afterEach, describe, expect, it, vi } from 'vitest';
import { Api, LEGACY_SESSION_KEY } from '../src/api/client';

/** A Storage that records every key written. */
function recordingStorage(initial: Record<string, string> = {}): Storage & { written: string[]; data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  const written: string[] = [];
  return {
    data, written,
    get length() { return data.size; },
    clear: () => data.clear(),
    getItem: (k: string) => data.get(k) ?? null,
    key: (i: number) => [...data.keys()][i] ?? null,
    removeItem: (k: string) => { data.delete(k); },
    setItem: (k: string, v: string) => { written.push(k); data.set(k, v); },
  };
}

const me = { userId: 'u1', tenantId: 't1', tenantDomain: 'demo', username: 'agent1', displayName: 'Agent 1', roles: ['agent'] };
const session = (token: string) => ({
  accessToken: token, accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
  refreshToken: null, refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(), user: me,
});
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('session tokens', () => {
  it('asks for the refresh token as a cookie and keeps the access token in memory only', async () => {
    const storage = recordingStorage();
    const fetchMock = vi.fn(async () => json(200, session('access-1')));
    vi.stubGlobal('fetch', fetchMock);
    const api = new Api('/api/v1', storage);

    await api.login('demo', 'agent1', 'nine quiet herons');

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/session/login');
    expect(JSON.parse(init.body as string)).toMatchObject({ refreshTokenAsCookie: true });
    expect(api.session?.accessToken).toBe('access-1');
    expect(storage.written).toEqual([]);
  });

  it('restores a session after a page load from the cookie, sending no token itself', async () => {
    const fetchMock = vi.fn(async () => json(200, session('access-2')));
    vi.stubGlobal('fetch', fetchMock);
    const api = new Api('/api/v1', recordingStorage());

    expect(await api.restore()).toBe(true);

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/session/refresh');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body as string)).toEqual({});
    expect(api.session?.accessToken).toBe('access-2');
  });

  it('stays signed out when the cookie is gone or refused', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { status: 401, code: 'invalid_credentials' })));
    const api = new Api('/api/v1', recordingStorage());
    expect(await api.restore()).toBe(false);
    expect(api.session).toBeNull();
  });

  it('removes the session an older version kept in localStorage', () => {
    const storage = recordingStorage({ [LEGACY_SESSION_KEY]: '{"refreshToken":"old"}', 'cti.domain': 'demo' });
    new Api('/api/v1', storage);
    expect(storage.data.has(LEGACY_SESSION_KEY)).toBe(false);
    expect(storage.data.get('cti.domain')).toBe('demo');
  });
});

describe('files behind the bearer token', () => {
  it('fetches a recording with the Authorization header, never with the token in the URL', async () => {
    const fetchMock = vi.fn(async (url: string) => url.endsWith('/session/login')
      ? json(200, session('access-1'))
      : new Response(new Uint8Array([82, 73, 70, 70]), { status: 200, headers: { 'Content-Type': 'audio/wav' } }));
    vi.stubGlobal('fetch', fetchMock);
    const api = new Api('/api/v1', recordingStorage());
    await api.login('demo', 'agent1', 'nine quiet herons');

    const blob = await api.blob('/recordings/r1/audio');

    const [url, init] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/recordings/r1/audio');
    expect(url).not.toContain('access');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer access-1');
    expect(blob.size).toBe(4);
  });

  it('turns a refusal into the server’s problem', async () => {
    const fetchMock = vi.fn(async (url: string) => url.endsWith('/session/login')
      ? json(200, session('access-1'))
      : json(403, { status: 403, code: 'forbidden', title: 'Not your call.' }));
    vi.stubGlobal('fetch', fetchMock);
    const api = new Api('/api/v1', recordingStorage());
    await api.login('demo', 'agent1', 'nine quiet herons');
    await expect(api.blob('/recordings/r1/audio')).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });
});
