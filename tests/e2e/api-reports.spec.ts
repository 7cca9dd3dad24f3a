import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { bearer, createUserWithToken, type Role } from './fixtures/api';

/**
 * Reports and the scheduled export over real HTTP against `next start`: low stock and
 * valuation as JSON and CSV (RFC 4180, formulas neutralised), the movements file, and
 * POST /api/exports/run with its files. Other spec files move stock on the same server at
 * the same time, so every assertion looks at rows of the products this test created.
 */

/** The server's CRON_SECRET (playwright.config.ts sets it in the web server's environment). */
const CRON_SECRET = 'e2e-cron-secret-for-tests';

const errorShape = { code: expect.any(String), message: expect.any(String) };

interface User {
  id: number;
  token: string;
}

const usersByRole = new Map<Role, Promise<User>>();
function userFor(request: APIRequestContext, role: Role): Promise<User> {
  let user = usersByRole.get(role);
  if (!user) {
    user = createUserWithToken(request, role).then(({ id, token }) => ({ id, token }));
    usersByRole.set(role, user);
  }
  return user;
}
const tokenFor = async (request: APIRequestContext, role: Role) => (await userFor(request, role)).token;

const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function json<T = Record<string, unknown>>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

async function expectError(response: APIResponse, status: number, code: string, errorKeys?: string[]): Promise<Record<string, unknown>> {
  const body = await json(response, status);
  expect(body).toMatchObject({ ...errorShape, code });
  if (errorKeys) expect(Object.keys((body.errors ?? {}) as Record<string, string>).sort()).toEqual([...errorKeys].sort());
  return body;
}

/**
 * A strict RFC 4180 reader: CRLF between records (a bare CR or LF only inside quotes), every
 * quote inside a quoted field doubled, nothing after a closing quote but a comma or the end.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  if (text.length === 0) return records;
  for (;;) {
    let field = '';
    if (text[index] === '"') {
      index += 1;
      for (;;) {
        const quote = text.indexOf('"', index);
        if (quote === -1) throw new Error(`Unterminated quoted field at ${index}`);
        field += text.slice(index, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          index = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
    } else {
      const match = /[,\r\n"]/.exec(text.slice(index));
      const end = match ? index + match.index : text.length;
      if (text[end] === '"') throw new Error(`A quote inside an unquoted field at ${end}`);
      field = text.slice(index, end);
      index = end;
    }
    record.push(field);
    if (text[index] === ',') {
      index += 1;
      continue;
    }
    if (text.startsWith('\r\n', index)) {
      records.push(record);
      record = [];
      index += 2;
      if (index === text.length) return records;
      continue;
    }
    if (index === text.length) {
      records.push(record);
      return records;
    }
    throw new Error(`Unexpected ${JSON.stringify(text[index])} at ${index}: records end with CRLF`);
  }
}

/** A CSV answer: checks the file headers, parses the body, and keys rows by their header. */
async function csvOf(response: APIResponse, fileName: string | RegExp): Promise<{ text: string; header: string[]; rows: Array<Record<string, string>> }> {
  const text = await response.text();
  expect(response.status(), text).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/csv\b/);
  const disposition = response.headers()['content-disposition'] ?? '';
  const named = /^attachment; filename="([^"]+)"$/.exec(disposition)?.[1];
  if (typeof fileName === 'string') expect(named, disposition).toBe(fileName);
  else expect(named, disposition).toMatch(fileName);
  const [header, ...records] = parseCsv(text);
  expect(header).toBeDefined();
  for (const record of records) expect(record).toHaveLength(header!.length);
  return { text, header: header!, rows: records.map((record) => Object.fromEntries(header!.map((name, column) => [name, record[column]!]))) };
}

async function createProduct(request: APIRequestContext, token: string, data: Record<string, unknown> = {}): Promise<{ id: number; sku: string; name: string }> {
  const sku = typeof data.sku === 'string' ? data.sku : unique('RP');
  const name = typeof data.name === 'string' ? data.name : `Report ${sku}`;
  const response = await request.post('/api/products', { headers: bearer(token), data: { price: '9.99', ...data, sku, name } });
  const created = await json<{ id: number; sku: string; name: string }>(response, 201);
  expect(created.name).toBe(name);
  return { id: created.id, sku, name };
}

async function createLocation(request: APIRequestContext, token: string): Promise<{ id: number; code: string }> {
  const code = unique('RPL');
  const response = await request.post('/api/locations', { headers: bearer(token), data: { code, name: `Shelf ${code}` } });
  return { id: (await json<{ id: number }>(response, 201)).id, code };
}

async function move(request: APIRequestContext, token: string, data: Record<string, unknown>): Promise<{ data: Array<{ id: number; locationId: number }>; onHand: number }> {
  return json(await request.post('/api/stock-movements', { headers: bearer(token), data }), 201);
}

