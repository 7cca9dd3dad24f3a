import type { Transaction } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import type { Location } from '@/lib/db/generated/sqlite/client';
import { AppError } from '@/lib/errors';
import { nameKey } from '@/lib/name-key';

/**
 * Rules shared by creating and changing locations. A code is unique among all locations,
 * deleted ones included, ignoring case ("main" beside "MAIN"), since people and scanners type
 * them either way: the unique index on codeKey (lib/name-key.ts) enforces it, races included.
 */

export const LOCATION_CODE_TAKEN = 'A location with this code already exists';

export function locationCodeConflict(): AppError {
  return new AppError('CONFLICT', `${LOCATION_CODE_TAKEN} (deleted locations keep their code).`, {
    fieldErrors: { code: LOCATION_CODE_TAKEN },
  });
}

/** Clears the current default, as the first step of naming another one (one default at most: a partial unique index). */
export async function clearDefaultLocation(tx: Transaction, { exceptId, now }: { exceptId?: number; now: Date }): Promise<Location[]> {
  return tx.location.updateManyAndReturn({
    where: { isDefault: true, ...(exceptId === undefined ? {} : { id: { not: exceptId } }) },
    data: { isDefault: false, updatedAt: now },
  });
}

/**
 * A unique violation when writing a location is either its code or, under a race, a second
 * default named at the same moment: say which.
 */
export async function translateLocationUniqueViolation({ id, code }: { id?: number; code?: string }): Promise<AppError> {
  if (code !== undefined) {
    const taken = await db().location.findFirst({ where: { codeKey: nameKey(code), id: { not: id ?? 0 } }, select: { id: true } });
    if (taken) return locationCodeConflict();
  }
  return new AppError('CONFLICT', 'The default location was changed at the same time. Please try again.', {
    fieldErrors: { isDefault: 'Changed at the same time; try again' },
  });
}
