import { db } from '@/lib/db/client';
import type { Location } from '@/lib/db/generated/sqlite/client';
import { notFound } from '@/lib/errors';

/** One live location; unknown and soft-deleted ids are 404. */
export async function getLocation({ id }: { id: number }): Promise<Location> {
  const location = await db().location.findFirst({ where: { id, deletedAt: null } });
  if (!location) throw notFound('Location');
  return location;
}
