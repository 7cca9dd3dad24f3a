/**
 * One example of each answer schema, keyed by the schema's id (`.meta({ id })`), shown by
 * the API reference and checked against its schema (Redocly's lint and
 * tests/unit/openapi.test.ts). A list's example is built from its row's.
 */

const at = '2026-03-09T14:05:00.000Z';

const product = {
  id: 42,
  sku: 'MUG-BLUE-12',
  barcode: '4006381333931',
  name: 'Blue mug, 12 oz',
  description: 'Stoneware, dishwasher safe',
  categoryId: 3,
  unit: 'each',
  price: '12.50',
  cost: '4.20',
  reorderLevel: 20,
  safetyStock: 5,
  reorderQuantity: 48,
  onHand: 36,
  onOrder: 24,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
};

const webhook = {
  id: 4,
  url: 'https://hooks.example.com/stockroom',
  description: 'Warehouse system',
  events: ['alert.opened', 'alert.resolved'],
  format: 'standard',
  active: true,
  createdAt: at,
  updatedAt: at,
};

const productSupplier = { supplierId: 7, name: 'Potter & Sons', leadTimeDays: 10, unitCost: '4.10', supplierSku: 'PS-MUG-B12', preferred: true };

const movement = {
  id: 1001,
  productId: 42,
  locationId: 1,
  type: 'RECEIPT',
  quantity: 24,
  balanceAfter: 36,
  unitCost: '4.10',
  reason: null,
  reference: 'PO-00012',
  transferId: null,
  createdBy: 2,
  createdAt: at,
};

const lowStockRow = {
  productId: 42,
  sku: 'MUG-BLUE-12',
  name: 'Blue mug, 12 oz',
  onHand: 12,
  reorderLevel: 20,
  safetyStock: 5,
  reorderQuantity: 48,
  suggestedOrderQuantity: 48,
  preferredSupplierId: 7,
  preferredSupplierName: 'Potter & Sons',
  leadTimeDays: 10,
  supplierUnitCost: '4.10',
};

const purchaseOrder = {
  id: 12,
  number: 'PO-00012',
  supplierId: 7,
  locationId: 1,
  status: 'PARTIALLY_RECEIVED',
  reference: 'Potter quote 881',
  expectedAt: '2026-03-16T00:00:00.000Z',
  lines: [{ id: 31, productId: 42, sku: 'MUG-BLUE-12', quantity: 48, receivedQuantity: 24, unitCost: '4.10' }],
  total: '196.80',
  createdBy: 2,
  createdAt: at,
  orderedAt: at,
  closedAt: null,
};

const replenishmentRow = {
  productId: 42,
  sku: 'MUG-BLUE-12',
  name: 'Blue mug, 12 oz',
  onHand: 12,
  onOrder: 0,
  reorderLevel: 20,
  safetyStock: 5,
  dailyUsage: '2.40',
  daysOfCover: 5,
  leadTimeDays: 10,
  reorderPoint: 29,
  suggestedQuantity: 48,
  supplierId: 7,
  supplierName: 'Potter & Sons',
};

const valuationRow = { productId: 42, sku: 'MUG-BLUE-12', name: 'Blue mug, 12 oz', locationId: 1, locationCode: 'MAIN', quantity: 36, unitCost: '4.1333', value: '148.80' };

const exportRecord = {
  id: 5,
  kind: 'low-stock',
  format: 'csv',
  fileName: 'low-stock-20260309T020000Z-1a2b3c4d.csv',
  sizeBytes: 2048,
  rowCount: 12,
  createdBy: null,
  createdAt: at,
  downloadUrl: '/api/exports/5/download',
};

