// Skill groups: routing settings, and their members with priorities (1 is offered calls first).
import { useState } from 'preact/hooks';
import { api } from '../api/session';
import { ApiError } from '../api/errors';
import { bodyOf, type FieldSpec, type Values } from './form';
import { ResourcePage, type ResourceSpec, type RowContext } from './resource';
import { useUsers } from './lists';
import type { User } from './users';

interface Member { userId: string; priority: number }
interface SkillGroup {
  id: string; name: string; number?: string | null; maxWaitSeconds: number; ringTimeoutSeconds: number; announcePosition: boolean;
  announceIntervalSeconds: number; serviceLevelSeconds: number; noAgentRule: string; fallbackDestination?: string | null; musicOnHoldClass?: string | null; members: Member[];
}

const fields: FieldSpec[] = [
  { name: 'name', label: 'Name', required: true, maxLength: 100 },
  { name: 'number', label: 'Number callers dial', maxLength: 32, pattern: /^\+?[0-9]{2,31}$/, patternHint: 'Digits with an optional leading +.' },
  { name: 'ringTimeoutSeconds', label: 'Ring an agent for (seconds)', kind: 'number', required: true, min: 5, max: 300 },
  { name: 'maxWaitSeconds', label: 'Longest wait (seconds)', kind: 'number', required: true, min: 1, max: 86400 },
  { name: 'serviceLevelSeconds', label: 'Service level: answered within (seconds)', kind: 'number', required: true, min: 1, max: 3600 },
  { name: 'announcePosition', label: 'Tell callers their position', kind: 'checkbox' },
  { name: 'announceIntervalSeconds', label: 'Announce every (seconds)', kind: 'number', required: true, min: 10, max: 3600 },
  { name: 'noAgentRule', label: 'When no agent is logged in', kind: 'select', options: [
    { value: 'KeepWaiting', label: 'Keep callers waiting' }, { value: 'FallbackDestination', label: 'Send to the fallback destination' }] },
  { name: 'fallbackDestination', label: 'Fallback destination', maxLength: 64 },
  { name: 'musicOnHoldClass', label: 'Music on hold class', maxLength: 80, pattern: /^[A-Za-z0-9_-]*$/, patternHint: 'Letters, digits, "_" and "-".' },
];

