import { randomUUID } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { db, disconnectDatabase, type Transaction } from '@/lib/db/client';
import { insertLedgerRows } from '@/lib/inventory/insert-ledger-rows';
import { receive } from '@/lib/inventory/moving-average';
import { verifyLedger } from '@/lib/inventory/verify-ledger';
import { nameKey } from '@/lib/name-key';
import {
  DEMO_CATEGORIES,
  DEMO_LOCATIONS,
  DEMO_PASSWORD,
  DEMO_SUPPLIERS,
  DEMO_USERS,
  type CategorySpec,
  type DemoRole,
  type ItemSpec,
  type SupplierKey,
  type VariantSpec,
} from './seed-data';

/**
 * Demo data for a fresh database (`npm run db:seed`, and `npm run demo`): the coffee shop of
 * seed-data.ts with four months of history. Each product's history is simulated day by day in
 * memory, the way the shop would have posted it: receipts from purchase orders, sales at two
 * counters, transfers to the second shop and the back room, cycle counts, write-offs. Balances,
 * caches and alerts therefore follow from the ledger by construction, and the seed verifies
 * them against the database before it reports success. Everything is written in one
 * transaction, so a failed seed leaves the database empty and can simply be run again.
 * Deterministic apart from dates (relative to today) and transfer ids (random UUIDs).
 */

type LocationKey = 'main' | 'back' | 'shop';

const HISTORY_DAYS = 120;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const RANDOM_SEED = 20_261_125;

/** Movements are stamped within opening hours, 08:00 to 18:00 UTC. */
const OPENS_AT_MS = 8 * HOUR_MS;
const OPEN_FOR_MS = 10 * HOUR_MS;
/** Demand by weekday, Sunday first: quiet Sundays, busy Saturdays. */
const WEEKDAY_DEMAND = [0.6, 0.85, 0.9, 1, 1, 1.2, 1.45];
/** Tuesday: the van takes stock to the High Street shop. */
const SHOP_DELIVERY_WEEKDAY = 2;
/** Share of sales made at the High Street shop; the rest are sold from the main stockroom. */
const SHOP_SHARE = 0.35;
/** Chance that a purchase order arrives late: the usual way stock falls below its reorder level. */
const LATE_DELIVERY_CHANCE = 0.12;
const WRITE_OFF_CHANCE_PER_DAY = 0.006;
/** Each product is counted once a month, at each location in turn. */
const CYCLE_COUNT_EVERY_DAYS = 30;
const CYCLE_COUNT_ROTATION: LocationKey[] = ['main', 'back', 'shop'];
/** Products that end the history below their reorder level, and how many of their alerts were dismissed. */
const LOW_AT_END = 12;
const DISMISSED_AT_END = 2;
/** Rows per createMany: stock levels and alerts, eight columns at most, stay far below SQLite's 32,766 bound parameters. */
const INSERT_CHUNK = 2_000;

const WRITE_OFF_REASONS = ['Damaged in handling', 'Packaging damaged', 'Used for in-store demonstration', 'Customer return, not resaleable'];
const PERISHABLE_WRITE_OFF_REASONS = ['Past best-before date', 'Used for in-store tasting', 'Packaging damaged'];

type MovementType = 'RECEIPT' | 'SHIPMENT' | 'ADJUSTMENT' | 'TRANSFER' | 'COUNT';
type AlertStatus = 'ACTIVE' | 'DISMISSED' | 'RESOLVED';

/** Who posts which kind of movement (the viewer never does). */
const AUTHORS: Record<MovementType, DemoRole[]> = {
  RECEIPT: ['CLERK', 'CLERK', 'MANAGER'],
  SHIPMENT: ['CLERK', 'CLERK', 'CLERK', 'MANAGER', 'ADMIN'],
  TRANSFER: ['CLERK'],
  ADJUSTMENT: ['MANAGER'],
  COUNT: ['CLERK', 'MANAGER'],
};

