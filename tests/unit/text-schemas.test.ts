import { describe, expect, it } from 'vitest';
import { createUserSchema, tokenExchangeSchema } from '@/lib/auth/schemas';
import { fieldErrorsFromZod, isAppError, type AppError } from '@/lib/errors';
import { parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { createCategorySchema } from '@/lib/inventory/category-schemas';
import { productListQuerySchema } from '@/lib/inventory/list-products';
import { createProductSchema } from '@/lib/inventory/product-schemas';
import { optionalTextSchema, requiredTextSchema } from '@/lib/inventory/schema-parts';
import { textProblem } from '@/lib/plain-text';

describe('optionalTextSchema', () => {
  const notes = optionalTextSchema('Notes', 10, 'multiline');

  it('counts a line break as one character, however the browser sent it', () => {
    expect(notes.parse('abcd\r\nefgh\r\n')).toBe('abcd\nefgh');
    expect(notes.parse('a\r\nb\rc\nd\r\ne')).toBe('a\nb\nc\nd\ne');
  });

  it('still refuses text past the limit, and stores blank text as null', () => {
    expect(notes.safeParse('0123456789X').success).toBe(false);
    expect(notes.parse('   ')).toBeNull();
    expect(notes.parse(undefined)).toBeNull();
  });

  it('keeps tab and line breaks in a multi-line field and refuses every other control character', () => {
    expect(notes.parse('a\tb\nc')).toBe('a\tb\nc');
    for (const control of ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(notes.safeParse(`a${control}b`).success, JSON.stringify(control)).toBe(false);
    }
  });

  it('refuses tab and line breaks in a one-line field, the default', () => {
    const reference = optionalTextSchema('Reference', 50);
    expect(reference.parse('PO-1')).toBe('PO-1');
    for (const text of ['PO\t1', 'PO\n1', 'PO\r1', 'PO\u00001']) {
      const result = reference.safeParse(text);
      expect(result.success, JSON.stringify(text)).toBe(false);
      if (!result.success) expect(result.error.issues[0]?.message).toMatch(/^Reference /);
    }
  });
});

describe('requiredTextSchema: names', () => {
  const name = requiredTextSchema('Name', 100);

  it('refuses zero-width and text-direction characters, so that "Tools\\u200B" cannot sit beside "Tools"', () => {
    expect(name.parse('  Tools ')).toBe('Tools');
    for (const invisible of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200E', '\u200F', '\u202E', '\u2066', '\u2069', '\u061C']) {
      expect(name.safeParse(`Tools${invisible}`).success, invisible.codePointAt(0)!.toString(16)).toBe(false);
    }
  });

  it('keeps what a person can see: accents, other scripts, emoji, a joiner inside an emoji sequence', () => {
    for (const text of ['Épicerie', 'Ящики', 'أدوات', '工具', '📦 Boxes', '👩‍🍳 Kitchen', 'Fish & chips']) {
      expect(name.parse(text)).toBe(text);
    }
    expect(name.safeParse('Tools\u200D').success).toBe(false);
    expect(name.safeParse('a\u200Db').success).toBe(false);
  });

  it('refuses every other default-ignorable character a renderer hides: soft hyphen, Hangul fillers, grapheme joiner, invisible operators, stray selectors and tags', () => {
    for (const hidden of ['\u00AD', '\u034F', '\u115F', '\u1160', '\u3164', '\uFFA0', '\u2061', '\u2064', '\u180E', '\u{1D173}', '\u{E0001}']) {
      expect(name.safeParse(`Tools${hidden}`).success, hidden.codePointAt(0)!.toString(16)).toBe(false);
    }
    // A selector or tag only counts as part of what it modifies: alone, first, doubled or after a space it hides.
    for (const text of ['\uFE0FTools', 'Tools \uFE0F', 'a\uFE0F\uFE0F', 'Tools\u{E0067}\u{E007F}']) {
      expect(name.safeParse(text).success, JSON.stringify(text)).toBe(false);
    }
  });

  it('keeps selectors and tags that are part of a visible character: emoji presentation, ideographic variants, subdivision flags', () => {
    for (const text of ['Love \u2764\uFE0F', '\u845B\u{E0100} Tea', 'England \u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', '\u263A\uFE0E Smile']) {
      expect(name.parse(text)).toBe(text);
    }
  });

  it('refuses half of a surrogate pair, NUL and any control character', () => {
    for (const text of ['x\uD800', '\uDC00x', 'a\u0000', 'a\tb', 'a\nb', '\u001b[31mred']) {
      expect(name.safeParse(text).success, JSON.stringify(text)).toBe(false);
    }
  });
});

describe('the same rule in every schema built from the parts', () => {
  it('names the field of a category, product, user and token', () => {
    const failures = [
      createCategorySchema.safeParse({ name: 'Tools\u0000' }),
      createCategorySchema.safeParse({ name: 'Tools', description: 'one\u0007' }),
      createProductSchema.safeParse({ sku: 'A-1', name: 'Bolt', price: '1.00', unit: 'box\u0000' }),
      createUserSchema.safeParse({ email: 'a@b.test', name: 'Ann\u0000', password: 'long enough password', role: 'CLERK' }),
      tokenExchangeSchema.safeParse({ email: 'a@b.test', password: 'x', name: 'ci\n' }),
    ];
    const fields = failures.map((result) => (result.success ? 'accepted' : Object.keys(fieldErrorsFromZod(result.error)).join()));
    expect(fields).toEqual(['name', 'description', 'unit', 'name', 'name']);
  });

  it('refuses a search term with a control character', () => {
    expect(productListQuerySchema.safeParse({ q: 'bolt\u0001' }).success).toBe(false);
    expect(productListQuerySchema.parse({ q: ' bolt ' }).q).toBe('bolt');
  });

  it('textProblem says nothing of ordinary text', () => {
    expect(textProblem('Bolts, 10 mm (box of 50) — €4.50', 'name', 'Name')).toBeUndefined();
  });
});

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('accepted');
}

