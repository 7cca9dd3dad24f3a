import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApiToken } from '@/lib/auth/create-api-token';
import { ensureFirstAdmin } from '@/lib/auth/ensure-first-admin';
import { db, disconnectDatabase, type Transaction } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { writeTransaction } from '@/lib/db/write-transaction';
import { createProduct } from '@/lib/inventory/create-product';
import { createProductSchema } from '@/lib/inventory/product-schemas';
import { movementBatchEnvelopeSchema, parseMovementBatch } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { writeMovementGroup } from '@/lib/inventory/write-movement-group';
import { POST } from '@/app/api/stock-movements/batch/route';

/**
 * `tsx scripts/profile-batch.ts`: where a 1000-movement request to POST
 * /api/stock-movements/batch spends its time, in-process on a fresh migrated database (SQLite
 * under data/bench/profile-batch, recreated each run; or PostgreSQL when PROFILE_DATABASE_URL
 * names an empty database). Posts the benchmark's batch (1000 shipments of one unit over 100
 * products, as `npm run bench:ledger` does) through the route handler (wall and CPU time per
 * request), then the same batch part by part: the JSON, the zod parse, postMovements, the
 * group's transaction with every statement timed and counted (through a proxy of the
 * transaction), and the answer's serialization. Rounds: PROFILE_ROUNDS (20).
 * PROFILE_WAL_AUTOCHECKPOINT sets the SQLite connection's checkpoint interval in pages (the app
 * sets 10,000 in lib/db/client.ts; 1000 reproduces SQLite's default). Prints the load average
 * beside the figures: on a shared machine only back-to-back comparisons mean anything, and CPU
 * time per request is steadier than wall time. For a function-level profile run it as
 * `node --cpu-prof --import tsx scripts/profile-batch.ts`.
 */
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 20);
const PRODUCTS = 100;

async function setUp(): Promise<{ token: string; productIds: number[]; actorId: number }> {
  let url = process.env.PROFILE_DATABASE_URL;
  if (!url) {
    const dir = join(process.cwd(), 'data/bench/profile-batch');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    url = `file:${join(dir, 'profile.db')}`;
  }
  process.env.DATABASE_URL = url;
  await migrate({ url });
  await ensureFirstAdmin({ email: 'profile@stockroom.test', password: 'profile-password-long' });
  const admin = await db().user.findFirstOrThrow({ where: { email: 'profile@stockroom.test' } });
  const { token } = await createApiToken({ userId: admin.id, name: 'profile', expiresInDays: 1, scope: 'write' });
  const productIds: number[] = [];
  for (let index = 0; index < PRODUCTS; index += 1) {
    const input = createProductSchema.parse({ sku: `PROF-${index}`, name: `Profile item ${index}`, price: '1.00' });
    const product = await createProduct({ input, actorId: admin.id });
    productIds.push(product.id);
  }
  await postMovements({ movements: parseMovementBatch(productIds.map((productId) => ({ productId, type: 'RECEIPT', quantity: 1_000_000_000 }))), actorId: admin.id, batch: true });
  return { token, productIds, actorId: admin.id };
}

interface StatementTiming {
  label: string;
  ms: number;
}

/** A transaction whose raw statements and model calls are timed from the call to their answer. */
function timedTransaction(tx: Transaction, timings: StatementTiming[]): Transaction {
  const time = (label: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    return run().finally(() => timings.push({ label, ms: performance.now() - started }));
  };
  const labelOf = (strings: unknown) => {
    const text = Array.isArray(strings) ? strings.join('?') : String(strings);
    return text.replace(/\s+/g, ' ').trim().slice(0, 48);
  };
  return new Proxy(tx, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === '$queryRaw' || property === '$executeRaw') {
        return (strings: TemplateStringsArray, ...values: unknown[]) =>
          time(labelOf(strings), () => (value as (...args: unknown[]) => Promise<unknown>).call(target, strings, ...values));
      }
      if (typeof property === 'string' && !property.startsWith('$') && value && typeof value === 'object') {
        return new Proxy(value, {
          get(model, method) {
            const fn = Reflect.get(model, method) as unknown;
            if (typeof fn !== 'function') return fn;
            return (...args: unknown[]) => time(`${property}.${String(method)}`, () => (fn as (...a: unknown[]) => Promise<unknown>).apply(model, args));
          },
        });
      }
      return value;
    },
  });
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