/** mulberry32: a tiny seeded generator, so that every demo database tells the same story. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  float(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  between(low: number, high: number): number {
    return low + this.float() * (high - low);
  }

  /** An integer from low to high, both included. */
  int(low: number, high: number): number {
    return Math.floor(this.between(low, high + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error('Cannot pick from an empty list.');
    return item;
  }

  /** Knuth's method: fine for the small daily means of a shop. */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let product = this.float();
    let count = 0;
    while (product > limit) {
      count += 1;
      product *= this.float();
    }
    return count;
  }
}

interface SupplierLinkPlan {
  supplier: SupplierKey;
  leadTimeDays: number;
  unitCostCents: number;
  supplierSku: string;
  preferred: boolean;
}

interface ProductPlan {
  sku: string;
  name: string;
  description: string;
  category: CategorySpec;
  unit: string;
  priceCents: number;
  costCents: number;
  reorderLevel: number;
  safetyStock: number;
  reorderQuantity: number;
  dailySales: number;
  /** The preferred supplier, who gets the purchase orders. */
  supplier: SupplierKey;
  leadTimeDays: number;
  suppliers: SupplierLinkPlan[];
  /** The day a café's wholesale order empties the shelves, for some of the products that end low. */
  readonly wholesaleDay?: number;
}

interface Leg {
  location: LocationKey;
  type: MovementType;
  quantity: number;
  balanceAfter: number;
  unitCostCents: number | null;
  /** The product's moving average unit cost after this leg, as the ledger keeps it. */
  averageCostMicroCents: bigint;
  reason: string | null;
  reference: string | null;
  transferId: string | null;
  author: DemoRole;
}

type LegInput = Pick<Leg, 'location' | 'type' | 'quantity'> & Partial<Pick<Leg, 'unitCostCents' | 'reason' | 'reference' | 'transferId'>>;

/** One write to the ledger: a single movement, or the two legs of a transfer. */
interface Posting {
  at: Date;
  legs: Leg[];
}

interface AlertPlan {
  status: AlertStatus;
  onHandAtTrigger: number;
  reorderLevel: number;
  createdAt: Date;
  dismissedAt: Date | null;
  resolvedAt: Date | null;
}

interface ProductHistory {
  plan: ProductPlan;
  postings: Posting[];
  levels: { location: LocationKey; onHand: number; updatedAt: Date }[];
  onHand: number;
  averageCostMicroCents: bigint;
  alerts: AlertPlan[];
}

interface PurchaseOrder {
  quantity: number;
  arrivalDay: number;
  reference: string;
}

/** How the shop runs one product: shelf space in the stockroom, the second shop's stock, when to reorder. */
interface StockPolicy {
  shelfCapacity: number;
  shelfLow: number;
  shopTarget: number;
  shopLow: number;
  orderPoint: number;
}

// ---------------------------------------------------------------------------------------------
// The catalog

const ONE_FORM: VariantSpec = { label: '', skuSuffix: '', priceFactor: 1, demandFactor: 1 };

function planCatalog(random: Random): ProductPlan[] {
  return DEMO_CATEGORIES.flatMap((category) => [
    ...category.items.flatMap((item) => category.variants.map((variant) => planProduct(random, category, item, variant))),
    ...(category.singles ?? []).map((item) => planProduct(random, category, item, ONE_FORM)),
  ]);
}

