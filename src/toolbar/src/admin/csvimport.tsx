// Agents imported from a CSV file: all rows or none; the server's problems listed per line and field.
import { useState } from 'preact/hooks';
import { api } from '../api/session';
import { ApiError } from '../api/errors';

interface RowProblem { line: number | null; field: string; message: string }

/** `rows[3].password` → line 3, Password; `csv` → the whole file. */
export function rowProblems(errors: Record<string, string[]>): RowProblem[] {
  const out: RowProblem[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const m = /^rows\[(\d+)\](?:\.(.+))?$/.exec(key);
    for (const message of messages) out.push({ line: m ? Number(m[1]) : null, field: m ? (m[2] ?? '') : key === 'csv' ? '' : key, message });
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export function CsvImport({ onImported }: { onImported: () => void }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setNotice(undefined); setProblems([]);
    if (!text.trim()) { setError('Choose a file or paste its text first.'); return; }
    setError(undefined);
    setBusy(true);
    try {
      const r = await api.request<{ created: number }>('POST', '/admin/users/import', { csv: text });
      setNotice(`${r.created} agent${r.created === 1 ? '' : 's'} imported.`);
      setText('');
      onImported();
    } catch (x) {
      const errors = x instanceof ApiError ? (x.problem as { errors?: Record<string, string[]> } | undefined)?.errors : undefined;
      if (errors) { setProblems(rowProblems(errors)); setError('Nothing was imported. Correct these lines and import the file again.'); }
      else setError(x instanceof ApiError ? x.message : String(x));
    } finally { setBusy(false); }
  };

  return (
    <form class="card admin-form" aria-labelledby="import-title" onSubmit={submit} noValidate>
      <h2 id="import-title">Import agents from a CSV file</h2>
      <p class="muted small">Header row, then one agent per line. Columns: username, displayName, password, extension; optional email,
        agentNumber, extensionKind (Web, Sip, Remote); for remote agents mobileNumber (the number calls are put through to;
        empty: the number they log in from) and ivrPin (4–8 digits); a remote agent needs her agentNumber and ivrPin to log in by phone. Either every line is imported or none.</p>
      <p class="notice" role="status">{notice}</p>
      <p class="form-error" role="alert">{error}</p>
      {problems.length > 0 && (
        <ul class="import-problems" aria-label="Problems in the file">
          {problems.map((p, i) => <li key={i}>{p.line ? `Line ${p.line}` : 'File'}{p.field ? `, ${p.field}` : ''}: {p.message}</li>)}
        </ul>
      )}
      <label for="import-file">CSV file</label>
      <input id="import-file" type="file" accept=".csv,text/csv"
        onChange={async (e) => { const f = (e.currentTarget as HTMLInputElement).files?.[0]; if (f) setText(await f.text()); }} />
      <label for="import-text">Or paste the text</label>
      <textarea id="import-text" rows={5} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <div class="row"><button type="submit" class="primary" disabled={busy}>{busy ? 'Importing…' : 'Import agents'}</button></div>
    </form>
  );
}
