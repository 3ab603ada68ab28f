// Webhooks: endpoints that receive call-center events (secret shown once), and their deliveries.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api/session';
import { ApiError } from '../api/errors';
import type { Schema } from '../api/types';
import type { FieldSpec } from './form';
import { ResourcePage, when, yesNo, type ResourceSpec, type RowContext } from './resource';
import { SecretOnce } from './lists';

interface Webhook { id: string; url: string; eventTypes: string[]; enabled: boolean; createdAt: string }
type Delivery = Schema<'Application.Persistence.WebhookDeliveryInfo'>;

const EVENTS = ['agentStateChanged', 'callOffered', 'callStateChanged', 'participantsChanged', 'callEnded'];
const fields: FieldSpec[] = [
  { name: 'url', label: 'URL', kind: 'url', required: true, maxLength: 500, hint: 'HTTPS address that receives a POST per event.' },
  { name: 'eventTypes', label: 'Events', kind: 'checkboxes', options: EVENTS.map((e) => ({ value: e, label: e })), hint: 'None chosen: every event.' },
  { name: 'enabled', label: 'Enabled', kind: 'checkbox' },
];

function Deliveries({ hook, ctx }: { hook: Webhook; ctx: RowContext<Webhook> }) {
  const [rows, setRows] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const load = useCallback(() => api.request<Delivery[]>('GET', `/admin/webhooks/${hook.id}/deliveries`).then(
    setRows, (e) => setError(e instanceof ApiError ? e.message : String(e))), [hook.id]);
  useEffect(() => { void load(); }, [load]);
  // While a retried delivery is pending, follow it until the worker has tried it.
  const pending = rows?.some((d) => d.status === 'Pending') ?? false;
  useEffect(() => {
    if (!pending) return;
    const t = window.setInterval(() => void load(), 1000);
    return () => window.clearInterval(t);
  }, [pending, load]);
  const retry = async (d: Delivery) => {
    setDone(undefined);
    setError(undefined);
    try {
      await api.request<Delivery>('POST', `/admin/webhooks/${hook.id}/deliveries/${d.id}/retry`);
      setDone(`Delivery ${d.id} (${d.eventType}) is being sent again.`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
    await load();
  };
  return (
    <section class="card" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries to {hook.url}</h2>
      <p class="muted small">Failed attempts are retried by the server with back-off (next attempt shown). A delivery it gave up on
        (Failed) can be sent once more with Retry.</p>
      <p class="form-error" role="alert">{error}</p>
      <p role="status">{done}</p>
      {rows && rows.length === 0 && <p class="muted">No deliveries yet.</p>}
      {rows && rows.length > 0 && (
        <table class="list">
          <caption class="visually-hidden">Deliveries</caption>
          <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Created</th><th scope="col">Next attempt</th><th scope="col">Last error</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>{rows.map((d) => (
            <tr key={d.id}><th scope="row" data-label="Event">{d.eventType}</th><td data-label="Status">{d.status}</td><td data-label="Attempts">{d.attempts}</td>
              <td data-label="Created">{when(d.createdAt)}</td><td data-label="Next attempt">{when(d.nextAttemptAt)}</td><td data-label="Last error">{d.lastError || '—'}</td>
              <td data-label="Actions">{d.status === 'Failed'
                ? <button type="button" aria-label={`Retry delivery ${d.id} (${d.eventType})`} onClick={() => void retry(d)}>Retry</button>
                : null}</td></tr>
          ))}</tbody>
        </table>
      )}
      <button type="button" onClick={() => ctx.show(null)}>Close</button>
    </section>
  );
}

const spec: ResourceSpec<Webhook> = {
  title: 'Webhooks', singular: 'webhook', path: '/admin/webhooks', key: (w) => w.id, name: (w) => w.url,
  columns: [
    { label: 'URL', cell: (w) => <span class="break">{w.url}</span> },
    { label: 'Events', cell: (w) => w.eventTypes.join(', ') || 'All' },
    { label: 'Enabled', cell: (w) => yesNo(w.enabled) },
  ],
  createFields: fields, editFields: fields, defaults: { enabled: true }, codeFields: { webhook_target_not_allowed: 'url' },
  afterCreate: (created) => <SecretOnce label="signing secret" secret={(created as { secret: string }).secret} />,
  rowActions: (w, ctx) => <button type="button" aria-label={`Deliveries to ${w.url}`} onClick={() => ctx.show(<Deliveries key={w.id} hook={w} ctx={ctx} />)}>Deliveries</button>,
};
export function WebhooksPage() { return <ResourcePage spec={spec} />; }
