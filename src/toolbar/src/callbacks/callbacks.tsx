// The callbacks page (/callbacks, its own chunk): an agent's callbacks (her own and her skill groups' unassigned ones)
// with one click to dial, snooze, reschedule, complete with a result and cancel, and a form to schedule one for herself,
// a teammate or a skill group; supervisors switch to their teams' callbacks and reassign them. Times are the tenant's
// (dueAtLocal, written by the server), whatever the browser's zone. docs/callbacks.md.
import { useEffect, useState } from 'preact/hooks';
import { api, currentUser } from '../api/session';
import { ApiError } from '../api/errors';
import { AppHeader } from '../shared/header';
import { hasRole } from '../shared/roles';
import { useStore } from '../shared/store';
import {
  cancelCallback, completeCallback, dialCallback, listCallbacks, localTime, reassignCallback, rescheduleCallback, scheduleCallback,
  snoozeCallback, wallClock, type Callback,
} from './api';
import './callbacks.css';

const message = (e: unknown) => {
  if (!(e instanceof ApiError)) return 'Something went wrong.';
  const errors = (e.problem as { errors?: Record<string, string[]> } | undefined)?.errors;
  const rest = errors ? Object.entries(errors).slice(1) : [];
  return rest.length ? `${e.message}; ${rest.map(([k, v]) => `${k}: ${v.join(' ')}`).join('; ')}` : e.message;
};

interface Option { id: string; name: string }
interface Draft { number: string; due: string; note: string; target: string }
const emptyDraft: Draft = { number: '', due: '', note: '', target: 'me' };

export default function CallbacksPage() {
  const me = useStore(currentUser);
  const supervisor = !!me && (hasRole(me, 'supervisor') || hasRole(me, 'admin'));
  const agent = !!me && hasRole(me, 'agent');
  const [scope, setScope] = useState<'Mine' | 'Team'>(agent ? 'Mine' : 'Team');
  const [closed, setClosed] = useState(false);
  const [items, setItems] = useState<Callback[] | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [agents, setAgents] = useState<Option[]>([]);
  const [groups, setGroups] = useState<Option[]>([]);

  const load = async (s = scope, c = closed) => {
    setError('');
    try { setItems(await listCallbacks(api, s, c)); } catch (e) { setError(message(e)); }
  };
  useEffect(() => { void load(); }, [scope, closed]); // eslint-disable-line react-hooks/exhaustive-deps -- reload when the filters change
  useEffect(() => {
    // Whom a callback can be for: colleagues (the server refuses those of other teams) and skill groups.
    void api.directory().then((d) => setAgents(d.filter((x) => x.role.toLowerCase().includes('agent') && x.agentId !== me?.userId)
      .map((x) => ({ id: x.agentId, name: x.displayName })))).catch(() => {});
    void api.skillGroups().then((g) => setGroups(g.map((x) => ({ id: x.skillGroupId, name: x.name })))).catch(() => {});
  }, [me?.userId]);

  const act = async (what: () => Promise<unknown>, done: string) => {
    setError('');
    try { await what(); setStatus(done); await load(); } catch (e) { setError(message(e)); }
  };
  const schedule = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    const [kind, id] = draft.target.split(':');
    await act(() => scheduleCallback(api, {
      number: draft.number, dueAtLocal: draft.due, note: draft.note || undefined,
      agentId: kind === 'agent' ? id : undefined, skillGroupId: kind === 'group' ? id : undefined,
    }), 'Callback scheduled.');
    setDraft(null);
  };
  const set = (k: keyof Draft, v: string) => setDraft((d) => (d ? { ...d, [k]: v } : d));

  return (
    <div class="workspace callbacks">
      <AppHeader title="CtiBridge" current="callbacks" />
      <main id="main" class="page" aria-labelledby="callbacks-title">
        <div class="page-head">
          <h1 id="callbacks-title">Callbacks</h1>
          <div class="row">
            <button type="button" class="primary" id="callback-new" onClick={() => setDraft({ ...emptyDraft })}>New callback</button>
            {supervisor && agent && (
              <button type="button" id="callbacks-scope" aria-pressed={scope === 'Team'} onClick={() => setScope(scope === 'Mine' ? 'Team' : 'Mine')}>
                {scope === 'Mine' ? 'Show my teams\' callbacks' : 'Show mine'}
              </button>
            )}
            <label><input type="checkbox" checked={closed} onChange={(e) => setClosed(e.currentTarget.checked)} /> Completed and cancelled too</label>
          </div>
        </div>
        <p class="muted">{scope === 'Team' ? 'The callbacks of your teams.' : 'Your callbacks and those of your skill groups that no agent has.'} Times are the tenant's time zone{items?.[0] ? ` (${items[0].timeZone})` : ''}.</p>
        <p class="form-error" role="alert">{error}</p>
        <p class="muted" role="status" id="callbacks-status">{status}</p>
        {draft && (
          <form class="card callback-form" id="callback-form" aria-label="New callback" onSubmit={(e) => void schedule(e)}>
            <h2>New callback</h2>
            <label for="callback-number">Number</label>
            <input id="callback-number" required maxLength={40} inputMode="tel" value={draft.number} onInput={(e) => set('number', e.currentTarget.value)} />
            <label for="callback-due">Due (tenant's time)</label>
            <input id="callback-due" type="datetime-local" required value={draft.due} onInput={(e) => set('due', e.currentTarget.value)} />
            <label for="callback-for">For</label>
            <select id="callback-for" value={draft.target} onChange={(e) => set('target', e.currentTarget.value)}>
              {agent && <option value="me">Me</option>}
              {agents.map((a) => <option key={a.id} value={`agent:${a.id}`}>{a.name}</option>)}
              {groups.map((g) => <option key={g.id} value={`group:${g.id}`}>Skill group {g.name}</option>)}
            </select>
            <label for="callback-note">Note</label>
            <textarea id="callback-note" rows={2} maxLength={2000} value={draft.note} onInput={(e) => set('note', e.currentTarget.value)} />
            <div class="row">
              <button type="submit" class="primary" id="callback-save">Schedule</button>
              <button type="button" onClick={() => setDraft(null)}>Cancel</button>
            </div>
          </form>
        )}
        {items && items.length === 0 && <p class="muted">No callbacks.</p>}
        {items && items.length > 0 && (
          <ul class="callback-list" id="callbacks-list" aria-label="Callbacks">
            {items.map((c) => <Row key={c.id} c={c} supervisor={supervisor && scope === 'Team'} agents={agents} groups={groups} act={act} />)}
          </ul>
        )}
      </main>
    </div>
  );
}