function planProduct(random: Random, category: CategorySpec, item: ItemSpec, variant: VariantSpec): ProductPlan {
  const [code, itemName, basePriceCents, baseDailySales, description] = item;
  const priceCents = shelfPrice(basePriceCents * variant.priceFactor);
  const costCents = Math.round(priceCents * random.between(...category.costShare));
  const dailySales = baseDailySales * variant.demandFactor * random.between(0.8, 1.2);
  const [preferred, ...alternatives] = category.suppliers;
  if (!preferred) throw new Error(`Category ${category.name} has no supplier.`);
  const leadTimeDays = DEMO_SUPPLIERS[preferred].leadTimeDays + random.int(0, 2);
  // Safety stock covers four days of sales; the reorder level adds the lead time's demand.
  const safetyStock = Math.max(1, Math.ceil(dailySales * 4));
  const reorderLevel = safetyStock + Math.max(1, Math.ceil(dailySales * leadTimeDays));
  const sku = [category.skuPrefix, code, variant.skuSuffix].filter(Boolean).join('-');
  return {
    sku,
    name: variant.label ? `${itemName}, ${variant.label}` : itemName,
    description: description ?? category.description,
    category,
    unit: variant.unit ?? category.unit,
    priceCents,
    costCents,
    reorderLevel,
    safetyStock,
    reorderQuantity: roundUpToPack(Math.max(2, Math.ceil(dailySales * random.int(28, 42)))),
    dailySales,
    supplier: preferred,
    leadTimeDays,
    suppliers: [
      { supplier: preferred, leadTimeDays, unitCostCents: costCents, supplierSku: supplierSku(random, preferred), preferred: true },
      ...alternatives.map((supplier) => ({
        supplier,
        leadTimeDays: leadTimeDays + random.int(2, 6),
        unitCostCents: Math.round(costCents * random.between(1.04, 1.12)),
        supplierSku: supplierSku(random, supplier),
        preferred: false,
      })),
    ],
  };
}

/** Shelf prices end in .95. */
function shelfPrice(cents: number): number {
  return Math.ceil(cents / 100) * 100 - 5;
}

/** Suppliers sell by the half dozen or the dozen once quantities are large enough. */
function roundUpToPack(quantity: number): number {
  const pack = quantity >= 24 ? 12 : quantity >= 6 ? 6 : 1;
  return Math.ceil(quantity / pack) * pack;
}

function supplierSku(random: Random, supplier: SupplierKey): string {
  return `${DEMO_SUPPLIERS[supplier].code}-${random.int(10_000, 99_999)}`;
}

// ---------------------------------------------------------------------------------------------
// The history of one product

/** Stock at each location of one product, and the ledger it writes; a leg below zero is a bug here. */
class StockSimulation {
  readonly postings: Posting[] = [];
  private readonly levels = new Map<LocationKey, number>();
  private readonly lastMovedAt = new Map<LocationKey, Date>();
  private today: Leg[][] = [];
  averageCostMicroCents = 0n;

  constructor(
    private readonly random: Random,
    private readonly historyStart: number,
  ) {}

  level(location: LocationKey): number {
    return this.levels.get(location) ?? 0;
  }

  total(): number {
    let total = 0;
    for (const onHand of this.levels.values()) total += onHand;
    return total;
  }

  receive(quantity: number, unitCostCents: number, reference: string): void {
    this.post([{ location: 'main', type: 'RECEIPT', quantity, unitCostCents, reference }]);
  }

  ship(location: LocationKey, quantity: number, reference: string, reason?: string): void {
    this.post([{ location, type: 'SHIPMENT', quantity: -quantity, reference, reason }]);
  }

  transfer(from: LocationKey, to: LocationKey, quantity: number, reason: string): void {
    const transferId = randomUUID();
    this.post([
      { location: from, type: 'TRANSFER', quantity: -quantity, transferId, reason },
      { location: to, type: 'TRANSFER', quantity, transferId, reason },
    ]);
  }

  /** The ledger records a count as the difference from what the system expected. */
  count(location: LocationKey, counted: number): void {
    this.post([{ location, type: 'COUNT', quantity: counted - this.level(location), reason: 'Cycle count' }]);
  }

  adjust(location: LocationKey, quantity: number, reason: string): void {
    this.post([{ location, type: 'ADJUSTMENT', quantity, reason }]);
  }

  /** Stamps the day's postings with increasing times within opening hours, in the order they happened. */
  closeDay(day: number): void {
    const dayOpens = this.historyStart + day * DAY_MS + OPENS_AT_MS;
    const offsets = this.today.map(() => Math.floor(this.random.float() * OPEN_FOR_MS)).sort((a, b) => a - b);
    let previous = -1;
    this.today.forEach((legs, index) => {
      previous = Math.max(offsets[index] ?? 0, previous + 1);
      const at = new Date(dayOpens + previous);
      this.postings.push({ at, legs });
      for (const leg of legs) this.lastMovedAt.set(leg.location, at);
    });
    this.today = [];
  }

