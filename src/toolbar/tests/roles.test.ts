import { describe, expect, it } from 'vitest';
import { isRecordsPath, isReportsPath, landingPath, workspaceOfPath, workspacesOf } from '../src/shared/roles';

describe('role landing', () => {
  it('sends an agent to the toolbar, a supervisor to the desk, an admin to the console', () => {
    expect(landingPath({ roles: ['agent'] }, '/')).toBe('/');
    expect(landingPath({ roles: ['supervisor'] }, '/')).toBe('/supervisor');
    expect(landingPath({ roles: ['admin'] }, '/')).toBe('/admin');
    expect(landingPath({ roles: ['Admin'] }, '/')).toBe('/admin');
  });
  it('keeps the page asked for when her roles open it, else her first workspace', () => {
    expect(landingPath({ roles: ['agent', 'admin'] }, '/admin/users')).toBe('/admin/users');
    expect(landingPath({ roles: ['agent'] }, '/admin/users')).toBe('/');
    expect(landingPath({ roles: ['supervisor', 'admin'] }, '/')).toBe('/supervisor');
    expect(landingPath({ roles: [] }, '/admin')).toBe('/');
  });
  it('lists the workspaces of several roles in order and finds a path\'s workspace', () => {
    expect(workspacesOf({ roles: ['admin', 'agent'] }).map((w) => w.role)).toEqual(['agent', 'admin']);
    expect(workspaceOfPath('/admin/teams')?.role).toBe('admin');
    expect(workspaceOfPath('/administrator')).toBeUndefined();
    expect(workspaceOfPath('/')?.role).toBe('agent');
  });
  it('opens the call records page to agents, supervisors and admins alike, and to nobody else', () => {
    expect(landingPath({ roles: ['agent'] }, '/records')).toBe('/records');
    expect(landingPath({ roles: ['supervisor'] }, '/records')).toBe('/records');
    expect(landingPath({ roles: ['admin'] }, '/records/abc')).toBe('/records/abc');
    expect(landingPath({ roles: [] }, '/records')).toBe('/');
    expect(isRecordsPath('/records')).toBe(true);
    expect(isRecordsPath('/recordsx')).toBe(false);
    expect(landingPath({ roles: ['agent'] }, '/reports')).toBe('/reports');
    expect(landingPath({ roles: ['supervisor'] }, '/reports')).toBe('/reports');
    expect(landingPath({ roles: [] }, '/reports')).toBe('/');
    expect(isReportsPath('/reports')).toBe(true);
    expect(isReportsPath('/reportsx')).toBe(false);
    expect(workspaceOfPath('/records')).toBeUndefined();
  });

  it('opens the contacts page to agents, supervisors and admins, and to nobody else', () => {
    expect(landingPath({ roles: ['agent'] }, '/contacts')).toBe('/contacts');
    expect(landingPath({ roles: ['supervisor'] }, '/contacts')).toBe('/contacts');
    expect(landingPath({ roles: ['admin'] }, '/contacts')).toBe('/contacts');
    expect(landingPath({ roles: [] }, '/contacts')).toBe('/');
  });
});
