// Users: create (with an agent profile), edit, disable, reset password, unlock, and agents imported from a CSV file.
import { useState } from 'preact/hooks';
import { api } from '../api/session';
import { Form, bodyOf, type Errors, type FieldSpec, type Values } from './form';
import { CsvImport } from './csvimport';
import { ResourcePage, yesNo, type ResourceSpec, type RowContext } from './resource';

export interface User {
  id: string; username: string; email?: string | null; agentNumber?: string | null; displayName: string; roles: string[];
  enabled: boolean; lockedUntil?: string | null; lastLoginAt?: string | null; agentProfile?: { extension: string; extensionKind: string; hasIvrPin?: boolean } | null;
}

const ROLES = [{ value: 'agent', label: 'Agent' }, { value: 'supervisor', label: 'Supervisor' }, { value: 'admin', label: 'Administrator' }];
const DIGITS = /^[0-9]{2,20}$/;
const common: FieldSpec[] = [
  { name: 'displayName', label: 'Display name', required: true, maxLength: 100 },
  { name: 'email', label: 'Email', kind: 'email', maxLength: 254 },
  { name: 'agentNumber', label: 'Agent number', pattern: DIGITS, patternHint: '2–20 digits.' },
  { name: 'roles', label: 'Roles', kind: 'checkboxes', required: true, options: ROLES },
  { name: 'enabled', label: 'Enabled (may sign in)', kind: 'checkbox' },
];
const createFields: FieldSpec[] = [
  { name: 'username', label: 'Username', required: true, maxLength: 64, pattern: /^[A-Za-z0-9._-]+$/, patternHint: "Letters, digits, '.', '_', '-'.", autocomplete: 'off' },
  ...common,
  { name: 'password', label: 'Password', kind: 'password', required: true, autocomplete: 'new-password', hint: 'At least 8 characters, not a common password.' },
  { name: 'agentProfile.extension', label: 'Extension (agents)', pattern: DIGITS, patternHint: '2–20 digits.', hint: 'Leave empty for a user who is not an agent.' },
  { name: 'agentProfile.extensionKind', label: 'Extension kind', kind: 'select', options: [
    { value: 'Web', label: 'Web (browser softphone)' }, { value: 'Sip', label: 'SIP desk phone' }, { value: 'Remote', label: 'Remote (mobile number)' }] },
  { name: 'agentProfile.ivrPin', label: 'PIN for logging in by phone', kind: 'password', pattern: /^[0-9]{4,8}$/, patternHint: '4–8 digits.', autocomplete: 'off',
    hint: 'Remote agents: they log in with *64, their agent number and this PIN.' },
  { name: 'agentProfile.mobileNumber', label: 'Mobile number (remote agents)', maxLength: 32, pattern: /^\+?[0-9]{1,31}$/, patternHint: 'Digits, optionally starting with +.',
    hint: 'Where offers ring; empty: the number she logs in from.' },
];

// A remote agent has only a telephone: without an agent number and a PIN she could never log in (the server refuses it too).
const REMOTE_NUMBER = 'Required for a remote agent: she logs in by phone with her agent number.';
function createCheck(v: Values): Errors {
  const errors: Errors = {};
  if (v['agentProfile.extensionKind'] !== 'Remote' || !String(v['agentProfile.extension'] ?? '').trim()) return errors;
  if (!String(v.agentNumber ?? '').trim()) errors.agentNumber = REMOTE_NUMBER;
  if (!String(v['agentProfile.ivrPin'] ?? '').trim()) errors['agentProfile.ivrPin'] = 'Required for a remote agent: she logs in by phone with this PIN (4–8 digits).';
  return errors;
}
function editCheck(v: Values, u: User): Errors {
  return u.agentProfile?.extensionKind === 'Remote' && !String(v.agentNumber ?? '').trim() ? { agentNumber: REMOTE_NUMBER } : {};
}

function createBody(values: Values) {
  const body = bodyOf(createFields, values) as Record<string, unknown> & { agentProfile?: { extension: string | null } };
  if (!body.agentProfile?.extension) body.agentProfile = undefined;
  return body;
}

function PasswordPanel({ user, ctx }: { user: User; ctx: RowContext<User> }) {
  const fields: FieldSpec[] = [{ name: 'password', label: 'New password', kind: 'password', required: true, autocomplete: 'new-password' }];
  return (
    <Form id="password" title={`Reset the password of ${user.displayName}`} fields={fields} initial={{ password: '' }} submitLabel="Set password"
      codeFields={{ weak_password: 'password' }} onCancel={() => ctx.show(null)}
      onSubmit={async (v) => {
        await api.request('POST', `/admin/users/${user.id}/password`, { password: v.password });
        ctx.show(null);
        ctx.notify(`Password of ${user.displayName} set; her sessions were ended.`);
        await ctx.reload();
      }} />
  );
}

const spec: ResourceSpec<User> = {
  title: 'Users', singular: 'user', path: '/admin/users',
  key: (u) => u.id, name: (u) => u.displayName,
  columns: [
    { label: 'Name', cell: (u) => u.displayName },
    { label: 'Username', cell: (u) => u.username },
    { label: 'Roles', cell: (u) => u.roles.join(', ') },
    { label: 'Extension', cell: (u) => u.agentProfile?.extension ?? '—' },
    { label: 'Enabled', cell: (u) => yesNo(u.enabled) },
    { label: 'Locked', cell: (u) => (u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() ? 'Locked' : '—') },
  ],
  createFields, editFields: common, createBody, createCheck, editCheck, defaults: { enabled: true, roles: ['agent'], 'agentProfile.extensionKind': 'Web' },
  codeFields: { weak_password: 'password' },
  deleteLabel: 'none',
  rowActions: (u, ctx) => (
    <>
      <button type="button" aria-label={`Reset password of ${u.displayName}`} onClick={() => ctx.show(<PasswordPanel key={u.id} user={u} ctx={ctx} />)}>Reset password</button>
      {u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() && (
        <button type="button" aria-label={`Unlock ${u.displayName}`} onClick={async () => {
          await api.request('POST', `/admin/users/${u.id}/unlock`); ctx.notify(`${u.displayName} unlocked.`); await ctx.reload();
        }}>Unlock</button>
      )}
    </>
  ),
};

export function UsersPage() {
  const [imports, setImports] = useState(0);
  return (
    <>
      <ResourcePage key={imports} spec={spec} />
      <CsvImport onImported={() => setImports((n) => n + 1)} />
    </>
  );
}
