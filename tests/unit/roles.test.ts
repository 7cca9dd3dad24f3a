import { describe, expect, it } from 'vitest';
import { can, ROLES, type Permission } from '@/lib/auth/roles';

const WRITES: Permission[] = ['catalog:write', 'movements:write', 'alerts:write', 'exports:run', 'users:manage'];

describe('roles', () => {
  it('lets every role read', () => {
    for (const role of ROLES) for (const permission of ['catalog:read', 'movements:read', 'alerts:read', 'reports:read'] as const) expect(can(role, permission)).toBe(true);
  });

  it('gives a VIEWER no write at all', () => {
    for (const permission of WRITES) expect(can('VIEWER', permission)).toBe(false);
  });

  it('lets a CLERK post movements but not edit the catalog, alerts or users', () => {
    expect(can('CLERK', 'movements:write')).toBe(true);
    expect(can('CLERK', 'catalog:write')).toBe(false);
    expect(can('CLERK', 'alerts:write')).toBe(false);
    expect(can('CLERK', 'users:manage')).toBe(false);
  });

  it('lets a MANAGER run the catalog, movements and alerts, and only an ADMIN manage users and run exports', () => {
    expect(['catalog:write', 'movements:write', 'alerts:write'].every((p) => can('MANAGER', p as Permission))).toBe(true);
    expect(ROLES.filter((role) => can(role, 'users:manage'))).toEqual(['ADMIN']);
    expect(ROLES.filter((role) => can(role, 'exports:run'))).toEqual(['ADMIN']);
  });
});