async function main(): Promise<void> {
  console.log(`load average at start: ${loadavg().map((value) => value.toFixed(2)).join(' / ')}`);
  const { token, productIds, actorId } = await setUp();
  if (process.env.PROFILE_WAL_AUTOCHECKPOINT) await db().$executeRawUnsafe(`PRAGMA wal_autocheckpoint = ${Number(process.env.PROFILE_WAL_AUTOCHECKPOINT)}`);
  const body = JSON.stringify({ movements: Array.from({ length: 1000 }, (_, index) => ({ productId: productIds[index % PRODUCTS], type: 'SHIPMENT', quantity: 1 })) });
  const request = () =>
    new Request('http://stockroom.test/api/stock-movements/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });

  // The whole door, as the benchmark calls it (minus HTTP and Next.js).
  for (let round = 0; round < 3; round += 1) await POST(request(), undefined as never);
  const routeTimes: number[] = [];
  const routeCpu = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    const response = await POST(request(), undefined as never);
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`batch answered ${response.status}`);
    routeTimes.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(routeCpu);
  const routeCpuMs = (cpu.user + cpu.system) / 1000 / ROUNDS;

  // Part by part.
  const parts: Record<string, number[]> = { 'JSON.parse': [], 'zod envelope': [], 'zod movements': [], 'postMovements (queue + transaction)': [], 'transaction (begin..commit)': [], 'writeMovementGroup': [], 'JSON.stringify answer': [] };
  const statements = new Map<string, number[]>();
  let statementCount = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    let started = performance.now();
    const parsed = JSON.parse(body) as unknown;
    parts['JSON.parse']!.push(performance.now() - started);
    started = performance.now();
    const envelope = movementBatchEnvelopeSchema.parse(parsed);
    parts['zod envelope']!.push(performance.now() - started);
    started = performance.now();
    const movements = parseMovementBatch(envelope.movements);
    parts['zod movements']!.push(performance.now() - started);

    started = performance.now();
    const result = await postMovements({ movements, actorId, batch: true });
    parts['postMovements (queue + transaction)']!.push(performance.now() - started);
    started = performance.now();
    JSON.stringify({ data: result.answer.data });
    parts['JSON.stringify answer']!.push(performance.now() - started);

    const timings: StatementTiming[] = [];
    let inner = 0;
    started = performance.now();
    await writeTransaction(async (tx) => {
      const begun = performance.now();
      const outcomes = await writeMovementGroup(timedTransaction(tx, timings), [{ movements, actorId, batch: true }]);
      inner = performance.now() - begun;
      return outcomes;
    });
    parts['transaction (begin..commit)']!.push(performance.now() - started);
    parts.writeMovementGroup!.push(inner);
    statementCount = timings.length;
    for (const { label, ms } of timings) statements.set(label, [...(statements.get(label) ?? []), ms]);
  }

  console.log(`\nroute handler POST, ${ROUNDS} sequential 1000-movement batches: ${mean(routeTimes).toFixed(1)} ms per request = ${(1000 / (mean(routeTimes) / 1000)).toFixed(0)} movements/s; CPU ${routeCpuMs.toFixed(1)} ms per request`);
  console.log('\nparts, ms per 1000-movement request (mean):');
  for (const [name, values] of Object.entries(parts)) console.log(`  ${name.padEnd(40)} ${mean(values).toFixed(2)}`);
  console.log(`\nstatements inside writeMovementGroup: ${statementCount} per request`);
  let sqlTotal = 0;
  for (const [label, values] of statements) {
    const perRequest = values.reduce((sum, value) => sum + value, 0) / ROUNDS;
    sqlTotal += perRequest;
    console.log(`  ${perRequest.toFixed(2).padStart(7)} ms  x${(values.length / ROUNDS).toFixed(0).padStart(3)}  ${label}`);
  }
  console.log(`  ${sqlTotal.toFixed(2).padStart(7)} ms  in statements; the rest of writeMovementGroup is JavaScript`);
  console.log(`load average at end: ${loadavg().map((value) => value.toFixed(2)).join(' / ')}`);
  await disconnectDatabase();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
