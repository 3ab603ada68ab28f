// The contacts page (/contacts, its own chunk): search by name or number, create, edit, delete (supervisors and
// admins), CSV import and export. What each user sees is the server's rule (docs/contacts.md).
import { useEffect, useState } from 'preact/hooks';
import { api, currentUser } from '../api/session';
import { ApiError } from '../api/errors';
import { AppHeader } from '../shared/header';
import { hasRole } from '../shared/roles';
import { useStore } from '../shared/store';
import { createContact, deleteContact, importContacts, searchContacts, updateContact, type Contact, type ContactInput } from './api';
import './contacts.css';

const PAGE_SIZE = 50;
const message = (e: unknown) => {
  if (!(e instanceof ApiError)) return 'Something went wrong.';
  const errors = (e.problem as { errors?: Record<string, string[]> } | undefined)?.errors;
  // The message names the first problem already; a CSV refusal lists every row's.
  const rest = errors ? Object.entries(errors).slice(1) : [];
  return rest.length ? `${e.message}; ${rest.map(([k, v]) => `${k}: ${v.join(' ')}`).join('; ')}` : e.message;
};

interface Draft { id: string | null; name: string; company: string; notes: string; numbers: string }
const emptyDraft: Draft = { id: null, name: '', company: '', notes: '', numbers: '' };
const draftOf = (c: Contact): Draft => ({
  id: c.id, name: c.name, company: c.company ?? '', notes: c.notes ?? '',
  numbers: c.numbers.map((n) => (n.label ? `${n.label}: ${n.number}` : n.number)).join('\n'),
});
/** One number per line, "label: number" or just the number. */
function inputOf(d: Draft): ContactInput {
  const numbers = d.numbers.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const i = l.indexOf(':');
    return i < 0 ? { number: l } : { label: l.slice(0, i).trim() || null, number: l.slice(i + 1).trim() };
  });
  return { name: d.name, company: d.company || null, notes: d.notes || null, numbers };
}

