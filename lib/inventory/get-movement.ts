import { db } from '@/lib/db/client';
import { notFound } from '@/lib/errors';
import type { ListedMovement } from './list-movements';

/** One ledger row by id, live or archived (ledger:archive keeps ids). */
export async function getMovement({ id }: { id: number }): Promise<ListedMovement> {
  const live = await db().stockMovement.findUnique({ where: { id } });
  if (live) return { ...live, archived: false };
  const archived = await db().stockMovementArchive.findUnique({ where: { id } });
  if (!archived) throw notFound('Stock movement');
  return { ...archived, archived: true };
}
