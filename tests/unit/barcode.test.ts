import { describe, expect, it } from 'vitest';
import { barcodeProblem, gtinCheckDigit, gtinKind, isValidGtin, optionalBarcodeSchema } from '@/lib/inventory/barcode';

// Published codes: Stabilo's EAN-13, a Coca-Cola UPC-A, the EAN-8 of GS1's examples, a GTIN-14 of a case.
const VALID = { EAN8: '96385074', UPCA: '036000291452', EAN13: '4006381333931', GTIN14: '10012345678902' } as const;

describe('GS1 check digits', () => {
  it('computes the check digit of each length', () => {
    expect(gtinCheckDigit('9638507')).toBe(4);
    expect(gtinCheckDigit('03600029145')).toBe(2);
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('1001234567890')).toBe(2);
    // A body whose weighted sum is already a multiple of ten takes 0, not 10.
    expect(gtinCheckDigit('0000000')).toBe(0);
  });

  it.each(Object.entries(VALID))('accepts a valid %s', (kind, code) => {
    expect(gtinKind(code)).toBe(kind);
    expect(isValidGtin(code)).toBe(true);
    expect(barcodeProblem(code)).toBeUndefined();
  });

  it.each(Object.entries(VALID))('refuses a %s with its last digit changed, naming the right digit', (_kind, code) => {
    const wrong = code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
    expect(isValidGtin(wrong)).toBe(false);
    expect(barcodeProblem(wrong)).toBe(`Barcode looks like a ${code.length}-digit GTIN but its check digit is wrong (the last digit should be ${code.at(-1)})`);
  });

  it('catches two neighbouring digits swapped', () => {
    expect(isValidGtin('4006381339331')).toBe(false);
  });
});

describe('in-house codes', () => {
  it('takes digits of other lengths, letters and . _ / - as they are', () => {
    for (const code of ['1', '1234567', '123456789', '12345678901', '123456789012345', 'SHELF-A/3', 'abc.def_1']) {
      expect(gtinKind(code)).toBeNull();
      expect(barcodeProblem(code)).toBeUndefined();
    }
    expect(barcodeProblem('x'.repeat(64))).toBeUndefined();
  });

  it('refuses spaces, other symbols, more than 64 characters and nothing', () => {
    expect(barcodeProblem('AB 12')).toMatch(/letters, digits/);
    expect(barcodeProblem('ÄB12')).toMatch(/letters, digits/);
    expect(barcodeProblem('=1+2')).toMatch(/letters, digits/);
    expect(barcodeProblem('x'.repeat(65))).toBe('Barcode must be at most 64 characters');
    expect(barcodeProblem('')).toBe('Barcode is empty');
  });
});

describe('optionalBarcodeSchema', () => {
  it('trims, reads empty, blank and absent as none, and refuses a bad check digit', () => {
    expect(optionalBarcodeSchema.parse('  4006381333931 ')).toBe('4006381333931');
    expect(optionalBarcodeSchema.parse('')).toBeNull();
    expect(optionalBarcodeSchema.parse('   ')).toBeNull();
    expect(optionalBarcodeSchema.parse(null)).toBeNull();
    expect(optionalBarcodeSchema.parse(undefined)).toBeNull();
    expect(optionalBarcodeSchema.safeParse('4006381333932').success).toBe(false);
    expect(optionalBarcodeSchema.safeParse(4006381333931).success).toBe(false);
  });
});
