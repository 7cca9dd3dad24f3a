import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { movementWhere, type MovementFilter } from '../list-movements';

const CHUNK = 2_000;

const withNames = {
  product: { select: { sku: true, name: true } },
  location: { select: { code: true } },
  createdBy: { select: { email: true } },
} satisfies Prisma.StockMovementInclude;

export type MovementExportRow = Prisma.StockMovementGetPayload<{ include: typeof withNames }>;

/**
 * The ledger rows matching a filter, newest first, read in keyset chunks so that a file of a
 * million movements never sits in memory and its first rows leave before the last are read.
 */
export async function* iterateMovements(filter: MovementFilter): AsyncGenerator<MovementExportRow> {
  let before: number | undefined;
  for (;;) {
    const chunk = await db().stockMovement.findMany({
      where: { ...movementWhere(filter), ...(before ? { id: { lt: before } } : {}) },
      orderBy: { id: 'desc' },
      take: CHUNK,
      include: withNames,
    });
    yield* chunk;
    const last = chunk.at(-1);
    if (!last || chunk.length < CHUNK) return;
    before = last.id;
  }
}

