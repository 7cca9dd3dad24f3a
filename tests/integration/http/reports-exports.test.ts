import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, callerWithRole, createProduct, UNKNOWN_TOKEN, type Caller } from './api';

// The environment is read once, on first use: these are set before any handler runs.
const exportDir = mkdtempSync(join(tmpdir(), 'stockroom-contract-exports-'));
process.env.EXPORT_DIR = exportDir;
const CRON_SECRET = 'contract-test-cron-secret-0123456789';
process.env.CRON_SECRET = CRON_SECRET;
afterAll(() => rmSync(exportDir, { recursive: true, force: true }));

let manager: Caller;
let viewer: Caller;
let sku: string;
/** A name a spreadsheet would run as a formula: CSV answers neutralise it with a leading apostrophe. */
const FORMULA_NAME = `=HYPERLINK("http://evil.test") ${Date.now()}`;

beforeAll(async () => {
  manager = await callerWithRole('MANAGER');
  viewer = await callerWithRole('VIEWER');
  const product = await createProduct(manager.token, { reorderLevel: 10, name: FORMULA_NAME });
  sku = product.sku;
  await api.post('/api/stock-movements', { token: manager.token, json: { productId: product.id, type: 'RECEIPT', quantity: 4, unitCost: '2.00' } });
});

describe('reports', () => {
  it('GET /api/reports/low-stock as JSON and CSV', async () => {
    const json = await api.get<{ data: Array<{ sku: string; suggestedOrderQuantity: number }> }>('/api/reports/low-stock', { token: viewer.token });
    expect(json.status).toBe(200);
    expect(json.body.data.find((row) => row.sku === sku)?.suggestedOrderQuantity).toBe(6);
    const csv = await api.get<string>('/api/reports/low-stock', { token: viewer.token, query: { format: 'csv' } });
    expect(csv.body.split('\r\n')[0]).toContain('sku');
    expect(csv.body).toContain(sku);
    expect(csv.body).toContain(`'${FORMULA_NAME.replaceAll('"', '""')}`);
    expect((await api.get('/api/reports/low-stock', { token: viewer.token, query: { format: 'xml' } })).status).toBe(400);
    expect((await api.get('/api/reports/low-stock', { token: UNKNOWN_TOKEN })).status).toBe(401);
  });

  it('GET /api/reports/stock-valuation now and as of a day, as JSON and CSV', async () => {
    const now = await api.get<{ data: Array<{ sku: string; quantity: number; value: string }>; totalValue: string }>('/api/reports/stock-valuation', { token: viewer.token });
    expect(now.body.data.find((row) => row.sku === sku)).toMatchObject({ quantity: 4, value: '8.00' });
    const past = await api.get<{ asOf: string; data: unknown[] }>('/api/reports/stock-valuation', { token: viewer.token, query: { asOf: '2020-01-01' } });
    expect(past.body).toMatchObject({ asOf: '2020-01-01', data: [] });
    const csv = await api.get<string>('/api/reports/stock-valuation', { token: viewer.token, query: { format: 'csv' } });
    expect(csv.body).toContain(sku);
    expect((await api.get('/api/reports/stock-valuation', { token: viewer.token, query: { asOf: '2020-13-45' } })).status).toBe(400);
    expect((await api.get('/api/reports/stock-valuation', { token: UNKNOWN_TOKEN })).status).toBe(401);
  });

  it('GET /api/reports/movements streams the ledger as JSON and CSV', async () => {
    const json = await api.get<{ data: Array<{ sku: string; locationCode: string }> }>('/api/reports/movements', { token: viewer.token });
    expect(json.body.data.find((row) => row.sku === sku)).toBeDefined();
    const csv = await api.get<string>('/api/reports/movements', { token: viewer.token, query: { format: 'csv' } });
    expect(csv.body).toContain(sku);
    expect((await api.get('/api/reports/movements', { token: viewer.token, query: { from: 'yesterday' } })).status).toBe(400);
    expect((await api.get('/api/reports/movements', { token: UNKNOWN_TOKEN })).status).toBe(401);
  });
});

describe('exports', () => {
  it('run by an ADMIN or the scheduler, listed, downloaded', async () => {
    const admin = await callerWithRole('ADMIN');
    expect((await api.post('/api/exports/run', { token: manager.token })).status).toBe(403);
    expect((await api.post('/api/exports/run', { token: UNKNOWN_TOKEN })).status).toBe(401);
    const run = await api.post<{ data: Array<{ id: number; kind: string; format: string }> }>('/api/exports/run', { token: admin.token });
    expect(run.status).toBe(201);
    expect(run.body.data.map((file) => `${file.kind}.${file.format}`).sort()).toEqual(['low-stock.csv', 'low-stock.json', 'stock-valuation.csv', 'stock-valuation.json']);

    const scheduled = await api.get<{ data: unknown[] }>('/api/exports/run', { token: CRON_SECRET });
    expect(scheduled.status).toBe(201);
    expect((await api.get('/api/exports/run', { token: admin.token })).status).toBe(405);
    expect((await api.get('/api/exports/run', { token: UNKNOWN_TOKEN })).status).toBe(401);

    const listed = await api.get<{ data: Array<{ id: number }> }>('/api/exports', { token: viewer.token, query: { limit: 200 } });
    expect(listed.body.data.map((file) => file.id)).toEqual(expect.arrayContaining(run.body.data.map((file) => file.id)));
    expect((await api.get('/api/exports', { token: UNKNOWN_TOKEN })).status).toBe(401);

    for (const file of run.body.data) {
      const downloaded = await api.get('/api/exports/{id}/download', { token: viewer.token, params: { id: file.id } });
      expect(downloaded.status).toBe(200);
      expect(downloaded.response.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    }
    expect((await api.get('/api/exports/{id}/download', { token: viewer.token, params: { id: 999_999 } })).status).toBe(404);
  });
});
