// Self-service flows: the prompt the customer hears, the digits expected, the attached-data key they set.
import type { Schema } from '../api/types';
import type { FieldSpec } from './form';
import { ResourcePage, type ResourceSpec } from './resource';

type Flow = Schema<'Application.SelfService.SelfServiceFlowDetails'>;

const fields: FieldSpec[] = [
  { name: 'name', label: 'Name', required: true, maxLength: 50, pattern: /^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u, patternHint: "Letters, digits, space, '_', '.' and '-'.", hint: 'What agents pick in the hand-off list; unique in the tenant (any case).' },
  { name: 'prompt', label: 'Prompt (sound file)', required: true, maxLength: 80, pattern: /^([A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+$/,
    patternHint: 'A sound file name without extension, e.g. conf-getpin or custom/enter-account.', hint: 'A sound Asterisk has (its name only, no path or extension).' },
  { name: 'maxDigits', label: 'Maximum digits', kind: 'number', min: 1, max: 32, hint: 'The customer is back as soon as this many are typed; empty: no limit.' },
  { name: 'terminator', label: 'Ends with', kind: 'select', options: [{ value: '#', label: '# (pound)' }, { value: '*', label: '* (star)' }, { value: '', label: 'No terminator key' }] },
  { name: 'timeoutSeconds', label: 'Timeout (seconds)', kind: 'number', required: true, min: 3, max: 300, hint: 'The customer is back after this whatever was typed.' },
  { name: 'dataKey', label: 'Attached-data key', required: true, maxLength: 64, pattern: /^[A-Za-z0-9_.-]+$/, patternHint: "Letters, digits, '_', '.' and '-'.", hint: 'The digits are attached to the call under this key.' },
];

const spec: ResourceSpec<Flow> = {
  title: 'Self-service flows', singular: 'self-service flow', path: '/admin/self-service-flows', key: (f) => f.id, name: (f) => f.name,
  intro: <p class="muted">Agents send a customer through a flow from the transfer list: the customer hears the prompt, types digits and comes back to the same agent with them attached to the call — as soon as the maximum is reached or the terminator is pressed, else at the timeout.</p>,
  columns: [
    { label: 'Name', cell: (f) => f.name },
    { label: 'Prompt', cell: (f) => <code>{f.prompt}</code> },
    { label: 'Digits', cell: (f) => [f.maxDigits ? `up to ${f.maxDigits}` : '', f.terminator ? `ends with ${f.terminator}` : ''].filter(Boolean).join(', ') },
    { label: 'Timeout', cell: (f) => `${f.timeoutSeconds} s` },
    { label: 'Key', cell: (f) => <code>{f.dataKey}</code> },
  ],
  createFields: fields, editFields: fields, defaults: { terminator: '#', timeoutSeconds: 30, maxDigits: '' },
  codeFields: { self_service_flow_name_taken: 'name' },
};

export function SelfServiceFlowsPage() { return <ResourcePage spec={spec} />; }