export default function ContactsPage() {
  const me = useStore(currentUser);
  const mayDelete = !!me && (hasRole(me, 'supervisor') || hasRole(me, 'admin'));
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<Contact[] | null>(null);
  const [more, setMore] = useState(false);
  const [page, setPage] = useState(1);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const load = async (term: string, p = 1) => {
    setError('');
    try {
      const r = await searchContacts(api, term, p, PAGE_SIZE);
      setItems(p === 1 ? r.items : [...(items ?? []), ...r.items]);
      setMore(r.hasMore); setPage(p);
    } catch (e) { setError(message(e)); }
  };
  useEffect(() => { void load(''); }, []); // eslint-disable-line react-hooks/exhaustive-deps -- the first page on arrival

  const save = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    setError('');
    try {
      const saved = draft.id ? await updateContact(api, draft.id, inputOf(draft)) : await createContact(api, inputOf(draft));
      setStatus(`Saved ${saved.name}.`); setDraft(null); await load(search);
    } catch (err) { setError(message(err)); }
  };
  const remove = async (c: Contact) => {
    if (!confirm(`Delete ${c.name}?`)) return;
    try { await deleteContact(api, c.id); setStatus(`Deleted ${c.name}.`); await load(search); } catch (e) { setError(message(e)); }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    try { const r = await importContacts(api, await file.text()); setStatus(`Imported ${r.created} contacts.`); await load(search); }
    catch (e) { setError(`Nothing was imported. ${message(e)}`); }
  };
  const exportCsv = async () => {
    try {
      const url = URL.createObjectURL(await api.blob(`/contacts/export?search=${encodeURIComponent(search)}`));
      const a = document.createElement('a');
      a.href = url; a.download = 'contacts.csv'; a.hidden = true;
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) { setError(message(e)); }
  };
  const set = (k: keyof Draft, v: string) => setDraft((d) => (d ? { ...d, [k]: v } : d));

  return (
    <div class="workspace contacts">
      <AppHeader title="CtiBridge" current="contacts" />
      <main id="main" class="page" aria-labelledby="contacts-title">
        <div class="page-head">
          <h1 id="contacts-title">Contacts</h1>
          <div class="row">
            <button type="button" class="primary" id="contact-new" onClick={() => setDraft({ ...emptyDraft })}>New contact</button>
            <button type="button" id="contacts-export" onClick={() => void exportCsv()}>Export CSV</button>
            <label class="button" for="contacts-import">Import CSV</label>
            <input type="file" id="contacts-import" accept=".csv,text/csv" class="visually-hidden"
              onChange={(e) => { void importFile(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
          </div>
        </div>
        <p class="muted">{mayDelete ? 'Your contacts and your teams\' contacts.' : 'The contacts you own.'}</p>
        <form class="row" role="search" aria-label="Search contacts" onSubmit={(e) => { e.preventDefault(); void load(search); }}>
          <label for="contacts-search" class="visually-hidden">Name or number</label>
          <input type="search" id="contacts-search" placeholder="Name or number" maxLength={100} value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
          <button type="submit">Search</button>
        </form>
        <p class="form-error" role="alert">{error}</p>
        <p class="muted" role="status" id="contacts-status">{status}</p>
        {draft && (
          <form class="card contact-form" id="contact-form" aria-label={draft.id ? 'Edit contact' : 'New contact'} onSubmit={(e) => void save(e)}>
            <h2>{draft.id ? 'Edit contact' : 'New contact'}</h2>
            <label for="contact-name">Name</label>
            <input id="contact-name" required maxLength={200} value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />
            <label for="contact-company">Company</label>
            <input id="contact-company" maxLength={200} value={draft.company} onInput={(e) => set('company', e.currentTarget.value)} />
            <label for="contact-numbers">Numbers (one per line, "label: number")</label>
            <textarea id="contact-numbers" rows={3} value={draft.numbers} onInput={(e) => set('numbers', e.currentTarget.value)} />
            <label for="contact-notes">Notes</label>
            <textarea id="contact-notes" rows={3} maxLength={2000} value={draft.notes} onInput={(e) => set('notes', e.currentTarget.value)} />
            <div class="row">
              <button type="submit" class="primary" id="contact-save">Save</button>
              <button type="button" onClick={() => setDraft(null)}>Cancel</button>
            </div>
          </form>
        )}
        {items && items.length === 0 && <p class="muted">No contacts match.</p>}
        {items && items.length > 0 && (
          <ul class="contact-list" id="contacts-list" aria-label="Contacts">
            {items.map((c) => (
              <li key={c.id} class="card" data-contact-id={c.id}>
                <div class="contact-head">
                  <strong>{c.name}</strong>{c.company && <span class="muted"> · {c.company}</span>}
                  <span class="row">
                    <button type="button" aria-label={`Edit ${c.name}`} onClick={() => setDraft(draftOf(c))}>Edit</button>
                    {mayDelete && <button type="button" class="danger" aria-label={`Delete ${c.name}`} onClick={() => void remove(c)}>Delete</button>}
                  </span>
                </div>
                <ul class="numbers">
                  {c.numbers.map((n, i) => (
                    <li key={i}>{n.label && <span class="muted">{n.label}: </span>}{n.e164 ?? n.number}
                      {n.unparsable && <>{' '}<span class="unparsable-mark" title="Kept as written: not a number the tenant's country reads">unparsable</span></>}</li>
                  ))}
                </ul>
                {c.notes && <p class="notes">{c.notes}</p>}
                <p class="muted small">{c.ownerName ?? 'No owner'}{c.teamName ? ` · ${c.teamName}` : ''}</p>
              </li>
            ))}
          </ul>
        )}
        {more && <button type="button" onClick={() => void load(search, page + 1)}>More</button>}
      </main>
    </div>
  );
}
