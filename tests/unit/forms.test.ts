import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, notFound, validationFailed } from '@/lib/errors';
import { formValues, isChecked, optionalNumber, optionalText, searchParam, textOf } from '@/lib/forms/form-data';
import { formStateFromError } from '@/lib/forms/form-state';

function form(entries: Array<[string, string | Blob]>): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe('form data', () => {
  it('reads a field as typed; a missing field or a file is the empty string', () => {
    const data = form([
      ['name', '  Bolts '],
      ['photo', new Blob(['x'])],
    ]);
    expect(textOf(data, 'name')).toBe('  Bolts ');
    expect(textOf(data, 'missing')).toBe('');
    expect(textOf(data, 'photo')).toBe('');
  });

  it('reads the named fields, each once, the first of a repeated field winning', () => {
    const data = form([
      ['sku', 'A-1'],
      ['sku', 'B-2'],
      ['other', 'ignored'],
    ]);
    expect(formValues(data, ['sku', 'name'])).toEqual({ sku: 'A-1', name: '' });
  });

  it('turns typed numbers into numbers, empty into absent, and leaves nonsense as NaN for the schema to refuse', () => {
    expect(optionalNumber(' 12 ')).toBe(12);
    expect(optionalNumber('0')).toBe(0);
    expect(optionalNumber('-3')).toBe(-3);
    expect(optionalNumber('')).toBeUndefined();
    expect(optionalNumber('   ')).toBeUndefined();
    expect(optionalNumber(undefined)).toBeUndefined();
    expect(optionalNumber('twelve')).toBeNaN();
  });

  it('leaves out blank optional text so schema defaults apply, and keeps anything else as typed', () => {
    expect(optionalText('')).toBeUndefined();
    expect(optionalText('  ')).toBeUndefined();
    expect(optionalText(undefined)).toBeUndefined();
    expect(optionalText(' box ')).toBe(' box ');
  });

  it('reads a checkbox as ticked only when it sent "on"', () => {
    expect(isChecked('on')).toBe(true);
    expect(isChecked('')).toBe(false);
    expect(isChecked(undefined)).toBe(false);
    expect(isChecked('true')).toBe(false);
  });

  it('reads one search parameter, trimmed, the first of repeated ones', () => {
    expect(searchParam(' low ')).toBe('low');
    expect(searchParam(['a', 'b'])).toBe('a');
    expect(searchParam([])).toBe('');
    expect(searchParam(undefined)).toBe('');
  });
});

describe('formStateFromError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives an expected refusal its message and field errors, with the typed values', () => {
    const values = { sku: 'A-1' };
    expect(formStateFromError(validationFailed({ sku: 'SKU is taken' }), values)).toEqual({
      status: 'error',
      message: 'Some fields need attention.',
      fieldErrors: { sku: 'SKU is taken' },
      values,
    });
  });

  it('keeps a 404 that names its field beside that field', () => {
    const error = new AppError('NOT_FOUND', 'Product not found.', { fieldErrors: { productId: 'This product does not exist or was deleted' } });
    expect(formStateFromError(error)).toEqual({
      status: 'error',
      message: 'Product not found.',
      fieldErrors: { productId: 'This product does not exist or was deleted' },
      values: undefined,
    });
    expect(formStateFromError(notFound('Supplier'))).toMatchObject({ message: 'Supplier not found.', fieldErrors: {} });
  });

  it('translates a known database condition (a unique violation) instead of calling it a bug', () => {
    const unique = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });
    expect(formStateFromError(unique)).toMatchObject({ status: 'error', message: 'A record with the same unique value already exists.', fieldErrors: {} });
  });

  it('answers a bug with a generic message that shows nothing internal, and logs it', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const state = formStateFromError(new Error('SELECT * FROM secret_table failed'), { name: 'x' });
    expect(state).toEqual({ status: 'error', message: 'Something went wrong on our side. Please try again.', fieldErrors: {}, values: { name: 'x' } });
    expect(JSON.stringify(state)).not.toContain('secret_table');
    expect(logged).toHaveBeenCalledOnce();
  });
});
