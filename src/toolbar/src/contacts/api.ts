// The contacts API (docs/contacts.md), on the shared client.
import type { Api } from '../api/client';

export interface ContactNumber { label: string | null; number: string; e164: string | null; unparsable: boolean }
export interface Contact {
  id: string; name: string; company: string | null; notes: string | null; numbers: ContactNumber[];
  ownerId: string | null; ownerName: string | null; teamId: string | null; teamName: string | null; createdAt: string;
}
export interface ContactPage { items: Contact[]; page: number; pageSize: number; hasMore: boolean }
export interface ContactInput {
  name: string; company?: string | null; notes?: string | null; numbers: { label?: string | null; number: string }[];
}

export const searchContacts = (api: Api, search: string, page = 1, pageSize = 50): Promise<ContactPage> =>
  api.request('GET', `/contacts?search=${encodeURIComponent(search)}&page=${page}&pageSize=${pageSize}`);
export const createContact = (api: Api, c: ContactInput): Promise<Contact> => api.request('POST', '/contacts', c);
export const updateContact = (api: Api, id: string, c: ContactInput): Promise<Contact> => api.request('PUT', `/contacts/${encodeURIComponent(id)}`, c);
export const deleteContact = (api: Api, id: string): Promise<void> => api.request('DELETE', `/contacts/${encodeURIComponent(id)}`);
export const importContacts = (api: Api, csv: string): Promise<{ created: number }> => api.request('POST', '/contacts/import', { csv });