  finalLevels(): ProductHistory['levels'] {
    return [...this.lastMovedAt].map(([location, updatedAt]) => ({ location, onHand: this.level(location), updatedAt }));
  }

  private post(inputs: LegInput[]): void {
    const legs = inputs.map((input) => {
      if (input.type === 'RECEIPT' && input.unitCostCents != null) {
        this.averageCostMicroCents = receive(this.averageCostMicroCents, BigInt(this.total()), BigInt(input.quantity), BigInt(input.unitCostCents));
      }
      const balanceAfter = this.level(input.location) + input.quantity;
      if (balanceAfter < 0) throw new Error(`Simulation bug: ${input.type} would leave ${balanceAfter} at ${input.location}.`);
      this.levels.set(input.location, balanceAfter);
      return {
        location: input.location,
        type: input.type,
        quantity: input.quantity,
        balanceAfter,
        unitCostCents: input.unitCostCents ?? null,
        averageCostMicroCents: this.averageCostMicroCents,
        reason: input.reason ?? null,
        reference: input.reference ?? null,
        transferId: input.transferId ?? null,
        author: this.random.pick(AUTHORS[input.type]),
      };
    });
    this.today.push(legs);
  }
}

function stockPolicy(plan: ProductPlan): StockPolicy {
  // Three weeks of sales on the stockroom's shelves, two on the shop's; each is topped up when a quarter or half is left.
  const shelfCapacity = Math.max(4, Math.ceil(plan.dailySales * (1 - SHOP_SHARE) * 21));
  const shopTarget = Math.max(2, Math.ceil(plan.dailySales * SHOP_SHARE * 14));
  return {
    shelfCapacity,
    shelfLow: Math.ceil(shelfCapacity / 4),
    shopTarget,
    shopLow: Math.ceil(shopTarget / 2),
    // The shop orders a lead time ahead of the reorder level, so an order on time lands before
    // stock falls below it: alerts come from late deliveries, as in a well-run shop.
    orderPoint: plan.reorderLevel + Math.ceil(plan.dailySales * (plan.leadTimeDays + 1)),
  };
}

function simulateProduct(plan: ProductPlan, random: Random, historyStart: number): ProductHistory {
  const stock = new StockSimulation(random, historyStart);
  const policy = stockPolicy(plan);
  const countOffset = random.int(1, CYCLE_COUNT_EVERY_DAYS - 1);
  let order: PurchaseOrder | undefined;
  for (let day = 0; day < HISTORY_DAYS; day += 1) {
    const weekday = new Date(historyStart + day * DAY_MS).getUTCDay();
    // After the wholesale order nothing comes in: the reorder is backordered at the supplier.
    const supplied = plan.wholesaleDay === undefined || day <= plan.wholesaleDay;
    if (day === 0) {
      const opening = random.int(policy.orderPoint + 1, policy.orderPoint + plan.reorderQuantity);
      receiveStock(stock, plan, policy, random, day, opening, 'Opening stock');
    } else if (order?.arrivalDay === day && supplied) {
      receiveStock(stock, plan, policy, random, day, order.quantity, order.reference);
      order = undefined;
    }
    replenishShelf(stock, policy);
    if (day === 0 || weekday === SHOP_DELIVERY_WEEKDAY) deliverToShop(stock, policy);
    sellDay(stock, random, plan.dailySales * (WEEKDAY_DEMAND[weekday] ?? 1));
    if (day % CYCLE_COUNT_EVERY_DAYS === countOffset) {
      const location = CYCLE_COUNT_ROTATION[Math.floor(day / CYCLE_COUNT_EVERY_DAYS) % CYCLE_COUNT_ROTATION.length] ?? 'main';
      cycleCount(stock, random, location, supplied);
    }
    if (random.chance(WRITE_OFF_CHANCE_PER_DAY)) adjustStock(stock, random, plan, supplied);
    if (day === plan.wholesaleDay) shipWholesaleOrder(stock, random, plan.reorderLevel);
    if (!order && stock.total() <= policy.orderPoint) order = placeOrder(plan, random, historyStart, day);
    stock.closeDay(day);
  }
  const alerts = deriveAlerts(stock.postings, plan.reorderLevel);
  recallDismissals(random, alerts);
  return {
    plan,
    postings: stock.postings,
    levels: stock.finalLevels(),
    onHand: stock.total(),
    averageCostMicroCents: stock.averageCostMicroCents,
    alerts,
  };
}

