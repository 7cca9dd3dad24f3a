import { beforeAll, describe, expect, it } from 'vitest';
import { unique } from '../helpers';
import { api, callerWithRole, createProduct, UNKNOWN_TOKEN, type Caller } from './api';
import { CATALOG_RESOURCES } from './catalog-resources';

/** One caller per role for the file: each costs a bcrypt hash. */
let manager: Caller;
let clerk: Caller;
let viewer: Caller;
beforeAll(async () => {
  [manager, clerk, viewer] = await Promise.all([callerWithRole('MANAGER'), callerWithRole('CLERK'), callerWithRole('VIEWER')]);
});

describe.each(CATALOG_RESOURCES)('$path', ({ path, create, change, invalid, unique: uniqueField }) => {
  it('answers each operation in its documented shape, and its errors too', async () => {
    const one = `${path}/{id}`;

    const input = create();
    const created = await api.post<{ id: number }>(path, { token: manager.token, json: input });
    expect(created.status).toBe(201);
    const { id } = created.body;
    expect((await api.post(path, { token: manager.token, json: input })).status).toBe(409);
    expect((await api.post(path, { token: manager.token, json: { ...input, [uniqueField]: undefined, ...invalid } })).status).toBe(400);
    expect((await api.post(path, { token: viewer.token, json: create() })).status).toBe(403);
    expect((await api.post(path, { token: UNKNOWN_TOKEN, json: create() })).status).toBe(401);

    const listed = await api.get<{ data: Array<{ id: number }>; nextCursor: string | null }>(path, { token: viewer.token, query: { limit: 200 } });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((row) => row.id)).toContain(id);
    expect((await api.get(path, { token: viewer.token, query: { limit: 1000 } })).status).toBe(400);
    expect((await api.get(path, { token: UNKNOWN_TOKEN })).status).toBe(401);

    expect((await api.get(one, { token: viewer.token, params: { id } })).body).toMatchObject(input);
    expect((await api.get(one, { token: viewer.token, params: { id: 999_999 } })).status).toBe(404);
    expect((await api.get(one, { token: viewer.token, params: { id: 'abc' } })).status).toBe(404);

    const changed = await api.patch(one, { token: manager.token, params: { id }, json: change });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject(change);
    expect((await api.patch(one, { token: manager.token, params: { id }, json: {} })).status).toBe(400);
    expect((await api.patch(one, { token: manager.token, params: { id: 999_999 }, json: change })).status).toBe(404);
    expect((await api.patch(one, { token: viewer.token, params: { id }, json: change })).status).toBe(403);

    expect((await api.delete(one, { token: viewer.token, params: { id } })).status).toBe(403);
    expect((await api.delete(one, { token: manager.token, params: { id } })).status).toBe(204);
    expect((await api.delete(one, { token: manager.token, params: { id } })).status).toBe(404);
    const deleted = await api.get<{ data: Array<{ id: number; deletedAt: string | null }> }>(path, { token: viewer.token, query: { includeDeleted: true, limit: 200 } });
    expect(deleted.body.data.find((row) => row.id === id)?.deletedAt).not.toBeNull();
  });
});

