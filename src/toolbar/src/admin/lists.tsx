// The admin console's simpler lists: teams, phones (its page: phones.tsx), pause reasons, blocklist, API keys.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/session';
import { ApiError } from '../api/errors';
import type { FieldSpec } from './form';
import { ResourcePage, when, yesNo, type ResourceSpec } from './resource';
import type { User } from './users';

/** The tenant's users, for choosing team members and supervisors. */
export function useUsers(): User[] | null {
  const [users, setUsers] = useState<User[] | null>(null);
  useEffect(() => { api.request<User[]>('GET', '/admin/users').then(setUsers, () => setUsers([])); }, []);
  return users;
}
const withRole = (users: User[], role: string) => users.filter((u) => u.roles.some((r) => r.toLowerCase() === role))
  .map((u) => ({ value: u.id, label: u.displayName }));

interface Team { id: string; name: string; supervisorIds: string[]; memberIds: string[] }
export function TeamsPage() {
  const users = useUsers();
  if (!users) return <p class="loading" role="status">Loading…</p>;
  const nameOf = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;
  const fields: FieldSpec[] = [
    { name: 'name', label: 'Name', required: true, maxLength: 100 },
    { name: 'supervisorIds', label: 'Supervisors', kind: 'checkboxes', options: withRole(users, 'supervisor') },
    { name: 'memberIds', label: 'Agents', kind: 'checkboxes', options: withRole(users, 'agent') },
  ];
  const spec: ResourceSpec<Team> = {
    title: 'Teams', singular: 'team', path: '/admin/teams', key: (t) => t.id, name: (t) => t.name,
    columns: [
      { label: 'Name', cell: (t) => t.name },
      { label: 'Supervisors', cell: (t) => t.supervisorIds.map(nameOf).join(', ') || '—' },
      { label: 'Agents', cell: (t) => t.memberIds.map(nameOf).join(', ') || '—' },
    ],
    createFields: fields, editFields: fields,
  };
  return <ResourcePage spec={spec} />;
}

interface Phone { id: string; endpointName: string; extension: string; description?: string | null; hotDesk: boolean }
const phoneFields: FieldSpec[] = [
  { name: 'extension', label: 'Extension', required: true, pattern: /^[0-9]{2,20}$/, patternHint: '2–20 digits.' },
  { name: 'endpointName', label: 'Endpoint name on the PBX', maxLength: 100, pattern: /^[A-Za-z0-9_.-]+$/, patternHint: "Letters, digits, '.', '_', '-'.", hint: 'Empty: made from the extension.' },
  { name: 'description', label: 'Description', maxLength: 200 },
  { name: 'hotDesk', label: 'Hot desk (any agent may log in on it)', kind: 'checkbox' },
];
/** The phone list; phones.tsx adds the live registration column. */
export const phonesSpec: ResourceSpec<Phone> = {
  title: 'Phones', singular: 'phone', path: '/admin/phones', key: (p) => p.id, name: (p) => p.extension,
  intro: <p class="muted">Desk phones agents choose at login. A phone's SIP password is shown once: after it is created, or when a new one is issued.</p>,
  columns: [
    { label: 'Extension', cell: (p) => p.extension },
    { label: 'Endpoint', cell: (p) => p.endpointName },
    { label: 'Description', cell: (p) => p.description || '—' },
    { label: 'Hot desk', cell: (p) => yesNo(p.hotDesk) },
  ],
  createFields: phoneFields, editFields: phoneFields, codeFields: { conflict: 'extension' },
  // The SIP credentials a desk phone registers with: in the answer to its creation, or issued anew (a new password).
  afterCreate: (created) => {
    const c = (created as { sipCredentials?: SipCredentials | null }).sipCredentials;
    return c ? <SipCredentialsOnce credentials={c} /> : null;
  },
  rowActions: (p, ctx) => (
    <button type="button" aria-label={`New SIP password for ${p.extension}`} onClick={async () => {
      if (!confirm(`Issue a new SIP password for phone ${p.extension}? The phone must then be configured with it.`)) return;
      try {
        const c = await api.request<SipCredentials>('POST', `/admin/phones/${p.id}/sip-credentials`);
        ctx.show(<SipCredentialsOnce credentials={c} />);
        ctx.notify(`New SIP password issued for phone ${p.extension}.`);
      } catch (e) {
        ctx.show(<p class="form-error" role="alert">{e instanceof ApiError ? e.message : String(e)}</p>);
      }
    }}>New SIP password</button>
  ),
};

interface SipCredentials { endpoint: string; username: string; password: string }

/** A phone's SIP credentials, shown once (the password cannot be read again, only replaced). */
function SipCredentialsOnce({ credentials }: { credentials: SipCredentials }) {
  return (
    <section class="card secret" aria-labelledby="sip-title">
      <h2 id="sip-title">SIP credentials of {credentials.endpoint}</h2>
      <p>Configure the phone with these now: the password is shown only once.</p>
      <p>User name and authentication name: <code aria-label="SIP user name">{credentials.username}</code></p>
      <p>Password: <code class="secret-value" aria-label="SIP password">{credentials.password}</code></p>
    </section>
  );
}

