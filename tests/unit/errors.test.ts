import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, ERROR_CODES, fieldErrorsFromZod, isAppError, notFound, validationFailed, validationFailedFromZod } from '@/lib/errors';

const row = z.object({ sku: z.string().min(1, 'SKU is required'), quantity: z.number().int().positive('Quantity must be greater than 0') });
const batch = z.array(row);

function zodError(schema: z.ZodType, input: unknown): z.ZodError {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return result.error;
}

describe('fieldErrorsFromZod', () => {
  it('keys a problem in row 3 of a batch as "3.sku", every row at once', () => {
    const input = [
      { sku: 'A', quantity: 1 },
      { sku: 'B', quantity: 0 },
      { sku: 'C', quantity: 1 },
      { sku: '', quantity: 2 },
    ];
    expect(fieldErrorsFromZod(zodError(batch, input))).toEqual({ '1.quantity': 'Quantity must be greater than 0', '3.sku': 'SKU is required' });
  });

  it('keys a top-level field by its name and nested objects by their dotted path', () => {
    const schema = z.object({ sku: z.string().min(1, 'SKU is required'), supplier: z.object({ email: z.email('Enter a valid email address') }) });
    expect(fieldErrorsFromZod(zodError(schema, { sku: '', supplier: { email: 'nope' } }))).toEqual({ sku: 'SKU is required', 'supplier.email': 'Enter a valid email address' });
  });

  it('keeps only the first message of a field that breaks several rules', () => {
    const schema = z.object({ code: z.string().min(3, 'Code is too short').regex(/^[A-Z]+$/, 'Code must be capital letters') });
    expect(fieldErrorsFromZod(zodError(schema, { code: 'a' }))).toEqual({ code: 'Code is too short' });
  });

  it('puts a problem with the whole input under "_"', () => {
    const schema = z.object({ from: z.number(), to: z.number() }).refine((range) => range.from <= range.to, { message: 'from must not be after to' });
    expect(fieldErrorsFromZod(zodError(schema, { from: 5, to: 1 }))).toEqual({ _: 'from must not be after to' });
  });
});

describe('AppError', () => {
  it('carries a stable code and details, and is told apart from other errors', () => {
    const error = validationFailedFromZod(zodError(batch, [{ sku: '', quantity: 1 }]));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.fieldErrors).toEqual({ '0.sku': 'SKU is required' });
    expect(isAppError(error)).toBe(true);
    expect(isAppError(new Error('VALIDATION_FAILED'))).toBe(false);
    expect(isAppError({ code: 'NOT_FOUND', message: 'looks like one' })).toBe(false);
  });

  it('builds the common errors with the right codes and messages', () => {
    expect(notFound('Product')).toMatchObject({ code: 'NOT_FOUND', message: 'Product not found.' });
    expect(validationFailed({ sku: 'Taken' }, 'Check the SKU.')).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Check the SKU.', details: { fieldErrors: { sku: 'Taken' } } });
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
