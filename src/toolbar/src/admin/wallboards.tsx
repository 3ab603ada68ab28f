// Wallboard keys: a wall screen opens /wallboard?key=… without signing in; each key shows chosen skill groups, read-only,
// and can be revoked (its screens go dark at once).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/session';
import type { FieldSpec } from './form';
import { ResourcePage, type ResourceSpec } from './resource';
import { SecretOnce } from './lists';

interface WallboardKey { id: string; name: string; prefix: string; skillGroupIds: string[]; createdAt: string; revokedAt?: string | null }
interface Group { id: string; name: string }

export function WallboardsPage() {
  const [groups, setGroups] = useState<Group[] | null>(null);
  useEffect(() => { api.request<Group[]>('GET', '/admin/skill-groups').then(setGroups, () => setGroups([])); }, []);
  if (!groups) return <p class="loading" role="status">Loading…</p>;
  const nameOf = (id: string) => groups.find((g) => g.id === id)?.name ?? id;
  const fields: FieldSpec[] = [
    { name: 'name', label: 'Name (where the screen hangs)', required: true, maxLength: 100 },
    { name: 'skillGroupIds', label: 'Skill groups shown', kind: 'checkboxes', required: true, options: groups.map((g) => ({ value: g.id, label: g.name })) },
  ];
  const spec: ResourceSpec<WallboardKey> = {
    title: 'Wallboards', singular: 'wallboard key', path: '/admin/wallboard-keys', key: (k) => k.id, name: (k) => k.name,
    columns: [
      { label: 'Name', cell: (k) => k.name },
      { label: 'Prefix', cell: (k) => <code>{k.prefix}</code> },
      { label: 'Skill groups', cell: (k) => k.skillGroupIds.map(nameOf).join(', ') },
      { label: 'Status', cell: (k) => (k.revokedAt ? `Revoked ${new Date(k.revokedAt).toLocaleString()}` : 'Active') },
    ],
    createFields: fields, deleteLabel: 'Revoke', canDelete: (k) => !k.revokedAt,
    afterCreate: (created) => {
      const key = (created as { key: string }).key;
      const url = `${location.origin}/wallboard?key=${encodeURIComponent(key)}`;
      return <><SecretOnce label="wallboard key" secret={key} /><p>Open on the wall screen: <a href={url} target="_blank" rel="noopener">{url}</a></p></>;
    },
  };
  return <ResourcePage spec={spec} />;
}
