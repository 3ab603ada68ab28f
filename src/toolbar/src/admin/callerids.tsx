// Caller IDs agents may present on outbound calls: the whole tenant's and each team's.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/session';
import type { Schema } from '../api/types';
import type { FieldSpec } from './form';
import { ResourcePage, type ResourceSpec } from './resource';

type CallerId = Schema<'Application.CallerIds.CallerIdView'>;
interface TeamRef { id: string; name: string }

export function CallerIdsPage() {
  const [teams, setTeams] = useState<TeamRef[] | null>(null);
  useEffect(() => { api.request<TeamRef[]>('GET', '/admin/teams').then(setTeams, () => setTeams([])); }, []);
  if (!teams) return <p class="loading" role="status">Loading…</p>;
  const fields: FieldSpec[] = [
    { name: 'number', label: 'Number', required: true, maxLength: 32, pattern: /^\+?[0-9]{2,31}$/, patternHint: 'Digits with an optional leading +.' },
    { name: 'label', label: 'Label', maxLength: 100, hint: 'What agents read in the dial pad, e.g. Sales hotline.' },
    { name: 'teamId', label: 'Who may present it', kind: 'select', options: [{ value: '', label: 'Every agent of the tenant' }, ...teams.map((t) => ({ value: t.id, label: `Team ${t.name}` }))] },
  ];
  const spec: ResourceSpec<CallerId> = {
    title: 'Caller IDs', singular: 'caller ID', path: '/admin/caller-ids', key: (c) => c.id, name: (c) => c.number,
    intro: <p class="muted">The numbers agents may present on outbound calls. An agent chooses among the tenant's and her teams' (her teams' first, the first is used when she chooses none); any other caller ID is refused. Without any, calls present the trunk's default.</p>,
    columns: [
      { label: 'Number', cell: (c) => c.number },
      { label: 'Label', cell: (c) => c.label || '—' },
      { label: 'Who', cell: (c) => (c.teamName ? `Team ${c.teamName}` : 'Every agent') },
    ],
    createFields: fields, editFields: fields, defaults: { teamId: '' }, codeFields: { caller_id_taken: 'number' },
  };
  return <ResourcePage spec={spec} />;
}
