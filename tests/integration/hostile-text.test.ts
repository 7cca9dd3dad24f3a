import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { handleApiError, jsonResponse, parseSearchParams, readJsonBody } from '@/lib/http/responses';
import { createCategorySchema, updateCategorySchema } from '@/lib/inventory/category-schemas';
import { createCategory } from '@/lib/inventory/create-category';
import { createLocation } from '@/lib/inventory/create-location';
import { listProducts, productListQuerySchema } from '@/lib/inventory/list-products';
import { createLocationSchema, updateLocationSchema } from '@/lib/inventory/location-schemas';
import { updateCategory } from '@/lib/inventory/update-category';
import { updateLocation } from '@/lib/inventory/update-location';
import { makeUser, tag } from './catalog-fixtures';
import { engineName } from './helpers';

/**
 * Issue 19: on PostgreSQL a NUL in a category's or location's name or description, or in the
 * product search, was a 500 (PostgreSQL text cannot hold it); SQLite stored it silently. Each
 * case runs the door's steps (readJsonBody or parseSearchParams, the use case, handleApiError)
 * on the real database and must answer 400 naming the field, on both engines.
 */
async function answer(work: () => Promise<unknown>): Promise<{ status: number; body: { code?: string; errors?: Record<string, string> } }> {
  let response: Response;
  try {
    response = jsonResponse(await work());
  } catch (error) {
    response = handleApiError(error);
  }
  return { status: response.status, body: (await response.json()) as { code?: string; errors?: Record<string, string> } };
}

const post = (body: unknown) =>
  new Request('http://stockroom.test/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe(`hostile text at the boundary (${engineName()})`, () => {
  it('a category created or renamed with a NUL in its name or description is a 400 naming the field', async () => {
    const actorId = await makeUser();
    const create = (body: unknown) => answer(async () => createCategory({ input: await readJsonBody(post(body), createCategorySchema), actorId }));
    expect(await create({ name: `${tag('Tools')}\u0000` })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: { name: expect.any(String) } } });
    expect(await create({ name: tag('Tools'), description: 'a\u0000b' })).toMatchObject({ status: 400, body: { errors: { description: expect.any(String) } } });

    const category = await createCategory({ input: createCategorySchema.parse({ name: tag('Tools') }), actorId });
    const rename = (body: unknown) => answer(async () => updateCategory({ id: category.id, input: await readJsonBody(post(body), updateCategorySchema), actorId }));
    expect(await rename({ name: 'Tools\u0000' })).toMatchObject({ status: 400, body: { errors: { name: expect.any(String) } } });
    expect(await rename({ description: '\u0000' })).toMatchObject({ status: 400, body: { errors: { description: expect.any(String) } } });
    expect(await db().category.findUnique({ where: { id: category.id } })).toMatchObject({ name: category.name, description: null });
  });

  it('a location created or renamed with a NUL in its name is a 400 naming the field', async () => {
    const actorId = await makeUser('ADMIN');
    const code = tag('NUL').toUpperCase();
    const created = await answer(async () => createLocation({ input: await readJsonBody(post({ code, name: 'Back\u0000room' }), createLocationSchema), actorId }));
    expect(created).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: { name: expect.any(String) } } });

    const location = await createLocation({ input: createLocationSchema.parse({ code, name: 'Back room' }), actorId });
    const renamed = await answer(async () => updateLocation({ id: location.id, input: await readJsonBody(post({ name: '\u0000' }), updateLocationSchema), actorId }));
    expect(renamed).toMatchObject({ status: 400, body: { errors: { name: expect.any(String) } } });
  });

  it('a product search with a NUL is a 400 naming q', async () => {
    const search = (query: string) =>
      answer(async () => {
        const { sort, limit, cursor, offset, ...filter } = parseSearchParams(`http://stockroom.test/api/products?${query}`, productListQuerySchema);
        return listProducts({ filter, sort, limit, cursor, offset });
      });
    expect(await search('q=bolt%00')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: { q: expect.any(String) } } });
    expect(await search('q=%00')).toMatchObject({ status: 400, body: { errors: { q: expect.any(String) } } });
    expect((await search('q=bolt')).status).toBe(200);
  });

  it('a name that differs from a taken one only by an invisible character is a 400', async () => {
    const actorId = await makeUser();
    const name = tag('Tools');
    await createCategory({ input: createCategorySchema.parse({ name }), actorId });
    for (const invisible of ['\u200B', '\u200D', '\u2060', '\uFEFF', '\u200F', '\u202E']) {
      const result = await answer(async () => createCategory({ input: await readJsonBody(post({ name: `${name}${invisible}` }), createCategorySchema), actorId }));
      expect(result, `U+${invisible.codePointAt(0)!.toString(16)}`).toMatchObject({ status: 400, body: { errors: { name: expect.any(String) } } });
    }
  });

  it('without the boundary, PostgreSQL refuses the NUL itself, and that error is a 400 too, not a 500', async () => {
    const actorId = await makeUser();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The schema is bypassed on purpose: this is what a door that forgot to validate would pass.
    const result = await createCategory({ input: { name: `${tag('Raw')}\u0000`, description: null }, actorId }).then(
      (category) => ({ stored: category.name }),
      (error: unknown) => ({ status: isAppError(error) ? error.code : handleApiError(error).status }),
    );
    const logged = log.mock.calls.length;
    log.mockRestore();
    if (engineName() === 'postgresql') {
      expect(result).toEqual({ status: 400 });
      expect(logged).toBe(1);
    } else {
      expect(result).toEqual({ stored: expect.stringContaining('\u0000') });
    }
  });
});
