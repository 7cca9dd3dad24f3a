import { createHash, timingSafeEqual } from 'node:crypto';
import { db } from '@/lib/db/client';
import type { User } from '@/lib/db/generated/sqlite/client';
import { AppError } from '@/lib/errors';
import { authenticateApiToken } from './authenticate-api-token';
import { auth } from './config';
import { can, isReadPermission, type Permission, type Role } from './roles';
import { sessionIsCurrent } from './session-lifetime';

/** Who is acting, as every door sees it: re-read from the database on each request. */
export interface Actor {
  id: number;
  email: string;
  name: string;
  role: Role;
  via: 'session' | 'token';
  /** A `read` API token may only read; sessions and `write` tokens act with the whole role. */
  scope: 'read' | 'write';
}

function toActor(user: Pick<User, 'id' | 'email' | 'name' | 'role'>, via: Actor['via'], scope: Actor['scope']): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role, via, scope };
}

/**
 * The signed-in person behind the session cookie, if the account still exists and is enabled
 * and the session has not ended: signed in under the user's current session version (a
 * password change or "sign out everywhere" raises it) and less than 12 hours ago.
 */
export async function sessionActor(): Promise<Actor | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session || !Number.isSafeInteger(id) || id <= 0) return null;
  const user = await db().user.findUnique({ where: { id } });
  if (!user || user.disabled || !sessionIsCurrent(session, user.sessionVersion)) return null;
  return toActor(user, 'session', 'write');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Next.js checks the origin of server actions but not of route handlers, so a write to
 * /api that relies on the session cookie must come from this app's own origin. A missing or
 * `null` Origin is refused too. Token-authenticated calls carry no ambient credential and
 * are free of this rule.
 */
function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let originHost: string | undefined;
  try {
    originHost = origin && origin !== 'null' ? new URL(origin).host : undefined;
  } catch {
    originHost = undefined;
  }
  if (!originHost || !host || originHost !== host) {
    throw new AppError('FORBIDDEN', 'Cross-origin request refused: use an API token or the app itself.');
  }
}

/** Who is calling a route handler: a Bearer token, else the session cookie. */
export async function requestActor(request: Request): Promise<Actor> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const token = match?.[1] ? await authenticateApiToken({ secret: match[1] }) : null;
    if (!token) throw new AppError('UNAUTHENTICATED', 'The API token is missing, malformed, revoked, expired or unknown.');
    const actor = toActor(token.user, 'token', token.scope);
    // Whatever permission a route asks for, a read-only token never changes anything.
    if (actor.scope === 'read' && !SAFE_METHODS.has(request.method)) throw readOnlyToken();
    return actor;
  }
  const actor = await sessionActor();
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in or send Authorization: Bearer <api token>.');
  assertSameOrigin(request);
  return actor;
}

function readOnlyToken(): AppError {
  return new AppError('FORBIDDEN', 'This API token is read-only: create a write token to change anything.');
}

export function assertPermission(actor: Actor, permission: Permission): void {
  if (actor.scope === 'read' && !isReadPermission(permission)) throw readOnlyToken();
  if (!can(actor.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${actor.role}) may not do this.`);
  }
}

/** Route handlers: authenticate, then check the role. */
export async function authorizeRequest(request: Request, permission: Permission): Promise<Actor> {
  const actor = await requestActor(request);
  assertPermission(actor, permission);
  return actor;
}

/** Server actions: the same check, as typed errors that become form state. */
export async function authorizeAction(permission: Permission): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
  assertPermission(actor, permission);
  return actor;
}

/**
 * The scheduled export's door: `Authorization: Bearer $CRON_SECRET` (compared in constant
 * time) acts as the system, with no user; anything else must be a person or token with the
 * permission.
 */
export async function authorizeSchedulerOr(request: Request, permission: Permission, cronSecret: string | undefined): Promise<Actor | 'scheduler'> {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (cronSecret && presented && safeEqual(presented, cronSecret)) return 'scheduler';
  return authorizeRequest(request, permission);
}

function safeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