function MembersPanel({ group, users, ctx }: { group: SkillGroup; users: User[]; ctx: RowContext<SkillGroup> }) {
  const [members, setMembers] = useState<Member[]>(group.members);
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string>();
  // A message per member (her priority's field): the page's range check, or the server's `members[i].priority` errors.
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const agents = users.filter((u) => u.roles.some((r) => r.toLowerCase() === 'agent'));
  const nameOf = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;
  const showErrors = (errs: Record<string, string>, form?: string) => {
    setFieldErrors(errs);
    setError(form ?? (Object.keys(errs).length ? 'Check the priorities marked below.' : undefined));
    const first = members.find((m) => errs[m.userId]);
    if (first) queueMicrotask(() => document.getElementById(`prio-${first.userId}`)?.focus());
  };
  const save = async () => {
    const bad = Object.fromEntries(members.filter((m) => !Number.isInteger(m.priority) || m.priority < 1 || m.priority > 100)
      .map((m) => [m.userId, 'Between 1 and 100.']));
    if (Object.keys(bad).length) { showErrors(bad); return; }
    showErrors({});
    setBusy(true);
    try {
      await api.request('PUT', `/admin/skill-groups/${group.id}/members`, { members });
      ctx.show(null); ctx.notify(`Members of ${group.name} saved.`); await ctx.reload();
    } catch (e) {
      const errs: Record<string, string> = {};
      const rest: string[] = [];
      const problem = (e instanceof ApiError && e.problem && typeof e.problem === 'object' ? e.problem : {}) as { errors?: Record<string, string[]> };
      for (const [key, msgs] of Object.entries(problem.errors ?? {})) {
        const member = /^members\[(\d+)\]/i.exec(key);
        const id = member ? members[Number(member[1])]?.userId : undefined;
        if (id) errs[id] = [errs[id], ...msgs].filter(Boolean).join(' ');
        else rest.push(msgs.join(' '));
      }
      showErrors(errs, rest.length || !Object.keys(errs).length ? [e instanceof Error ? e.message : String(e), ...rest].join(' ') : undefined);
    } finally { setBusy(false); }
  };
  return (
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">Members of {group.name}</h2>
      <p class="muted small">Priority 1 is offered calls first, 100 last.</p>
      <p class="form-error" role="alert">{error}</p>
      {members.length === 0 && <p class="muted">No members.</p>}
      <ul class="members">
        {members.map((m) => (
          <li key={m.userId} class="row">
            <span class="member-name">{nameOf(m.userId)}</span>
            <label class="inline" for={`prio-${m.userId}`}>Priority</label>
            <input id={`prio-${m.userId}`} type="number" min={1} max={100} value={m.priority} class="prio"
              aria-label={`Priority of ${nameOf(m.userId)}`} aria-invalid={fieldErrors[m.userId] ? true : undefined}
              aria-describedby={fieldErrors[m.userId] ? `prio-${m.userId}-error` : undefined}
              onInput={(e) => { const p = Number((e.currentTarget as HTMLInputElement).value); setMembers((cur) => cur.map((x) => (x.userId === m.userId ? { ...x, priority: p } : x))); }} />
            <button type="button" aria-label={`Remove ${nameOf(m.userId)}`} onClick={() => setMembers((cur) => cur.filter((x) => x.userId !== m.userId))}>Remove</button>
            {fieldErrors[m.userId] && <span class="field-error" id={`prio-${m.userId}-error`}>{fieldErrors[m.userId]}</span>}
          </li>
        ))}
      </ul>
      <div class="row">
        <label class="inline" for="add-member">Add agent</label>
        <select id="add-member" value={adding} onChange={(e) => setAdding((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">Choose…</option>
          {agents.filter((a) => !members.some((m) => m.userId === a.id)).map((a) => <option key={a.id} value={a.id}>{a.displayName}</option>)}
        </select>
        <button type="button" disabled={!adding} onClick={() => { setMembers((cur) => [...cur, { userId: adding, priority: 1 }]); setAdding(''); }}>Add</button>
      </div>
      <div class="row">
        <button type="button" class="primary" disabled={busy} onClick={() => void save()}>Save members</button>
        <button type="button" onClick={() => ctx.show(null)}>Cancel</button>
      </div>
    </section>
  );
}

export function SkillGroupsPage() {
  const users = useUsers();
  if (!users) return <p class="loading" role="status">Loading…</p>;
  const spec: ResourceSpec<SkillGroup> = {
    title: 'Skill groups', singular: 'skill group', path: '/admin/skill-groups', key: (g) => g.id, name: (g) => g.name,
    columns: [
      { label: 'Name', cell: (g) => g.name },
      { label: 'Number', cell: (g) => g.number || '—' },
      { label: 'Members', cell: (g) => g.members.length },
      { label: 'Ring timeout', cell: (g) => `${g.ringTimeoutSeconds} s` },
      { label: 'Service level', cell: (g) => `${g.serviceLevelSeconds} s` },
    ],
    createFields: fields, editFields: fields,
    defaults: { ringTimeoutSeconds: '20', maxWaitSeconds: '600', announceIntervalSeconds: '60', serviceLevelSeconds: '20', noAgentRule: 'KeepWaiting' },
    createBody: (v) => ({ ...bodyWithMembers(v), members: undefined }),
    editBody: (v) => bodyWithMembers(v),
    rowActions: (g, ctx) => (
      <button type="button" aria-label={`Members of ${g.name}`} onClick={() => ctx.show(<MembersPanel key={g.id} group={g} users={users} ctx={ctx} />)}>Members</button>
    ),
  };
  return <ResourcePage spec={spec} />;
}


function bodyWithMembers(v: Values) { return bodyOf(fields, v); }
