import { describe, expect, it } from 'vitest';
import { bodyOf, problemMessages, validateFields, valuesOf, type FieldSpec } from '../src/admin/form';
import { problemToError } from '../src/api/errors';

const fields: FieldSpec[] = [
  { name: 'name', label: 'Name', required: true, maxLength: 5 },
  { name: 'settings.wrapUpDefaultSeconds', label: 'Wrap-up', kind: 'number', min: 0, max: 3600 },
  { name: 'roles', label: 'Roles', kind: 'checkboxes', required: true },
  { name: 'password', label: 'Password', kind: 'password' },
];

describe('admin forms', () => {
  it('checks fields in the page', () => {
    expect(validateFields(fields, { name: '', 'settings.wrapUpDefaultSeconds': '4000', roles: [] })).toEqual({
      name: 'Required.', 'settings.wrapUpDefaultSeconds': 'Between 0 and 3600.', roles: 'Choose at least one.',
    });
    expect(validateFields(fields, { name: 'abc', 'settings.wrapUpDefaultSeconds': '30', roles: ['agent'] })).toEqual({});
  });
  it('nests dotted names in the body and reads them back', () => {
    const body = bodyOf(fields, { name: ' a ', 'settings.wrapUpDefaultSeconds': '30', roles: ['agent'], password: '' });
    expect(body).toEqual({ name: 'a', settings: { wrapUpDefaultSeconds: 30 }, roles: ['agent'], password: null });
    expect(valuesOf(fields, body)['settings.wrapUpDefaultSeconds']).toBe(30);
  });
  it('puts the server\'s field errors next to the fields, and a code a field owns on it', () => {
    const v = problemToError(400, { code: 'validation_failed', errors: { 'settings.wrapUpDefaultSeconds': ['Too long.'], 'roles[0]': ['Unknown.'] } });
    const m = problemMessages(v, fields);
    expect(m.fields).toEqual({ 'settings.wrapUpDefaultSeconds': 'Too long.', roles: 'Unknown.' });
    const weak = problemToError(400, { code: 'weak_password', detail: 'That password is too common.' });
    expect(problemMessages(weak, fields, { weak_password: 'password' })).toEqual({ fields: { password: 'That password is too common.' }, form: undefined });
    const conflict = problemToError(409, { code: 'conflict', detail: 'Username taken.' });
    expect(problemMessages(conflict, fields).form).toBe('Username taken.');
  });
});
