import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { adminToken, bearer } from './fixtures/api';

/**
 * Bad input of any shape gets a clear 4xx in the API's error shape and never a 500: random
 * JSON bodies, random query strings and odd ids against every writing and listing endpoint.
 */
const WRITE_ENDPOINTS: Array<{ method: 'post' | 'patch' | 'put'; path: string }> = [
  { method: 'post', path: '/api/products' },
  { method: 'post', path: '/api/products/bulk' },
  { method: 'patch', path: '/api/products/1' },
  { method: 'put', path: '/api/products/1/suppliers/1' },
  { method: 'post', path: '/api/categories' },
  { method: 'patch', path: '/api/categories/1' },
  { method: 'post', path: '/api/suppliers' },
  { method: 'patch', path: '/api/suppliers/1' },
  { method: 'post', path: '/api/locations' },
  { method: 'patch', path: '/api/locations/1' },
  { method: 'post', path: '/api/stock-movements' },
  { method: 'post', path: '/api/stock-movements/batch' },
  { method: 'post', path: '/api/users' },
  { method: 'patch', path: '/api/users/1' },
  { method: 'post', path: '/api/tokens' },
];

const LIST_ENDPOINTS = [
  '/api/products',
  '/api/categories',
  '/api/suppliers',
  '/api/locations',
  '/api/stock-movements',
  '/api/inventory-alerts',
  '/api/users',
  '/api/tokens',
  '/api/exports',
  '/api/reports/low-stock',
  '/api/reports/stock-valuation',
];

const QUERY_KEYS = ['limit', 'cursor', 'offset', 'sort', 'q', 'productId', 'locationId', 'categoryId', 'supplierId', 'type', 'from', 'to', 'status', 'format', 'asOf', 'lowStock', 'includeDeleted'];

function expectClientError(status: number, body: unknown, what: string): void {
  expect(status, what).toBeGreaterThanOrEqual(400);
  expect(status, what).toBeLessThan(500);
  expect(body, what).toMatchObject({ code: expect.any(String), message: expect.any(String) });
}

test('random JSON bodies never cause a 500', async ({ request }) => {
  test.setTimeout(120_000);
  const headers = { ...bearer(await adminToken(request)), 'content-type': 'application/json' };
  const bodies = fc.sample(fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('sku', 'name', 'price', 'quantity', 'type', 'productId', 'movements', 'products', 'email', 'role', 'code'), fc.jsonValue())), { numRuns: 25, seed: 7 });
  for (const endpoint of WRITE_ENDPOINTS) {
    for (const body of bodies) {
      const response = await request[endpoint.method](endpoint.path, { headers, data: JSON.stringify(body) });
      if (response.status() < 300) continue;
      expectClientError(response.status(), await response.json(), `${endpoint.method} ${endpoint.path} ${JSON.stringify(body)}`);
    }
    const broken = await request[endpoint.method](endpoint.path, { headers, data: '{"unterminated": [1, 2' });
    expectClientError(broken.status(), await broken.json(), `${endpoint.path} malformed JSON`);
  }
});

test('random query strings and odd ids never cause a 500', async ({ request }) => {
  test.setTimeout(120_000);
  const headers = bearer(await adminToken(request));
  const queries = fc.sample(fc.dictionary(fc.constantFrom(...QUERY_KEYS), fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('-1', '1e9', 'true', '2026-02-30', '', '%'))), { numRuns: 20, seed: 11 });
  for (const path of LIST_ENDPOINTS) {
    for (const query of queries) {
      const response = await request.get(path, { headers, params: query });
      if (response.status() < 300) continue;
      expectClientError(response.status(), await response.json(), `${path}?${new URLSearchParams(query).toString()}`);
    }
  }
  for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999', '%20', '2147483648']) {
    for (const base of ['/api/products', '/api/categories', '/api/suppliers', '/api/locations', '/api/stock-movements', '/api/exports']) {
      const response = await request.get(`${base}/${id}${base === '/api/exports' ? '/download' : ''}`, { headers });
      expectClientError(response.status(), await response.json(), `${base}/${id}`);
    }
  }
});