export const OPENAPI_EXAMPLES: Record<string, unknown> = {
  Health: { status: 'ok', database: 'sqlite', migrations: 'current' },
  NewApiToken: { id: 3, name: 'stock sync', token: 'sr_q3V9xK2mTfL0pW8rYb4nJcHs6dAe1uGi7oZk5vNxRtM', scope: 'write', expiresAt: '2026-06-07T14:05:00.000Z' },
  ApiToken: { id: 3, name: 'stock sync', prefix: 'sr_q3V9xK', createdAt: at, lastUsedAt: null, scope: 'write', expiresAt: '2026-06-07T14:05:00.000Z', userId: 2 },
  User: { id: 2, email: 'sam@example.com', name: 'Sam Clerk', role: 'CLERK', disabled: false, createdAt: at },
  Me: { id: 2, email: 'sam@example.com', name: 'Sam Clerk', role: 'CLERK', notifyLowStock: false },
  ShopSettings: { shopName: 'Corner Café', currency: 'EUR', timezone: 'Europe/Berlin' },
  Product: product,
  ProductDetail: { ...product, levels: [{ locationId: 1, locationCode: 'MAIN', onHand: 36 }], suppliers: [productSupplier] },
  ProductSupplier: productSupplier,
  ProductSupplierLink: { productId: 42, ...productSupplier },
  Category: { id: 3, name: 'Kitchen', description: null, createdAt: at, updatedAt: at, deletedAt: null },
  Supplier: { id: 7, name: 'Potter & Sons', email: 'orders@potter.example', phone: '+44 20 7946 0000', notes: null, createdAt: at, updatedAt: at, deletedAt: null },
  Location: { id: 1, code: 'MAIN', name: 'Main store', isDefault: true, createdAt: at, updatedAt: at, deletedAt: null },
  StockMovement: movement,
  PostedMovements: { data: [movement], onHand: 36 },
  PostedMovementBatch: { data: [movement, { ...movement, id: 1002, type: 'SHIPMENT', quantity: -6, balanceAfter: 30, unitCost: null, reference: 'ORDER-5521' }] },
  ProductBatch: { data: [product] },
  ProductImportResult: {
    dryRun: true,
    rows: [
      { line: 2, sku: 'MUG-BLUE-12', status: 'updated', changes: ['price'] },
      { line: 3, sku: 'MUG-RED-12', status: 'created', changes: ['sku', 'name', 'price', 'category'] },
      { line: 4, sku: 'MUG-GREEN-12', status: 'unchanged', changes: [] },
    ],
    created: 1,
    updated: 1,
    unchanged: 1,
  },
  StockImportResult: { dryRun: false, rows: [{ line: 2, sku: 'MUG-BLUE-12', location: 'MAIN', quantity: 36, onHandBefore: 30, change: 6 }], movements: 1 },
  OpenApiDocument: { openapi: '3.1.0', info: { title: 'Stockroom API', version: '1.0.0' }, paths: {} },
  Webhook: webhook,
  NewWebhook: { ...webhook, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  WebhookDelivery: {
    id: 311,
    eventId: 'msg_5f0e9c1b7a2d4e3f8a6b0c9d1e2f3a4b',
    eventType: 'alert.opened',
    status: 'PENDING',
    attempts: 2,
    lastStatusCode: 503,
    lastError: 'HTTP 503: upstream unavailable',
    nextAttemptAt: '2026-03-09T14:07:35.000Z',
    createdAt: at,
  },
  AuditLogEntry: { id: 77, action: 'UPDATE', entity: 'product', entityId: 42, actorId: 2, actorEmail: 'sam@example.com', before: { price: '12.00' }, after: { price: '12.50' }, createdAt: at },
  Alert: { id: 9, productId: 42, status: 'ACTIVE', onHandAtTrigger: 12, reorderLevel: 20, createdAt: at, dismissedAt: null, resolvedAt: null },
  AlertCount: { active: 3 },
  PurchaseOrder: purchaseOrder,
  PurchaseOrderLine: purchaseOrder.lines[0],
  PurchaseOrderBatch: { data: [{ ...purchaseOrder, status: 'DRAFT', lines: [{ ...purchaseOrder.lines[0], receivedQuantity: 0 }], orderedAt: null }] },
  PurchaseOrderReceipt: { purchaseOrder, movements: [movement] },
  ReplenishmentRow: replenishmentRow,
  LowStockRow: lowStockRow,
  LowStockReport: { data: [lowStockRow], generatedAt: at },
  ValuationRow: valuationRow,
  StockValuationReport: { asOf: '2026-03-09', data: [valuationRow], totalQuantity: 36, totalValue: '148.80' },
  MovementExportRow: { ...movement, sku: 'MUG-BLUE-12', locationCode: 'MAIN' },
  MovementsReport: { data: [{ ...movement, sku: 'MUG-BLUE-12', locationCode: 'MAIN' }] },
  Export: exportRecord,
  ExportRun: { data: [exportRecord] },
  LedgerArchiveResult: { archived: 182_340, checkpoints: 1_204, before: '2026-01-01' },
  ExportFile: { data: [lowStockRow], generatedAt: at },
};