/** Deliveries go to the main stockroom; what does not fit on its shelves goes to the back room. */
function receiveStock(
  stock: StockSimulation,
  plan: ProductPlan,
  policy: StockPolicy,
  random: Random,
  day: number,
  quantity: number,
  reference: string,
): void {
  // Supplier prices creep up about 5% over the four months.
  const unitCostCents = Math.round(plan.costCents * (1 + 0.0004 * day) * random.between(0.98, 1.02));
  stock.receive(quantity, unitCostCents, reference);
  const overflow = stock.level('main') - policy.shelfCapacity;
  if (overflow > 0) stock.transfer('main', 'back', overflow, 'Overflow to back room');
}

function replenishShelf(stock: StockSimulation, policy: StockPolicy): void {
  const main = stock.level('main');
  const quantity = Math.min(stock.level('back'), policy.shelfCapacity - main);
  if (main < policy.shelfLow && quantity > 0) stock.transfer('back', 'main', quantity, 'Shelf replenishment');
}

function deliverToShop(stock: StockSimulation, policy: StockPolicy): void {
  const shop = stock.level('shop');
  const quantity = Math.min(policy.shopTarget - shop, stock.level('main'));
  if (shop <= policy.shopLow && quantity > 0) stock.transfer('main', 'shop', quantity, 'Delivery to High Street shop');
}

/** Customers buy one item, sometimes a few; an empty shelf loses the sale. */
function sellDay(stock: StockSimulation, random: Random, expectedUnits: number): void {
  for (let units = random.poisson(expectedUnits); units > 0; ) {
    const wanted = Math.min(units, random.chance(0.8) ? 1 : random.int(2, 3));
    units -= wanted;
    const location: LocationKey = random.chance(SHOP_SHARE) ? 'shop' : 'main';
    const quantity = Math.min(wanted, stock.level(location));
    if (quantity > 0) stock.ship(location, quantity, `${location === 'shop' ? 'HS' : 'SO'}-${random.int(100_000, 999_999)}`);
  }
}

/** Most counts confirm the system; some find an item missing or one more. Once a product's supply has stopped, its stock can only fall. */
function cycleCount(stock: StockSimulation, random: Random, location: LocationKey, gainsAllowed: boolean): void {
  const expected = stock.level(location);
  if (expected === 0) return;
  const roll = random.float();
  const difference = roll < 0.8 ? 0 : roll < 0.95 || !gainsAllowed ? -1 : 1;
  stock.count(location, expected + difference);
}

function adjustStock(stock: StockSimulation, random: Random, plan: ProductPlan, gainsAllowed: boolean): void {
  if (gainsAllowed && random.chance(0.15)) {
    stock.adjust('main', 1, 'Customer return, resaleable');
    return;
  }
  const quantity = Math.min(stock.level('main'), random.int(1, 2));
  const reasons = plan.category.perishable ? PERISHABLE_WRITE_OFF_REASONS : WRITE_OFF_REASONS;
  if (quantity > 0) stock.adjust('main', -quantity, random.pick(reasons));
}

/** A café account buys most of the stock, gathered from every location: a few units stay, below the reorder level, or none. */
function shipWholesaleOrder(stock: StockSimulation, random: Random, reorderLevel: number): void {
  const left = random.chance(0.2) ? 0 : random.int(1, reorderLevel - 1);
  const quantity = stock.total() - left;
  if (quantity <= 0) return;
  for (const location of ['back', 'shop'] as const) {
    const needed = Math.min(quantity - stock.level('main'), stock.level(location));
    if (needed > 0) stock.transfer(location, 'main', needed, 'Picked for wholesale order');
  }
  stock.ship('main', quantity, `WS-${random.int(1_000, 9_999)}`, 'Wholesale order, café account');
}