interface PauseReason { id: string; code: number; name: string; isSystem: boolean; enabled: boolean }
const reasonFields: FieldSpec[] = [
  { name: 'code', label: 'Code (1–9, for phones)', kind: 'number', required: true, min: 1, max: 9 },
  { name: 'name', label: 'Name', required: true, maxLength: 50 },
  { name: 'enabled', label: 'Enabled', kind: 'checkbox' },
];
const reasonsSpec: ResourceSpec<PauseReason> = {
  title: 'Pause reasons', singular: 'pause reason', path: '/admin/pause-reasons', key: (r) => r.id, name: (r) => r.name,
  columns: [
    { label: 'Name', cell: (r) => r.name },
    { label: 'Code', cell: (r) => r.code },
    { label: 'Enabled', cell: (r) => yesNo(r.enabled) },
    { label: 'Kind', cell: (r) => (r.isSystem ? 'System' : 'Tenant') },
  ],
  createFields: reasonFields, editFields: reasonFields, defaults: { enabled: true }, canDelete: (r) => !r.isSystem, codeFields: { conflict: 'code' },
};
export function PauseReasonsPage() { return <ResourcePage spec={reasonsSpec} />; }

interface Blocked { id: string; number: string; direction: string; note?: string | null; createdAt: string }
const blockFields: FieldSpec[] = [
  { name: 'number', label: 'Number', required: true, maxLength: 32, pattern: /^\+?[0-9]{2,31}$/, patternHint: 'Digits with an optional leading +.' },
  { name: 'direction', label: 'Direction', kind: 'select', options: [
    { value: 'Inbound', label: 'Inbound calls from it' }, { value: 'Outbound', label: 'Outbound calls to it' }, { value: 'Both', label: 'Both' }] },
  { name: 'note', label: 'Note', maxLength: 200 },
];
const blockSpec: ResourceSpec<Blocked> = {
  title: 'Blocklist', singular: 'blocked number', path: '/admin/blocklist', key: (b) => b.id, name: (b) => b.number,
  columns: [
    { label: 'Number', cell: (b) => b.number },
    { label: 'Direction', cell: (b) => b.direction },
    { label: 'Note', cell: (b) => b.note || '—' },
    { label: 'Added', cell: (b) => when(b.createdAt) },
  ],
  createFields: blockFields, defaults: { direction: 'Both' }, deleteLabel: 'Remove', codeFields: { conflict: 'number' },
};
export function BlocklistPage() { return <ResourcePage spec={blockSpec} />; }

interface ApiKey { id: string; name: string; prefix: string; scopes: string[]; createdAt: string; expiresAt?: string | null; revokedAt?: string | null; lastUsedAt?: string | null }
const keyFields: FieldSpec[] = [
  { name: 'name', label: 'Name', required: true, maxLength: 100 },
  { name: 'scopes', label: 'Scopes', kind: 'checkboxes', required: true, options: [
    { value: 'read', label: 'read (state, calls, reports)' }, { value: 'call-control', label: 'call-control (act on calls)' }, { value: 'admin', label: 'admin (administration)' }] },
  { name: 'expiresAt', label: 'Expires', kind: 'datetime', hint: 'Empty: never.' },
];
const keysSpec: ResourceSpec<ApiKey> = {
  title: 'API keys', singular: 'API key', path: '/admin/api-keys', key: (k) => k.id, name: (k) => k.name,
  columns: [
    { label: 'Name', cell: (k) => k.name },
    { label: 'Prefix', cell: (k) => <code>{k.prefix}</code> },
    { label: 'Scopes', cell: (k) => k.scopes.join(', ') },
    { label: 'Expires', cell: (k) => when(k.expiresAt) },
    { label: 'Last used', cell: (k) => when(k.lastUsedAt) },
    { label: 'Status', cell: (k) => (k.revokedAt ? `Revoked ${when(k.revokedAt)}` : 'Active') },
  ],
  createFields: keyFields, defaults: { scopes: ['read'] }, deleteLabel: 'Revoke', canDelete: (k) => !k.revokedAt,
  afterCreate: (created) => <SecretOnce label="API key" secret={(created as { key: string }).key} />,
};
export function ApiKeysPage() { return <ResourcePage spec={keysSpec} />; }

/** A secret the server shows once: selectable, copyable, and said to be shown only now. */
export function SecretOnce({ label, secret }: { label: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <section class="card secret" aria-labelledby="secret-title">
      <h2 id="secret-title">Your new {label}</h2>
      <p>Copy it now: it is shown only once and cannot be read again.</p>
      <p><code class="secret-value" aria-label={label}>{secret}</code></p>
      <button type="button" onClick={() => { void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => {}); }}>{copied ? 'Copied' : 'Copy'}</button>
    </section>
  );
}