describe('the default location', () => {
  it('cannot be deleted (409)', async () => {
    const { body } = await api.get<{ data: Array<{ id: number; isDefault: boolean }> }>('/api/locations', { token: manager.token, query: { limit: 200 } });
    const defaultLocation = body.data.find((location) => location.isDefault)!;
    const refused = await api.delete<{ code: string }>('/api/locations/{id}', { token: manager.token, params: { id: defaultLocation.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONFLICT');
  });
});

describe('products', () => {
  it('create, list, get with levels and suppliers, change and delete, with their errors', async () => {
    const product = await createProduct(manager.token, { cost: 1.5, reorderLevel: 4, safetyStock: 2 });
    const duplicate = await api.post<{ code: string; errors: Record<string, string> }>('/api/products', { token: manager.token, json: { sku: product.sku.toLowerCase(), name: 'Again', price: '1.00' } });
    expect(duplicate.status).toBe(409);
    expect(Object.keys(duplicate.body.errors)).toEqual(['sku']);
    const broken = await api.post<{ errors: Record<string, string> }>('/api/products', { token: manager.token, json: { sku: 'bad sku!', name: '', price: '-1', reorderLevel: 1, safetyStock: 5 } });
    expect(broken.status).toBe(400);
    expect(Object.keys(broken.body.errors)).toEqual(expect.arrayContaining(['sku', 'name', 'price']));
    expect((await api.post('/api/products', { token: clerk.token, json: { sku: unique('NO'), name: 'No', price: '1.00' } })).status).toBe(403);
    expect((await api.post('/api/products', { token: UNKNOWN_TOKEN, json: {} })).status).toBe(401);

    const listed = await api.get<{ data: Array<{ id: number }> }>('/api/products', { token: clerk.token, query: { q: product.sku, sort: '-updatedAt' } });
    expect(listed.body.data.map((row) => row.id)).toEqual([product.id]);
    expect((await api.get('/api/products', { token: clerk.token, query: { sort: 'price' } })).status).toBe(400);
    expect((await api.get('/api/products', { token: UNKNOWN_TOKEN })).status).toBe(401);

    const supplier = await api.post<{ id: number }>('/api/suppliers', { token: manager.token, json: { name: unique('Maker') } });
    const link = await api.put('/api/products/{id}/suppliers/{supplierId}', {
      token: manager.token,
      params: { id: product.id, supplierId: supplier.body.id },
      json: { leadTimeDays: 5, unitCost: '1.10', preferred: true },
    });
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ productId: product.id, supplierId: supplier.body.id, leadTimeDays: 5, unitCost: '1.10', preferred: true });
    const linkPath = '/api/products/{id}/suppliers/{supplierId}';
    expect((await api.put(linkPath, { token: manager.token, params: { id: product.id, supplierId: supplier.body.id }, json: { leadTimeDays: -1 } })).status).toBe(400);
    expect((await api.put(linkPath, { token: manager.token, params: { id: product.id, supplierId: 999_999 }, json: { leadTimeDays: 1 } })).status).toBe(404);
    expect((await api.put(linkPath, { token: clerk.token, params: { id: product.id, supplierId: supplier.body.id }, json: { leadTimeDays: 1 } })).status).toBe(403);
    const unlinked = await api.delete('/api/products/{id}/suppliers/{supplierId}', { token: manager.token, params: { id: product.id, supplierId: supplier.body.id } });
    expect(unlinked.status).toBe(204);
    expect((await api.put(linkPath, { token: manager.token, params: { id: product.id, supplierId: supplier.body.id }, json: { leadTimeDays: 5, unitCost: '1.10', preferred: true } })).status).toBe(200);

    const detail = await api.get<{ levels: unknown[]; suppliers: Array<{ supplierId: number }> }>('/api/products/{id}', { token: clerk.token, params: { id: product.id } });
    expect(detail.status).toBe(200);
    expect(detail.body.suppliers.map((row) => row.supplierId)).toEqual([supplier.body.id]);
    expect((await api.get('/api/products/{id}', { token: clerk.token, params: { id: 999_999 } })).status).toBe(404);

    expect((await api.delete(linkPath, { token: clerk.token, params: { id: product.id, supplierId: supplier.body.id } })).status).toBe(403);
    expect((await api.delete(linkPath, { token: manager.token, params: { id: product.id, supplierId: supplier.body.id } })).status).toBe(204);
    expect((await api.delete(linkPath, { token: manager.token, params: { id: product.id, supplierId: supplier.body.id } })).status).toBe(404);

    const changed = await api.patch('/api/products/{id}', { token: manager.token, params: { id: product.id }, json: { price: 4.25, name: 'Renamed' } });
    expect(changed.body).toMatchObject({ price: '4.25', name: 'Renamed' });
    expect((await api.patch('/api/products/{id}', { token: manager.token, params: { id: product.id }, json: { reorderLevel: 1, safetyStock: 3 } })).status).toBe(400);
    expect((await api.patch('/api/products/{id}', { token: manager.token, params: { id: 999_999 }, json: { name: 'Nobody' } })).status).toBe(404);
    expect((await api.patch('/api/products/{id}', { token: clerk.token, params: { id: product.id }, json: { name: 'No' } })).status).toBe(403);

    const stocked = await createProduct(manager.token);
    await api.post('/api/stock-movements', { token: manager.token, json: { productId: stocked.id, type: 'RECEIPT', quantity: 2 } });
    const holding = await api.delete<{ code: string; message: string }>('/api/products/{id}', { token: manager.token, params: { id: stocked.id } });
    expect(holding.status).toBe(409);
    expect(holding.body.message).toMatch(/2 units?/);
    expect((await api.delete('/api/products/{id}', { token: clerk.token, params: { id: product.id } })).status).toBe(403);
    expect((await api.delete('/api/products/{id}', { token: manager.token, params: { id: product.id } })).status).toBe(204);
    expect((await api.get('/api/products/{id}', { token: clerk.token, params: { id: product.id } })).status).toBe(404);
  });

  it('POST /api/products/bulk creates all or none, errors keyed by row', async () => {
    const products = [0, 1].map((index) => ({ sku: unique(`BULK${index}`), name: `Bulk ${index}`, price: '2.00' }));
    const created = await api.post<{ data: Array<{ sku: string }> }>('/api/products/bulk', { token: manager.token, json: { products } });
    expect(created.status).toBe(201);
    expect(created.body.data.map((row) => row.sku)).toEqual(products.map((row) => row.sku));
    const again = await api.post<{ errors: Record<string, string> }>('/api/products/bulk', { token: manager.token, json: { products: [{ sku: unique('OK'), name: 'Fine', price: '1.00' }, products[1]] } });
    expect(again.status).toBe(409);
    expect(Object.keys(again.body.errors)).toEqual(['1.sku']);
    const invalid = await api.post<{ errors: Record<string, string> }>('/api/products/bulk', { token: manager.token, json: { products: [{ sku: unique('OK'), name: 'Fine', price: 'free' }] } });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.errors)).toEqual(['0.price']);
    expect((await api.post('/api/products/bulk', { token: viewer.token, json: { products } })).status).toBe(403);
    const tooLarge = await api.post('/api/products/bulk', { token: manager.token, body: JSON.stringify({ products: [], padding: 'x'.repeat(5_000_001) }), headers: { 'content-type': 'application/json' } });
    expect(tooLarge.status).toBe(413);
  });
});