function placeOrder(plan: ProductPlan, random: Random, historyStart: number, day: number): PurchaseOrder {
  const late = random.chance(LATE_DELIVERY_CHANCE) ? random.int(plan.leadTimeDays, 2 * plan.leadTimeDays + 3) : 0;
  const orderedOn = new Date(historyStart + day * DAY_MS).toISOString().slice(2, 10).replaceAll('-', '');
  return {
    quantity: plan.reorderQuantity,
    arrivalDay: day + plan.leadTimeDays + random.int(0, 1) + late,
    // One purchase order per supplier and day, so the products ordered together share it.
    reference: `PO-${orderedOn}-${DEMO_SUPPLIERS[plan.supplier].code}`,
  };
}

/** Alerts as the application raises them: one opens when total stock falls below the reorder level, and resolves when it recovers. */
function deriveAlerts(postings: Posting[], reorderLevel: number): AlertPlan[] {
  const alerts: AlertPlan[] = [];
  let open: AlertPlan | undefined;
  let onHand = 0;
  for (const posting of postings) {
    for (const leg of posting.legs) onHand += leg.quantity;
    if (onHand < reorderLevel && !open) {
      open = { status: 'ACTIVE', onHandAtTrigger: onHand, reorderLevel, createdAt: posting.at, dismissedAt: null, resolvedAt: null };
      alerts.push(open);
    } else if (onHand >= reorderLevel && open) {
      open.status = 'RESOLVED';
      open.resolvedAt = posting.at;
      open = undefined;
    }
  }
  return alerts;
}

/** Someone acknowledged a quarter of the past alerts before the delivery resolved them. */
function recallDismissals(random: Random, alerts: AlertPlan[]): void {
  for (const alert of alerts) {
    if (!alert.resolvedAt || !random.chance(0.25)) continue;
    const open = alert.resolvedAt.getTime() - alert.createdAt.getTime();
    alert.dismissedAt = new Date(alert.createdAt.getTime() + Math.floor(open * random.between(0.1, 0.6)));
  }
}

/**
 * Each product draws from its own generator, so one product's story can be told again with a
 * different ending while every other product's stays exactly the same.
 */
function productRandom(index: number): Random {
  return new Random(RANDOM_SEED + 7_919 * (index + 1));
}

/**
 * Late deliveries leave a few products short at the end, how many depending on the weekday the
 * seed runs on; a café's wholesale order in the last days empties enough others to make
 * LOW_AT_END. Those products are simulated again: identical up to the order, short after it.
 */
function endSomeProductsLow(random: Random, histories: ProductHistory[], historyStart: number): void {
  const isLow = (history: ProductHistory) => history.onHand < history.plan.reorderLevel;
  const healthy = histories.flatMap((history, index) => (isLow(history) ? [] : [index]));
  for (let missing = LOW_AT_END - (histories.length - healthy.length); missing > 0 && healthy.length > 0; missing -= 1) {
    const [index] = healthy.splice(random.int(0, healthy.length - 1), 1);
    const history = index === undefined ? undefined : histories[index];
    if (index === undefined || !history) break;
    const plan = { ...history.plan, wholesaleDay: HISTORY_DAYS - random.int(1, 5) };
    histories[index] = simulateProduct(plan, productRandom(index), historyStart);
  }
}

function dismissSomeActiveAlerts(random: Random, histories: ProductHistory[], now: number): void {
  const active = histories.flatMap((history) => history.alerts.filter((alert) => alert.status === 'ACTIVE'));
  for (let dismissed = 0; dismissed < DISMISSED_AT_END && active.length > 0; dismissed += 1) {
    const [alert] = active.splice(random.int(0, active.length - 1), 1);
    if (!alert) break;
    alert.status = 'DISMISSED';
    alert.dismissedAt = new Date(Math.min(now - 60_000, alert.createdAt.getTime() + random.int(1, 8) * HOUR_MS));
  }
}

// ---------------------------------------------------------------------------------------------
// Writing it down

interface LedgerRow {
  productIndex: number;
  at: Date;
  leg: Leg;
}