interface LowStockRow {
  productId: number;
  sku: string;
  name: string;
  onHand: number;
  reorderLevel: number;
  safetyStock: number;
  reorderQuantity: number;
  suggestedOrderQuantity: number;
  preferredSupplierId: number | null;
  preferredSupplierName: string | null;
  leadTimeDays: number | null;
  supplierUnitCost: string | null;
}

interface ValuationRow {
  productId: number;
  sku: string;
  name: string;
  locationId: number;
  locationCode: string;
  quantity: number;
  unitCost: string;
  value: string;
}

interface Valuation {
  asOf: string;
  data: ValuationRow[];
  totalQuantity: number;
  totalValue: string;
}

interface ExportRecord {
  id: number;
  kind: 'low-stock' | 'stock-valuation';
  format: 'json' | 'csv';
  fileName: string;
  sizeBytes: number;
  rowCount: number;
  createdBy: number | null;
  createdAt: string;
  downloadUrl: string;
}

const cents = (money: string): number => {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(money);
  if (!match) throw new Error(`Not a money string: ${money}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
};

async function valuation(request: APIRequestContext, token: string, params: Record<string, string> = {}): Promise<Valuation> {
  return json<Valuation>(await request.get('/api/reports/stock-valuation', { headers: bearer(token), params }), 200);
}

async function lowStock(request: APIRequestContext, token: string): Promise<{ data: LowStockRow[]; generatedAt: string }> {
  return json(await request.get('/api/reports/low-stock', { headers: bearer(token) }), 200);
}

const LOW_STOCK_HEADER = ['sku', 'name', 'on_hand', 'reorder_level', 'safety_stock', 'reorder_quantity', 'suggested_order_quantity', 'preferred_supplier', 'lead_time_days', 'supplier_unit_cost'];
const VALUATION_HEADER = ['sku', 'name', 'location', 'quantity', 'unit_cost', 'value'];
const MOVEMENT_HEADER = ['id', 'created_at', 'type', 'sku', 'product', 'location', 'quantity', 'balance_after', 'unit_cost', 'reason', 'reference', 'transfer_id', 'created_by'];

test.describe('GET /api/reports/low-stock', () => {
  test('lists products below their reorder level with a suggested order, as JSON and as CSV', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const viewer = await tokenFor(request, 'VIEWER');
    // Furthest below its level first: A is 8 below, B 6 below.
    const a = await createProduct(request, manager, { reorderLevel: 20, safetyStock: 5, reorderQuantity: 5 });
    const b = await createProduct(request, manager, { reorderLevel: 10, reorderQuantity: 30, name: '@SUM(1+1)' });
    const atLevel = await createProduct(request, manager, { reorderLevel: 7, reorderQuantity: 3 });
    const noLevel = await createProduct(request, manager);
    const gone = await createProduct(request, manager, { reorderLevel: 50 });
    await move(request, manager, { productId: a.id, type: 'RECEIPT', quantity: 12 });
    await move(request, manager, { productId: b.id, type: 'RECEIPT', quantity: 4 });
    await move(request, manager, { productId: atLevel.id, type: 'RECEIPT', quantity: 7 });
    expect((await request.delete(`/api/products/${gone.id}`, { headers: bearer(manager) })).status()).toBe(204);

    const preferred = await json<{ id: number; name: string }>(await request.post('/api/suppliers', { headers: bearer(manager), data: { name: unique('Preferred supplier') } }), 201);
    const quicker = await json<{ id: number; name: string }>(await request.post('/api/suppliers', { headers: bearer(manager), data: { name: unique('Quick supplier') } }), 201);
    await json(await request.put(`/api/products/${a.id}/suppliers/${preferred.id}`, { headers: bearer(manager), data: { leadTimeDays: 9, unitCost: '1.25', preferred: true } }), 200);
    await json(await request.put(`/api/products/${a.id}/suppliers/${quicker.id}`, { headers: bearer(manager), data: { leadTimeDays: 1, unitCost: '1.10' } }), 200);

    const report = await lowStock(request, viewer);
    expect(Math.abs(Date.parse(report.generatedAt) - Date.now())).toBeLessThan(5 * 60_000);
    const mine = report.data.filter((row) => [a.id, b.id, atLevel.id, noLevel.id, gone.id].includes(row.productId));
    expect(mine).toEqual([
      {
        productId: a.id,
        sku: a.sku,
        name: a.name,
        onHand: 12,
        reorderLevel: 20,
        safetyStock: 5,
        reorderQuantity: 5,
        suggestedOrderQuantity: 8,
        preferredSupplierId: preferred.id,
        preferredSupplierName: preferred.name,
        leadTimeDays: 9,
        supplierUnitCost: '1.25',
      },
      {
        productId: b.id,
        sku: b.sku,
        name: '@SUM(1+1)',
        onHand: 4,
        reorderLevel: 10,
        safetyStock: 0,
        reorderQuantity: 30,
        suggestedOrderQuantity: 30,
        preferredSupplierId: null,
        preferredSupplierName: null,
        leadTimeDays: null,
        supplierUnitCost: null,
      },
    ]);
    for (const row of report.data) {
      expect(row.onHand).toBeLessThan(row.reorderLevel);
      expect(row.suggestedOrderQuantity).toBe(Math.max(row.reorderQuantity, row.reorderLevel - row.onHand));
    }
    const gaps = report.data.map((row) => row.onHand - row.reorderLevel);
    expect(gaps).toEqual([...gaps].sort((x, y) => x - y));

    const csv = await csvOf(await request.get('/api/reports/low-stock', { headers: bearer(viewer), params: { format: 'csv' } }), `low-stock-${isoDay(0)}.csv`);
    expect(csv.header).toEqual(LOW_STOCK_HEADER);
    const csvMine = csv.rows.filter((row) => [a.sku, b.sku, atLevel.sku, noLevel.sku, gone.sku].includes(row.sku!));
    expect(csvMine).toEqual([
      {
        sku: a.sku,
        name: a.name,
        on_hand: '12',
        reorder_level: '20',
        safety_stock: '5',
        reorder_quantity: '5',
        suggested_order_quantity: '8',
        preferred_supplier: preferred.name,
        lead_time_days: '9',
        supplier_unit_cost: '1.25',
      },
      {
        sku: b.sku,
        name: "'@SUM(1+1)",
        on_hand: '4',
        reorder_level: '10',
        safety_stock: '0',
        reorder_quantity: '30',
        suggested_order_quantity: '30',
        preferred_supplier: '',
        lead_time_days: '',
        supplier_unit_cost: '',
      },
    ]);

    // Stock back at the level takes a product off the report.
    await move(request, manager, { productId: a.id, type: 'RECEIPT', quantity: 8 });
    expect((await lowStock(request, viewer)).data.map((row) => row.productId)).not.toContain(a.id);

    await expectError(await request.get('/api/reports/low-stock', { headers: bearer(viewer), params: { format: 'xlsx' } }), 400, 'VALIDATION_FAILED', ['format']);
    await expectError(await request.get('/api/reports/low-stock'), 401, 'UNAUTHENTICATED');
  });
});

test.describe('GET /api/reports/stock-valuation', () => {
  test('values stock at the moving weighted average cost, as of today and before the first movement', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const viewer = await tokenFor(request, 'VIEWER');
    const p = await createProduct(request, manager, { cost: '9.00' });
    const home = (await move(request, manager, { productId: p.id, type: 'RECEIPT', quantity: 10, unitCost: '2.00' })).data[0]!.locationId;
    await move(request, manager, { productId: p.id, type: 'SHIPMENT', quantity: 4 });
    await move(request, manager, { productId: p.id, type: 'RECEIPT', quantity: 3, unitCost: '3.50' });

    // Pooled across locations, split by location; a receipt without a cost uses the product's.
    const pooled = await createProduct(request, manager, { cost: '1.30' });
    const shelf = await createLocation(request, manager);
    await move(request, manager, { productId: pooled.id, type: 'RECEIPT', quantity: 10, unitCost: '1.00' });
    await move(request, manager, { productId: pooled.id, type: 'RECEIPT', quantity: 5, locationId: shelf.id });
    await move(request, manager, { productId: pooled.id, type: 'TRANSFER', quantity: 2, toLocationId: shelf.id });

    // Thirds: 2 @ 1.00 and 1 @ 2.00 average 1.3333...; 3 units are worth exactly 4.00, 2 units 2.67.
    const thirds = await createProduct(request, manager);
    await move(request, manager, { productId: thirds.id, type: 'RECEIPT', quantity: 2, unitCost: '1.00' });
    await move(request, manager, { productId: thirds.id, type: 'RECEIPT', quantity: 1, unitCost: '2.00' });
    await move(request, manager, { productId: thirds.id, type: 'SHIPMENT', quantity: 1 });

    // Sold out, then restocked: the average starts again from the new cost.
    const restocked = await createProduct(request, manager);
    await move(request, manager, { productId: restocked.id, type: 'RECEIPT', quantity: 4, unitCost: '5.00' });
    await move(request, manager, { productId: restocked.id, type: 'SHIPMENT', quantity: 4 });
    await move(request, manager, { productId: restocked.id, type: 'RECEIPT', quantity: 2, unitCost: '1.00' });

    const ids = [p.id, pooled.id, thirds.id, restocked.id];
    const expected: ValuationRow[] = [
      { productId: p.id, sku: p.sku, name: p.name, locationId: home, locationCode: expect.any(String) as unknown as string, quantity: 9, unitCost: '2.5000', value: '22.50' },
      { productId: pooled.id, sku: pooled.sku, name: pooled.name, locationId: home, locationCode: expect.any(String) as unknown as string, quantity: 8, unitCost: '1.1000', value: '8.80' },
      { productId: pooled.id, sku: pooled.sku, name: pooled.name, locationId: shelf.id, locationCode: shelf.code, quantity: 7, unitCost: '1.1000', value: '7.70' },
      { productId: thirds.id, sku: thirds.sku, name: thirds.name, locationId: home, locationCode: expect.any(String) as unknown as string, quantity: 2, unitCost: '1.3333', value: '2.67' },
      { productId: restocked.id, sku: restocked.sku, name: restocked.name, locationId: home, locationCode: expect.any(String) as unknown as string, quantity: 2, unitCost: '1.0000', value: '2.00' },
    ];
    const byProduct = (rows: ValuationRow[]) =>
      rows.filter((row) => ids.includes(row.productId)).sort((x, y) => ids.indexOf(x.productId) - ids.indexOf(y.productId) || x.locationCode.localeCompare(y.locationCode));

    const queries: Array<Record<string, string>> = [{}, { asOf: isoDay(0) }, { asOf: isoDay(30) }];
    for (const params of queries) {
      const answer = await valuation(request, viewer, params);
      expect(Object.keys(answer).sort()).toEqual(['asOf', 'data', 'totalQuantity', 'totalValue']);
      const mine = byProduct(answer.data);
      expect(mine).toHaveLength(5);
      expect(mine.filter((row) => row.productId !== pooled.id)).toEqual(expected.filter((row) => row.productId !== pooled.id));
      expect(mine.filter((row) => row.productId === pooled.id).sort((x, y) => x.locationId - y.locationId)).toEqual(
        expected.filter((row) => row.productId === pooled.id).sort((x, y) => x.locationId - y.locationId),
      );
      // Totals add up the rows of the same answer.
      expect(answer.totalQuantity).toBe(answer.data.reduce((sum, row) => sum + row.quantity, 0));
      expect(cents(answer.totalValue)).toBe(answer.data.reduce((sum, row) => sum + cents(row.value), 0));
      if ('asOf' in params) expect(answer.asOf).toBe(params.asOf);
      else expect(Math.abs(Date.parse(answer.asOf) - Date.now())).toBeLessThan(5 * 60_000);
    }

    // Before the first movement: nothing of these products; the database is younger than 2000.
    expect(byProduct((await valuation(request, viewer, { asOf: isoDay(-1) })).data)).toEqual([]);
    expect(await valuation(request, viewer, { asOf: '2000-01-01' })).toEqual({ asOf: '2000-01-01', data: [], totalQuantity: 0, totalValue: '0.00' });

    // Shipping and counting do not change the average; selling out removes the row.
    await move(request, manager, { productId: p.id, type: 'COUNT', quantity: 8 });
    await move(request, manager, { productId: restocked.id, type: 'SHIPMENT', quantity: 2 });
    const later = byProduct((await valuation(request, viewer)).data);
    expect(later.find((row) => row.productId === p.id)).toMatchObject({ quantity: 8, unitCost: '2.5000', value: '20.00' });
    expect(later.filter((row) => row.productId === restocked.id)).toEqual([]);
  });

  test('CSV: header, a totals row, RFC 4180 quoting and neutralised formulas', async ({ request }) => {
    const manager = await tokenFor(request, 'MANAGER');
    const formula = await createProduct(request, manager, { name: '=HYPERLINK("x")' });
    // Names are one line (line breaks are refused at the boundary); quoting of line breaks is
    // held by the unit test of lib/csv against csv-stringify.
    const awkwardName = `Bolt, "large" steel ${randomUUID().slice(0, 4)}`;
    const awkward = await createProduct(request, manager, { name: awkwardName });
    const dashed = await createProduct(request, manager, { sku: `-${randomUUID().slice(0, 8)}`, name: '+ plus first' });
    await move(request, manager, { productId: formula.id, type: 'RECEIPT', quantity: 3, unitCost: '1.50' });
    await move(request, manager, { productId: awkward.id, type: 'RECEIPT', quantity: 2, unitCost: '0.25' });
    await move(request, manager, { productId: dashed.id, type: 'RECEIPT', quantity: 1, unitCost: '10.00' });

    const response = await request.get('/api/reports/stock-valuation', { headers: bearer(manager), params: { format: 'csv', asOf: isoDay(0) } });
    const csv = await csvOf(response, `stock-valuation-${isoDay(0)}.csv`);
    expect(csv.header).toEqual(VALUATION_HEADER);
    expect(csv.text.startsWith('sku,name,location,quantity,unit_cost,value\r\n')).toBe(true);
    expect(csv.text.endsWith('\r\n')).toBe(true);
    // The formula is inert and its quotes are doubled; the comma and quotes are quoted.
    expect(csv.text).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(csv.text).toContain(`,"Bolt, ""large"" steel ${awkwardName.slice(-4)}",`);

    expect(csv.rows.find((row) => row.sku === formula.sku)).toMatchObject({ name: `'=HYPERLINK("x")`, quantity: '3', unit_cost: '1.5000', value: '4.50' });
    expect(csv.rows.find((row) => row.sku === awkward.sku)).toMatchObject({ name: awkwardName, quantity: '2', unit_cost: '0.2500', value: '0.50' });
    expect(csv.rows.find((row) => row.sku === `'${dashed.sku}`)).toMatchObject({ name: "'+ plus first", quantity: '1', value: '10.00' });
    expect(csv.rows.find((row) => row.sku === dashed.sku)).toBeUndefined();

    // The last row holds the totals of the rows above it.
    const total = csv.rows.at(-1)!;
    expect(total).toMatchObject({ sku: 'TOTAL', name: '', location: '', unit_cost: '' });
    const body = csv.rows.slice(0, -1);
    expect(Number(total.quantity)).toBe(body.reduce((sum, row) => sum + Number(row.quantity), 0));
    expect(cents(total.value!)).toBe(body.reduce((sum, row) => sum + cents(row.value!), 0));
    for (const row of body) {
      expect(row.quantity).toMatch(/^\d+$/);
      expect(row.value).toMatch(/^\d+\.\d{2}$/);
    }

    // Without asOf the file is named after today.
    await csvOf(await request.get('/api/reports/stock-valuation', { headers: bearer(manager), params: { format: 'csv' } }), `stock-valuation-${isoDay(0)}.csv`);
  });

  test('a bad asOf or format is 400; no credentials is 401', async ({ request }) => {
    const viewer = await tokenFor(request, 'VIEWER');
    for (const asOf of ['yesterday', '2026-13-01', '2026-02-30', '2025-2-1', '2026-01-01T00:00:00Z', '']) {
      await expectError(await request.get('/api/reports/stock-valuation', { headers: bearer(viewer), params: { asOf } }), 400, 'VALIDATION_FAILED', ['asOf']);
    }
    await expectError(await request.get('/api/reports/stock-valuation', { headers: bearer(viewer), params: { format: 'pdf' } }), 400, 'VALIDATION_FAILED', ['format']);
    await expectError(await request.get('/api/reports/stock-valuation'), 401, 'UNAUTHENTICATED');
    await expectError(await request.get('/api/reports/stock-valuation', { headers: bearer('sr_not-a-real-token-0123456789abcdef') }), 401, 'UNAUTHENTICATED');
  });
});

