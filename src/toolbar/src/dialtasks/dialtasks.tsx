// The dial tasks page (/dial-tasks, its own chunk): an agent works her tasks by preview dialling — the next contact
// (offered to her alone), one click to dial, the result (a disposition code) and a remark; a supervisor creates tasks
// for her team and follows their progress live (dialTaskProgress / dialTaskChanged on her own hub connection).
// Days and times are the tenant's time zone. docs/dialtasks.md.
import { useEffect, useState } from 'preact/hooks';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { api, currentUser } from '../api/session';
import { ApiError } from '../api/errors';
import type { DispositionCode, HubEnvelope } from '../api/types';
import { AppHeader } from '../shared/header';
import { hasRole } from '../shared/roles';
import { useStore } from '../shared/store';
import {
  createDialTask, dialContact, listDialTasks, nextContact, progressText, setDialTaskStatus, setResult, taskCallerIds,
  type DialTask, type DialTaskContact, type DialTaskProgress, type TaskCallerId,
} from './api';
import { searchContacts, type Contact } from '../contacts/api';
import './dialtasks.css';

const message = (e: unknown) => {
  if (!(e instanceof ApiError)) return 'Something went wrong.';
  const errors = (e.problem as { errors?: Record<string, string[]> } | undefined)?.errors;
  const rest = errors ? Object.entries(errors).map(([k, v]) => `${k}: ${v.join(' ')}`) : [];
  return rest.length ? `${e.message}; ${rest.join('; ')}` : e.message;
};

const today = () => new Date().toISOString().slice(0, 10);
interface Draft {
  name: string; contactSearch: string; csv: string; firstDay: string; lastDay: string; dailyStart: string; dailyEnd: string;
  busyRetries: string; busyRetryMinutes: string; noAnswerRetries: string; noAnswerRetryMinutes: string; callerId: string;
  agentIds: string[]; contactIds: string[];
}
const emptyDraft = (): Draft => ({
  name: '', contactSearch: '', csv: '', firstDay: today(), lastDay: today(), dailyStart: '09:00', dailyEnd: '17:00',
  busyRetries: '2', busyRetryMinutes: '15', noAnswerRetries: '1', noAnswerRetryMinutes: '60', callerId: '', agentIds: [], contactIds: [],
});
const contactLabel = (c: Contact) => `${c.name}${c.numbers[0] ? ` (${c.numbers[0].number})` : ' (no number)'}`;

