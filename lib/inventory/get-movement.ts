import { db } from '@/lib/db/client';
import type { StockMovement } from '@/lib/db/generated/sqlite/client';
import { notFound } from '@/lib/errors';

export async function getMovement({ id }: { id: number }): Promise<StockMovement> {
  const movement = await db().stockMovement.findUnique({ where: { id } });
  if (!movement) throw notFound('Stock movement');
  return movement;
}
