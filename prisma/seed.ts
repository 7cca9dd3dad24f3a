import { randomUUID } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { db, disconnectDatabase } from '@/lib/db/client';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { DEMO_CATEGORIES, DEMO_LOCATIONS, DEMO_PASSWORD, DEMO_SUPPLIERS, DEMO_USERS } from './seed-data';

/**
 * Demo data for a fresh database: a coffee and kitchen shop with about 200 products over three
 * locations and four months of history. The history is simulated day by day per product, so
 * every ledger row has the right balance, stock never goes below zero, and alerts opened and
 * resolved as stock crossed reorder levels; the seed then checks itself with verifyLedger.
 * Deterministic (seeded random numbers). Does nothing if the database already has products.
 */

const DAYS = 120;
const DAY_MS = 86_400_000;

/** mulberry32: a small, well-known seeded generator, so every demo database is the same. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const rand = random(20261125);
const between = (low: number, high: number) => Math.floor(low + rand() * (high - low + 1));
const chance = (p: number) => rand() < p;

interface Movement {
  productId: number;
  locationId: number;
  type: 'RECEIPT' | 'SHIPMENT' | 'ADJUSTMENT' | 'TRANSFER' | 'COUNT';
  quantity: number;
  balanceAfter: number;
  unitCostCents: number | null;
  reason: string | null;
  reference: string | null;
  transferId: string | null;
  createdById: number;
  createdAt: Date;
}

interface Alert {
  productId: number;
  status: 'ACTIVE' | 'DISMISSED' | 'RESOLVED';
  onHandAtTrigger: number;
  reorderLevel: number;
  createdAt: Date;
  dismissedAt: Date | null;
  resolvedAt: Date | null;
}

interface ProductPlan {
  id: number;
  costCents: number;
  reorderLevel: number;
  reorderQuantity: number;
  dailySales: number;
  leadTimeDays: number;
  /** Left short at the end of the history, so the demo shows low stock. */
  starved: boolean;
}

