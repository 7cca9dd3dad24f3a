import { recordAudit } from '@/lib/audit';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Location } from '@/lib/db/generated/sqlite/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { nameKey } from '@/lib/name-key';
import { clearDefaultLocation, translateLocationUniqueViolation } from './location-rules';
import type { CreateLocationInput } from './location-schemas';
import { presentLocation } from './present-catalog';

/**
 * Creates a location. Its code is unique (ignoring case, deleted locations included: the
 * unique index on codeKey); making
 * it the default un-defaults the previous default in the same transaction.
 */
export async function createLocation({ input, actorId }: { input: CreateLocationInput; actorId: number | null }): Promise<Location> {
  try {
    return await writeTransaction(async (tx) => {
      const now = new Date();
      const undefaulted = input.isDefault ? await clearDefaultLocation(tx, { now }) : [];
      const location = await tx.location.create({ data: { ...input, codeKey: nameKey(input.code), createdAt: now, updatedAt: now } });
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
      await recordAudit(tx, { actorId, action: 'CREATE', entity: 'Location', entityId: location.id, after: presentLocation(location) });
      return location;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await translateLocationUniqueViolation({ code: input.code });
    throw error;
  }
}
