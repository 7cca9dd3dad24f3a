import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Sqlite from 'better-sqlite3';
import { assembleStandalone, startStandalone, type StandaloneServer } from '../../scripts/standalone-server';
import { E2E_PORT } from './fixtures/constants';

/**
 * The artefact the container image runs (issue 13): the standalone folder assembled by
 * scripts/assemble-standalone.mjs, the script the Dockerfile calls, started through its
 * entrypoint (migrations, then `node server.js`) on a fresh SQLite database, with nothing from
 * the project's own node_modules. Then its structured logs, and its stop on SIGTERM.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const ADMIN = { email: 'owner@standalone.test', password: 'standalone-admin-password-7Q' };
const dataDir = mkdtempSync(join(tmpdir(), 'stockroom-standalone-'));
const databaseFile = join(dataDir, 'inventory.db');
let server: StandaloneServer;
let token: string;
let productId: number;

test.beforeAll(async () => {
  const folder = assembleStandalone(join(process.cwd(), `build/standalone-e2e-${E2E_PORT}`));
  server = await startStandalone({
    folder,
    env: { DATABASE_URL: `file:${databaseFile}`, EXPORT_DIR: join(dataDir, 'exports'), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'info' },
  });
});

test.afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown>; requestId: string | null }> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body) headers.set('content-type', 'application/json');
  const response = await fetch(`${server.url}${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, requestId: response.headers.get('x-request-id') };
}

/** The JSON lines the server logged (Next.js's own start-up lines are plain text). */
function logLines(): Record<string, unknown>[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('serves a fresh database: health, sign-in with the first admin, a movement posted and read back, static files', async () => {
  const health = await call('/api/health');
  expect(health).toMatchObject({ status: 200, body: { status: 'ok', database: 'sqlite', migrations: 'current' } });

  const exchange = await call('/api/tokens', { method: 'POST', body: JSON.stringify({ ...ADMIN, name: 'standalone' }) });
  expect(exchange.status).toBe(201);
  token = exchange.body.token as string;

  const product = await call('/api/products', { method: 'POST', body: JSON.stringify({ sku: 'BOX-1', name: 'Boxed thing', price: '4.00' }) });
  expect(product.status).toBe(201);
  productId = product.body.id as number;
  const posted = await call('/api/stock-movements', { method: 'POST', body: JSON.stringify({ productId, type: 'RECEIPT', quantity: 12, unitCost: '1.50' }) });
  expect(posted.status).toBe(201);
  const listed = await call(`/api/stock-movements?productId=${productId}`);
  expect(listed.status).toBe(200);
  expect(listed.body.data).toEqual([expect.objectContaining({ productId, type: 'RECEIPT', quantity: 12, balanceAfter: 12 })]);

  // Static files and public/ are copied in by the assemble script, not by Next.js.
  const page = await fetch(`${server.url}/login`).then((response) => response.text());
  const script = /\/_next\/static\/[^"']+\.js/.exec(page)?.[0];
  expect(script, 'the sign-in page (/login) references a static script').toBeTruthy();
  expect((await fetch(`${server.url}${script}`)).status).toBe(200);
});

test('health answers 503 while a migration of this build is not applied', async () => {
  const database = new Sqlite(databaseFile);
  const latest = (database.prepare('SELECT "migration_name" AS name FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1').get() as { name: string }).name;
  database.prepare('UPDATE "_prisma_migrations" SET "rolled_back_at" = ? WHERE "migration_name" = ?').run(new Date().toISOString(), latest);
  try {
    const pending = await call('/api/health');
    expect(pending).toMatchObject({ status: 503, body: { status: 'unavailable', migrations: 'pending', reason: 'migrations-pending' } });
  } finally {
    database.prepare('UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "migration_name" = ?').run(latest);
    database.close();
  }
  expect((await call('/api/health')).status).toBe(200);
});

test('logs one JSON line per request with its id, sent back as x-request-id, and never a password or token', async () => {
  const answered = await call(`/api/products/${productId}`, { headers: { 'x-request-id': 'trace-from-proxy-42' } });
  expect(answered.requestId).toBe('trace-from-proxy-42');
  const refused = await call('/api/tokens', { method: 'POST', body: JSON.stringify({ email: ADMIN.email, password: 'a-wrong-password-9x', name: 'x' }) });
  expect(refused.status).toBe(401);
  expect(refused.requestId).toMatch(/^[0-9a-f-]{36}$/);

  await expect.poll(() => logLines().some((line) => line.requestId === refused.requestId)).toBe(true);
  const lines = logLines();
  expect(lines.find((line) => line.requestId === 'trace-from-proxy-42')).toMatchObject({
    level: 'info',
    msg: 'request',
    method: 'GET',
    path: `/api/products/${productId}`,
    status: 200,
    durationMs: expect.any(Number),
  });
  expect(lines.find((line) => line.requestId === refused.requestId)).toMatchObject({ method: 'POST', path: '/api/tokens', status: 401 });
  expect(lines.filter((line) => line.msg === 'request' && line.path === '/api/stock-movements').map((line) => line.status)).toEqual([201, 200]);

  const output = server.output();
  for (const secret of [token, token.slice(3), ADMIN.password, 'a-wrong-password-9x']) expect(output).not.toContain(secret);
});

test('SIGTERM: a request in flight is answered 201, new requests get 503 (health says draining), then the process exits 0', async () => {
  const body = JSON.stringify({ productId, type: 'RECEIPT', quantity: 5, unitCost: '1.50' });
  // A request whose body is still arriving when the signal comes: in flight, not finished.
  const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      `${server.url}/api/stock-movements`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.write(body.slice(0, 12));
    setTimeout(() => request.end(body.slice(12)), 3_000);
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  server.child.kill('SIGTERM');
  await expect.poll(() => server.output()).toContain('"msg":"shutting down');

  const health = await call('/api/health');
  expect(health).toMatchObject({ status: 503, body: { status: 'unavailable', reason: 'draining' } });
  const refused = await call('/api/products');
  expect(refused).toMatchObject({ status: 503, body: { code: 'SERVICE_UNAVAILABLE' } });

  const answered = await inFlight;
  expect(answered.status, answered.text).toBe(201);
  expect(await server.exited).toBe(0);

  const database = new Sqlite(databaseFile, { readonly: true });
  const quantities = database.prepare('SELECT "quantity" FROM "stock_movements" WHERE "product_id" = ? ORDER BY "id"').all(productId);
  database.close();
  expect(quantities).toEqual([{ quantity: 12 }, { quantity: 5 }]);
  expect(logLines().at(-1)).toMatchObject({ msg: 'stopped', clean: true });
});