/** Every product's legs in time order, so ledger ids ascend with time; a transfer's legs stay together. */
function ledgerInTimeOrder(histories: ProductHistory[]): LedgerRow[] {
  const rows = histories.flatMap((history, productIndex) =>
    history.postings.flatMap((posting) => posting.legs.map((leg) => ({ productIndex, at: posting.at, leg }))),
  );
  // Array.prototype.sort is stable: equal times keep each product's own order.
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let offset = 0; offset < rows.length; offset += INSERT_CHUNK) await insert(rows.slice(offset, offset + INSERT_CHUNK));
}

function byKey<T extends { id: number }>(rows: T[], key: (row: T) => string): Map<string, number> {
  return new Map(rows.map((row) => [key(row), row.id]));
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Seed bug: no id for ${what}.`);
  return value;
}

async function writeDemo(tx: Transaction, histories: ProductHistory[], setupAt: Date, passwordHash: string): Promise<number> {
  // The first statement writes, so on SQLite this transaction holds the write lock from the start.
  const categories = await tx.category.createManyAndReturn({
    data: DEMO_CATEGORIES.map(({ name, description }) => ({ name, nameKey: nameKey(name), description, createdAt: setupAt, updatedAt: setupAt })),
    select: { id: true, name: true },
  });
  const suppliers = await tx.supplier.createManyAndReturn({
    data: Object.values(DEMO_SUPPLIERS).map(({ name, email, phone, notes }) => ({ name, nameKey: nameKey(name), email, phone, notes, createdAt: setupAt, updatedAt: setupAt })),
    select: { id: true, name: true },
  });
  const categoryIds = byKey(categories, (row) => row.name);
  const supplierIds = byKey(suppliers, (row) => row.name);
  const userIds = await upsertUsers(tx, setupAt, passwordHash);
  const locationIds = await ensureLocations(tx, setupAt);

  const products = await tx.product.createManyAndReturn({
    data: histories.map(({ plan, onHand, averageCostMicroCents }) => ({
      sku: plan.sku,
      skuKey: plan.sku.toLowerCase(),
      name: plan.name,
      description: plan.description,
      categoryId: required(categoryIds.get(plan.category.name), plan.category.name),
      unit: plan.unit,
      priceCents: plan.priceCents,
      costCents: plan.costCents,
      reorderLevel: plan.reorderLevel,
      safetyStock: plan.safetyStock,
      reorderQuantity: plan.reorderQuantity,
      onHand,
      averageCostMicroCents,
      createdAt: setupAt,
      updatedAt: setupAt,
    })),
    select: { id: true, skuKey: true },
  });
  const skuIds = byKey(products, (row) => row.skuKey);
  const productIds = histories.map(({ plan }) => required(skuIds.get(plan.sku.toLowerCase()), plan.sku));
  const productId = (index: number) => required(productIds[index], `product #${index}`);
  const locationId = (location: LocationKey) => required(locationIds.get(location), location);

  await tx.productSupplier.createMany({
    data: histories.flatMap(({ plan }, index) =>
      plan.suppliers.map((link) => ({
        productId: productId(index),
        supplierId: required(supplierIds.get(DEMO_SUPPLIERS[link.supplier].name), link.supplier),
        leadTimeDays: link.leadTimeDays,
        unitCostCents: link.unitCostCents,
        supplierSku: link.supplierSku,
        preferred: link.preferred,
        createdAt: setupAt,
        updatedAt: setupAt,
      })),
    ),
  });

  const ledger = ledgerInTimeOrder(histories).map(({ productIndex, at, leg }) => ({
    productId: productId(productIndex),
    locationId: locationId(leg.location),
    type: leg.type,
    quantity: leg.quantity,
    balanceAfter: leg.balanceAfter,
    unitCostCents: leg.unitCostCents,
    averageCostMicroCents: leg.averageCostMicroCents,
    reason: leg.reason,
    reference: leg.reference,
    transferId: leg.transferId,
    createdById: required(userIds.get(leg.author), leg.author),
    createdAt: at,
  }));
  // The application's own ledger append: several times faster than createMany for this many rows.
  await insertLedgerRows(tx, ledger);

  const levels = histories.flatMap((history, index) =>
    history.levels.map((level) => ({ productId: productId(index), locationId: locationId(level.location), onHand: level.onHand, updatedAt: level.updatedAt })),
  );
  await insertInChunks(levels, (data) => tx.stockLevel.createMany({ data }));

  const alerts = histories
    .flatMap((history, index) => history.alerts.map((alert) => ({ ...alert, productId: productId(index) })))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await insertInChunks(alerts, (data) => tx.inventoryAlert.createMany({ data }));
  return ledger.length;
}