test.describe('GET /api/reports/movements', () => {
  test('the ledger as CSV and JSON files, newest first, signed quantities plain and text neutralised', async ({ request }) => {
    const manager = await userFor(request, 'MANAGER');
    const product = await createProduct(request, manager.token, { name: '-minus first' });
    const shelf = await createLocation(request, manager.token);
    const posted = [
      ...(await move(request, manager.token, { productId: product.id, type: 'RECEIPT', quantity: 10, unitCost: '2.25', reference: '+PO-1' })).data,
      ...(await move(request, manager.token, { productId: product.id, type: 'SHIPMENT', quantity: 4, reason: '=1+2', reference: 'SO, "rush"' })).data,
      ...(await move(request, manager.token, { productId: product.id, type: 'TRANSFER', quantity: 1, toLocationId: shelf.id })).data,
    ];
    const ledger = await json<{ data: Array<Record<string, unknown> & { id: number }> }>(
      await request.get('/api/stock-movements', { headers: bearer(manager.token), params: { productId: product.id } }),
      200,
    );
    expect(ledger.data.map((row) => row.id)).toEqual(posted.map((row) => row.id).sort((x, y) => y - x));

    const csv = await csvOf(
      await request.get('/api/reports/movements', { headers: bearer(manager.token), params: { format: 'csv', productId: String(product.id) } }),
      `movements-${isoDay(0)}.csv`,
    );
    expect(csv.header).toEqual(MOVEMENT_HEADER);
    expect(csv.rows.map((row) => Number(row.id))).toEqual(ledger.data.map((row) => row.id));
    const [transferIn, transferOut, shipment, receipt] = csv.rows as [Record<string, string>, Record<string, string>, Record<string, string>, Record<string, string>];
    expect(receipt).toMatchObject({ type: 'RECEIPT', sku: product.sku, product: "'-minus first", quantity: '10', balance_after: '10', unit_cost: '2.25', reason: '', reference: "'+PO-1", transfer_id: '' });
    expect(shipment).toMatchObject({ type: 'SHIPMENT', quantity: '-4', balance_after: '6', unit_cost: '', reason: "'=1+2", reference: 'SO, "rush"' });
    expect(transferOut).toMatchObject({ type: 'TRANSFER', quantity: '-1', balance_after: '5' });
    expect(transferIn).toMatchObject({ type: 'TRANSFER', quantity: '1', balance_after: '1', location: shelf.code });
    expect(transferIn.transfer_id).toBe(transferOut.transfer_id);
    expect(transferIn.transfer_id).not.toBe('');
    for (const row of csv.rows) {
      expect(row.created_at).toBe(ledger.data.find((entry) => entry.id === Number(row.id))!.createdAt);
      expect(row.created_by).toMatch(/^manager-[0-9a-f]{8}@e2e\.test$/);
    }

    const file = await request.get('/api/reports/movements', { headers: bearer(manager.token), params: { productId: String(product.id), type: 'SHIPMENT' } });
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toMatch(/^application\/json\b/);
    expect(file.headers()['content-disposition']).toBe(`attachment; filename="movements-${isoDay(0)}.json"`);
    const parsed = JSON.parse(await file.text()) as { data: Array<Record<string, unknown>> };
    expect(parsed.data).toEqual([{ ...ledger.data.find((row) => row.type === 'SHIPMENT'), sku: product.sku, locationCode: expect.any(String) }]);

    const none = await csvOf(
      await request.get('/api/reports/movements', { headers: bearer(manager.token), params: { format: 'csv', productId: String(product.id), to: isoDay(-1) } }),
      /^movements-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(none.rows).toEqual([]);
    expect(none.text).toBe(`${MOVEMENT_HEADER.join(',')}\r\n`);

    await expectError(await request.get('/api/reports/movements', { headers: bearer(manager.token), params: { from: 'soon' } }), 400, 'VALIDATION_FAILED', ['from']);
    await expectError(await request.get('/api/reports/movements'), 401, 'UNAUTHENTICATED');
  });
});

test.describe('POST /api/exports/run', () => {
  async function download(request: APIRequestContext, token: string, record: ExportRecord) {
    const response = await request.get(record.downloadUrl, { headers: bearer(token) });
    expect(response.status(), await response.text()).toBe(200);
    expect(response.headers()['content-type']).toMatch(record.format === 'csv' ? /^text\/csv\b/ : /^application\/json\b/);
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="${record.fileName}"`);
    const bytes = await response.body();
    expect(bytes.byteLength).toBe(record.sizeBytes);
    return { response, text: bytes.toString('utf8') };
  }

  /** Parses a downloaded export and checks its row count against the record. */
  async function parsedExport(request: APIRequestContext, token: string, record: ExportRecord) {
    const { text } = await download(request, token, record);
    if (record.format === 'json') {
      const body = JSON.parse(text) as { data: Array<Record<string, unknown>> };
      expect(body.data).toHaveLength(record.rowCount);
      return { json: body, csv: undefined };
    }
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(record.kind === 'low-stock' ? LOW_STOCK_HEADER : VALUATION_HEADER);
    // The valuation file ends with its totals row.
    expect(rows).toHaveLength(record.rowCount + (record.kind === 'stock-valuation' ? 1 : 0));
    return { json: undefined, csv: rows.map((row) => Object.fromEntries(header!.map((name, column) => [name, row[column]!]))) };
  }

  test('an ADMIN runs it: four files, listed, downloadable, with the same rows as the reports', async ({ request }) => {
    const admin = await userFor(request, 'ADMIN');
    const viewer = await tokenFor(request, 'VIEWER');
    const low = await createProduct(request, admin.token, { reorderLevel: 6, reorderQuantity: 2, name: '=cmd|"/c calc"!A1' });
    await move(request, admin.token, { productId: low.id, type: 'RECEIPT', quantity: 5, unitCost: '3.00' });
    await move(request, admin.token, { productId: low.id, type: 'RECEIPT', quantity: 1, unitCost: '4.20' });
    await move(request, admin.token, { productId: low.id, type: 'SHIPMENT', quantity: 3 });

    const run = await json<{ data: ExportRecord[] }>(await request.post('/api/exports/run', { headers: bearer(admin.token) }), 201);
    expect(run.data).toHaveLength(4);
    expect(run.data.map((record) => `${record.kind}.${record.format}`).sort()).toEqual(['low-stock.csv', 'low-stock.json', 'stock-valuation.csv', 'stock-valuation.json']);
    for (const record of run.data) {
      expect(record).toMatchObject({ createdBy: admin.id, downloadUrl: `/api/exports/${record.id}/download`, sizeBytes: expect.any(Number), rowCount: expect.any(Number) });
      expect(record.fileName).toMatch(new RegExp(`^${record.kind}-\\d{8}T\\d{6}Z-[0-9a-f]{8}\\.${record.format}$`));
      expect(record.sizeBytes).toBeGreaterThan(0);
      expect(Math.abs(Date.parse(record.createdAt) - Date.now())).toBeLessThan(5 * 60_000);
    }
    expect(new Set(run.data.map((record) => record.id)).size).toBe(4);

    const listed = await json<{ data: ExportRecord[]; nextCursor: string | null }>(await request.get('/api/exports', { headers: bearer(viewer), params: { limit: 200 } }), 200);
    for (const record of run.data) expect(listed.data.find((entry) => entry.id === record.id)).toEqual(record);

    const find = (kind: ExportRecord['kind'], format: ExportRecord['format']) => run.data.find((record) => record.kind === kind && record.format === format)!;
    const reportLow = (await lowStock(request, viewer)).data.find((row) => row.productId === low.id);
    // 5 @ 3.00 + 1 @ 4.20 = 19.20 for 6, average 3.20; 3 left are worth 9.60.
    const reportValue = (await valuation(request, viewer)).data.find((row) => row.productId === low.id);
    expect(reportLow).toMatchObject({ onHand: 3, suggestedOrderQuantity: 3 });
    expect(reportValue).toMatchObject({ quantity: 3, unitCost: '3.2000', value: '9.60' });

    const lowJson = (await parsedExport(request, viewer, find('low-stock', 'json'))).json!;
    expect(lowJson.data.find((row) => row.productId === low.id)).toEqual(reportLow);
    const valueJson = (await parsedExport(request, viewer, find('stock-valuation', 'json'))).json! as unknown as Valuation;
    expect(valueJson.data.find((row) => row.productId === low.id)).toEqual(reportValue);
    expect(cents(valueJson.totalValue)).toBe(valueJson.data.reduce((sum, row) => sum + cents(row.value), 0));

    const lowCsv = (await parsedExport(request, viewer, find('low-stock', 'csv'))).csv!;
    const liveLowCsv = await csvOf(await request.get('/api/reports/low-stock', { headers: bearer(viewer), params: { format: 'csv' } }), `low-stock-${isoDay(0)}.csv`);
    expect(lowCsv.find((row) => row.sku === low.sku)).toEqual(liveLowCsv.rows.find((row) => row.sku === low.sku));
    expect(lowCsv.find((row) => row.sku === low.sku)).toMatchObject({ name: `'=cmd|"/c calc"!A1`, on_hand: '3', suggested_order_quantity: '3' });
    const valueCsv = (await parsedExport(request, viewer, find('stock-valuation', 'csv'))).csv!;
    const liveValueCsv = await csvOf(await request.get('/api/reports/stock-valuation', { headers: bearer(viewer), params: { format: 'csv' } }), `stock-valuation-${isoDay(0)}.csv`);
    expect(valueCsv.find((row) => row.sku === low.sku)).toEqual(liveValueCsv.rows.find((row) => row.sku === low.sku));
    expect(valueCsv.find((row) => row.sku === low.sku)).toMatchObject({ quantity: '3', unit_cost: '3.2000', value: '9.60' });
  });

  test('only an ADMIN (or the scheduler) may run it; downloads need credentials', async ({ request }) => {
    const clerkUser = await userFor(request, 'CLERK');
    const managerUser = await userFor(request, 'MANAGER');
    const clerk = clerkUser.token;
    const manager = managerUser.token;
    const admin = await tokenFor(request, 'ADMIN');

    await expectError(await request.post('/api/exports/run', { headers: bearer(clerk) }), 403, 'FORBIDDEN');
    await expectError(await request.post('/api/exports/run', { headers: bearer(manager) }), 403, 'FORBIDDEN');
    await expectError(await request.post('/api/exports/run'), 401, 'UNAUTHENTICATED');
    await expectError(await request.post('/api/exports/run', { headers: bearer('not-the-cron-secret') }), 401, 'UNAUTHENTICATED');
    // GET is only for a scheduler holding CRON_SECRET, even for an ADMIN.
    await expectError(await request.get('/api/exports/run', { headers: bearer(admin) }), 405, 'METHOD_NOT_ALLOWED');
    await expectError(await request.get('/api/exports/run'), 401, 'UNAUTHENTICATED');
    await expectError(await request.get('/api/exports'), 401, 'UNAUTHENTICATED');

    // None of the refused calls wrote an export in their name.
    const after = await json<{ data: ExportRecord[] }>(await request.get('/api/exports', { headers: bearer(admin), params: { limit: 200 } }), 200);
    expect(after.data.filter((record) => record.createdBy === clerkUser.id || record.createdBy === managerUser.id)).toEqual([]);

    const run = await json<{ data: ExportRecord[] }>(await request.post('/api/exports/run', { headers: bearer(admin) }), 201);
    const record = run.data[0]!;
    await expectError(await request.get(record.downloadUrl), 401, 'UNAUTHENTICATED');
    await expectError(await request.get('/api/exports/2000000000/download', { headers: bearer(clerk) }), 404, 'NOT_FOUND');
    await expectError(await request.get('/api/exports/abc/download', { headers: bearer(clerk) }), 404, 'NOT_FOUND');
    const byClerk = await request.get(record.downloadUrl, { headers: bearer(clerk) });
    expect(byClerk.status()).toBe(200);
    expect((await byClerk.body()).byteLength).toBe(record.sizeBytes);
  });

  test('the scheduler runs it with CRON_SECRET, by POST or by GET (Vercel Cron), as no user', async ({ request }) => {
    const admin = await tokenFor(request, 'ADMIN');
    const scheduler = bearer(CRON_SECRET);
    for (const method of ['post', 'get'] as const) {
      const run = await json<{ data: ExportRecord[] }>(await request[method]('/api/exports/run', { headers: scheduler }), 201);
      expect(run.data.map((record) => `${record.kind}.${record.format}`).sort()).toEqual(['low-stock.csv', 'low-stock.json', 'stock-valuation.csv', 'stock-valuation.json']);
      for (const record of run.data) expect(record).toMatchObject({ createdBy: null, downloadUrl: `/api/exports/${record.id}/download` });
      const listed = await json<{ data: ExportRecord[] }>(await request.get('/api/exports', { headers: bearer(admin), params: { limit: 200 } }), 200);
      for (const record of run.data) expect(listed.data.find((entry) => entry.id === record.id)).toEqual(record);
      await parsedExport(request, admin, run.data.find((record) => record.format === 'csv')!);
    }
    // The secret runs the export and nothing else: it is no API token.
    await expectError(await request.get('/api/exports', { headers: scheduler }), 401, 'UNAUTHENTICATED');
    await expectError(await request.post('/api/exports/run', { headers: bearer(`${CRON_SECRET}x`) }), 401, 'UNAUTHENTICATED');
  });

  test('two concurrent runs both succeed with eight distinct, complete files', async ({ request }) => {
    const admin = await tokenFor(request, 'ADMIN');
    const product = await createProduct(request, admin, { reorderLevel: 3, name: 'Concurrent, "export"' });
    await move(request, admin, { productId: product.id, type: 'RECEIPT', quantity: 2, unitCost: '0.99' });

    const runs = await Promise.all([0, 1].map(() => request.post('/api/exports/run', { headers: bearer(admin) })));
    const records = (await Promise.all(runs.map((response) => json<{ data: ExportRecord[] }>(response, 201)))).flatMap((body) => body.data);
    expect(records).toHaveLength(8);
    expect(new Set(records.map((record) => record.id)).size).toBe(8);
    expect(new Set(records.map((record) => record.fileName)).size).toBe(8);

    for (const record of records) {
      const { json: body, csv } = await parsedExport(request, admin, record);
      if (record.kind === 'low-stock') {
        const row = body ? body.data.find((entry) => entry.productId === product.id) : csv!.find((entry) => entry.sku === product.sku);
        expect(row, `${record.fileName} holds the low product`).toBeDefined();
      } else {
        const row = body ? body.data.find((entry) => entry.productId === product.id) : csv!.find((entry) => entry.sku === product.sku);
        expect(row, record.fileName).toMatchObject(body ? { quantity: 2, value: '1.98' } : { quantity: '2', value: '1.98', name: 'Concurrent, "export"' });
      }
    }
  });
});

