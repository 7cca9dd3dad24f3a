import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { createProduct } from '@/lib/inventory/create-product';
import { createProductSchema } from '@/lib/inventory/product-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { verifyLedger } from '@/lib/inventory/verify-ledger';

let sequence = 0;

async function productWithStock({ stock, reorderLevel }: { stock: number; reorderLevel: number }) {
  sequence += 1;
  const tag = `race-${process.pid}-${sequence}-${Date.now()}`;
  const user = await db().user.create({ data: { email: `${tag}@test.local`, name: 'Racer', passwordHash: 'unused', role: 'CLERK' } });
  const product = await createProduct({
    input: createProductSchema.parse({ sku: tag, name: 'Contended item', price: '9.99', reorderLevel }),
    actorId: user.id,
  });
  await postMovements({ actorId: user.id, movements: [{ productId: product.id, type: 'RECEIPT', quantity: stock, reason: null, reference: null }] });
  return { userId: user.id, productId: product.id };
}

async function expectConsistent(productId: number, expectedOnHand: number) {
  const product = await db().product.findUniqueOrThrow({ where: { id: productId } });
  const ledger = await db().stockMovement.aggregate({ where: { productId }, _sum: { quantity: true } });
  const levels = await db().stockLevel.aggregate({ where: { productId }, _sum: { onHand: true } });
  expect(product.onHand).toBe(expectedOnHand);
  expect(ledger._sum.quantity).toBe(expectedOnHand);
  expect(levels._sum.onHand).toBe(expectedOnHand);
  expect(await db().inventoryAlert.count({ where: { productId, status: 'ACTIVE' } })).toBe(1);
  expect((await verifyLedger()).discrepancies).toEqual([]);
}

function runWorker(env: Record<string, string>): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), ['tests/integration/fixtures/ship-worker.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker exited ${code}: ${stderr}`));
      const lastLine = stdout.trim().split('\n').at(-1) ?? '{}';
      resolve(JSON.parse(lastLine) as Record<string, number>);
    });
  });
}

describe('oversell protection under concurrency', () => {
  it('300 concurrent shipments of 1 against 100 in stock: exactly 100 succeed, one alert', async () => {
    const { userId, productId } = await productWithStock({ stock: 100, reorderLevel: 10 });
    const outcomes = await Promise.all(
      Array.from({ length: 300 }, () =>
        postMovements({ actorId: userId, movements: [{ productId, type: 'SHIPMENT', quantity: 1, reason: null, reference: null }] }).then(
          () => 'OK',
          (error: unknown) => (isAppError(error) ? error.code : `UNEXPECTED ${String(error)}`),
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'OK')).toHaveLength(100);
    expect(outcomes.filter((outcome) => outcome === 'INSUFFICIENT_STOCK')).toHaveLength(200);
    await expectConsistent(productId, 0);
  });

  it('the same across two OS processes sharing the database', async () => {
    const { userId, productId } = await productWithStock({ stock: 100, reorderLevel: 10 });
    const env = { PRODUCT_ID: String(productId), ACTOR_ID: String(userId), SHIPMENTS: '150', DATABASE_URL: process.env.DATABASE_URL ?? '' };
    const tallies = await Promise.all([runWorker(env), runWorker(env)]);
    const total = (code: string) => tallies.reduce((sum, tally) => sum + (tally[code] ?? 0), 0);
    expect(Object.keys(Object.assign({}, ...tallies)).sort()).toEqual(['INSUFFICIENT_STOCK', 'OK']);
    expect(total('OK')).toBe(100);
    expect(total('INSUFFICIENT_STOCK')).toBe(200);
    await expectConsistent(productId, 0);
  }, 60_000);
});
