import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { bearer, createUserWithToken, type Role } from './fixtures/api';

/**
 * The catalog API over real HTTP against `next start`: categories, suppliers, locations,
 * products (list, detail, bulk, supplier links). Every route: the happy path, a broken rule
 * (400 with errors), an unknown id (404), a duplicate (409), a role that may not (403) and
 * no credentials (401). Tests run in parallel against one server, so every name is unique.
 */

const errorShape = { code: expect.any(String), message: expect.any(String) };

/** One token per role per worker: creating users hashes passwords, which is slow on purpose. */
const tokensByRole = new Map<Role, Promise<string>>();
function tokenFor(request: APIRequestContext, role: Role): Promise<string> {
  let token = tokensByRole.get(role);
  if (!token) {
    token = createUserWithToken(request, role).then((user) => user.token);
    tokensByRole.set(role, token);
  }
  return token;
}

const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

async function json<T = Record<string, unknown>>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

async function expectError(response: APIResponse, status: number, code: string, errorKeys?: string[]): Promise<Record<string, unknown>> {
  const body = await json(response, status);
  expect(body).toMatchObject({ ...errorShape, code });
  if (errorKeys) expect(Object.keys((body.errors ?? {}) as Record<string, string>).sort()).toEqual([...errorKeys].sort());
  return body;
}

interface Product {
  id: number;
  sku: string;
  name: string;
  price: string;
  cost: string;
  onHand: number;
  reorderLevel: number;
  deletedAt: string | null;
  [key: string]: unknown;
}

async function createProduct(request: APIRequestContext, token: string, data: Record<string, unknown> = {}): Promise<Product> {
  const response = await request.post('/api/products', { headers: bearer(token), data: { sku: unique('SKU'), name: unique('Product'), price: '9.99', ...data } });
  return json<Product>(response, 201);
}

/** The routes of the three simple catalog resources, which share one pattern. */
const simpleResources = [
  {
    path: '/api/categories',
    valid: () => ({ name: unique('Category'), description: 'Things' }),
    invalid: { name: '', description: 'x'.repeat(1001) },
    invalidKeys: ['name', 'description'],
    uniqueField: 'name',
    duplicateOf: (created: Record<string, unknown>) => ({ name: String(created.name).toUpperCase() }),
    patch: { description: 'Changed' },
  },
  {
    path: '/api/suppliers',
    valid: () => ({ name: unique('Supplier'), email: 'orders@supplier.example', phone: '+1 555 0100', notes: 'Net 30' }),
    invalid: { name: '   ', email: 'not-an-email' },
    invalidKeys: ['name', 'email'],
    uniqueField: 'name',
    duplicateOf: (created: Record<string, unknown>) => ({ name: String(created.name).toLowerCase() }),
    patch: { phone: '+1 555 0199' },
  },
  {
    path: '/api/locations',
    valid: () => ({ code: unique('LOC'), name: 'Aisle' }),
    invalid: { code: 'has space', name: '' },
    invalidKeys: ['code', 'name'],
    uniqueField: 'code',
    duplicateOf: (created: Record<string, unknown>) => ({ code: String(created.code).toLowerCase(), name: 'Again' }),
    patch: { name: 'Renamed aisle' },
  },
];

