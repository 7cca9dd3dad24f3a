import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '@/lib/inventory/barcode';
import { engineName, unique } from '../helpers';
import { api, callerWithRole, callRoute, createProduct, UNKNOWN_TOKEN, type Caller } from './api';

/**
 * Issue 15, barcodes: the product's barcode (GS1 check digit, unique among live products),
 * GET /api/lookup and the PDF label sheet, through the route handlers on a real database,
 * every answer held to the OpenAPI document.
 */

let manager: Caller;
let viewer: Caller;
beforeAll(async () => {
  [manager, viewer] = await Promise.all([callerWithRole('MANAGER'), callerWithRole('VIEWER')]);
});

let serial = 0;
/** A valid EAN-13 no other test in this file uses. */
function freshGtin(): string {
  serial += 1;
  const body = `20${String(Date.now() % 1e6).padStart(6, '0')}${String(serial).padStart(4, '0')}`;
  return body + gtinCheckDigit(body);
}

type Product = { id: number; sku: string; barcode: string | null };
type ErrorBody = { code: string; message: string; errors?: Record<string, string> };

describe(`product barcodes (${engineName()})`, () => {
  it('are validated, shown on create, get, list and update, cleared with null, and unique among live products only', async () => {
    const barcode = freshGtin();
    const first = await createProduct(manager.token, { barcode: ` ${barcode} ` });
    const got = await api.get<Product>('/api/products/{id}', { token: viewer.token, params: { id: first.id } });
    expect(got.body.barcode).toBe(barcode);
    const listed = await api.get<{ data: Product[] }>('/api/products', { token: viewer.token, query: { q: barcode } });
    expect(listed.body.data.map((product) => product.id)).toEqual([first.id]);

    const badCheckDigit = barcode.slice(0, -1) + String((Number(barcode.at(-1)) + 1) % 10);
    const refused = await api.post<ErrorBody>('/api/products', { token: manager.token, json: { sku: unique('BC'), name: 'Bad', price: '1.00', barcode: badCheckDigit } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.barcode).toMatch(/check digit/);
    expect((await api.post<ErrorBody>('/api/products', { token: manager.token, json: { sku: unique('BC'), name: 'Bad', price: '1.00', barcode: 'has space' } })).body.errors?.barcode).toBeDefined();

    const duplicate = await api.post<ErrorBody>('/api/products', { token: manager.token, json: { sku: unique('BC'), name: 'Twin', price: '1.00', barcode } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'CONFLICT', errors: { barcode: 'Another product already has this barcode' } });

    const second = await createProduct(manager.token, { barcode: 'SHELF-A/3' });
    const taken = await api.patch<ErrorBody>('/api/products/{id}', { token: manager.token, params: { id: second.id }, json: { barcode } });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual({ barcode: 'Another product already has this barcode' });
    // A product keeps its own barcode when saved again.
    expect((await api.patch<Product>('/api/products/{id}', { token: manager.token, params: { id: first.id }, json: { barcode, name: 'Renamed' } })).status).toBe(200);
    const cleared = await api.patch<Product>('/api/products/{id}', { token: manager.token, params: { id: second.id }, json: { barcode: null } });
    expect(cleared.body.barcode).toBeNull();

    // A deleted product gives its barcode up; the SKU stays taken.
    expect((await api.delete('/api/products/{id}', { token: manager.token, params: { id: first.id } })).status).toBe(204);
    const heir = await api.patch<Product>('/api/products/{id}', { token: manager.token, params: { id: second.id }, json: { barcode } });
    expect(heir.status).toBe(200);
    expect(heir.body.barcode).toBe(barcode);
  });

  it('two products racing for one barcode: one is created, the other is a 409 naming the barcode', async () => {
    const barcode = freshGtin();
    const answers = await Promise.all(
      [0, 1, 2].map(() => api.post<ErrorBody>('/api/products', { token: manager.token, json: { sku: unique('RACE'), name: 'Racer', price: '1.00', barcode } })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    for (const answer of answers.filter((candidate) => candidate.status === 409)) expect(answer.body.errors).toEqual({ barcode: 'Another product already has this barcode' });
  });

  it('a bulk create names a barcode repeated in the batch or already held, and creates nothing', async () => {
    const held = freshGtin();
    await createProduct(manager.token, { barcode: held });
    const twice = freshGtin();
    const row = (barcode: string) => ({ sku: unique('BULK'), name: 'Bulk', price: '1.00', barcode });
    const answer = await api.post<ErrorBody>('/api/products/bulk', { token: manager.token, json: { products: [row(twice), row(twice), row(held)] } });
    expect(answer.status).toBe(409);
    expect(answer.body.errors).toEqual({ '1.barcode': 'Duplicate barcode in this batch', '2.barcode': 'Another product already has this barcode' });
    expect((await api.get<{ data: Product[] }>('/api/products', { token: viewer.token, query: { q: twice } })).body.data).toEqual([]);
  });
});

describe(`GET /api/lookup (${engineName()})`, () => {
  it('finds the live product by barcode, else by SKU ignoring case, for any role; 404 otherwise', async () => {
    const barcode = freshGtin();
    const byBarcode = await createProduct(manager.token, { barcode });
    const found = await api.get<Product & { levels: unknown[] }>('/api/lookup', { token: viewer.token, query: { code: barcode } });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: byBarcode.id, barcode, levels: [] });

    const bySku = await createProduct(manager.token);
    expect((await api.get<Product>('/api/lookup', { token: viewer.token, query: { code: bySku.sku.toLowerCase() } })).body.id).toBe(bySku.id);

    // A code that is one product's SKU and another's barcode names the barcode's product.
    const shadow = await createProduct(manager.token, { barcode: bySku.sku });
    expect((await api.get<Product>('/api/lookup', { token: viewer.token, query: { code: bySku.sku } })).body.id).toBe(shadow.id);

    // Barcodes match exactly; only SKUs ignore case.
    const inHouse = await createProduct(manager.token, { barcode: 'Bin-7/Top' });
    expect((await api.get<Product>('/api/lookup', { token: viewer.token, query: { code: 'Bin-7/Top' } })).body.id).toBe(inHouse.id);
    expect((await api.get('/api/lookup', { token: viewer.token, query: { code: 'bin-7/top' } })).status).toBe(404);

    await api.delete('/api/products/{id}', { token: manager.token, params: { id: byBarcode.id } });
    const gone = await api.get<ErrorBody>('/api/lookup', { token: viewer.token, query: { code: barcode } });
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('NOT_FOUND');
    expect((await api.get('/api/lookup', { token: viewer.token, query: { code: byBarcode.sku } })).status).toBe(404);

    expect((await api.get<ErrorBody>('/api/lookup', { token: viewer.token })).body.errors?.code).toBe('code is required');
    expect((await api.get('/api/lookup', { token: viewer.token, query: { code: '   ' } })).status).toBe(400);
    expect((await api.get('/api/lookup', { token: viewer.token, query: { code: 'x'.repeat(201) } })).status).toBe(400);
    expect((await api.get('/api/lookup', { token: UNKNOWN_TOKEN, query: { code: barcode } })).status).toBe(401);
  });
});

describe(`GET /api/products/labels (${engineName()})`, () => {
  it('answers a PDF with one label per id in pages of 21, and a 4xx naming bad, unknown or deleted ids', async () => {
    const products = await Promise.all([
      createProduct(manager.token, { barcode: freshGtin() }),
      createProduct(manager.token, { barcode: '036000291452', name: 'Caf\u00e9 \u2615 \u5496\u5561 \u03a9 with a name long enough to need an ellipsis on its second line' }),
      createProduct(manager.token),
    ]);
    const ids = products.map((product) => product.id);
    const sheet = await callRoute('GET', '/api/products/labels', { token: viewer.token, query: { ids: [...ids, ...ids, ...ids, ...ids, ...ids, ...ids, ...ids, ids[0]!].join(','), paper: 'letter' } });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toBe('application/pdf');
    const pdf = await PDFDocument.load(new Uint8Array(await sheet.arrayBuffer()));
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 612, height: 792 });

    const one = await api.get<string>('/api/products/labels', { token: viewer.token, query: { ids: String(ids[2]) } });
    expect(one.status).toBe(200);
    expect(one.body.startsWith('%PDF-')).toBe(true);

    const bad = async (query: Record<string, string>) => (await api.get<ErrorBody>('/api/products/labels', { token: viewer.token, query })).body;
    expect(await bad({ ids: `${ids[0]},abc` })).toMatchObject({ code: 'VALIDATION_FAILED', errors: { ids: '"abc" is not a product id' } });
    expect((await bad({ ids: '0' })).errors?.ids).toBe('"0" is not a product id');
    expect((await bad({ ids: '99999999999' })).code).toBe('VALIDATION_FAILED');
    expect((await bad({ ids: `${ids[0]},,${ids[1]}` })).code).toBe('VALIDATION_FAILED');
    expect((await bad({})).errors?.ids).toMatch(/required/);
    expect((await bad({ ids: Array.from({ length: 211 }, () => ids[0]).join(',') })).errors?.ids).toBe('At most 210 labels per sheet; 211 were asked for');
    expect((await bad({ ids: String(ids[0]), paper: 'legal' })).errors?.paper).toBe('paper must be a4 or letter');

    await api.delete('/api/products/{id}', { token: manager.token, params: { id: ids[2]! } });
    const missing = await api.get<ErrorBody>('/api/products/labels', { token: viewer.token, query: { ids: `${ids[0]},${ids[2]},2000000000` } });
    expect(missing.status).toBe(404);
    expect(missing.body.errors?.ids).toBe(`No live product with id ${ids[2]}, 2000000000`);
    expect((await api.get('/api/products/labels', { token: UNKNOWN_TOKEN, query: { ids: String(ids[0]) } })).status).toBe(401);
  });
});
