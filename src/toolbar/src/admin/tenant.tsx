// Tenant settings: notifications, number masking, attached-data keys, music on hold, recording, wrap-up, state rules,
// country and third-party screen pop, telling monitored parties, time zone and callbacks.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/session';
import { ApiError } from '../api/errors';
import { Form, bodyOf, valuesOf, type FieldSpec } from './form';
import { Notice, PageTitle } from './resource';

interface Tenant { id: string; domain: string; name: string; enabled: boolean; settings: Record<string, unknown>; asteriskServer?: string }

const FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Company name', required: true, maxLength: 200 },
  { name: 'settings.notificationsEnabled', label: 'Desktop notifications for incoming calls', kind: 'checkbox' },
  { name: 'settings.numberMaskingRule', label: 'Number masking rule', maxLength: 64, hint: 'Empty shows numbers in full; keep-last:4 hides all but the last 4 digits.' },
  { name: 'settings.attachedDataKeys', label: 'Attached-data keys shown to agents', kind: 'list', pattern: /^[A-Za-z0-9_.-]+$/, patternHint: 'Letters, digits, ".", "_", "-", separated by commas.', hint: 'Separated by commas, at most 10.' },
  { name: 'settings.defaultMusicOnHoldClass', label: 'Music on hold class', maxLength: 80, pattern: /^[A-Za-z0-9_-]*$/, patternHint: 'Letters, digits, "_" and "-".' },
  { name: 'settings.recordingPolicy', label: 'Recording', kind: 'select', options: [
    { value: 'Never', label: 'Never' }, { value: 'Always', label: 'Always' }, { value: 'OnDemand', label: 'On demand (agents start it)' }] },
  { name: 'settings.wrapUpDefaultSeconds', label: 'Wrap-up time (seconds)', kind: 'number', required: true, min: 0, max: 3600 },
  { name: 'settings.noAgentRule', label: 'When no agent is logged in', kind: 'select', options: [
    { value: 'KeepWaiting', label: 'Keep callers waiting' }, { value: 'FallbackDestination', label: 'Send to the fallback destination' }] },
  { name: 'settings.directCallsRequireReady', label: 'Direct calls reach only Ready agents', kind: 'checkbox' },
  { name: 'settings.outboundRequiresNotReady', label: 'Outbound calls only when Not Ready', kind: 'checkbox' },
  { name: 'settings.deviceUnavailableAutoReturn', label: 'Return agents to Ready when their phone comes back', kind: 'checkbox' },
  { name: 'settings.agentsMayChooseAutoAnswer', label: 'Agents may switch auto-answer themselves', kind: 'checkbox' },
  { name: 'settings.requirePasswordCharacterClasses', label: 'Passwords need several character classes', kind: 'checkbox' },
  // Contacts and screen pop (docs/contacts.md).
  { name: 'settings.country', label: 'Country of national numbers', maxLength: 2, pattern: /^([A-Za-z]{2})?$/, patternHint: 'Two letters (ISO 3166), e.g. DE.', hint: 'Contacts\' and callers\' numbers without a country code are read as this country\'s.' },
  { name: 'settings.screenPopUrlTemplate', label: 'Third-party screen pop URL', maxLength: 2000, hint: 'https://… with {number}, {callId}, {agent}, {data.KEY}; empty: off.' },
  { name: 'settings.screenPopTrigger', label: 'Open the screen pop', kind: 'select', options: [
    { value: 'Offered', label: 'When the call is offered' }, { value: 'Answered', label: 'When the agent answers' }] },
  { name: 'settings.screenPopTarget', label: 'Screen pop opens in', kind: 'select', options: [
    { value: 'NewTab', label: 'A new tab' }, { value: 'Panel', label: 'A panel of the agent\'s page' }] },
  // Monitoring (docs/supervision.md).
  { name: 'settings.tellMonitoredParties', label: 'Tell the agent and the customer when a supervisor listens', kind: 'checkbox' },
  { name: 'settings.monitoringNoticeSound', label: 'Sound they hear then', maxLength: 80, pattern: /^(([A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+)?$/,
    patternHint: 'A sound file name without extension: letters, digits, "_", "-", "/" between folders.', hint: 'beep, or an announcement Asterisk has, e.g. custom/call-monitored.' },
  // Time zone and callbacks (docs/callbacks.md).
  { name: 'settings.timeZone', label: 'Time zone', maxLength: 64, hint: 'An IANA zone, e.g. Europe/Berlin; times are shown, and entered, in it.' },
  { name: 'settings.callbackReminderTimeoutSeconds', label: 'Callback reminder: time to act (seconds)', kind: 'number', required: true, min: 30, max: 86400 },
  { name: 'settings.callbackEscalation', label: 'A callback nobody acts on', kind: 'select', options: [
    { value: 'NotifySupervisor', label: 'Notify the team\'s supervisors' }, { value: 'OfferToGroup', label: 'Offer it to its skill group' }] },
];

export function TenantPage() {
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.request<Tenant>('GET', '/admin/tenant').then(setTenant, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [version]);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>Tenant settings</PageTitle>
      {tenant && <p class="muted">Domain <strong>{tenant.domain}</strong>
        {tenant.asteriskServer && tenant.asteriskServer !== 'default' && <> · Asterisk server <strong>{tenant.asteriskServer}</strong> (placed by the platform operator)</>}</p>}
      <Notice text={notice} />
      <p class="form-error" role="alert">{error}</p>
      {tenant && (
        <Form key={version} id="tenant" title="Settings" fields={FIELDS} initial={valuesOf(FIELDS, tenant)} submitLabel="Save settings"
          onSubmit={async (values) => {
            const body = bodyOf(FIELDS, values) as { settings: Record<string, unknown> };
            // Settings the form does not show are sent back as they were.
            body.settings = { ...tenant.settings, ...body.settings };
            await api.request('PUT', '/admin/tenant', body);
            setNotice('Settings saved.');
            setVersion((v) => v + 1);
          }} />
      )}
    </section>
  );
}