for (const resource of simpleResources) {
  test.describe(resource.path, () => {
    test('create, read, list, update and soft-delete', async ({ request }) => {
      const manager = await tokenFor(request, 'MANAGER');
      const viewer = await tokenFor(request, 'VIEWER');
      const input = resource.valid();
      const created = await json(await request.post(resource.path, { headers: bearer(manager), data: input }), 201);
      expect(created).toMatchObject({ ...input, id: expect.any(Number), deletedAt: null });
      expect(Date.parse(String(created.createdAt))).not.toBeNaN();

      const read = await json(await request.get(`${resource.path}/${created.id}`, { headers: bearer(viewer) }), 200);
      expect(read).toEqual(created);

      const listed: unknown[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=200&cursor=${cursor}` : '?limit=200';
        const page = await json<{ data: Array<{ id: number }>; nextCursor: string | null }>(
          await request.get(`${resource.path}${query}`, { headers: bearer(viewer) }),
          200,
        );
        listed.push(...page.data.map((row) => row.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(listed).toContain(created.id);

      const patched = await json(await request.patch(`${resource.path}/${created.id}`, { headers: bearer(manager), data: resource.patch }), 200);
      expect(patched).toMatchObject({ ...input, ...resource.patch, id: created.id });

      const removed = await request.delete(`${resource.path}/${created.id}`, { headers: bearer(manager) });
      expect(removed.status()).toBe(204);
      expect(await removed.text()).toBe('');
      await expectError(await request.get(`${resource.path}/${created.id}`, { headers: bearer(viewer) }), 404, 'NOT_FOUND');
      await expectError(await request.patch(`${resource.path}/${created.id}`, { headers: bearer(manager), data: resource.patch }), 404, 'NOT_FOUND');
      await expectError(await request.delete(`${resource.path}/${created.id}`, { headers: bearer(manager) }), 404, 'NOT_FOUND');

      const withDeleted = await json<{ data: Array<{ id: number; deletedAt: string | null }> }>(
        await request.get(`${resource.path}?includeDeleted=true&limit=200`, { headers: bearer(viewer) }),
        200,
      );
      expect(withDeleted.data.length).toBeGreaterThan(0);
    });

    test('broken rules are 400 with an error per field', async ({ request }) => {
      const manager = await tokenFor(request, 'MANAGER');
      await expectError(await request.post(resource.path, { headers: bearer(manager), data: resource.invalid }), 400, 'VALIDATION_FAILED', resource.invalidKeys);
      await expectError(
        await request.post(resource.path, { headers: bearer(manager), data: { ...resource.valid(), unexpected: true } }),
        400,
        'VALIDATION_FAILED',
      );
      const created = await json(await request.post(resource.path, { headers: bearer(manager), data: resource.valid() }), 201);
      await expectError(await request.patch(`${resource.path}/${created.id}`, { headers: bearer(manager), data: {} }), 400, 'VALIDATION_FAILED');
      await expectError(await request.get(`${resource.path}?limit=500`, { headers: bearer(manager) }), 400, 'VALIDATION_FAILED', ['limit']);
      await expectError(await request.get(`${resource.path}?cursor=garbage`, { headers: bearer(manager) }), 400, 'VALIDATION_FAILED', ['cursor']);
    });

    test('unknown ids are 404', async ({ request }) => {
      const manager = await tokenFor(request, 'MANAGER');
      for (const id of ['999999', '0', 'abc']) {
        await expectError(await request.get(`${resource.path}/${id}`, { headers: bearer(manager) }), 404, 'NOT_FOUND');
      }
      await expectError(await request.patch(`${resource.path}/999999`, { headers: bearer(manager), data: resource.patch }), 404, 'NOT_FOUND');
      await expectError(await request.delete(`${resource.path}/999999`, { headers: bearer(manager) }), 404, 'NOT_FOUND');
    });

    test(`a duplicate ${resource.uniqueField} is 409, ignoring case`, async ({ request }) => {
      const manager = await tokenFor(request, 'MANAGER');
      const created = await json(await request.post(resource.path, { headers: bearer(manager), data: resource.valid() }), 201);
      await expectError(
        await request.post(resource.path, { headers: bearer(manager), data: { ...resource.valid(), ...resource.duplicateOf(created) } }),
        409,
        'CONFLICT',
        [resource.uniqueField],
      );
      const other = await json(await request.post(resource.path, { headers: bearer(manager), data: resource.valid() }), 201);
      await expectError(
        await request.patch(`${resource.path}/${other.id}`, { headers: bearer(manager), data: resource.duplicateOf(created) }),
        409,
        'CONFLICT',
        [resource.uniqueField],
      );
    });

    test('VIEWER and CLERK may read but not write (403); no credentials is 401', async ({ request }) => {
      const manager = await tokenFor(request, 'MANAGER');
      const created = await json(await request.post(resource.path, { headers: bearer(manager), data: resource.valid() }), 201);
      for (const role of ['VIEWER', 'CLERK'] as const) {
        const token = await tokenFor(request, role);
        await json(await request.get(resource.path, { headers: bearer(token) }), 200);
        await json(await request.get(`${resource.path}/${created.id}`, { headers: bearer(token) }), 200);
        await expectError(await request.post(resource.path, { headers: bearer(token), data: resource.valid() }), 403, 'FORBIDDEN');
        await expectError(await request.patch(`${resource.path}/${created.id}`, { headers: bearer(token), data: resource.patch }), 403, 'FORBIDDEN');
        await expectError(await request.delete(`${resource.path}/${created.id}`, { headers: bearer(token) }), 403, 'FORBIDDEN');
      }
      await expectError(await request.get(resource.path), 401, 'UNAUTHENTICATED');
      await expectError(await request.get(`${resource.path}/${created.id}`), 401, 'UNAUTHENTICATED');
      await expectError(await request.post(resource.path, { data: resource.valid() }), 401, 'UNAUTHENTICATED');
      await expectError(await request.patch(`${resource.path}/${created.id}`, { data: resource.patch }), 401, 'UNAUTHENTICATED');
      await expectError(await request.delete(`${resource.path}/${created.id}`), 401, 'UNAUTHENTICATED');
    });
  });
}

test.describe('/api/locations rules', () => {
  test('the default location cannot be deleted or un-set (409)', async ({ request }) => {
    const admin = await tokenFor(request, 'ADMIN');
    const list = await json<{ data: Array<{ id: number; isDefault: boolean }> }>(await request.get('/api/locations?limit=200', { headers: bearer(admin) }), 200);
    const current = list.data.find((location) => location.isDefault);
    expect(current).toBeDefined();
    await expectError(await request.delete(`/api/locations/${current!.id}`, { headers: bearer(admin) }), 409, 'CONFLICT');
    await expectError(await request.patch(`/api/locations/${current!.id}`, { headers: bearer(admin), data: { isDefault: false } }), 409, 'CONFLICT', [
      'isDefault',
    ]);
    // Moving the default itself is covered by the domain tests: here it would disturb the
    // tests running in parallel that post movements to the default location.
    const plain = await json(await request.post('/api/locations', { headers: bearer(admin), data: { code: unique('ND'), name: 'Not default' } }), 201);
    expect(plain.isDefault).toBe(false);
  });

  test('a location holding stock cannot be deleted: transfer it first', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const location = await json(await request.post('/api/locations', { headers: bearer(manager), data: { code: unique('STK'), name: 'Stocked' } }), 201);
    const product = await createProduct(request, manager);
    await json(
      await request.post('/api/stock-movements', {
        headers: bearer(manager),
        data: { productId: product.id, type: 'RECEIPT', quantity: 4, locationId: location.id },
      }),
      201,
    );
    const refused = await expectError(await request.delete(`/api/locations/${location.id}`, { headers: bearer(manager) }), 409, 'CONFLICT');
    expect(String(refused.message)).toMatch(/transfer/i);

    const filtered = await json<{ data: Product[] }>(await request.get(`/api/products?locationId=${location.id}`, { headers: bearer(manager) }), 200);
    expect(filtered.data.map((row) => row.id)).toEqual([product.id]);
    const detail = await json<{ levels: unknown[] }>(await request.get(`/api/products/${product.id}`, { headers: bearer(manager) }), 200);
    expect(detail.levels).toEqual([{ locationId: location.id, locationCode: location.code, onHand: 4 }]);
  });
});

test.describe('/api/products', () => {
  test('create, read with levels and suppliers, update, soft-delete', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const viewer = await tokenFor(request, 'VIEWER');
    const category = await json(await request.post('/api/categories', { headers: bearer(manager), data: { name: unique('Cat') } }), 201);
    const sku = unique('Hammer');
    const created = await createProduct(request, manager, {
      sku,
      name: 'Claw hammer',
      description: 'Steel',
      categoryId: category.id,
      unit: 'each',
      price: 12.5,
      cost: '7.25',
      reorderLevel: 5,
      safetyStock: 2,
      reorderQuantity: 20,
    });
    expect(created).toEqual({
      id: expect.any(Number),
      sku,
      barcode: null,
      name: 'Claw hammer',
      description: 'Steel',
      categoryId: category.id,
      unit: 'each',
      price: '12.50',
      cost: '7.25',
      reorderLevel: 5,
      safetyStock: 2,
      reorderQuantity: 20,
      onHand: 0,
      onOrder: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      deletedAt: null,
    });

    const detail = await json(await request.get(`/api/products/${created.id}`, { headers: bearer(viewer) }), 200);
    expect(detail).toEqual({ ...created, levels: [], suppliers: [] });

    // The reorder level is above the zero on hand from the start: the alert is open.
    const alerts = await json<{ data: Array<{ productId: number }> }>(await request.get('/api/inventory-alerts?limit=200', { headers: bearer(viewer) }), 200);
    expect(alerts.data.some((alert) => alert.productId === created.id)).toBe(true);

    const patched = await json<Product>(
      await request.patch(`/api/products/${created.id}`, { headers: bearer(manager), data: { name: 'Framing hammer', price: '14', reorderLevel: 0, safetyStock: 0 } }),
      200,
    );
    expect(patched).toMatchObject({ id: created.id, sku, name: 'Framing hammer', price: '14.00', reorderLevel: 0, safetyStock: 0 });

    expect((await request.delete(`/api/products/${created.id}`, { headers: bearer(manager) })).status()).toBe(204);
    await expectError(await request.get(`/api/products/${created.id}`, { headers: bearer(viewer) }), 404, 'NOT_FOUND');
    await expectError(await request.patch(`/api/products/${created.id}`, { headers: bearer(manager), data: { name: 'x' } }), 404, 'NOT_FOUND');
    await expectError(await request.delete(`/api/products/${created.id}`, { headers: bearer(manager) }), 404, 'NOT_FOUND');

    const hidden = await json<{ data: Product[] }>(await request.get(`/api/products?q=${sku}`, { headers: bearer(viewer) }), 200);
    expect(hidden.data).toEqual([]);
    const shown = await json<{ data: Product[] }>(await request.get(`/api/products?q=${sku}&includeDeleted=true`, { headers: bearer(viewer) }), 200);
    expect(shown.data).toHaveLength(1);
    expect(shown.data[0]?.deletedAt).not.toBeNull();
  });

  test('broken rules are 400 with an error per field', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    await expectError(
      await request.post('/api/products', { headers: bearer(manager), data: { sku: 'bad sku!', name: '', price: '0', cost: -1 } }),
      400,
      'VALIDATION_FAILED',
      ['sku', 'name', 'price', 'cost'],
    );
    await expectError(
      await request.post('/api/products', { headers: bearer(manager), data: { sku: unique('S'), name: 'x', price: '1', reorderLevel: 1, safetyStock: 2 } }),
      400,
      'VALIDATION_FAILED',
      ['reorderLevel'],
    );
    await expectError(await request.post('/api/products', { headers: bearer(manager), data: { sku: unique('S'), name: 'x', price: '1.999' } }), 400, 'VALIDATION_FAILED', [
      'price',
    ]);
    await expectError(
      await request.post('/api/products', { headers: bearer(manager), data: { sku: unique('S'), name: 'x', price: '1', categoryId: 999999 } }),
      400,
      'VALIDATION_FAILED',
      ['categoryId'],
    );
    const product = await createProduct(request, manager, { reorderLevel: 3, safetyStock: 3 });
    // Checked against the stored safety stock (3), not only within the request.
    await expectError(await request.patch(`/api/products/${product.id}`, { headers: bearer(manager), data: { reorderLevel: 2 } }), 400, 'VALIDATION_FAILED', [
      'reorderLevel',
    ]);
    const unchanged = await json<Product>(await request.get(`/api/products/${product.id}`, { headers: bearer(manager) }), 200);
    expect(unchanged.reorderLevel).toBe(3);
    await expectError(await request.get('/api/products?sort=price', { headers: bearer(manager) }), 400, 'VALIDATION_FAILED', ['sort']);
    await expectError(await request.get('/api/products?lowStock=yes', { headers: bearer(manager) }), 400, 'VALIDATION_FAILED', ['lowStock']);
    await expectError(
      await request.post('/api/products', { headers: { ...bearer(manager), 'content-type': 'application/json' }, data: '{"sku": ' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  test('a duplicate SKU is 409 ignoring case, deleted products included', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const product = await createProduct(request, manager);
    await expectError(
      await request.post('/api/products', { headers: bearer(manager), data: { sku: product.sku.toLowerCase(), name: 'Again', price: '1' } }),
      409,
      'CONFLICT',
      ['sku'],
    );
    const other = await createProduct(request, manager);
    const conflict = await expectError(
      await request.patch(`/api/products/${other.id}`, { headers: bearer(manager), data: { sku: product.sku.toUpperCase() } }),
      409,
      'CONFLICT',
      ['sku'],
    );
    expect(conflict.errors).toEqual({ sku: 'SKU already exists' });
    expect((await request.delete(`/api/products/${product.id}`, { headers: bearer(manager) })).status()).toBe(204);
    await expectError(
      await request.post('/api/products', { headers: bearer(manager), data: { sku: product.sku, name: 'Reuse', price: '1' } }),
      409,
      'CONFLICT',
      ['sku'],
    );
  });

  test('unknown ids are 404', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    await expectError(await request.get('/api/products/999999', { headers: bearer(manager) }), 404, 'NOT_FOUND');
    await expectError(await request.get('/api/products/-1', { headers: bearer(manager) }), 404, 'NOT_FOUND');
    await expectError(await request.patch('/api/products/999999', { headers: bearer(manager), data: { name: 'x' } }), 404, 'NOT_FOUND');
    await expectError(await request.delete('/api/products/999999', { headers: bearer(manager) }), 404, 'NOT_FOUND');
  });

  test('VIEWER and CLERK may read but not write (403); no credentials is 401', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const product = await createProduct(request, manager);
    for (const role of ['VIEWER', 'CLERK'] as const) {
      const token = await tokenFor(request, role);
      await json(await request.get('/api/products', { headers: bearer(token) }), 200);
      await json(await request.get(`/api/products/${product.id}`, { headers: bearer(token) }), 200);
      await expectError(await request.post('/api/products', { headers: bearer(token), data: { sku: unique('S'), name: 'x', price: '1' } }), 403, 'FORBIDDEN');
      await expectError(await request.patch(`/api/products/${product.id}`, { headers: bearer(token), data: { name: 'x' } }), 403, 'FORBIDDEN');
      await expectError(await request.delete(`/api/products/${product.id}`, { headers: bearer(token) }), 403, 'FORBIDDEN');
      await expectError(
        await request.post('/api/products/bulk', { headers: bearer(token), data: { products: [{ sku: unique('S'), name: 'x', price: '1' }] } }),
        403,
        'FORBIDDEN',
      );
    }
    await expectError(await request.get('/api/products'), 401, 'UNAUTHENTICATED');
    await expectError(await request.get(`/api/products/${product.id}`), 401, 'UNAUTHENTICATED');
    await expectError(await request.post('/api/products', { data: { sku: unique('S'), name: 'x', price: '1' } }), 401, 'UNAUTHENTICATED');
    await expectError(await request.patch(`/api/products/${product.id}`, { data: { name: 'x' } }), 401, 'UNAUTHENTICATED');
    await expectError(await request.delete(`/api/products/${product.id}`), 401, 'UNAUTHENTICATED');
    await expectError(await request.post('/api/products/bulk', { data: { products: [] } }), 401, 'UNAUTHENTICATED');
  });

  test('list: q ignores case and LIKE wildcards, filters, sorts, and pages by cursor and by offset', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const tag = randomUUID().slice(0, 8);
    const category = await json(await request.post('/api/categories', { headers: bearer(manager), data: { name: unique('ListCat') } }), 201);
    const made: Product[] = [];
    for (let index = 0; index < 7; index += 1) {
      made.push(
        await createProduct(request, manager, {
          sku: `LST-${tag}-${index}`,
          name: `Listed ${tag} ${index % 2 === 0 ? 'Even' : 'odd'} ${index}`,
          categoryId: category.id,
          reorderLevel: index < 3 ? 1 : 0,
        }),
      );
    }
    const wildcard = await createProduct(request, manager, { sku: `PCT-${tag}`, name: `100% ${tag} cotton` });

    const byQ = await json<{ data: Product[] }>(await request.get(`/api/products?q=LST-${tag.toUpperCase()}&limit=200`, { headers: bearer(manager) }), 200);
    expect(byQ.data.map((row) => row.sku)).toEqual(made.map((row) => row.sku));
    const percent = await json<{ data: Product[] }>(await request.get(`/api/products?q=${encodeURIComponent(`0% ${tag}`)}`, { headers: bearer(manager) }), 200);
    expect(percent.data.map((row) => row.id)).toEqual([wildcard.id]);
    const literal = await json<{ data: Product[] }>(await request.get(`/api/products?q=${encodeURIComponent(`0%${tag}`)}`, { headers: bearer(manager) }), 200);
    expect(literal.data).toEqual([]);
    const underscore = await json<{ data: Product[] }>(await request.get(`/api/products?q=${encodeURIComponent(`LST_${tag}`)}`, { headers: bearer(manager) }), 200);
    expect(underscore.data).toEqual([]);

    const even = await json<{ data: Product[] }>(await request.get(`/api/products?q=${tag}%20even&categoryId=${category.id}&sort=-name`, { headers: bearer(manager) }), 200);
    expect(even.data.map((row) => row.name)).toEqual([...made].filter((_, index) => index % 2 === 0).map((row) => row.name).sort().reverse());
    const low = await json<{ data: Product[] }>(await request.get(`/api/products?categoryId=${category.id}&lowStock=true`, { headers: bearer(manager) }), 200);
    expect(low.data.map((row) => row.id)).toEqual(made.slice(0, 3).map((row) => row.id));

    const walked: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/products?categoryId=${category.id}&sort=-updatedAt&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await json<{ data: Product[]; nextCursor: string | null }>(await request.get(query, { headers: bearer(manager) }), 200);
      walked.push(...page.data.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect([...walked].sort((a, b) => a - b)).toEqual(made.map((row) => row.id));

    const third = await json<{ data: Product[] }>(await request.get(`/api/products?categoryId=${category.id}&limit=2&offset=4`, { headers: bearer(manager) }), 200);
    expect(third.data.map((row) => row.sku)).toEqual([made[4]?.sku, made[5]?.sku]);

    const first = await json<{ nextCursor: string }>(await request.get(`/api/products?categoryId=${category.id}&limit=2&sort=name`, { headers: bearer(manager) }), 200);
    await expectError(await request.get(`/api/products?sort=sku&cursor=${first.nextCursor}`, { headers: bearer(manager) }), 400, 'VALIDATION_FAILED', ['cursor']);
  });
});

test.describe('/api/products/bulk', () => {
  test('creates all in order, 201 { data }', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const skus = Array.from({ length: 25 }, (_, index) => `${unique('BLK')}-${index}`);
    const body = await json<{ data: Product[] }>(
      await request.post('/api/products/bulk', { headers: bearer(manager), data: { products: skus.map((sku) => ({ sku, name: `Bulk ${sku}`, price: '2.50' })) } }),
      201,
    );
    expect(body.data.map((row) => row.sku)).toEqual(skus);
    expect(body.data[0]).toMatchObject({ price: '2.50', onHand: 0, deletedAt: null });
  });

  test('all or none: errors keyed by row, duplicates in the batch and in the database', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const existing = await createProduct(request, manager);
    const fresh = unique('NEW');
    const invalid = await expectError(
      await request.post('/api/products/bulk', {
        headers: bearer(manager),
        data: {
          products: [
            { sku: fresh, name: 'Fine', price: '1' },
            { sku: unique('OK'), name: 'Fine too', price: '1' },
            { sku: unique('BAD'), name: 'Cheap', price: '0' },
            { sku: 'not valid!', name: 'Bad sku', price: '1' },
          ],
        },
      }),
      400,
      'VALIDATION_FAILED',
      ['2.price', '3.sku'],
    );
    expect(invalid.errors).toMatchObject({ '3.sku': expect.any(String) });
    const nothing = await json<{ data: Product[] }>(await request.get(`/api/products?q=${fresh}`, { headers: bearer(manager) }), 200);
    expect(nothing.data).toEqual([]);

    const duplicates = await expectError(
      await request.post('/api/products/bulk', {
        headers: bearer(manager),
        data: {
          products: [
            { sku: fresh, name: 'Fine', price: '1' },
            { sku: existing.sku.toLowerCase(), name: 'Taken', price: '1' },
            { sku: fresh.toUpperCase(), name: 'Twice', price: '1' },
          ],
        },
      }),
      409,
      'CONFLICT',
      ['1.sku', '2.sku'],
    );
    expect(duplicates.errors).toEqual({ '1.sku': 'SKU already exists', '2.sku': 'Duplicate SKU in this batch' });
    const none = await json<{ data: Product[] }>(await request.get(`/api/products?q=${fresh}`, { headers: bearer(manager) }), 200);
    expect(none.data).toEqual([]);
  });

  test('more than 1000 products or an oversized body is 413; an empty list is 400', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const tooMany = Array.from({ length: 1001 }, (_, index) => ({ sku: `X${index}`, name: 'x', price: '1' }));
    await expectError(await request.post('/api/products/bulk', { headers: bearer(manager), data: { products: tooMany } }), 413, 'PAYLOAD_TOO_LARGE');
    const huge = { products: [{ sku: 'HUGE', name: 'x', price: '1', description: 'x'.repeat(5_100_000) }] };
    await expectError(await request.post('/api/products/bulk', { headers: bearer(manager), data: huge }), 413, 'PAYLOAD_TOO_LARGE');
    await expectError(await request.post('/api/products/bulk', { headers: bearer(manager), data: { products: [] } }), 400, 'VALIDATION_FAILED', ['products']);
  });
});

test.describe('/api/products/{id}/suppliers/{supplierId}', () => {
  test('link, update, prefer one, unlink', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const product = await createProduct(request, manager);
    const first = await json(await request.post('/api/suppliers', { headers: bearer(manager), data: { name: unique('SupA') } }), 201);
    const second = await json(await request.post('/api/suppliers', { headers: bearer(manager), data: { name: unique('SupB') } }), 201);
    const linkPath = (supplierId: unknown) => `/api/products/${product.id}/suppliers/${supplierId}`;

    const linked = await json(await request.put(linkPath(first.id), { headers: bearer(manager), data: { leadTimeDays: 5, unitCost: 3.5, supplierSku: 'A-1', preferred: true } }), 200);
    expect(linked).toEqual({ productId: product.id, supplierId: first.id, name: first.name, leadTimeDays: 5, unitCost: '3.50', supplierSku: 'A-1', preferred: true });
    await json(await request.put(linkPath(second.id), { headers: bearer(manager), data: { leadTimeDays: 10, preferred: true } }), 200);

    const detail = await json<{ suppliers: Array<Record<string, unknown>> }>(await request.get(`/api/products/${product.id}`, { headers: bearer(manager) }), 200);
    expect(detail.suppliers).toEqual([
      { supplierId: second.id, name: second.name, leadTimeDays: 10, unitCost: null, supplierSku: null, preferred: true },
      { supplierId: first.id, name: first.name, leadTimeDays: 5, unitCost: '3.50', supplierSku: 'A-1', preferred: false },
    ]);
    const bySupplier = await json<{ data: Product[] }>(await request.get(`/api/products?supplierId=${first.id}`, { headers: bearer(manager) }), 200);
    expect(bySupplier.data.map((row) => row.id)).toEqual([product.id]);

    expect((await request.delete(linkPath(first.id), { headers: bearer(manager) })).status()).toBe(204);
    await expectError(await request.delete(linkPath(first.id), { headers: bearer(manager) }), 404, 'NOT_FOUND');
  });

  test('broken rules 400, unknown ids 404, roles 403, no credentials 401', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const product = await createProduct(request, manager);
    const supplier = await json(await request.post('/api/suppliers', { headers: bearer(manager), data: { name: unique('SupC') } }), 201);
    const path = `/api/products/${product.id}/suppliers/${supplier.id}`;
    await expectError(await request.put(path, { headers: bearer(manager), data: { leadTimeDays: 400, unitCost: '-1' } }), 400, 'VALIDATION_FAILED', [
      'leadTimeDays',
      'unitCost',
    ]);
    await expectError(await request.put(path, { headers: bearer(manager), data: {} }), 400, 'VALIDATION_FAILED', ['leadTimeDays']);
    await expectError(await request.put(`/api/products/999999/suppliers/${supplier.id}`, { headers: bearer(manager), data: { leadTimeDays: 1 } }), 404, 'NOT_FOUND');
    await expectError(await request.put(`/api/products/${product.id}/suppliers/999999`, { headers: bearer(manager), data: { leadTimeDays: 1 } }), 404, 'NOT_FOUND');
    await expectError(await request.delete(`/api/products/${product.id}/suppliers/999999`, { headers: bearer(manager) }), 404, 'NOT_FOUND');
    for (const role of ['VIEWER', 'CLERK'] as const) {
      const token = await tokenFor(request, role);
      await expectError(await request.put(path, { headers: bearer(token), data: { leadTimeDays: 1 } }), 403, 'FORBIDDEN');
      await expectError(await request.delete(path, { headers: bearer(token) }), 403, 'FORBIDDEN');
    }
    await expectError(await request.put(path, { data: { leadTimeDays: 1 } }), 401, 'UNAUTHENTICATED');
    await expectError(await request.delete(path), 401, 'UNAUTHENTICATED');

    // A deleted supplier can no longer be linked.
    expect((await request.delete(`/api/suppliers/${supplier.id}`, { headers: bearer(manager) })).status()).toBe(204);
    await expectError(await request.put(path, { headers: bearer(manager), data: { leadTimeDays: 1 } }), 404, 'NOT_FOUND');
  });
});

test('methods a catalog route does not support are 405 in the API error shape, naming what it accepts', async ({ request }) => {
  const admin = await tokenFor(request, 'ADMIN');
  const attempts: Array<['post' | 'put' | 'patch' | 'delete', string]> = [
    ['put', '/api/products'],
    ['delete', '/api/products'],
    ['post', '/api/products/1'],
    ['put', '/api/products/1'],
    ['put', '/api/categories'],
    ['post', '/api/suppliers/1'],
    ['delete', '/api/locations'],
  ];
  for (const [method, path] of attempts) {
    const response = await request[method](path, { headers: bearer(admin) });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()['content-type'] ?? '', `${method} ${path}: content-type`).toMatch(/^application\/json\b/);
    expect(await response.json()).toMatchObject({ ...errorShape, code: 'METHOD_NOT_ALLOWED' });
    expect(response.headers().allow, `${method} ${path}: Allow`).toBeTruthy();
  }
});
