// One list page of the admin console: a table of the tenant's items, New / Edit forms, Delete, and row actions.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api/session';
import { ApiError } from '../api/errors';
import { Form, bodyOf, valuesOf, type Errors, type FieldSpec, type Values } from './form';

export interface Column<T> { label: string; cell: (item: T) => ComponentChildren }

export interface ResourceSpec<T> {
  title: string;
  /** "user", "team": used in buttons and headings. */
  singular: string;
  /** REST path under /api/v1, e.g. /admin/users. */
  path: string;
  intro?: ComponentChildren;
  key: (item: T) => string;
  name: (item: T) => string;
  columns: Column<T>[];
  createFields?: FieldSpec[];
  editFields?: FieldSpec[];
  /** Body of POST (create) / PUT (edit); by default the fields' values, nested by their dotted names. */
  createBody?: (values: Values) => unknown;
  editBody?: (values: Values, item: T) => unknown;
  /** Rules across fields, checked in the page with the fields' own (the message per field name). */
  createCheck?: (values: Values) => Errors;
  editCheck?: (values: Values, item: T) => Errors;
  /** Values a new item's form starts with. */
  defaults?: Values;
  canDelete?: (item: T) => boolean;
  deleteLabel?: string;
  codeFields?: Record<string, string>;
  /** Shown once after a create (e.g. a secret), from the POST answer. */
  afterCreate?: (created: unknown) => ComponentChildren;
  /** More buttons per row; `reload` refreshes the list, `show` opens a panel under the list. */
  rowActions?: (item: T, ctx: RowContext<T>) => ComponentChildren;
}

export interface RowContext<T> { reload: () => Promise<void>; show: (panel: ComponentChildren | null) => void; notify: (text: string) => void; items: T[] }

type Mode<T> = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; item: T };

export function PageTitle({ children }: { children: ComponentChildren }) {
  return <h1 id="page-title" tabIndex={-1}>{children}</h1>;
}

export function useList<T>(path: string): { items: T[] | null; error?: string; reload: () => Promise<void> } {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    try { setItems(await api.request<T[]>('GET', path)); setError(undefined); } catch (e) { setError(e instanceof ApiError ? e.message : String(e)); }
  }, [path]);
  useEffect(() => { void reload(); }, [reload]);
  return { items, error, reload };
}

export function Notice({ text }: { text?: string }) {
  return <p class="notice" role="status" aria-live="polite">{text}</p>;
}

export function ResourcePage<T>({ spec }: { spec: ResourceSpec<T> }) {
  const { items, error, reload } = useList<T>(spec.path);
  const [mode, setMode] = useState<Mode<T>>({ kind: 'list' });
  const [notice, setNotice] = useState<string>();
  const [panel, setPanel] = useState<ComponentChildren | null>(null);
  const [shown, setShown] = useState<ComponentChildren | null>(null);
  const [rowError, setRowError] = useState<string>();

  const remove = async (item: T) => {
    if (!confirm(`${spec.deleteLabel ?? 'Delete'} ${spec.singular} "${spec.name(item)}"?`)) return;
    try {
      await api.request('DELETE', `${spec.path}/${spec.key(item)}`);
      setRowError(undefined); setNotice(`${cap(spec.singular)} "${spec.name(item)}" ${spec.deleteLabel === 'Revoke' ? 'revoked' : 'deleted'}.`);
      await reload();
    } catch (e) { setRowError(e instanceof ApiError ? e.message : String(e)); }
  };
  const ctx: RowContext<T> = { reload, show: setPanel, notify: (t) => { setRowError(undefined); setNotice(t); }, items: items ?? [] };

  return (
    <section aria-labelledby="page-title">
      <div class="page-head">
        <PageTitle>{spec.title}</PageTitle>
        {spec.createFields && mode.kind === 'list' && (
          <button type="button" class="primary" onClick={() => { setMode({ kind: 'create' }); setNotice(undefined); setShown(null); }}>New {spec.singular}</button>
        )}
      </div>
      {spec.intro}
      <Notice text={notice} />
      {shown}
      {panel}
      {mode.kind === 'create' && spec.createFields && (
        <Form id="create" title={`New ${spec.singular}`} fields={spec.createFields} submitLabel={`Create ${spec.singular}`}
          initial={{ ...valuesOf(spec.createFields, {}), ...spec.defaults }} codeFields={spec.codeFields} check={spec.createCheck}
          onCancel={() => setMode({ kind: 'list' })}
          onSubmit={async (values) => {
            const created = await api.request<unknown>('POST', spec.path, spec.createBody ? spec.createBody(values) : bodyOf(spec.createFields!, values));
            setMode({ kind: 'list' });
            setNotice(`${cap(spec.singular)} created.`);
            setShown(spec.afterCreate ? spec.afterCreate(created) : null);
            await reload();
          }} />
      )}
      {mode.kind === 'edit' && spec.editFields && (
        <Form key={spec.key(mode.item)} id="edit" title={`Edit ${spec.singular} "${spec.name(mode.item)}"`} fields={spec.editFields}
          submitLabel="Save changes" initial={valuesOf(spec.editFields, mode.item)} codeFields={spec.codeFields}
          check={spec.editCheck && ((v) => spec.editCheck!(v, mode.item))}
          onCancel={() => setMode({ kind: 'list' })}
          onSubmit={async (values) => {
            const item = mode.item;
            await api.request('PUT', `${spec.path}/${spec.key(item)}`, spec.editBody ? spec.editBody(values, item) : bodyOf(spec.editFields!, values));
            setMode({ kind: 'list' });
            setNotice(`${cap(spec.singular)} "${spec.name(item)}" saved.`);
            await reload();
          }} />
      )}
      <p class="form-error" role="alert">{error ?? rowError}</p>
      {items === null && !error && <p class="loading" role="status">Loading…</p>}
      {items && items.length === 0 && <p class="muted">None yet.</p>}
      {items && items.length > 0 && (
        <table class="list">
          <caption class="visually-hidden">{spec.title}</caption>
          <thead><tr>{spec.columns.map((c) => <th scope="col" key={c.label}>{c.label}</th>)}<th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {items.map((item) => (
              <tr key={spec.key(item)}>
                {spec.columns.map((c, i) => i === 0
                  ? <th scope="row" data-label={c.label} key={c.label}>{c.cell(item)}</th>
                  : <td data-label={c.label} key={c.label}>{c.cell(item)}</td>)}
                <td class="actions">
                  {spec.editFields && (
                    <button type="button" aria-label={`Edit ${spec.name(item)}`} onClick={() => { setMode({ kind: 'edit', item }); setNotice(undefined); }}>Edit</button>
                  )}
                  {spec.rowActions?.(item, ctx)}
                  {(spec.canDelete?.(item) ?? true) && spec.deleteLabel !== 'none' && (
                    <button type="button" class="danger-outline" aria-label={`${spec.deleteLabel ?? 'Delete'} ${spec.name(item)}`} onClick={() => void remove(item)}>{spec.deleteLabel ?? 'Delete'}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const yesNo = (b: unknown) => (b ? 'Yes' : 'No');
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