function Row({ c, supervisor, agents, groups, act }: {
  c: Callback; supervisor: boolean; agents: Option[]; groups: Option[];
  act: (what: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const open = c.status === 'Scheduled' || c.status === 'InProgress';
  const [due, setDue] = useState(wallClock(c));
  const [result, setResult] = useState('');
  const [to, setTo] = useState('');
  const who = c.contactName ? `${c.contactName} (${c.number})` : c.number;
  return (
    <li class={`card${c.escalatedAt && open ? ' escalated' : ''}`} data-callback-id={c.id}>
      <div class="callback-head">
        <strong>{localTime(c, true)}</strong> <span>{who}</span>
        <span class="muted">{c.agentName ?? (c.skillGroupName ? `Skill group ${c.skillGroupName}` : 'Nobody')} · {c.status}{c.escalatedAt && open ? ' · escalated' : ''}</span>
      </div>
      {c.note && <p class="notes">{c.note}</p>}
      {c.result && <p class="muted">Result: {c.result}</p>}
      {open && (
        <div class="row">
          <button type="button" class="primary" aria-label={`Dial ${c.number}`} onClick={() => void act(() => dialCallback(api, c.id), `Dialling ${c.number}.`)}>Dial</button>
          <button type="button" onClick={() => void act(() => snoozeCallback(api, c.id, 10), 'Snoozed for 10 minutes.')}>Snooze 10 min</button>
          <label class="visually-hidden" for={`due-${c.id}`}>New time</label>
          <input id={`due-${c.id}`} type="datetime-local" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
          <button type="button" onClick={() => void act(() => rescheduleCallback(api, c.id, due), 'Rescheduled.')}>Reschedule</button>
          <label class="visually-hidden" for={`result-${c.id}`}>Result</label>
          <input id={`result-${c.id}`} placeholder="Result" maxLength={200} value={result} onInput={(e) => setResult(e.currentTarget.value)} />
          <button type="button" onClick={() => void act(() => completeCallback(api, c.id, result), 'Completed.')}>Complete</button>
          <button type="button" class="danger" onClick={() => void act(() => cancelCallback(api, c.id), 'Cancelled.')}>Cancel callback</button>
          {supervisor && (
            <>
              <label class="visually-hidden" for={`to-${c.id}`}>Reassign to</label>
              <select id={`to-${c.id}`} value={to} onChange={(e) => setTo(e.currentTarget.value)}>
                <option value="">Reassign to…</option>
                {agents.map((a) => <option key={a.id} value={`agent:${a.id}`}>{a.name}</option>)}
                {groups.map((g) => <option key={g.id} value={`group:${g.id}`}>Skill group {g.name}</option>)}
              </select>
              <button type="button" disabled={!to} aria-label={`Reassign callback to ${who}`} onClick={() => {
                const [kind, id] = to.split(':');
                void act(() => reassignCallback(api, c.id, kind === 'agent' ? { agentId: id } : { skillGroupId: id }), 'Reassigned.');
              }}>Reassign</button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
