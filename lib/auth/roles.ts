export const ROLES = ['ADMIN', 'MANAGER', 'CLERK', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** What a person or token may do. Checked in every route handler and server action. */
export type Permission =
  | 'catalog:read'
  | 'catalog:write'
  | 'movements:read'
  | 'movements:write'
  | 'alerts:read'
  | 'alerts:write'
  | 'reports:read'
  | 'exports:run'
  | 'users:manage'
  /** Read users, the audit log and anyone's tokens: an ADMIN's reads, kept by an ADMIN's read token. */
  | 'users:read'
  /** Draft, change, order and cancel purchase orders; read replenishment suggestions. */
  | 'purchasing:write'
  | 'replenishment:read';

const READ: Permission[] = ['catalog:read', 'movements:read', 'alerts:read', 'reports:read'];

/** Reads kept from some roles: a `read` token of a role that has them may still use them. */
const RESTRICTED_READ: Permission[] = ['replenishment:read', 'users:read'];

const PERMISSIONS_BY_ROLE: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set<Permission>([...READ, 'catalog:write', 'movements:write', 'alerts:write', 'exports:run', 'users:manage', 'users:read', 'purchasing:write', 'replenishment:read']),
  MANAGER: new Set<Permission>([...READ, 'catalog:write', 'movements:write', 'alerts:write', 'purchasing:write', 'replenishment:read']),
  CLERK: new Set<Permission>([...READ, 'movements:write']),
  VIEWER: new Set<Permission>(READ),
};

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS_BY_ROLE[role].has(permission);
}

/** What a `read` API token keeps of its owner's role: the permissions that change nothing. */
export function isReadPermission(permission: Permission): boolean {
  return (READ as readonly Permission[]).includes(permission) || RESTRICTED_READ.includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  MANAGER: 'Manager',
  CLERK: 'Clerk',
  VIEWER: 'Viewer',
};
