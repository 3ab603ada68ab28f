// The audit log: who changed what, newest first, filtered by action and paged.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/session';
import { ApiError } from '../api/errors';
import { PageTitle, when } from './resource';

interface Entry { id: string; at: string; actorType: string; actorName?: string | null; action: string; targetType?: string | null; targetId?: string | null; ipAddress?: string | null }
interface AuditPage { items: Entry[]; page: number; pageSize: number; total: number }

export function AuditPage() {
  const [page, setPage] = useState(1);
  const [action, setAction] = useState('');
  const [applied, setApplied] = useState('');
  const [data, setData] = useState<AuditPage | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    const q = new URLSearchParams({ page: String(page), pageSize: '25' });
    if (applied) q.set('action', applied);
    api.request<AuditPage>('GET', `/admin/audit?${q}`).then((d) => { setData(d); setError(undefined); }, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [page, applied]);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section aria-labelledby="page-title">
      <PageTitle>Audit log</PageTitle>
      <form class="row" role="search" onSubmit={(e) => { e.preventDefault(); setPage(1); setApplied(action.trim()); }}>
        <label class="inline" for="audit-action">Action</label>
        <input id="audit-action" value={action} placeholder="e.g. user.updated" onInput={(e) => setAction((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit">Filter</button>
      </form>
      <p class="form-error" role="alert">{error}</p>
      {data && data.items.length === 0 && <p class="muted">No entries.</p>}
      {data && data.items.length > 0 && (
        <table class="list">
          <caption class="visually-hidden">Audit entries</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">IP address</th></tr></thead>
          <tbody>{data.items.map((e) => (
            <tr key={e.id}><th scope="row" data-label="When">{when(e.at)}</th><td data-label="Who">{e.actorName ?? e.actorType}</td><td data-label="Action">{e.action}</td>
              <td data-label="Target"><span class="break">{e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'}</span></td><td data-label="IP address">{e.ipAddress || '—'}</td></tr>
          ))}</tbody>
        </table>
      )}
      {data && (
        <nav class="row" aria-label="Pages">
          <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>Previous</button>
          <span>Page {page} of {pages} ({data.total} entries)</span>
          <button type="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>Next</button>
        </nav>
      )}
    </section>
  );
}