/** Demo accounts by role; an account that already exists keeps its password. */
async function upsertUsers(tx: Transaction, setupAt: Date, passwordHash: string): Promise<Map<DemoRole, number>> {
  const ids = new Map<DemoRole, number>();
  for (const user of DEMO_USERS) {
    const saved = await tx.user.upsert({
      where: { email: user.email },
      update: {},
      create: { ...user, passwordHash, createdAt: setupAt, updatedAt: setupAt },
      select: { id: true },
    });
    ids.set(user.role, saved.id);
  }
  return ids;
}

/** The default location comes from the first migration, dated today: it is dated back to the start of the history it holds. */
async function ensureLocations(tx: Transaction, setupAt: Date): Promise<Map<LocationKey, number>> {
  const main = await tx.location.findFirstOrThrow({ where: { isDefault: true }, select: { id: true, createdAt: true } });
  if (main.createdAt > setupAt) await tx.location.update({ where: { id: main.id }, data: { createdAt: setupAt, updatedAt: setupAt } });
  const ids = new Map<LocationKey, number>([['main', main.id]]);
  for (const key of ['back', 'shop'] as const) {
    const location = DEMO_LOCATIONS[key];
    const saved = await tx.location.upsert({
      where: { code: location.code },
      update: {},
      create: { ...location, codeKey: nameKey(location.code), createdAt: setupAt, updatedAt: setupAt },
      select: { id: true },
    });
    ids.set(key, saved.id);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------

function simulateShop(now: number): { histories: ProductHistory[]; historyStart: number } {
  const today = new Date(now);
  today.setUTCHours(0, 0, 0, 0);
  const historyStart = today.getTime() - HISTORY_DAYS * DAY_MS;
  const random = new Random(RANDOM_SEED);
  const histories = planCatalog(random).map((plan, index) => simulateProduct(plan, productRandom(index), historyStart));
  endSomeProductsLow(random, histories, historyStart);
  dismissSomeActiveAlerts(random, histories, now);
  return { histories, historyStart };
}

function summarize(histories: ProductHistory[], movements: number, started: number): string {
  const alerts = histories.flatMap((history) => history.alerts);
  const byStatus = (status: AlertStatus) => alerts.filter((alert) => alert.status === status).length;
  const low = histories.filter((history) => history.onHand < history.plan.reorderLevel).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return (
    `Seeded ${histories.length} products in ${DEMO_CATEGORIES.length} categories, ${movements} movements over ${HISTORY_DAYS} days, ` +
    `${alerts.length} alerts (${byStatus('ACTIVE')} active, ${byStatus('DISMISSED')} dismissed, ${byStatus('RESOLVED')} resolved; ` +
    `${low} products below their reorder level) in ${seconds} s.`
  );
}

async function seed(): Promise<void> {
  const started = performance.now();
  const client = db();
  if ((await client.product.count()) > 0) {
    console.log('Database already seeded; nothing to do.');
    return;
  }
  const now = Date.now();
  const { histories, historyStart } = simulateShop(now);
  // The catalog and the accounts were set up the morning before the opening stock was received.
  const setupAt = new Date(historyStart + 7 * HOUR_MS);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const movements = await client.$transaction((tx) => writeDemo(tx, histories, setupAt, passwordHash), { maxWait: 30_000, timeout: 120_000 });

  const { discrepancies } = await verifyLedger();
  if (discrepancies.length > 0) {
    throw new Error(`The seeded ledger does not add up: ${JSON.stringify(discrepancies.slice(0, 5))}`);
  }
  console.log(summarize(histories, movements, started));
}

seed()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDatabase());
