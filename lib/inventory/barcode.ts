import { z } from 'zod';
import { PRODUCT_LIMITS } from './field-limits';

/**
 * A product's barcode: what a scanner reads off the item or its shelf label. A code of 8, 12,
 * 13 or 14 digits is a GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) and must carry a valid GS1 check
 * digit, since a mistyped digit would otherwise match nothing (or another product) at the
 * scanner; anything else is an in-house code of 1-64 characters that a Code 128 label and a
 * URL path both carry unchanged.
 */

export const BARCODE_MAX_LENGTH = PRODUCT_LIMITS.barcode;

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);
const IN_HOUSE_CODE = /^[A-Za-z0-9._/-]+$/;

export type GtinKind = 'EAN8' | 'UPCA' | 'EAN13' | 'GTIN14';

/**
 * The GS1 check digit for the digits before it: from the right, weights 3, 1, 3, 1, ...;
 * the check digit brings the weighted sum up to a multiple of ten.
 */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) {
    const digit = body.charCodeAt(body.length - 1 - index) - 48;
    sum += index % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** The GTIN kind of an all-digit code of a GTIN length, else null (an in-house code). */
export function gtinKind(code: string): GtinKind | null {
  if (!/^\d+$/.test(code) || !GTIN_LENGTHS.has(code.length)) return null;
  return ({ 8: 'EAN8', 12: 'UPCA', 13: 'EAN13', 14: 'GTIN14' } as const)[code.length as 8 | 12 | 13 | 14];
}

export function isValidGtin(code: string): boolean {
  return gtinKind(code) !== null && gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/** What is wrong with `code` (already trimmed) as a barcode, as a sentence; undefined when nothing is. */
export function barcodeProblem(code: string): string | undefined {
  if (code.length === 0) return 'Barcode is empty';
  if (code.length > BARCODE_MAX_LENGTH) return `Barcode must be at most ${BARCODE_MAX_LENGTH} characters`;
  const kind = gtinKind(code);
  if (kind !== null) {
    if (isValidGtin(code)) return undefined;
    const expected = gtinCheckDigit(code.slice(0, -1));
    return `Barcode looks like a ${code.length}-digit GTIN but its check digit is wrong (the last digit should be ${expected})`;
  }
  if (!IN_HOUSE_CODE.test(code)) return 'Barcode may use letters, digits, dot, dash, underscore and slash only';
  return undefined;
}

/** A barcode in an API body or form: trimmed, and valid by barcodeProblem. */
export const barcodeSchema = z
  .string({ message: 'Barcode must be text' })
  .trim()
  .superRefine((code, context) => {
    const problem = barcodeProblem(code);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** An optional barcode: absent, null, empty or blank means none (null in the database). */
export const optionalBarcodeSchema = z
  .string({ message: 'Barcode must be text' })
  .trim()
  .nullish()
  .transform((code, context) => {
    if (!code) return null;
    const problem = barcodeProblem(code);
    if (problem) {
      context.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return code;
  });
