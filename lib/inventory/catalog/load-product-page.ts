import { db } from '@/lib/db/client';
import type { InventoryAlert } from '@/lib/db/generated/sqlite/client';
import { formatCents } from '@/lib/money';
import { getProductStockHistory, type StockHistoryPoint } from '../get-product-stock-history';
import { isLowStock } from '../is-low-stock';
import { listLedgerEntries, type LedgerEntry } from '../list-ledger-entries';
import type { MovementFilter } from '../list-movements';
import { formatAverageCost, valueInCents } from '../moving-average';
import { formatOrderNumber } from '../purchasing/present-purchase-order';
import { DEFAULT_USAGE_DAYS, type PurchaseOrderStatus } from '../purchasing/purchase-order-schemas';
import { dailyUsage, daysOfCover } from '../purchasing/replenishment-formulas';
import type { ProductDetailRecord } from '../present-product';

/** One ledger row of a product, as its page shows it. */
export interface ProductLedgerRow {
  id: number;
  type: string;
  quantity: number;
  balanceAfter: number;
  unitCostCents: number | null;
  locationCode: string;
  locationName: string;
  /** Transfers only: the route, both ends when both legs are known, else this leg's end. */
  transfer: { from: string | null; to: string | null } | null;
  by: string | null;
  reason: string | null;
  reference: string | null;
  createdAt: Date;
  /** Moved out of the live ledger by ledger:archive (listed only when asked for). */
  archived: boolean;
}

/** A location as the product page shows it, with what this product holds there. */
export interface ProductLocationView {
  id: number;
  code: string;
  name: string;
  isDefault: boolean;
  deleted: boolean;
  onHand: number;
}

export interface ProductPageView {
  product: ProductDetailRecord;
  category: { name: string; deleted: boolean } | null;
  lowStock: boolean;
  /** The ledger's moving weighted average unit cost, four decimals, beside the standard cost. */
  averageCost: string;
  /** On hand at that average: the product's share of the valuation report's total. */
  stockValue: string;
  /** Where the product is or was (a level exists), holding ones first. */
  levels: ProductLocationView[];
  /** Live locations (and deleted ones still holding stock) that never held it. */
  neverHeld: number;
  /** What the stock dialogs offer: every live location. */
  stockLocations: Array<Omit<ProductLocationView, 'deleted'>>;
  /** A page of the ledger, or null when the filters were refused. */
  ledger: { rows: ProductLedgerRow[]; nextCursor: string | null } | null;
  history: StockHistoryPoint[];
  /** When some of the product's movements are archived: the time of the last one; the live ledger starts after it. */
  archivedThrough: Date | null;
  /** The newest alerts of any status. */
  alerts: InventoryAlert[];
  /** Shipments over the last DEFAULT_USAGE_DAYS, as replenishment reads them. */
  usage: { days: number; shipped: number; dailyUsage: string; daysOfCover: number | null };
  /** Purchase orders still bringing this product in (drafts included, newest first). */
  openOrders: Array<{ id: number; number: string; status: PurchaseOrderStatus; remaining: number; expectedAt: Date | null }>;
}

const OPEN_ORDERS_SHOWN = 5;
const DAY_MS = 86_400_000;

/**
 * Where a transfer leg went: both ends when its other leg is on the same page, otherwise
 * (the ledger filtered to one location, or the legs split over two pages) this leg's end.
 */
function transferRoute(entry: LedgerEntry, legs: LedgerEntry[]): NonNullable<ProductLedgerRow['transfer']> {
  const out = legs.find((leg) => leg.quantity < 0);
  const into = legs.find((leg) => leg.quantity > 0);
  if (out && into) return { from: out.location.code, to: into.location.code };
  return entry.quantity < 0 ? { from: entry.location.code, to: null } : { from: null, to: entry.location.code };
}

function ledgerRows(entries: LedgerEntry[]): ProductLedgerRow[] {
  // The two legs of a transfer share a transferId; shown together they name the route.
  const legsByTransfer = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    if (entry.transferId !== null) legsByTransfer.set(entry.transferId, [...(legsByTransfer.get(entry.transferId) ?? []), entry]);
  }
  return entries.map((entry) => ({
    id: entry.id,
    type: entry.type,
    quantity: entry.quantity,
    balanceAfter: entry.balanceAfter,
    unitCostCents: entry.unitCostCents,
    locationCode: entry.location.code,
    locationName: entry.location.name,
    transfer: entry.transferId === null ? null : transferRoute(entry, legsByTransfer.get(entry.transferId) ?? []),
    by: entry.createdBy?.name ?? null,
    reason: entry.reason,
    reference: entry.reference,
    createdAt: entry.createdAt,
    archived: entry.archived,
  }));
}

