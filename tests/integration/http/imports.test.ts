import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '@/lib/inventory/imports/read-csv-table';
import { api, callerWithRole, UNKNOWN_TOKEN, type Caller } from './api';

/** One caller per role for the file: each costs a bcrypt hash. */
let manager: Caller;
let clerk: Caller;
beforeAll(async () => {
  [manager, clerk] = await Promise.all([callerWithRole('MANAGER'), callerWithRole('CLERK')]);
});

const csv = { 'content-type': 'text/csv; charset=utf-8' };
const sku = () => `IMP-${randomUUID().slice(0, 8)}`;

describe('imports', () => {
  it('POST /api/imports/products: a dry run answers 200 and writes nothing, the import 201; bad rows 400 by line and column; 413 while reading; MANAGER+', async () => {
    const [a, b] = [sku(), sku()];
    const body = `\uFEFFSku;Name;Price;Category\r\n${a};Alpha;4,50;Imported\r\n${b};Beta;2;imported\r\n`;
    const dry = await api.post<{ dryRun: boolean; created: number }>('/api/imports/products', { token: manager.token, query: { dryRun: true }, body, headers: csv });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 2 });
    expect((await api.get('/api/products', { token: manager.token, query: { q: a } })).body).toMatchObject({ data: [] });

    const done = await api.post<{ rows: Array<{ status: string }> }>('/api/imports/products', { token: manager.token, body, headers: csv });
    expect(done.status).toBe(201);
    expect(done.body.rows.map((row) => row.status)).toEqual(['created', 'created']);
    const listed = await api.get<{ data: Array<{ sku: string; price: string }> }>('/api/products', { token: manager.token, query: { q: a } });
    expect(listed.body.data.map((product) => [product.sku, product.price])).toEqual([[a, '4.50']]);

    const bad = await api.post<{ code: string; errors: Record<string, string> }>('/api/imports/products', { token: manager.token, body: `sku,price\n${a},-1\n`, headers: csv });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { '2.price': 'Price must be greater than 0' } });
    expect((await api.post('/api/imports/products', { token: manager.token, json: { sku: a } })).status).toBe(400);

    // Declared too large: refused before reading. Undeclared (streamed): refused once the limit is passed.
    const declared = await api.post('/api/imports/products', { token: manager.token, body: 'sku\nA\n', headers: { ...csv, 'content-length': String(MAX_IMPORT_BYTES + 1) } });
    expect(declared.status).toBe(413);
    const huge = await api.post('/api/imports/products', { token: manager.token, body: `sku\n${'A\n'.repeat(MAX_IMPORT_BYTES / 2 + 1)}`, headers: csv });
    expect(huge.status).toBe(413);

    expect((await api.post('/api/imports/products', { token: clerk.token, body, headers: csv })).status).toBe(403);
    expect((await api.post('/api/imports/products', { token: UNKNOWN_TOKEN, body, headers: csv })).status).toBe(401);
    expect((await api.post('/api/imports/products', { token: manager.token, body: 'sku\nA\n', headers: csv, query: { dryRun: 'maybe' } })).status).toBe(400);
  });

  it('POST /api/imports/stock: counts posted once, replayed under the same Idempotency-Key, 409 for another file under it; unknown SKUs 400 by line', async () => {
    const a = sku();
    await api.post('/api/imports/products', { token: manager.token, body: `sku,name,price\n${a},Alpha,1\n`, headers: csv });
    const location = await api.post<{ code: string }>('/api/locations', { token: manager.token, json: { code: `I${randomUUID().slice(0, 6)}`, name: 'Import bin' } });
    const body = `sku,location,quantity,unitCost\n${a},${location.body.code},12,0.80\n`;

    const dry = await api.post('/api/imports/stock', { token: manager.token, query: { dryRun: true }, body, headers: csv });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, movements: 1, rows: [{ line: 2, sku: a, quantity: 12, onHandBefore: 0, change: 12 }] });

    const headers = { ...csv, 'idempotency-key': randomUUID() };
    const first = await api.post('/api/imports/stock', { token: manager.token, body, headers });
    expect(first.status).toBe(201);
    const again = await api.post('/api/imports/stock', { token: manager.token, body, headers });
    expect(again.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await api.post<{ code: string }>('/api/imports/stock', { token: manager.token, body: body.replace(',12,', ',13,'), headers });
    expect(other.status).toBe(409);

    const product = await api.get<{ data: Array<{ onHand: number }> }>('/api/products', { token: manager.token, query: { q: a } });
    expect(product.body.data[0]!.onHand).toBe(12);

    const unknown = await api.post<{ errors: Record<string, string> }>('/api/imports/stock', { token: manager.token, body: `sku,location,quantity\nNOPE-${a},${location.body.code},1\n`, headers: csv });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual({ '2.sku': 'No product with this SKU' });
    expect((await api.post('/api/imports/stock', { token: clerk.token, body, headers: csv })).status).toBe(403);
  });
});