const jsonRequest = (body: string) => new Request('http://stockroom.test/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('the NUL guard at the boundary (readJsonBody, parseSearchParams)', () => {
  it('refuses a NUL in any string or key of a body, naming its path, before the schema runs', async () => {
    const anything = createCategorySchema.passthrough();
    const cases: Array<[string, string]> = [
      ['{"name":"a\\u0000b"}', 'name'],
      ['{"movements":[{"reason":"ok"},{"reason":"\\u0000"}]}', 'movements.1.reason'],
      ['{"a":{"b\\u0000c":1}}', 'a.b\\u0000c'],
      ['"\\u0000"', '_'],
    ];
    for (const [body, path] of cases) {
      const error = await refusal(() => readJsonBody(jsonRequest(body), anything));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(error.details.fieldErrors ?? {})).toEqual([path]);
    }
  });

  it('walks a body nested deeper than the call stack without overflowing it', async () => {
    const depth = 200_000;
    const error = await refusal(() => readJsonBody(jsonRequest(`${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`), createCategorySchema, { maxBytes: 1_000_000 }));
    expect(Object.keys(error.details.fieldErrors ?? {})).toEqual([`${Array(32).fill(0).join('.')}.…`]);
    const fine = await refusal(() => readJsonBody(jsonRequest(`${'['.repeat(depth)}${']'.repeat(depth)}`), createCategorySchema, { maxBytes: 1_000_000 }));
    expect(fine.details.fieldErrors).toEqual({ _: expect.any(String) });
  });

  it('refuses a NUL in a query value or key, for any query schema', async () => {
    const value = await refusal(() => parseSearchParams('http://stockroom.test/api/products?q=bolt%00', productListQuerySchema));
    expect(value.details.fieldErrors).toEqual({ q: 'Must not contain the NUL character' });
    const key = await refusal(() => parseSearchParams('http://stockroom.test/api/products?x%00y=1', productListQuerySchema));
    expect(Object.keys(key.details.fieldErrors ?? {})).toEqual(['x\\u0000y']);
  });

  it('takes ?__proto__= as an ordinary key', () => {
    expect(parseSearchParams('http://stockroom.test/api/products?__proto__=1&q=a', productListQuerySchema).q).toBe('a');
  });
});
