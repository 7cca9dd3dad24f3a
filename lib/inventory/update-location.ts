import { recordAudit } from '@/lib/audit';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Location } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { AppError, notFound } from '@/lib/errors';
import { nameKey } from '@/lib/name-key';
import { clearDefaultLocation, translateLocationUniqueViolation } from './location-rules';
import type { UpdateLocationInput } from './location-schemas';
import { presentLocation } from './present-catalog';

/**
 * Changes a live location. `isDefault: true` moves the default here (the previous default is
 * un-defaulted in the same transaction); the default cannot be un-set directly, since stock
 * movements without a location need one: name another default instead (409).
 */
export async function updateLocation({ id, input, actorId }: { id: number; input: UpdateLocationInput; actorId: number | null }): Promise<Location> {
  try {
    return await writeTransaction(async (tx) => {
      const now = new Date();
      // The first statement is a write: it takes the lock (SQLite) or the row (PostgreSQL) before reading.
      const locked = await tx.location.updateMany({ where: { id, deletedAt: null }, data: { updatedAt: now } });
      if (locked.count === 0) throw notFound('Location');
      const before = await tx.location.findUniqueOrThrow({ where: { id } });
      if (input.isDefault === false && before.isDefault) {
        throw new AppError('CONFLICT', 'This is the default location: make another location the default instead.', {
          fieldErrors: { isDefault: 'Make another location the default instead' },
        });
      }
      const undefaulted = input.isDefault === true && !before.isDefault ? await clearDefaultLocation(tx, { exceptId: id, now }) : [];
      const after = await tx.location.update({ where: { id }, data: { ...input, ...(input.code !== undefined ? { codeKey: nameKey(input.code) } : {}), updatedAt: now } });
      for (const previous of undefaulted) {
        await recordAudit(tx, {
          actorId,
          action: 'UPDATE',
          entity: 'Location',
          entityId: previous.id,
          before: { ...presentLocation(previous), isDefault: true },
          after: presentLocation(previous),
        });
      }
      await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'Location', entityId: id, before: presentLocation(before), after: presentLocation(after) });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await translateLocationUniqueViolation({ id, code: input.code });
    throw error;
  }
}
