import { db, databaseEngine } from '@/lib/db/client';

/** Liveness plus a round trip to the database. */
export async function checkHealth(): Promise<{ ok: boolean; engine: string }> {
  const engine = databaseEngine();
  try {
    await db().$queryRaw`SELECT 1`;
    return { ok: true, engine };
  } catch (error) {
    console.error('Health check: database unreachable', error);
    return { ok: false, engine };
  }
}