async function main(): Promise<void> {
  const client = db();
  if ((await client.product.count()) > 0) {
    console.log('Database already seeded; nothing to do.');
    return;
  }
  const started = performance.now();
  const start = new Date(Date.now() - DAYS * DAY_MS);
  start.setUTCHours(0, 0, 0, 0);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = [];
  for (const user of DEMO_USERS) {
    users.push(await client.user.upsert({ where: { email: user.email }, update: {}, create: { ...user, passwordHash } }));
  }
  const staff = users.filter((user) => user.role !== 'VIEWER').map((user) => user.id);
  const main = await client.location.findFirstOrThrow({ where: { isDefault: true } });
  const back = await client.location.create({ data: DEMO_LOCATIONS.back });
  const shop = await client.location.create({ data: DEMO_LOCATIONS.shop });
  const suppliers = await Promise.all(DEMO_SUPPLIERS.map((supplier) => client.supplier.create({ data: supplier })));

  const plans: ProductPlan[] = [];
  for (const category of DEMO_CATEGORIES) {
    const created = await client.category.create({ data: { name: category.name, description: category.description } });
    let sequence = 0;
    for (const kind of category.kinds) {
      for (const variant of category.variants) {
        sequence += 1;
        const priceCents = Math.round(between(category.priceRange[0], category.priceRange[1]) / 50) * 50 - 1;
        const costCents = Math.round(priceCents * (0.42 + rand() * 0.16));
        const dailySales = 0.15 + rand() * 2.4;
        const reorderLevel = Math.max(3, Math.round(dailySales * between(5, 9)));
        const sku = `${category.prefix}-${String(sequence).padStart(3, '0')}`;
        const name = variant === 'Standard' ? kind : `${kind}, ${variant}`;
        const product = await client.product.create({
          data: {
            sku,
            skuKey: sku.toLowerCase(),
            name,
            description: `${kind} (${variant.toLowerCase()}). ${category.description}`,
            categoryId: created.id,
            unit: category.unit,
            priceCents,
            costCents,
            reorderLevel,
            safetyStock: Math.floor(reorderLevel / 2),
            reorderQuantity: reorderLevel * between(2, 4),
            createdAt: start,
            updatedAt: start,
          },
        });
        const leadTimeDays = between(2, 10);
        await client.productSupplier.createMany({
          data: category.suppliers.map((index, position) => ({
            productId: product.id,
            supplierId: suppliers[index]!.id,
            leadTimeDays: position === 0 ? leadTimeDays : leadTimeDays + between(2, 6),
            unitCostCents: Math.round(costCents * (position === 0 ? 1 : 1.08)),
            supplierSku: `${category.prefix.slice(0, 2)}${between(10_000, 99_999)}`,
            preferred: position === 0,
          })),
        });
        plans.push({ id: product.id, costCents, reorderLevel, reorderQuantity: product.reorderQuantity, dailySales, leadTimeDays, starved: false });
      }
    }
  }
  for (let picked = 0; picked < 13; ) {
    const plan = plans[between(0, plans.length - 1)]!;
    if (!plan.starved) {
      plan.starved = true;
      picked += 1;
    }
  }

  const movements: Movement[] = [];
  const alerts: Alert[] = [];
  const finalLevels = new Map<string, { productId: number; locationId: number; onHand: number }>();
  const totals = new Map<number, number>();
  for (const plan of plans) simulate(plan);

  function simulate(plan: ProductPlan): void {
    const levels = new Map<number, number>([[main.id, 0], [back.id, 0], [shop.id, 0]]);
    let openAlert: Alert | undefined;
    let arrivalDay: number | undefined;
    // Each product's day runs from 08:00 in small random steps, so its movements keep their order
    // when all products' movements are sorted by time.
    let clockDay = -1;
    let clockMinutes = 0;
    const at = (day: number) => {
      if (day !== clockDay) {
        clockDay = day;
        clockMinutes = 8 * 60;
      }
      clockMinutes += between(1, 20);
      return new Date(start.getTime() + day * DAY_MS + clockMinutes * 60_000 + between(0, 59_999));
    };
    const total = () => [...levels.values()].reduce((sum, value) => sum + value, 0);
    const post = (movement: Omit<Movement, 'balanceAfter' | 'productId' | 'createdById' | 'reason' | 'reference' | 'transferId' | 'unitCostCents'> & Partial<Movement>) => {
      const balance = (levels.get(movement.locationId) ?? 0) + movement.quantity;
      levels.set(movement.locationId, balance);
      movements.push({
        productId: plan.id,
        balanceAfter: balance,
        createdById: staff[between(0, staff.length - 1)]!,
        reason: null,
        reference: null,
        transferId: null,
        unitCostCents: null,
        ...movement,
      });
      const onHand = total();
      if (onHand < plan.reorderLevel && !openAlert) {
        openAlert = { productId: plan.id, status: 'ACTIVE', onHandAtTrigger: onHand, reorderLevel: plan.reorderLevel, createdAt: movement.createdAt, dismissedAt: null, resolvedAt: null };
        alerts.push(openAlert);
      } else if (onHand >= plan.reorderLevel && openAlert) {
        openAlert.status = 'RESOLVED';
        openAlert.resolvedAt = movement.createdAt;
        openAlert = undefined;
      }
    };
    const receive = (day: number, quantity: number) =>
      post({
        locationId: main.id,
        type: 'RECEIPT',
        quantity,
        unitCostCents: Math.round(plan.costCents * (0.95 + rand() * 0.1)),
        reference: `PO-${String(between(1000, 9999))}`,
        createdAt: at(day),
      });

    receive(0, plan.reorderQuantity + plan.reorderLevel * 2);
    for (let day = 1; day < DAYS; day += 1) {
      if (arrivalDay === day) {
        receive(day, plan.reorderQuantity);
        arrivalDay = undefined;
      }
      const orders = Math.floor(plan.dailySales + rand());
      for (let order = 0; order < orders; order += 1) {
        const from = chance(0.3) ? shop.id : main.id;
        const available = levels.get(from) ?? 0;
        if (available === 0) continue;
        post({ locationId: from, type: 'SHIPMENT', quantity: -Math.min(available, between(1, 3)), reference: `SO-${between(10_000, 99_999)}`, createdAt: at(day) });
      }
      const lateInHistory = day > DAYS - 25;
      if (total() < plan.reorderLevel && arrivalDay === undefined && !(plan.starved && lateInHistory)) {
        arrivalDay = Math.min(DAYS - 1, day + plan.leadTimeDays);
      }
      if (day % 14 === 0 && (levels.get(main.id) ?? 0) > plan.reorderLevel) {
        const quantity = between(2, Math.max(2, Math.floor((levels.get(main.id) ?? 0) / 4)));
        const transferId = randomUUID();
        const when = at(day);
        const to = chance(0.7) ? shop.id : back.id;
        post({ locationId: main.id, type: 'TRANSFER', quantity: -quantity, transferId, reason: 'Restock', createdAt: when });
        post({ locationId: to, type: 'TRANSFER', quantity, transferId, reason: 'Restock', createdAt: when });
      }
      if (chance(0.015) && (levels.get(main.id) ?? 0) > 0) {
        post({ locationId: main.id, type: 'ADJUSTMENT', quantity: -1, reason: chance(0.5) ? 'Damaged in handling' : 'Sample for tasting', createdAt: at(day) });
      }
      if (day % 30 === 15) {
        const current = levels.get(back.id) ?? 0;
        const counted = Math.max(0, current + (chance(0.2) ? between(-1, 1) : 0));
        post({ locationId: back.id, type: 'COUNT', quantity: counted - current, reason: 'Monthly count', createdAt: at(day) });
      }
    }
    for (const [locationId, onHand] of levels) finalLevels.set(`${plan.id}:${locationId}`, { productId: plan.id, locationId, onHand });
    totals.set(plan.id, total());
  }

  const active = alerts.filter((alert) => alert.status === 'ACTIVE');
  for (const alert of active.slice(0, 2)) {
    alert.status = 'DISMISSED';
    alert.dismissedAt = new Date(alert.createdAt.getTime() + 3_600_000);
  }

  movements.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await client.$transaction(
    async (tx) => {
      for (let offset = 0; offset < movements.length; offset += 2_000) {
        await tx.stockMovement.createMany({ data: movements.slice(offset, offset + 2_000) });
      }
      await tx.stockLevel.createMany({ data: [...finalLevels.values()].map((level) => ({ ...level, updatedAt: new Date() })) });
      for (const [productId, onHand] of totals) await tx.product.update({ where: { id: productId }, data: { onHand } });
      await tx.inventoryAlert.createMany({ data: alerts });
    },
    { timeout: 120_000 },
  );

  const { discrepancies } = await verifyLedger();
  if (discrepancies.length > 0) {
    throw new Error(`The seed produced an inconsistent ledger: ${JSON.stringify(discrepancies.slice(0, 5))}`);
  }
  const low = [...totals].filter(([id, onHand]) => onHand < plans.find((plan) => plan.id === id)!.reorderLevel).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Seeded ${plans.length} products, ${movements.length} movements, ${alerts.length} alerts (${low} products low on stock) in ${seconds} s.`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDatabase());
