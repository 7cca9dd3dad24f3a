import { z } from 'zod';
import { parseMoneyToCents } from '@/lib/money';
import { plainTextSchema, type TextKind } from '@/lib/plain-text';

/** Largest value an INTEGER column holds on PostgreSQL; quantities and cents stay below it. */
export const MAX_INT32 = 2_147_483_647;

/** One movement moves at most a billion units: far beyond any shop, safely inside 32 bits. */
export const MAX_MOVEMENT_QUANTITY = 1_000_000_000;

export const idSchema = z
  .number({ message: 'Must be a whole number id' })
  .int('Must be a whole number id')
  .positive('Must be a positive id')
  .max(MAX_INT32, 'No such id');

/** An id from a query string or a form field. */
export const idParamSchema = z.coerce.number({ message: 'Must be a whole number id' }).pipe(idSchema);

/** Money in: a decimal string or number with at most two decimals, as cents; never a float. */
export function moneySchema({ min, label }: { min: 'positive' | 'nonNegative'; label: string }) {
  return z
    .union([z.string(), z.number()], { message: `${label} must be a decimal amount such as "12.50"` })
    .transform((value, context) => {
      const cents = parseMoneyToCents(value);
      if (cents === undefined) {
        context.addIssue({ code: 'custom', message: `${label} must be a decimal amount with at most two decimals` });
        return z.NEVER;
      }
      if (min === 'positive' ? cents <= 0 : cents < 0) {
        context.addIssue({ code: 'custom', message: `${label} must be ${min === 'positive' ? 'greater than 0' : '0 or more'}` });
        return z.NEVER;
      }
      if (cents > MAX_INT32) {
        context.addIssue({ code: 'custom', message: `${label} is too large` });
        return z.NEVER;
      }
      return cents;
    });
}

/**
 * A browser submits every line break of a textarea as CRLF, two characters, while its
 * maxlength counted one: stored text uses LF, so whatever the box accepted fits the limit.
 */
const normalizeLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * Free text that may be absent: trimmed, empty means absent (null in the database). One line
 * unless the field is a text area (`'multiline'`: descriptions, notes); lib/plain-text.ts says
 * which characters each kind refuses.
 */
export function optionalTextSchema(label: string, max: number, kind: Exclude<TextKind, 'name'> = 'line') {
  return plainTextSchema(kind, label)
    .overwrite(normalizeLineBreaks)
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));
}

/** Required text, trimmed: a name (no control or invisible characters) unless told it is a plain line. */
export function requiredTextSchema(label: string, max: number, kind: Exclude<TextKind, 'multiline'> = 'name') {
  return plainTextSchema(kind, label, `${label} is required`)
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
}

/** `YYYY-MM-DD` (a whole day in the shop's time zone) or a full ISO timestamp. */
const dateBoundSchema = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'Use an ISO date such as 2026-01-31 or 2026-01-31T12:00:00Z',
  });

const isBareDay = (value: string) => value.length === 10;

/**
 * A list filter with optional `from` and `to` bounds beside the given fields, as the ledger and
 * the audit log take them. The bounds stay text: a bare day is a day in the shop's time zone,
 * which the use case knows, and turns them into instants with shopDateRange
 * (lib/time/shop-date-range.ts). Two days or two instants are put in order here; a day against
 * an instant only there.
 */
export function withDateRange<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object({ ...shape, from: dateBoundSchema.optional(), to: dateBoundSchema.optional() })
    .refine(
      (value) => {
        // zod cannot name the output of a generic shape: the bounds are typed by hand here.
        const { from, to } = value as { from?: string; to?: string };
        if (from === undefined || to === undefined || isBareDay(from) !== isBareDay(to)) return true;
        return isBareDay(from) ? from <= to : Date.parse(from) <= Date.parse(to);
      },
      { path: ['to'], message: 'to must not be before from' },
    );
}