export default function DialTasksPage() {
  const me = useStore(currentUser);
  const supervisor = !!me && (hasRole(me, 'supervisor') || hasRole(me, 'admin'));
  const agent = !!me && hasRole(me, 'agent');
  const [tasks, setTasks] = useState<DialTask[] | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [agents, setAgents] = useState<{ id: string; name: string }[]>([]);
  const [callerIds, setCallerIds] = useState<TaskCallerId[]>([]);
  // Picking contacts: the last search's results, and every contact picked so far (kept across searches).
  const [find, setFind] = useState('');
  const [found, setFound] = useState<Contact[] | null>(null);
  const [picked, setPicked] = useState<Contact[]>([]);
  const openForm = () => {
    setDraft(emptyDraft());
    setFind(''); setFound(null); setPicked([]);
    // The caller ID is a choice from the tenant's (and her team's) list: the server refuses any other.
    void taskCallerIds(api).then(setCallerIds).catch((e) => setError(message(e)));
  };
  const findContacts = async () => {
    try { setFound((await searchContacts(api, find.trim(), 1, 20)).items); } catch (e) { setError(message(e)); }
  };
  const togglePick = (c: Contact, on: boolean) =>
    setPicked((list) => (on ? (list.some((p) => p.id === c.id) ? list : [...list, c]) : list.filter((p) => p.id !== c.id)));

  const load = async () => {
    try { setTasks(await listDialTasks(api)); } catch (e) { setError(message(e)); }
  };
  useEffect(() => { void load(); }, []);
  useEffect(() => {
    // Whom a task can name: agents (the server refuses those outside her teams); none named: her team's agents.
    if (supervisor) void api.directory().then((d) => setAgents(d.filter((x) => x.role.toLowerCase().includes('agent'))
      .map((x) => ({ id: x.agentId, name: x.displayName })))).catch(() => {});
  }, [supervisor]);
  // Live progress for supervisors (agents' own hub connection is the toolbar's): its own connection, closed on leaving.
  useEffect(() => {
    if (!supervisor || agent) return;
    const conn = new HubConnectionBuilder().withUrl('/hubs/agent', { accessTokenFactory: () => api.accessToken() })
      .withAutomaticReconnect().configureLogging(LogLevel.Warning).build();
    conn.on('dialTaskProgress', (env: HubEnvelope<{ progress: DialTaskProgress }>) => {
      const p = env.data.progress;
      setTasks((list) => list?.map((t) => (t.id === p.taskId ? { ...t, progress: p } : t)) ?? list);
    });
    conn.on('dialTaskChanged', () => void load());
    void conn.start().catch(() => setError('Live progress is not available; reload the page to see it.'));
    return () => void conn.stop();
  }, [supervisor, agent]); // eslint-disable-line react-hooks/exhaustive-deps -- one connection per page visit

  const act = async (what: () => Promise<unknown>, done: string) => {
    setError('');
    try { await what(); setStatus(done); await load(); } catch (e) { setError(message(e)); }
  };
  const create = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    const n = (v: string) => (v === '' ? undefined : Number(v));
    await act(() => createDialTask(api, {
      name: draft.name, contactSearch: draft.contactSearch || undefined, csv: draft.csv || undefined,
      firstDay: draft.firstDay, lastDay: draft.lastDay, dailyStart: draft.dailyStart, dailyEnd: draft.dailyEnd,
      busyRetries: n(draft.busyRetries), busyRetryMinutes: n(draft.busyRetryMinutes), noAnswerRetries: n(draft.noAnswerRetries),
      noAnswerRetryMinutes: n(draft.noAnswerRetryMinutes), callerId: draft.callerId || undefined,
      agentIds: draft.agentIds.length ? draft.agentIds : undefined,
      contactIds: picked.length ? picked.map((c) => c.id) : undefined,
    }).then(() => setDraft(null)), 'Task created.');
  };
  const set = (k: Exclude<keyof Draft, 'agentIds' | 'contactIds'>, v: string) => setDraft((d) => (d ? { ...d, [k]: v } : d));
  const toggleAgent = (id: string, on: boolean) =>
    setDraft((d) => (d ? { ...d, agentIds: on ? [...d.agentIds, id] : d.agentIds.filter((a) => a !== id) } : d));
  const field = (k: Exclude<keyof Draft, 'agentIds' | 'contactIds'>, label: string, type: 'text' | 'date' | 'time' | 'number' | 'tel' = 'text', extra: Record<string, unknown> = {}) => (
    <label>{label}<input {...({ id: `dialtask-${k}`, type, value: draft?.[k], ...extra } as Record<string, unknown>)}
      onInput={(e) => set(k, e.currentTarget.value)} /></label>
  );

  return (
    <div class="workspace dialtasks">
      <AppHeader title="CtiBridge" current="dialtasks" />
      <main id="main" class="page" aria-labelledby="dialtasks-title">
        <div class="page-head">
          <h1 id="dialtasks-title">Dial tasks</h1>
          {supervisor && <button type="button" class="primary" id="dialtask-new" onClick={openForm}>New dial task</button>}
        </div>
        <p class="muted">{agent ? 'Your call lists: take the next contact, dial it with one click, then set its result.' : 'The call lists of your teams, with their progress as it happens.'} Days and times are the tenant's time zone{tasks?.[0] ? ` (${tasks[0].timeZone})` : ''}.</p>
        <p class="form-error" role="alert">{error}</p>
        <p class="muted" role="status" id="dialtasks-status">{status}</p>
        {draft && (
          <form class="card dialtask-form" id="dialtask-form" aria-label="New dial task" onSubmit={(e) => void create(e)}>
            <h2>New dial task</h2>
            {field('name', 'Name', 'text', { required: true, maxLength: 100 })}
            <fieldset class="wide dialtask-pick" aria-label="Pick contacts">
              <legend>Pick contacts ({picked.length} picked)</legend>
              <div class="row">
                <input id="dialtask-find" type="search" aria-label="Find contacts by name or number" maxLength={100} value={find}
                  onInput={(e) => setFind(e.currentTarget.value)}
                  onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void findContacts(); } }} />
                <button type="button" id="dialtask-find-go" onClick={() => void findContacts()}>Find</button>
              </div>
              {found && found.length === 0 && <p class="muted">No contact found.</p>}
              {[...picked, ...(found ?? []).filter((c) => !picked.some((p) => p.id === c.id))].map((c) => (
                <label key={c.id} class="inline"><input type="checkbox" checked={picked.some((p) => p.id === c.id)}
                  disabled={!c.numbers.length} onChange={(e) => togglePick(c, e.currentTarget.checked)} /> {contactLabel(c)}</label>
              ))}
            </fieldset>
            {field('contactSearch', 'And every contact matching (name or number)', 'text', { maxLength: 100 })}
            <label class="wide">Contacts to import (CSV: name, numbers, …)
              <textarea id="dialtask-csv" rows={3} value={draft.csv} onInput={(e) => set('csv', e.currentTarget.value)} />
            </label>
            {field('firstDay', 'First day', 'date', { required: true })}
            {field('lastDay', 'Last day', 'date', { required: true })}
            {field('dailyStart', 'Daily from', 'time', { required: true })}
            {field('dailyEnd', 'Daily until', 'time', { required: true })}
            {field('busyRetries', 'Busy: retries', 'number', { min: 0, max: 10 })}
            {field('busyRetryMinutes', 'Busy: minutes between', 'number', { min: 1, max: 10080 })}
            {field('noAnswerRetries', 'No answer: retries', 'number', { min: 0, max: 10 })}
            {field('noAnswerRetryMinutes', 'No answer: minutes between', 'number', { min: 1, max: 10080 })}
            <label>Caller ID
              <select id="dialtask-callerId" value={draft.callerId} onChange={(e) => set('callerId', e.currentTarget.value)}>
                <option value="">The trunk's default</option>
                {callerIds.map((c) => (
                  <option key={c.id} value={c.number}>{c.number}{c.label ? ` — ${c.label}` : ''}{c.teamName ? ` (${c.teamName})` : ''}</option>
                ))}
              </select>
            </label>
            {agents.length > 0 && (
              <fieldset class="wide">
                <legend>Agents (none ticked: every agent of your team)</legend>
                {agents.map((a) => (
                  <label key={a.id} class="inline"><input type="checkbox" checked={draft.agentIds.includes(a.id)}
                    onChange={(e) => toggleAgent(a.id, e.currentTarget.checked)} /> {a.name}</label>
                ))}
              </fieldset>
            )}
            <div class="row wide">
              <button type="submit" class="primary" id="dialtask-save">Create</button>
              <button type="button" onClick={() => setDraft(null)}>Cancel</button>
            </div>
          </form>
        )}
        {tasks && tasks.length === 0 && <p class="muted">No dial tasks.</p>}
        {tasks && tasks.length > 0 && (
          <ul class="dialtask-list" id="dialtasks-list" aria-label="Dial tasks">
            {tasks.map((t) => (
              <li key={t.id} class="card" data-dialtask-id={t.id}>
                <div class="dialtask-head">
                  <strong>{t.name}</strong>
                  <span class="muted">{t.teamName ?? ''} · {t.firstDay} – {t.lastDay}, {t.dailyStart}–{t.dailyEnd} · {t.status}{t.status === 'Running' ? (t.windowOpen ? ' · window open' : ' · window closed') : ''}</span>
                </div>
                <p class="dialtask-progress" aria-live="polite">{progressText(t.progress)}</p>
                <div class="row">
                  {agent && t.status === 'Running' && (
                    <button type="button" class="primary" aria-expanded={working === t.id} onClick={() => setWorking(working === t.id ? null : t.id)}>
                      {working === t.id ? 'Stop working' : 'Work this list'}
                    </button>
                  )}
                  {supervisor && t.status === 'Running' && <button type="button" onClick={() => void act(() => setDialTaskStatus(api, t.id, 'Paused'), 'Paused.')}>Pause</button>}
                  {supervisor && t.status === 'Paused' && <button type="button" onClick={() => void act(() => setDialTaskStatus(api, t.id, 'Running'), 'Resumed.')}>Resume</button>}
                  {supervisor && (t.status === 'Running' || t.status === 'Paused') && (
                    <button type="button" class="danger" onClick={() => void act(() => setDialTaskStatus(api, t.id, 'Cancelled'), 'Cancelled.')}>Cancel task</button>
                  )}
                </div>
                {working === t.id && <Work task={t} onChange={() => void load()} />}
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}

/** The agent's preview: the contact she holds, one click to dial, the result form. */
function Work({ task, onChange }: { task: DialTask; onChange: () => void }) {
  const [contact, setContact] = useState<DialTaskContact | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [codes, setCodes] = useState<DispositionCode[]>([]);
  const [code, setCode] = useState('');
  const [remark, setRemark] = useState('');
  const [dialled, setDialled] = useState(false);

  const next = async () => {
    setError('');
    try {
      const r = await nextContact(api, task.id);
      setContact(r.contact ?? null);
      setDialled(!!r.contact?.callId && r.contact.lastOutcome == null);
      setNote(r.contact ? '' : r.nextRetryAt ? `Nothing due now; the next retry is due at ${new Date(r.nextRetryAt).toLocaleTimeString()}. ${r.remaining} left.` : `Nothing left to call (${r.remaining} held by colleagues).`);
      onChange();
    } catch (e) { setError(message(e)); }
  };
  useEffect(() => {
    void next();
    void api.dispositions().then(setCodes).catch(() => {});
  }, [task.id]); // eslint-disable-line react-hooks/exhaustive-deps -- once per task
  const dial = async () => {
    if (!contact) return;
    setError('');
    try { await dialContact(api, task.id, contact.id); setDialled(true); setNote(`Dialling ${contact.number}: your phone rings first.`); onChange(); }
    catch (e) { setError(message(e)); }
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (!contact) return;
    setError('');
    try {
      const r = await setResult(api, task.id, contact.id, code, remark);
      setCode(''); setRemark(''); setDialled(false);
      setNote(r.status === 'Pending' ? `Saved; ${contact.number} will be tried again.` : 'Saved.');
      setContact(null);
      onChange();
    } catch (err) { setError(message(err)); }
  };

  return (
    <section class="dialtask-work" aria-label={`Work ${task.name}`}>
      <p class="form-error" role="alert">{error}</p>
      {note && <p class="muted" role="status" id="dialtask-note">{note}</p>}
      {contact ? (
        <>
          <p class="contact" id="dialtask-contact"><strong>{contact.contactName ?? contact.number}</strong> {contact.company ? `(${contact.company}) ` : ''}<span>{contact.number}</span></p>
          <p class="muted">Attempts {contact.attempts}{contact.lastOutcome ? ` · last: ${contact.lastOutcome}` : ''}{contact.result ? ` · result so far: ${contact.result}` : ''}</p>
          <div class="row">
            <button type="button" class="primary" id="dialtask-dial" disabled={dialled} aria-label={`Dial ${contact.number}`} onClick={() => void dial()}>Dial</button>
          </div>
          <form class="row" id="dialtask-result" aria-label="Result" onSubmit={(e) => void save(e)}>
            <label for="dialtask-code">Result</label>
            <select id="dialtask-code" required value={code} onChange={(e) => setCode(e.currentTarget.value)}>
              <option value="">Choose…</option>
              {codes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
            <label for="dialtask-remark">Remark</label>
            <input id="dialtask-remark" maxLength={2000} value={remark} onInput={(e) => setRemark(e.currentTarget.value)} />
            <button type="submit" id="dialtask-save-result">Save result</button>
          </form>
        </>
      ) : (
        <button type="button" class="primary" id="dialtask-next" onClick={() => void next()}>Next contact</button>
      )}
    </section>
  );
}
