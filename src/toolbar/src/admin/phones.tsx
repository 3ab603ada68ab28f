// Phones with their live registration: the phone list (lists.tsx) plus, per phone, what the PBX knows now — registered
// or not, contact, user agent, registration expiry, last heard from (GET /admin/phones/registrations, every 5 s).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/session';
import { ApiError } from '../api/errors';
import type { Schema } from '../api/types';
import { ResourcePage, when } from './resource';
import { phonesSpec } from './lists';
import './phones.css';

type Registration = Schema<'Application.PhoneRegistrations.PhoneRegistrationResponse'>;

const REFRESH_MS = 5000;

/** The registrations by phone id, refreshed while the page is open; the PBX's refusal (503) as text. */
function useRegistrations(): { byPhone: Map<string, Registration> | null; error?: string } {
  const [byPhone, setByPhone] = useState<Map<string, Registration> | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let stopped = false;
    const load = () => api.request<Registration[]>('GET', '/admin/phones/registrations').then(
      (list) => { if (!stopped) { setByPhone(new Map(list.map((r) => [r.phoneId, r]))); setError(undefined); } },
      (e) => { if (!stopped) setError(e instanceof ApiError ? e.message : String(e)); });
    void load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => { stopped = true; window.clearInterval(timer); };
  }, []);
  return { byPhone, error };
}

export function RegistrationCell({ registration }: { registration: Registration | undefined }) {
  if (!registration) return <span class="muted">…</span>;
  return (
    <div class="registration">
      <span class={registration.registered ? 'reg-on' : 'reg-off'}>{registration.registered ? 'Registered' : 'Not registered'}</span>
      {registration.contacts.map((c) => (
        <div key={c.uri} class="small">
          <span class="break" title="Contact">{c.uri}</span>
          {c.userAgent && <> · <span title="User agent">{c.userAgent}</span></>}
          {c.status !== 'Reachable' && <> · {c.status}</>}
          {c.expiresAt && <> · expires {when(c.expiresAt)}</>}
        </div>
      ))}
      <div class="small muted">Last seen: {registration.lastSeen ? when(registration.lastSeen) : 'not since the service started'}</div>
    </div>
  );
}

export function PhonesPage() {
  const { byPhone, error } = useRegistrations();
  const spec = useMemo(() => ({
    ...phonesSpec,
    intro: (
      <>
        {phonesSpec.intro}
        <p class="muted small">Registration is read from the PBX every {REFRESH_MS / 1000} s: contact address, user agent, when the
          registration expires and when the PBX last heard from the phone (registration, refresh or qualify).</p>
        {error && <p class="form-error" role="alert">Registrations unavailable: {error}</p>}
      </>
    ),
    columns: [...phonesSpec.columns, { label: 'Registration', cell: (p: { id: string }) => <RegistrationCell registration={byPhone?.get(p.id)} /> }],
  }), [byPhone, error]);
  return <ResourcePage spec={spec} />;
}
