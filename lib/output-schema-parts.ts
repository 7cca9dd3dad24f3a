import { z } from 'zod';

/**
 * Parts shared by the schemas of the API's answers (the `*Schema` beside each presenter).
 * Those schemas describe what a presenter returns: they type it (z.output) and build the
 * OpenAPI document's components, so the document and the answers cannot drift apart.
 */

export const recordIdSchema = z.number().int().positive();

export const timestampSchema = z.iso.datetime().meta({ id: 'Timestamp', description: 'ISO-8601 UTC timestamp' });

/** Money out: cents rendered by formatCents, never a binary float. */
export const moneyStringSchema = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .meta({ id: 'Money', description: 'A decimal string with two places, such as "12.50"' });
