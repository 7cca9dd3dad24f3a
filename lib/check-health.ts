import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { db, databaseEngine } from '@/lib/db/client';
import type { DatabaseEngine } from '@/lib/db/engine';
import { isDraining } from '@/lib/http/server-lifecycle';
import { logger } from '@/lib/logger';

/**
 * GET /api/health answers this: 200 with `status: "ok"` when the database answers and every
 * migration of this build is applied; 503 with `status: "unavailable"` and the reason otherwise
 * (a load balancer or container runtime sends no traffic to it then).
 */
export const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    database: z.enum(['sqlite', 'postgresql']),
    migrations: z.enum(['current', 'pending', 'unknown']),
    reason: z.enum(['draining', 'database-unreachable', 'migrations-pending', 'migrations-unreadable']).optional(),
  })
  .meta({ id: 'Health' });

export type Health = z.output<typeof healthSchema>;

const MIGRATIONS = Symbol.for('stockroom.migrationNames');
type GlobalWithMigrations = typeof globalThis & { [MIGRATIONS]?: Partial<Record<DatabaseEngine, string[]>> };

/** Where lib/db/migrate.ts reads each engine's migrations, relative to the server's folder. */
const MIGRATIONS_DIR: Record<DatabaseEngine, string> = { sqlite: 'prisma/migrations', postgresql: 'prisma/postgres/migrations' };

/**
 * The migrations this build ships, by folder name, read once per process and engine. Listed
 * here rather than through lib/db/migrate.ts: the server only needs the names, and a path the
 * bundler cannot see through would make Next.js trace the whole project into the build.
 */
function shippedMigrations(engine: DatabaseEngine): string[] {
  const global = globalThis as GlobalWithMigrations;
  global[MIGRATIONS] ??= {};
  global[MIGRATIONS][engine] ??= readdirSync(join(/* turbopackIgnore: true */ process.cwd(), MIGRATIONS_DIR[engine]), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return global[MIGRATIONS][engine];
}

/** Liveness, a round trip to the database, and whether its schema is this build's. */
export async function checkHealth(): Promise<Health> {
  const database = databaseEngine();
  if (isDraining()) return { status: 'unavailable', database, migrations: 'unknown', reason: 'draining' };
  let applied: Set<string>;
  try {
    const rows = await db().$queryRaw<{ name: string }[]>`
      SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    applied = new Set(rows.map((row) => row.name));
  } catch (error) {
    logger().error({ err: error }, 'health check: the database does not answer');
    return { status: 'unavailable', database, migrations: 'unknown', reason: 'database-unreachable' };
  }
  let shipped: string[];
  try {
    shipped = shippedMigrations(database);
  } catch (error) {
    logger().error({ err: error }, 'health check: the migrations folder cannot be read (is prisma/ beside server.js?)');
    return { status: 'unavailable', database, migrations: 'unknown', reason: 'migrations-unreadable' };
  }
  const pending = shipped.filter((name) => !applied.has(name));
  if (pending.length > 0) return { status: 'unavailable', database, migrations: 'pending', reason: 'migrations-pending' };
  return { status: 'ok', database, migrations: 'current' };
}