test('methods a report, export or alert route does not support are 405 in the API error shape', async ({ request }) => {
  // API.md: "Errors always have this shape"; the stock-movement routes already answer this way.
  const admin = await tokenFor(request, 'ADMIN');
  const attempts: Array<['post' | 'put' | 'patch' | 'delete' | 'get', string]> = [
    ['post', '/api/reports/low-stock'],
    ['delete', '/api/reports/stock-valuation'],
    ['put', '/api/reports/movements'],
    ['delete', '/api/exports'],
    ['put', '/api/exports/run'],
    ['post', '/api/exports/1/download'],
    ['delete', '/api/inventory-alerts'],
    ['get', '/api/inventory-alerts/1/dismiss'],
  ];
  for (const [method, path] of attempts) {
    const response = await request[method](path, { headers: bearer(admin) });
    expect(response.status(), `${method} ${path}`).toBe(405);
    const text = await response.text();
    expect(response.headers()['content-type'] ?? '', `${method} ${path}: content-type`).toMatch(/^application\/json\b/);
    expect(JSON.parse(text || 'null'), `${method} ${path}: ${JSON.stringify(text)}`).toMatchObject({ ...errorShape, code: 'METHOD_NOT_ALLOWED' });
    expect(response.headers().allow, `${method} ${path}: Allow`).toBeTruthy();
  }
});
