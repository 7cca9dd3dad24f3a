import { z } from 'zod';
import { db, databaseEngine } from '@/lib/db/client';

/** GET /api/health answers this with 200 when the database answers, 503 when it does not. */
export const healthSchema = z
  .object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['sqlite', 'postgresql']) })
  .meta({ id: 'Health' });

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
