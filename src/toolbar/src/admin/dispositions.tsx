// Disposition codes: what agents choose in the wrap-up form (name, category, active, remarks required).
import type { Schema } from '../api/types';
import type { FieldSpec } from './form';
import { ResourcePage, yesNo, type ResourceSpec } from './resource';

type DispositionCode = Schema<'Application.Dispositions.DispositionCodeView'>;

const fields: FieldSpec[] = [
  { name: 'code', label: 'Code', required: true, maxLength: 32, pattern: /^[A-Za-z0-9_-]+$/, patternHint: "Letters, digits, '_' and '-'.", hint: 'What API clients send; unique in the tenant (any case).' },
  { name: 'name', label: 'Name', required: true, maxLength: 100, hint: 'What agents read in the wrap-up form.' },
  { name: 'category', label: 'Category', maxLength: 50, hint: 'Optional grouping, e.g. Sales.' },
  { name: 'active', label: 'Active (offered to agents)', kind: 'checkbox' },
  { name: 'remarksRequired', label: 'Remarks required', kind: 'checkbox' },
];

const spec: ResourceSpec<DispositionCode> = {
  title: 'Disposition codes', singular: 'disposition code', path: '/admin/dispositions', key: (d) => d.id, name: (d) => d.name,
  intro: <p class="muted">The outcomes agents choose when they wrap up a call; each agent of a call keeps her own. A code used by a call cannot be deleted: make it inactive.</p>,
  columns: [
    { label: 'Name', cell: (d) => d.name },
    { label: 'Code', cell: (d) => <code>{d.code}</code> },
    { label: 'Category', cell: (d) => d.category || '—' },
    { label: 'Active', cell: (d) => yesNo(d.active) },
    { label: 'Remarks required', cell: (d) => yesNo(d.remarksRequired) },
  ],
  createFields: fields, editFields: fields, defaults: { active: true, remarksRequired: false },
  codeFields: { disposition_code_taken: 'code' },
};

export function DispositionsPage() { return <ResourcePage spec={spec} />; }
