// The call records page (/records, its own chunk): search the calls the server lets her see (an agent her own, a
// supervisor her teams', an admin the tenant's), page on with the keyset cursor, open a call's journey, play its
// recordings, export the search as CSV.
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, currentUser } from '../api/session';
import { ApiError } from '../api/errors';
import type { CallRecordDetail, CallRecordSummary, DirectoryEntry, SkillGroupStats } from '../api/types';
import { AppHeader } from '../shared/header';
import { hasRole } from '../shared/roles';
import { navigate } from '../shared/router';
import { displayNumber } from '../agent/format';
import { useStore } from '../shared/store';
import { DIRECTIONS, END_REASONS, OUTCOMES, QUICK_RANGES, TYPES, defaultFilters, duration, rangeProblem, recordQuery, words, type RecordFilters } from './query';
import './records.css';

const PAGE_SIZE = 50;
const message = (e: unknown) => e instanceof ApiError ? e.message : 'Something went wrong.';
const when = (iso: string | null | undefined) => iso ? new Date(iso).toLocaleString() : '—';

interface Results { items: CallRecordSummary[]; next: string | null; query: string }

export default function CallRecordsPage() {
  const me = useStore(currentUser);
  const mayChooseAgent = !!me && (hasRole(me, 'supervisor') || hasRole(me, 'admin'));
  const mayCall = !!me && hasRole(me, 'agent');
  const [filters, setFilters] = useState<RecordFilters>(defaultFilters);
  const [groups, setGroups] = useState<SkillGroupStats[]>([]);
  const [agents, setAgents] = useState<DirectoryEntry[]>([]);
  const [dispositions, setDispositions] = useState<{ id: string; name: string }[]>([]);
  const [results, setResults] = useState<Results | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(() => {
    api.skillGroups().then(setGroups, () => setGroups([]));
    api.request<{ id: string; name: string }[]>('GET', '/call-records/dispositions').then(setDispositions, () => setDispositions([]));
    if (mayChooseAgent) api.directory('').then((d) => setAgents(d.filter((e) => e.status !== null)), () => setAgents([]));
  }, [mayChooseAgent]);

  const search = async (f: RecordFilters) => {
    const problem = rangeProblem(f);
    if (problem) { setError(problem); return; }
    setBusy(true); setError('');
    const query = recordQuery(f, new Date(), mayChooseAgent).toString();
    try {
      const page = await api.callRecords(`${query}&pageSize=${PAGE_SIZE}`);
      setResults({ items: page.items ?? [], next: page.nextCursor ?? null, query });
      setOpenId(null);
    } catch (e) { setError(message(e)); } finally { setBusy(false); }
  };
  useEffect(() => { void search(filters); }, []); // eslint-disable-line react-hooks/exhaustive-deps -- today's calls on arrival

  const more = async () => {
    if (!results?.next) return;
    setBusy(true); setError('');
    try {
      const page = await api.callRecords(`${results.query}&pageSize=${PAGE_SIZE}&cursor=${encodeURIComponent(results.next)}`);
      setResults({ ...results, items: [...results.items, ...(page.items ?? [])], next: page.nextCursor ?? null });
    } catch (e) { setError(message(e)); } finally { setBusy(false); }
  };

  const exportCsv = async () => {
    setError('');
    try {
      const blob = await api.blob(`/call-records/export?${recordQuery(filters, new Date(), mayChooseAgent)}`);
      saveBlob(blob, `call-records-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (e) { setError(message(e)); }
  };

  /**
   * Calls the customer back from the record: the server reads the number from the record (so a number masked for her
   * can be called back unseen) and applies the state rules of click-to-dial (logged in, not on another call, …),
   * refusing with a reason shown here. The toolbar stays mounted behind this page, so the call runs there: she is taken
   * back to it.
   */
  const callBack = async (r: CallRecordSummary) => {
    setError('');
    try {
      await api.request('POST', `/call-records/${r.id}/call-back`, {});
      navigate('/');
    } catch (e) { setError(`Could not call back: ${message(e)}`); }
  };

  const set = <K extends keyof RecordFilters>(k: K, v: RecordFilters[K]) => setFilters((f) => ({ ...f, [k]: v }));

  return (
    <div class="workspace records">
      <AppHeader title="CtiBridge" current="records" />
      <main id="main" class="page" aria-labelledby="records-title">
        <div class="page-head">
          <h1 id="records-title">Call records</h1>
          <button type="button" id="export-csv" onClick={() => void exportCsv()}>Export CSV</button>
        </div>
        <p class="muted">{mayChooseAgent ? 'Calls of the agents you may see.' : 'The calls you took part in.'}</p>
        <form class="record-filters" aria-label="Search call records" onSubmit={(e) => { e.preventDefault(); void search(filters); }}>
          <fieldset class="ranges">
            <legend>Time range</legend>
            {QUICK_RANGES.map(([value, label]) => (
              <label key={value} class="check"><input type="radio" name="range" value={value} checked={filters.range === value}
                onChange={() => set('range', value)} /> {label}</label>
            ))}
          </fieldset>
          {filters.range === 'custom' && (
            <div class="filter-row">
              <div class="filter"><label for="filter-from">From</label><input type="datetime-local" id="filter-from" value={filters.from} onInput={(e) => set('from', e.currentTarget.value)} /></div>
              <div class="filter"><label for="filter-to">To</label><input type="datetime-local" id="filter-to" value={filters.to} onInput={(e) => set('to', e.currentTarget.value)} /></div>
            </div>
          )}
          <div class="filter-row">
            <div class="filter"><label for="filter-direction">Direction</label><select id="filter-direction" value={filters.direction} onChange={(e) => set('direction', e.currentTarget.value as RecordFilters['direction'])}>
                <option value="">Any</option>
                {DIRECTIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            </div>
            <div class="filter"><label for="filter-type">Type</label><select id="filter-type" value={filters.type} onChange={(e) => set('type', e.currentTarget.value as RecordFilters['type'])}>
                <option value="">Any</option>
                {TYPES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            </div>
            <div class="filter"><label for="filter-outcome">Outcome</label><select id="filter-outcome" value={filters.outcome} onChange={(e) => set('outcome', e.currentTarget.value as RecordFilters['outcome'])}>
                <option value="">Any</option>
                {OUTCOMES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            </div>
            <div class="filter"><label for="filter-end-reason">End reason</label><select id="filter-end-reason" value={filters.endReason} onChange={(e) => set('endReason', e.currentTarget.value)}>
                <option value="">Any</option>
                {END_REASONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            </div>
            <div class="filter"><label for="filter-min-talk">Talked at least (minutes)</label><input type="text" inputMode="decimal" id="filter-min-talk" value={filters.minTalkMinutes}
              maxLength={6} onInput={(e) => set('minTalkMinutes', e.currentTarget.value)} /></div>
            <div class="filter"><label for="filter-disposition">Disposition</label><select id="filter-disposition" value={filters.dispositionId} onChange={(e) => set('dispositionId', e.currentTarget.value)}>
                <option value="">Any</option>
                {dispositions.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </select>
            </div>
            <div class="filter"><label for="filter-group">Skill group</label><select id="filter-group" value={filters.skillGroupId} onChange={(e) => set('skillGroupId', e.currentTarget.value)}>
                <option value="">Any</option>
                {groups.map((g) => <option key={g.skillGroupId} value={g.skillGroupId}>{g.name}</option>)}
              </select>
            </div>
            {mayChooseAgent && (
              <div class="filter"><label for="filter-agent">Agent</label><select id="filter-agent" value={filters.agentId} onChange={(e) => set('agentId', e.currentTarget.value)}>
                  <option value="">Any</option>
                  {agents.map((a) => <option key={a.agentId} value={a.agentId}>{a.displayName}{a.extension ? ` (${a.extension})` : ''}</option>)}
                </select>
              </div>
            )}
            <div class="filter"><label for="filter-search">Number or name</label><input type="search" id="filter-search" value={filters.search} maxLength={100} onInput={(e) => set('search', e.currentTarget.value)} /></div>
            <div class="filter"><label for="filter-recording">Recording</label><select id="filter-recording" value={filters.hasRecording} onChange={(e) => set('hasRecording', e.currentTarget.value as RecordFilters['hasRecording'])}>
                <option value="">Any</option>
                <option value="true">With a recording</option>
                <option value="false">Without a recording</option>
              </select>
            </div>
          </div>
          <div class="row">
            <button type="submit" class="primary" id="records-search" disabled={busy}>Search</button>
            <button type="button" onClick={() => { const f = defaultFilters(); setFilters(f); void search(f); }}>Reset</button>
          </div>
        </form>
        <p class="form-error" role="alert">{error}</p>
        <p role="status" class="muted" id="records-count">
          {busy ? 'Loading…' : results ? (results.items.length ? `${results.items.length} call${results.items.length === 1 ? '' : 's'}${results.next ? ' shown, more available' : ''}` : 'No calls match.') : ''}
        </p>
        {results && results.items.length > 0 && (
          <table class="list" id="records-table">
            <caption class="visually-hidden">Call records, newest first</caption>
            <thead><tr><th scope="col">Time</th><th scope="col">Direction</th><th scope="col">Customer</th><th scope="col">Skill group</th>
              <th scope="col">Agent</th><th scope="col">Outcome</th><th scope="col">Talk</th><th scope="col">Recording</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {results.items.map((r) => (
                <tr key={r.id} data-call-id={r.id}>
                  <td data-label="Time">{when(r.offeredAt)}{r.inProgress ? ' (in progress)' : ''}</td>
                  <td data-label="Direction">{r.direction}</td>
                  <td data-label="Customer" class="break">{[r.customerName, r.customerNumber ?? r.dialedNumber].filter(Boolean).join(' · ') || '—'}</td>
                  <td data-label="Skill group">{r.skillGroupName ?? '—'}</td>
                  <td data-label="Agent">{r.answeredByName ?? '—'}</td>
                  <td data-label="Outcome">{r.inProgress ? (r.answeredAt ? 'In progress (answered)' : 'In progress') : words(r.outcome)}</td>
                  <td data-label="Talk">{r.inProgress ? '—' : duration(r.talkSeconds)}</td>
                  <td data-label="Recording">{r.hasRecording ? 'Yes' : 'No'}</td>
                  <td class="actions">
                    {mayCall && <CallBack record={r} onCall={() => void callBack(r)} />}
                    <button type="button" aria-expanded={openId === r.id} aria-controls="journey"
                    aria-label={`Details of the call at ${when(r.offeredAt)}`} onClick={() => setOpenId(openId === r.id ? null : r.id)}>Details</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {results?.next && <button type="button" id="records-more" disabled={busy} onClick={() => void more()}>More</button>}
        {openId && <Journey key={openId} callId={openId} onClose={() => setOpenId(null)} />}
      </main>
    </div>
  );
}

/** Call back from a row: also a number masked for her (the server dials it); not a call without a number. */
function CallBack({ record, onCall }: { record: CallRecordSummary; onCall: () => void }) {
  const shown = displayNumber(record.customerNumber ?? record.dialedNumber);
  const none = !(record.customerNumber ?? record.dialedNumber);
  return (
    <button type="button" class="call-back" disabled={none} title={shown.masked ? 'The number is hidden; the call goes to it' : undefined}
      aria-label={`Call back ${shown.label}`} onClick={onCall}>Call back</button>
  );
}

/** Hands a blob to the browser as a download (a CSV export, a recording). */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url; a.download = name; a.hidden = true;
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A call's journey: its summary, every party's leg, wrap-ups, notes, attached data and recordings. */
function Journey({ callId, onClose }: { callId: string; onClose: () => void }) {
  const [detail, setDetail] = useState<CallRecordDetail | null>(null);
  const [error, setError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { api.callRecord(callId).then(setDetail, (e) => setError(message(e))); }, [callId]);
  useEffect(() => { heading.current?.focus(); }, [detail]);
  const s = detail?.summary;
  return (
    <section class="card journey" id="journey" aria-labelledby="journey-title">
      <div class="page-head">
        <h2 id="journey-title" tabIndex={-1} ref={heading}>{s ? `Call on ${when(s.offeredAt)}` : 'Call'}</h2>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      {error && <p class="form-error" role="alert">{error}</p>}
      {!detail && !error && <p class="loading" role="status">Loading…</p>}
      {s && detail && (
        <>
          <dl class="facts">
            <dt>Customer</dt><dd class="break">{[s.customerName, s.customerNumber ?? s.dialedNumber].filter(Boolean).join(' · ') || '—'}</dd>
            <dt>Direction</dt><dd>{s.direction}{s.kind ? ` (${words(s.kind)})` : ''}</dd>
            <dt>Skill group</dt><dd>{s.skillGroupName ?? '—'}</dd>
            <dt>Outcome</dt><dd>{words(s.outcome)}{s.endReason ? ` · ${words(s.endReason)}` : ''}</dd>
            <dt>Waited</dt><dd>{duration(s.waitSeconds)}</dd>
            <dt>Rang</dt><dd>{duration(s.ringSeconds)}{s.offerCount ? ` · offered ${s.offerCount}×` : ''}{s.ronaCount ? `, ${s.ronaCount} not answered (RONA)` : ''}</dd>
            <dt>Answered by</dt><dd>{s.answeredByName ?? '—'}</dd>
            <dt>Talked</dt><dd>{duration(s.talkSeconds)}</dd>
            <dt>Held</dt><dd>{s.holdCount ? `${s.holdCount}× · ${duration(s.holdSeconds)}` : 'No'}</dd>
            <dt>Disposition</dt><dd>{s.dispositionName ?? '—'}{(detail.notes ?? []).length > 1 ? ' (the answering agent\'s)' : ''}</dd>
            <dt>Remarks</dt><dd class="break">{detail.remarks || '—'}</dd>
          </dl>
          {(detail.waits ?? []).length > 0 && (
            <>
              <h3>Waited in</h3>
              <ol class="waits" aria-label="Where the caller waited">{detail.waits!.map((w, i) => (
                <li key={i}>
                  <strong>{w.skillGroupName}</strong>: {duration(w.seconds)}
                  {' · '}from {new Date(w.enteredAt).toLocaleTimeString()}
                  {w.leftAt ? ` to ${new Date(w.leftAt).toLocaleTimeString()}` : ''}
                </li>))}
              </ol>
            </>
          )}
          <h3>Journey</h3>
          <ol class="legs">
            {(detail.legs ?? []).map((l, i) => (
              <li key={i}>
                <strong>{l.agentName ?? l.number ?? words(l.role)}</strong> <span class="muted">({words(l.role)})</span>
                {' · '}from {new Date(l.startedAt).toLocaleTimeString()}
                {l.answeredAt ? `, answered ${new Date(l.answeredAt).toLocaleTimeString()}` : ', not answered'}
                {l.endedAt ? `, ended ${new Date(l.endedAt).toLocaleTimeString()}` : ''}
                {l.endReason ? ` · ${words(l.endReason)}` : ''}{l.rona ? ' · RONA' : ''}
              </li>
            ))}
          </ol>
          {(detail.notes ?? []).length > 0 && (
            <>
              <h3>Each agent's disposition</h3>
              <ul class="agent-notes" aria-label="Each agent's disposition and remarks">{detail.notes!.map((n) => (
                <li key={(n.agentId ?? '') + n.savedAt}>
                  <strong>{n.agentName ?? 'Former user'}</strong>: {n.disposition ?? 'no disposition'}
                  {n.remarks ? <span class="break"> — {n.remarks}</span> : null}
                </li>))}
              </ul>
            </>
          )}
          {(detail.wrapUps ?? []).length > 0 && (
            <>
              <h3>Wrap-up</h3>
              <ul>{detail.wrapUps!.map((w) => <li key={w.agentId + w.startedAt}>{w.agentName ?? 'Agent'}: {duration(w.seconds)}</li>)}</ul>
            </>
          )}
          {detail.attachedData && Object.keys(detail.attachedData).length > 0 && (
            <>
              <h3>Attached data</h3>
              <dl class="facts">{Object.entries(detail.attachedData).map(([k, v]) => <Fragment key={k}><dt>{k}</dt><dd class="break">{v}</dd></Fragment>)}</dl>
            </>
          )}
          <h3>Recordings</h3>
          {(detail.recordings ?? []).length === 0 ? <p class="muted">No recordings.</p>
            : <ul class="recordings">{detail.recordings!.map((r, i) => <Recording key={r.recordingId} n={i + 1} rec={r} />)}</ul>}
        </>
      )}
    </section>
  );
}

/**
 * One recording. An <audio> element cannot send the bearer token: Play asks the API for a play URL (this recording,
 * this user, an hour) and the element streams it with range requests, so it starts at once and seeks without loading
 * the whole file. Download asks for a download URL and lets the browser save it: the server sends it as an attachment
 * and logs a download, not a play.
 */
function Recording({ n, rec }: { n: number; rec: NonNullable<CallRecordDetail['recordings']>[number] }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<'' | 'play' | 'download'>('');
  const urlFor = async (download: boolean): Promise<string | null> => {
    setBusy(download ? 'download' : 'play'); setError('');
    try { return (await api.recordingUrl(rec.recordingId, download)).url; } catch (e) { setError(message(e)); return null; } finally { setBusy(''); }
  };
  const play = async () => { const u = await urlFor(false); if (u) setUrl(u); };
  const save = async () => {
    const u = await urlFor(true);
    if (!u) return;
    const a = document.createElement('a');
    a.href = u; a.download = `recording-${rec.recordingId}.wav`; a.hidden = true;
    document.body.append(a); a.click(); a.remove();
  };
  const label = `Recording ${n}`;
  return (
    <li>
      <span>{label} · {new Date(rec.startedAt).toLocaleTimeString()} · {rec.inProgress ? 'in progress' : duration(rec.durationSeconds)}{rec.legalHold ? ' · legal hold' : ''}</span>
      {url ? <audio controls preload="metadata" src={url} aria-label={label} />
        : <button type="button" disabled={busy !== '' || rec.inProgress} onClick={() => void play()} aria-label={`Play ${label.toLowerCase()}`}>{busy === 'play' ? 'Loading…' : 'Play'}</button>}
      <button type="button" disabled={busy !== '' || rec.inProgress} onClick={() => void save()} aria-label={`Download ${label.toLowerCase()}`}>{busy === 'download' ? 'Preparing…' : 'Download'}</button>
      {error && <p class="form-error" role="alert">{error}</p>}
    </li>
  );
}