/**
 * Everything a product's page shows besides the product itself, read at once: its category,
 * where its stock is, a page of its ledger (`ledger` is the movements filter already parsed,
 * with the product fixed to this one, or null when the filters were refused), its on-hand
 * history over `historyDays`, its newest `alertCount` alerts, its usage and days of cover (the
 * replenishment formulas over DEFAULT_USAGE_DAYS) and the purchase orders still bringing it in.
 */
export async function loadProductPage({
  product,
  ledger,
  historyDays,
  alertCount,
}: {
  product: ProductDetailRecord;
  ledger: { filter: MovementFilter; limit: number; cursor?: number } | null;
  historyDays: number;
  alertCount: number;
}): Promise<ProductPageView> {
  const client = db();
  const [category, locations, page, history, alerts, checkpoint, shipments, orderLines] = await Promise.all([
    product.categoryId === null ? Promise.resolve(null) : client.category.findUnique({ where: { id: product.categoryId }, select: { name: true, deletedAt: true } }),
    client.location.findMany({ orderBy: [{ code: 'asc' }, { id: 'asc' }], select: { id: true, code: true, name: true, isDefault: true, deletedAt: true } }),
    ledger ? listLedgerEntries(ledger) : Promise.resolve(null),
    getProductStockHistory({ productId: product.id, days: historyDays }),
    client.inventoryAlert.findMany({ where: { productId: product.id }, orderBy: { id: 'desc' }, take: alertCount }),
    client.ledgerCheckpoint.findFirst({ where: { productId: product.id }, orderBy: { throughMovementId: 'desc' }, select: { throughCreatedAt: true } }),
    client.stockMovement.aggregate({ where: { productId: product.id, type: 'SHIPMENT', createdAt: { gte: new Date(Date.now() - DEFAULT_USAGE_DAYS * DAY_MS) } }, _sum: { quantity: true } }),
    client.purchaseOrderLine.findMany({
      where: { productId: product.id, purchaseOrder: { status: { in: ['DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED'] } } },
      orderBy: { purchaseOrderId: 'desc' },
      take: OPEN_ORDERS_SHOWN,
      select: { quantity: true, receivedQuantity: true, purchaseOrder: { select: { id: true, number: true, status: true, expectedAt: true } } },
    }),
  ]);
  // Shipments are negative ledger rows.
  const shipped = Math.abs(shipments._sum.quantity ?? 0);
  const onHandAt = new Map(product.levels.map((level) => [level.locationId, level.onHand]));
  // Every live location, and any deleted one still holding stock.
  const candidates = locations
    .filter((location) => location.deletedAt === null || (onHandAt.get(location.id) ?? 0) > 0)
    .map((location) => ({ id: location.id, code: location.code, name: location.name, isDefault: location.isDefault, deleted: location.deletedAt !== null, onHand: onHandAt.get(location.id) ?? 0 }));
  // Stock by location lists only where the product is or was (a level row exists once stock
  // has moved there), holding ones first: a shop with many locations is not a wall of zeros.
  const levels = candidates.filter((level) => onHandAt.has(level.id)).sort((a, b) => Number(b.onHand > 0) - Number(a.onHand > 0));
  return {
    product,
    category: category ? { name: category.name, deleted: category.deletedAt !== null } : null,
    lowStock: isLowStock(product),
    averageCost: formatAverageCost(product.averageCostMicroCents),
    // Per location, rounded as the valuation report rounds each of its lines.
    stockValue: formatCents(product.levels.reduce((sum, level) => sum + valueInCents(BigInt(level.onHand), product.averageCostMicroCents), 0n)),
    levels,
    neverHeld: candidates.length - levels.length,
    stockLocations: candidates.filter((level) => !level.deleted).map(({ id, code, name, isDefault, onHand }) => ({ id, code, name, isDefault, onHand })),
    ledger: page ? { rows: ledgerRows(page.data), nextCursor: page.nextCursor } : null,
    history,
    archivedThrough: checkpoint?.throughCreatedAt ?? null,
    alerts,
    usage: { days: DEFAULT_USAGE_DAYS, shipped, dailyUsage: dailyUsage({ shipped, days: DEFAULT_USAGE_DAYS }), daysOfCover: daysOfCover({ onHand: product.onHand, shipped, days: DEFAULT_USAGE_DAYS }) },
    openOrders: orderLines.map(({ quantity, receivedQuantity, purchaseOrder }) => ({
      id: purchaseOrder.id,
      number: formatOrderNumber(purchaseOrder.number),
      status: purchaseOrder.status,
      remaining: quantity - receivedQuantity,
      expectedAt: purchaseOrder.expectedAt,
    })),
  };
}
