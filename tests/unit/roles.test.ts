import { describe, expect, it } from 'vitest';
import { can, ROLES, type Permission } from '@/lib/auth/roles';

const WRITES: Permission[] = ['catalog:write', 'movements:write', 'alerts:write', 'exports:run', 'users:manage'];

/** The whole matrix, written out: a change to lib/auth/roles.ts must change this table too. */
const MATRIX: Record<Permission, Record<(typeof ROLES)[number], boolean>> = {
  'catalog:read': { ADMIN: true, MANAGER: true, CLERK: true, VIEWER: true },
  'movements:read': { ADMIN: true, MANAGER: true, CLERK: true, VIEWER: true },
  'alerts:read': { ADMIN: true, MANAGER: true, CLERK: true, VIEWER: true },
  'reports:read': { ADMIN: true, MANAGER: true, CLERK: true, VIEWER: true },
  'catalog:write': { ADMIN: true, MANAGER: true, CLERK: false, VIEWER: false },
  'movements:write': { ADMIN: true, MANAGER: true, CLERK: true, VIEWER: false },
  'alerts:write': { ADMIN: true, MANAGER: true, CLERK: false, VIEWER: false },
  'exports:run': { ADMIN: true, MANAGER: false, CLERK: false, VIEWER: false },
  'users:manage': { ADMIN: true, MANAGER: false, CLERK: false, VIEWER: false },
  'users:read': { ADMIN: true, MANAGER: false, CLERK: false, VIEWER: false },
  'purchasing:write': { ADMIN: true, MANAGER: true, CLERK: false, VIEWER: false },
  'replenishment:read': { ADMIN: true, MANAGER: true, CLERK: false, VIEWER: false },
};

describe('roles', () => {
  it('answers every role and permission as the matrix says', () => {
    expect(ROLES).toEqual(['ADMIN', 'MANAGER', 'CLERK', 'VIEWER']);
    const actual = Object.fromEntries(
      Object.keys(MATRIX).map((permission) => [permission, Object.fromEntries(ROLES.map((role) => [role, can(role, permission as Permission)]))]),
    );
    expect(actual).toEqual(MATRIX);
  });

  it('refuses a permission it does not know, for every role', () => {
    for (const role of ROLES) expect(can(role, 'everything:all' as Permission)).toBe(false);
  });

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
