import type { Transaction } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import type { Location } from '@/lib/db/generated/sqlite/client';
import { AppError } from '@/lib/errors';

/**
 * Rules shared by creating and changing locations. A code is unique among all locations,
 * deleted ones included (the unique index), and this code also refuses codes that differ
 * only in case ("main" beside "MAIN"), since people and scanners type them either way.
 */

export const LOCATION_CODE_TAKEN = 'A location with this code already exists';

export function locationCodeConflict(): AppError {
  return new AppError('CONFLICT', `${LOCATION_CODE_TAKEN} (deleted locations keep their code).`, {
    fieldErrors: { code: LOCATION_CODE_TAKEN },
  });
}

/** Inside the transaction, after the write: another location with the same code ignoring case? */
export async function assertCodeFree(tx: Transaction, { id, code }: { id: number; code: string }): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: number | bigint }>>`
    SELECT "id" FROM "locations" WHERE lower("code") = ${code.toLowerCase()} AND "id" <> ${id} LIMIT 1`;
  if (rows.length > 0) throw locationCodeConflict();
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
    const rows = await db().$queryRaw<Array<{ id: number | bigint }>>`
      SELECT "id" FROM "locations" WHERE lower("code") = ${code.toLowerCase()} AND "id" <> ${id ?? 0} LIMIT 1`;
    if (rows.length > 0) return locationCodeConflict();
  }
  return new AppError('CONFLICT', 'The default location was changed at the same time. Please try again.', {
    fieldErrors: { isDefault: 'Changed at the same time; try again' },
  });
}
