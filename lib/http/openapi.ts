import { z } from 'zod';
import { auditLogEntrySchema, auditLogQuerySchema } from '@/lib/audit-log/list-audit-log';
import { changePasswordSchema, meResponseSchema, setPasswordSchema, tokenListQuerySchema, updateMeSchema } from '@/lib/auth/account-schemas';
import { createUserSchema, tokenExchangeSchema, updateUserSchema, apiTokenResponseSchema, newApiTokenSchema, userResponseSchema } from '@/lib/auth/schemas';
import { healthSchema } from '@/lib/check-health';
import { ERROR_CODES } from '@/lib/errors';
import { bulkCreateProductsSchema } from '@/lib/inventory/bulk-create-products';
import { categoryListQuerySchema, createCategorySchema, updateCategorySchema } from '@/lib/inventory/category-schemas';
import { labelSheetQuerySchema, MAX_LABELS } from '@/lib/inventory/labels/render-label-sheet';
import { productSupplierLinkSchema } from '@/lib/inventory/link-product-supplier';
import { archiveLedgerInputSchema, archiveLedgerResultSchema } from '@/lib/inventory/ledger/archive-ledger';
import { alertListQuerySchema } from '@/lib/inventory/list-alerts';
import { productImportResultSchema } from '@/lib/inventory/imports/import-products';
import { importQuerySchema } from '@/lib/inventory/imports/import-support';
import { stockImportResultSchema } from '@/lib/inventory/imports/import-stock';
import { movementListQuerySchema } from '@/lib/inventory/list-movements';
import { productListQuerySchema } from '@/lib/inventory/list-products';
import { lookupQuerySchema } from '@/lib/inventory/lookup-product';
import { createLocationSchema, locationListQuerySchema, updateLocationSchema } from '@/lib/inventory/location-schemas';
import { movementBatchSchema, movementInputSchema } from '@/lib/inventory/movement-schemas';
import { alertCountSchema, alertSchema, movementSchema, postedMovementsSchema } from '@/lib/inventory/present';
import { categorySchema, locationSchema, supplierSchema } from '@/lib/inventory/present-catalog';
import { linkedSupplierSchema, productDetailSchema, productSchema } from '@/lib/inventory/present-product';
import { createProductSchema, updateProductSchema } from '@/lib/inventory/product-schemas';
import { exportRunSchema, exportSchema } from '@/lib/inventory/reports/present-export';
import { lowStockQuerySchema, movementsReportQuerySchema, valuationQuerySchema } from '@/lib/inventory/reports/report-query-schemas';
import { lowStockReportSchema, movementsReportSchema, stockValuationReportSchema } from '@/lib/inventory/reports/report-schemas';
import { createSupplierSchema, supplierListQuerySchema, updateSupplierSchema } from '@/lib/inventory/supplier-schemas';
import { replenishmentRowSchema } from '@/lib/inventory/purchasing/list-replenishment';
import { purchaseOrderBatchSchema, purchaseOrderSchema, receivedAnswerSchema } from '@/lib/inventory/purchasing/present-purchase-order';
import {
  createPurchaseOrderSchema,
  draftFromSuggestionsSchema,
  purchaseOrderListQuerySchema,
  receivePurchaseOrderSchema,
  replenishmentQuerySchema,
  updatePurchaseOrderSchema,
} from '@/lib/inventory/purchasing/purchase-order-schemas';
import { createWebhookSchema, newWebhookSchema, updateWebhookSchema, webhookDeliverySchema, webhookSchema } from '@/lib/notify/webhook-schemas';
import { pageQuerySchema } from '@/lib/pagination';
import { shopSettingsResponseSchema, updateShopSettingsSchema } from '@/lib/settings/settings-schemas';
import { OPENAPI_EXAMPLES } from './openapi-examples';
import { HTTP_STATUS_BY_CODE } from './status';

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the route handlers parse
 * with and the presenters answer with (OpenAPI 3.1 uses JSON Schema 2020-12, which zod emits
 * natively). Operations are listed once here; request bodies and answers come from the
 * schemas, so the document cannot drift from what the API accepts and returns. Every route
 * handler has its operation listed here (tests/unit/openapi.test.ts checks it), and the HTTP
 * contract tests (tests/integration/http) check real answers against this document.
 *
 * Adding an operation: give it an operationId, and say what a success answers with:
 * `response: someSchema` (one object), `list: rowSchema` (the `{ data, nextCursor }`
 * envelope of rows), or nothing for 204. An answer schema carries `.meta({ id: 'Name' })`,
 * which makes it a named component, and has an example under that name in openapi-examples.ts.
 */

type JsonSchema = Record<string, unknown>;

/** Files some operations answer with instead of (or as well as) JSON. */
type FileMediaType = 'text/csv' | 'application/pdf';

interface Success {
  status: number;
  description: string;
  /** The JSON answer's schema. */
  response?: z.ZodType;
  /** The JSON answer is the list envelope `{ data: [row...], nextCursor }` of this row schema. */
  list?: z.ZodType;
  /** Other media types the same status can answer with (`?format=csv`, a download). */
  files?: FileMediaType[];
  /** Another status answering the same content (a dry run's 200 beside the import's 201). */
  alternate?: { status: number; description: string };
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** Unique; client generators name their functions after it. */
  operationId: string;
  summary: string;
  tag: Tag;
  description?: string;
  body?: z.ZodType;
  /** The request body is a CSV file (`text/csv`), described by this text, instead of JSON. */
  csvBody?: string;
  /** The zod schema the handler parses its query string with. */
  query?: z.ZodType;
  success: Success;
  errors: number[];
  public?: boolean;
  idempotent?: boolean;
}

const TAGS = {
  System: 'Health and this document.',
  Auth: 'API tokens: trade an email and password for a token, list and revoke your tokens.',
  Users: 'People and their roles (ADMIN only), and the audit log.',
  Settings: 'The shop\'s name, currency and time zone; every day in a query means a day in that zone.',
  Products: 'The catalog: products, their stock per location and their suppliers.',
  Categories: 'Product categories.',
  Suppliers: 'Suppliers, linked to products with a lead time and a unit cost.',
  Locations: 'Where stock is kept; a default location exists from the first migration.',
  'Stock movements': 'The ledger: immutable rows; stock changes only by posting movements, never below zero.',
  Alerts: 'Low-stock alerts: one opens when on-hand falls below the reorder level and resolves when it rises back.',
  Reports: 'Low stock, stock valuation and the ledger, as JSON or CSV.',
  Exports: 'The scheduled export: report files written on the server, and their downloads.',
  Purchasing: 'Replenishment suggestions from real usage, and purchase orders received into stock.',
  Webhooks: 'Signed POSTs of events (alerts, movements, receipts) to your URLs, with retries and a delivery log (ADMIN only).',
} as const;

type Tag = keyof typeof TAGS;

const COMPONENT_REF = '#/components/schemas/';

function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Query parameters from a query schema (objects, or intersections of objects). */
function queryParameters(schema: z.ZodType): unknown[] {
  const json = schemaOf(schema);
  const parts = (json.allOf as JsonSchema[] | undefined) ?? [json];
  return parts.flatMap((part) =>
    Object.entries((part.properties as Record<string, JsonSchema> | undefined) ?? {}).map(([name, property]) => ({
      name,
      in: 'query',
      required: false,
      schema: property,
    })),
  );
}

function componentId(schema: z.ZodType): string | undefined {
  return z.globalRegistry.get(schema)?.id;
}

/** zod writes the named schemas an answer uses as its own `$defs`; the document keeps them as components. */
function pointAtComponents<T>(json: T): T {
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', `"${COMPONENT_REF}`)) as T;
}

/** A $ref to the schema's component when it has an id, else the schema written inline. */
function answerSchema(schema: z.ZodType): JsonSchema {
  const id = componentId(schema);
  if (id) return { $ref: `${COMPONENT_REF}${id}` };
  const { $defs: _named, ...inline } = pointAtComponents(schemaOf(schema, 'output'));
  return inline;
}

const LIST_EXAMPLE_CURSOR = 'eyJpZCI6NDJ9';

/** The list envelope of API.md: a page of rows and the cursor of the next page. */
function pageSchema(row: z.ZodType): JsonSchema {
  return {
    type: 'object',
    required: ['data', 'nextCursor'],
    additionalProperties: false,
    properties: {
      data: { type: 'array', items: answerSchema(row) },
      nextCursor: { type: ['string', 'null'], description: 'Pass as ?cursor= for the next page; null on the last page' },
    },
  };
}

/** `ProductPage` for a page of `Product`, and so on: named so that client generators name the type. */
const pageComponentId = (rowId: string) => `${rowId}Page`;

function jsonContent(success: Success): { schema: JsonSchema; example?: unknown } | undefined {
  if (success.list) {
    const id = componentId(success.list);
    const row = id ? OPENAPI_EXAMPLES[id] : undefined;
    return {
      schema: id ? { $ref: `${COMPONENT_REF}${pageComponentId(id)}` } : pageSchema(success.list),
      ...(row === undefined ? {} : { example: { data: [row], nextCursor: LIST_EXAMPLE_CURSOR } }),
    };
  }
  if (success.response) {
    const id = componentId(success.response);
    const example = id ? OPENAPI_EXAMPLES[id] : undefined;
    return { schema: answerSchema(success.response), ...(example === undefined ? {} : { example }) };
  }
  return undefined;
}

const FILE_CONTENT: Record<FileMediaType, unknown> = {
  'text/csv': { schema: { type: 'string', description: 'RFC 4180 CSV with a header row; text cells that could run as a formula start with an apostrophe' } },
  'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } },
};

/** The five operations of a catalog resource, as API.md lists them ("same pattern"). */
function crud(
  path: string,
  tag: Tag,
  names: { one: string; many: string },
  schemas: { create: z.ZodType; update: z.ZodType; list: z.ZodType; answer: z.ZodType },
): Operation[] {
  const write = [400, 401, 403, 409];
  const one = names.one.toLowerCase();
  return [
    { method: 'get', path, operationId: `list${names.many}`, summary: `List ${names.many.toLowerCase()}`, tag, query: schemas.list, success: { status: 200, description: 'A page of them', list: schemas.answer }, errors: [400, 401] },
    { method: 'post', path, operationId: `create${names.one}`, summary: `Create a ${one}`, tag, body: schemas.create, success: { status: 201, description: 'Created', response: schemas.answer }, errors: write },
    { method: 'get', path: `${path}/{id}`, operationId: `get${names.one}`, summary: `Get a ${one}`, tag, success: { status: 200, description: `The ${one}`, response: schemas.answer }, errors: [401, 404] },
    { method: 'patch', path: `${path}/{id}`, operationId: `update${names.one}`, summary: `Change some fields of a ${one}`, tag, body: schemas.update, success: { status: 200, description: 'Updated', response: schemas.answer }, errors: [...write, 404] },
    { method: 'delete', path: `${path}/{id}`, operationId: `delete${names.one}`, summary: `Soft delete a ${one} (history kept)`, tag, success: { status: 204, description: 'Deleted' }, errors: [401, 403, 404, 409] },
  ];
}

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['code', 'message'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', enum: [...ERROR_CODES] },
    message: { type: 'string' },
    errors: { type: 'object', additionalProperties: { type: 'string' }, description: 'Field problems keyed by input path, such as "sku" or "3.sku".' },
    available: { type: 'integer', description: 'INSUFFICIENT_STOCK only: what could have been taken.' },
  },
  example: { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields.', errors: { sku: 'SKU already exists' } },
};

const errorDescriptions: Record<number, string> = {
  400: 'VALIDATION_FAILED: malformed JSON, wrong types or a broken rule',
  401: 'UNAUTHENTICATED: no or bad credentials',
  403: 'FORBIDDEN: the role may not do this',
  404: 'NOT_FOUND: unknown or deleted id',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT or INSUFFICIENT_STOCK',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED (see Retry-After)',
  503: 'SERVICE_UNAVAILABLE: database busy (see Retry-After)',
};

const operations: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    operationId: 'getHealth',
    summary: 'Liveness and database check',
    tag: 'System',
    description:
      'Answers 503 with `status: "unavailable"` (same shape, with `reason`) when the database does not answer, when migrations of this build are not applied yet, and while the server drains on SIGTERM.',
    success: { status: 200, description: 'The server and its database answer', response: healthSchema },
    errors: [],
    public: true,
  },
  {
    method: 'post',
    path: '/api/tokens',
    operationId: 'createToken',
    summary: 'Trade email and password for an API token (shown once)',
    tag: 'Auth',
    body: tokenExchangeSchema,
    success: { status: 201, description: 'The new token, with its secret', response: newApiTokenSchema },
    errors: [400, 401, 429],
    public: true,
  },
  {
    method: 'get',
    path: '/api/tokens',
    operationId: 'listTokens',
    summary: 'List live tokens (never the secret): your own, or with ?userId= anyone\'s (ADMIN)',
    tag: 'Auth',
    query: tokenListQuerySchema,
    success: { status: 200, description: 'A page of tokens', list: apiTokenResponseSchema },
    errors: [400, 401, 403],
  },
  { method: 'delete', path: '/api/tokens/{id}', operationId: 'revokeToken', summary: 'Revoke one of your tokens, or anyone\'s (ADMIN)', tag: 'Auth', success: { status: 204, description: 'Revoked' }, errors: [401, 403, 404] },
  { method: 'get', path: '/api/me', operationId: 'getMe', summary: 'Who the caller is', tag: 'Auth', success: { status: 200, description: 'The caller', response: meResponseSchema }, errors: [401] },
  { method: 'patch', path: '/api/me', operationId: 'updateMe', summary: 'Change your own name or low-stock email preference', tag: 'Auth', body: updateMeSchema, success: { status: 200, description: 'Updated', response: meResponseSchema }, errors: [400, 401, 403] },
  { method: 'get', path: '/api/settings', operationId: 'getShopSettings', summary: 'The shop\'s name, currency and time zone', tag: 'Settings', success: { status: 200, description: 'The settings (defaults until first saved)', response: shopSettingsResponseSchema }, errors: [401] },
  {
    method: 'patch',
    path: '/api/settings',
    operationId: 'updateShopSettings',
    summary: 'Change the shop\'s name, currency or time zone (ADMIN)',
    tag: 'Settings',
    description: '`currency` is an ISO 4217 code with two minor digits (others are a 400); `timezone` an IANA name. Money in the API stays a decimal string in any currency.',
    body: updateShopSettingsSchema,
    success: { status: 200, description: 'Updated', response: shopSettingsResponseSchema },
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: '/api/me/password',
    operationId: 'changeMyPassword',
    summary: 'Change your own password; every other session of yours ends',
    tag: 'Auth',
    description: 'A wrong `currentPassword` is a 400 with `errors.currentPassword`, counted like a failed sign-in (429 when too many). Passwords are 10 to 72 bytes of UTF-8; longer is refused, never cut.',
    body: changePasswordSchema,
    success: { status: 204, description: 'Changed' },
    errors: [400, 401, 403, 409, 429],
  },
  { method: 'get', path: '/api/users', operationId: 'listUsers', summary: 'List users (ADMIN)', tag: 'Users', query: pageQuerySchema, success: { status: 200, description: 'A page of users', list: userResponseSchema }, errors: [400, 401, 403] },
  { method: 'post', path: '/api/users', operationId: 'createUser', summary: 'Create a user (ADMIN)', tag: 'Users', body: createUserSchema, success: { status: 201, description: 'Created', response: userResponseSchema }, errors: [400, 401, 403, 409] },
  {
    method: 'patch',
    path: '/api/users/{id}',
    operationId: 'updateUser',
    summary: 'Change name, role or disabled (ADMIN)',
    tag: 'Users',
    body: updateUserSchema,
    success: { status: 200, description: 'Updated', response: userResponseSchema },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/users/{id}/password',
    operationId: 'setUserPassword',
    summary: 'Set a user\'s password (ADMIN); all of that user\'s sessions end',
    tag: 'Users',
    body: setPasswordSchema,
    success: { status: 204, description: 'Set' },
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/audit-log',
    operationId: 'listAuditLog',
    summary: 'Who changed what, newest first (ADMIN)',
    tag: 'Users',
    query: auditLogQuerySchema,
    success: { status: 200, description: 'A page of audit entries', list: auditLogEntrySchema },
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: '/api/stock-movements',
    operationId: 'postMovement',
    summary: 'Post one movement to the ledger',
    tag: 'Stock movements',
    body: movementInputSchema,
    success: { status: 201, description: 'The ledger rows written (two for a transfer) and the product’s new total', response: postedMovementsSchema },
    errors: [400, 401, 403, 404, 409, 503],
    idempotent: true,
  },
  {
    method: 'post',
    path: '/api/stock-movements/batch',
    operationId: 'postMovementBatch',
    summary: 'Post up to 1000 movements, all or none',
    tag: 'Stock movements',
    body: movementBatchSchema,
    success: { status: 201, description: 'Every ledger row written, in order', response: postedMovementsSchema.pick({ data: true }).meta({ id: 'PostedMovementBatch' }) },
    errors: [400, 401, 403, 404, 409, 413, 503],
    idempotent: true,
  },
  {
    method: 'get',
    path: '/api/stock-movements',
    operationId: 'listMovements',
    summary: 'The ledger, newest first',
    tag: 'Stock movements',
    query: movementListQuerySchema,
    success: { status: 200, description: 'A page of ledger rows', list: movementSchema },
    errors: [400, 401],
  },
  {
    method: 'post',
    path: '/api/ledger/archive',
    operationId: 'archiveLedger',
    summary: 'Move movements created before a day to the archive, keeping every balance (ADMIN)',
    tag: 'Stock movements',
    body: archiveLedgerInputSchema,
    success: { status: 200, description: 'How many movements moved, and checkpoints written', response: archiveLedgerResultSchema },
    errors: [400, 401, 403, 409, 503],
    idempotent: true,
  },
  { method: 'get', path: '/api/stock-movements/{id}', operationId: 'getMovement', summary: 'One ledger row', tag: 'Stock movements', success: { status: 200, description: 'The row', response: movementSchema }, errors: [401, 404] },
  {
    method: 'get',
    path: '/api/inventory-alerts',
    operationId: 'listAlerts',
    summary: 'Low-stock alerts',
    tag: 'Alerts',
    query: alertListQuerySchema,
    success: { status: 200, description: 'A page of alerts', list: alertSchema },
    errors: [400, 401],
  },
  { method: 'get', path: '/api/inventory-alerts/count', operationId: 'countActiveAlerts', summary: 'How many alerts are active (for badges)', tag: 'Alerts', success: { status: 200, description: 'The count', response: alertCountSchema }, errors: [401] },
  {
    method: 'post',
    path: '/api/inventory-alerts/{id}/dismiss',
    operationId: 'dismissAlert',
    summary: 'Acknowledge an alert until it resolves',
    tag: 'Alerts',
    success: { status: 200, description: 'The dismissed alert', response: alertSchema },
    errors: [401, 403, 404, 409],
  },
  ...crud('/api/categories', 'Categories', { one: 'Category', many: 'Categories' }, { create: createCategorySchema, update: updateCategorySchema, list: categoryListQuerySchema, answer: categorySchema }),
  ...crud('/api/suppliers', 'Suppliers', { one: 'Supplier', many: 'Suppliers' }, { create: createSupplierSchema, update: updateSupplierSchema, list: supplierListQuerySchema, answer: supplierSchema }),
  ...crud('/api/locations', 'Locations', { one: 'Location', many: 'Locations' }, { create: createLocationSchema, update: updateLocationSchema, list: locationListQuerySchema, answer: locationSchema }),
  ...crud('/api/products', 'Products', { one: 'Product', many: 'Products' }, { create: createProductSchema, update: updateProductSchema, list: productListQuerySchema, answer: productSchema }).map(
    (operation): Operation =>
      operation.operationId === 'getProduct' ? { ...operation, summary: 'Get a product with its stock per location and its suppliers', success: { ...operation.success, response: productDetailSchema } } : operation,
  ),
  {
    method: 'post',
    path: '/api/products/bulk',
    operationId: 'createProducts',
    summary: 'Create up to 1000 products, all or none',
    tag: 'Products',
    body: bulkCreateProductsSchema,
    success: { status: 201, description: 'Every product created, in order', response: z.object({ data: z.array(productSchema) }).meta({ id: 'ProductBatch' }) },
    errors: [400, 401, 403, 409, 413],
  },
  {
    method: 'post',
    path: '/api/imports/products',
    operationId: 'importProducts',
    summary: 'Import products from CSV: upsert by SKU, all or none (MANAGER+)',
    description:
      'UTF-8 (a byte order mark allowed), comma or semicolon separated (a semicolon file may write decimals with a comma: 4,50). Header names are matched ignoring case. A new SKU needs name and price; an existing product takes the non-empty cells. With ?dryRun=true nothing is written and the answer is 200. Any bad row: 400 with errors keyed "<line>.<column>" (the header is line 1). At most 50,000 rows or 10 MB (413).',
    tag: 'Products',
    query: importQuerySchema,
    csvBody: 'Columns: sku (required), name, category (a name; created when missing), price, cost, unit, reorderLevel, safetyStock, reorderQuantity, barcode, description',
    success: { status: 201, description: 'Imported: what each row did', response: productImportResultSchema, alternate: { status: 200, description: 'A dry run: what each row would do; nothing written' } },
    errors: [400, 401, 403, 409, 413],
  },
  {
    method: 'post',
    path: '/api/imports/stock',
    operationId: 'importStock',
    summary: 'Import opening stock from CSV: one COUNT movement per row, all or none (MANAGER+)',
    description:
      'Each row posts a COUNT movement (reason "Import") setting the on-hand of a product at a location, in one transaction. The file is read as for product imports; ?dryRun=true writes nothing and answers 200. A unitCost sets the product\'s moving average cost at the count.',
    tag: 'Stock movements',
    query: importQuerySchema,
    csvBody: 'Columns: sku, location (a location code), quantity (the counted on-hand), unitCost (optional)',
    idempotent: true,
    success: { status: 201, description: 'Posted: each row with the on-hand before its count', response: stockImportResultSchema, alternate: { status: 200, description: 'A dry run: what each count would change; nothing written' } },
    errors: [400, 401, 403, 404, 409, 413],
  },
  {
    method: 'put',
    path: '/api/products/{id}/suppliers/{supplierId}',
    operationId: 'linkProductSupplier',
    summary: 'Link a supplier to a product, or update the link',
    tag: 'Products',
    body: productSupplierLinkSchema,
    success: { status: 200, description: 'The link', response: linkedSupplierSchema },
    errors: [400, 401, 403, 404],
  },
  { method: 'delete', path: '/api/products/{id}/suppliers/{supplierId}', operationId: 'unlinkProductSupplier', summary: 'Unlink a supplier', tag: 'Products', success: { status: 204, description: 'Unlinked' }, errors: [401, 403, 404] },
  {
    method: 'get',
    path: '/api/lookup',
    operationId: 'lookupProduct',
    summary: 'Find the live product a scanned code names: by barcode, else by SKU (ignoring case)',
    tag: 'Products',
    query: lookupQuerySchema,
    success: { status: 200, description: 'The product with its stock per location', response: productDetailSchema },
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: '/api/products/labels',
    operationId: 'getProductLabels',
    summary: `A PDF sheet of labels (21 per A4 or Letter page), one per id in order: name, SKU and a barcode; at most ${MAX_LABELS}`,
    tag: 'Products',
    query: labelSheetQuerySchema,
    success: { status: 200, description: 'The label sheet', files: ['application/pdf'] },
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: '/api/reports/low-stock',
    operationId: 'getLowStockReport',
    summary: 'Products below their reorder level, with suggested orders',
    tag: 'Reports',
    query: lowStockQuerySchema,
    success: { status: 200, description: 'JSON, or CSV with ?format=csv', response: lowStockReportSchema, files: ['text/csv'] },
    errors: [400, 401],
  },
  {
    method: 'get',
    path: '/api/reports/stock-valuation',
    operationId: 'getStockValuationReport',
    summary: 'Quantity and value per product and location as of a date (moving weighted average)',
    tag: 'Reports',
    query: valuationQuerySchema,
    success: { status: 200, description: 'JSON, or CSV with ?format=csv', response: stockValuationReportSchema, files: ['text/csv'] },
    errors: [400, 401],
  },
  {
    method: 'get',
    path: '/api/reports/movements',
    operationId: 'getMovementsReport',
    summary: 'The ledger as a file (streamed)',
    tag: 'Reports',
    query: movementsReportQuerySchema,
    success: { status: 200, description: 'JSON, or CSV with ?format=csv', response: movementsReportSchema, files: ['text/csv'] },
    errors: [400, 401],
  },
  {
    method: 'post',
    path: '/api/exports/run',
    operationId: 'runExport',
    summary: 'Run the scheduled export (Bearer CRON_SECRET or an ADMIN)',
    tag: 'Exports',
    success: { status: 201, description: 'The files written', response: exportRunSchema },
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/api/exports/run',
    operationId: 'runScheduledExport',
    summary: 'The same export for Vercel Cron: only Bearer CRON_SECRET is accepted',
    tag: 'Exports',
    success: { status: 201, description: 'The files written', response: exportRunSchema },
    errors: [401, 405],
  },
  { method: 'get', path: '/api/exports', operationId: 'listExports', summary: 'Past exports', tag: 'Exports', query: pageQuerySchema, success: { status: 200, description: 'A page of exports', list: exportSchema }, errors: [400, 401] },
  {
    method: 'get',
    path: '/api/exports/{id}/download',
    operationId: 'downloadExport',
    summary: 'Download an export file',
    tag: 'Exports',
    success: { status: 200, description: 'The file: CSV, or the JSON of its report', files: ['text/csv'], response: z.union([lowStockReportSchema, stockValuationReportSchema]).meta({ id: 'ExportFile' }) },
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/replenishment',
    operationId: 'listReplenishment',
    summary: 'Products to reorder: usage, days of cover, reorder point and a suggested quantity (MANAGER+)',
    tag: 'Purchasing',
    description:
      'One row for each live product whose `onHand + onOrder` is below its reorder point. `dailyUsage` is the units shipped (SHIPMENT rows) in the last `days` days divided by `days`; `reorderPoint` = max(reorderLevel, ceil(dailyUsage x leadTimeDays) + safetyStock) with the exact usage; `suggestedQuantity` = max(reorderQuantity, reorderPoint - onHand - onOrder). In product id order.',
    query: replenishmentQuerySchema,
    success: { status: 200, description: 'A page of rows', list: replenishmentRowSchema },
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/api/purchase-orders',
    operationId: 'listPurchaseOrders',
    summary: 'Purchase orders, newest first',
    tag: 'Purchasing',
    query: purchaseOrderListQuerySchema,
    success: { status: 200, description: 'A page of orders', list: purchaseOrderSchema },
    errors: [400, 401],
  },
  {
    method: 'post',
    path: '/api/purchase-orders',
    operationId: 'createPurchaseOrder',
    summary: 'Draft a purchase order (MANAGER+)',
    tag: 'Purchasing',
    description: "A line's `unitCost` defaults to the supplier link's unit cost, then the product's cost. The location defaults to the default location. Numbers are sequential and never repeat.",
    body: createPurchaseOrderSchema,
    success: { status: 201, description: 'The draft', response: purchaseOrderSchema },
    errors: [400, 401, 403, 404, 413, 503],
  },
  {
    method: 'post',
    path: '/api/purchase-orders/draft-from-suggestions',
    operationId: 'draftPurchaseOrdersFromSuggestions',
    summary: 'One draft per supplier from the replenishment rows (MANAGER+)',
    tag: 'Purchasing',
    description: 'Products without a supplier are left out. An empty `data` means nothing needs ordering.',
    body: draftFromSuggestionsSchema,
    success: { status: 201, description: 'The drafts', response: purchaseOrderBatchSchema },
    errors: [400, 401, 403, 503],
  },
  { method: 'get', path: '/api/purchase-orders/{id}', operationId: 'getPurchaseOrder', summary: 'One purchase order with its lines', tag: 'Purchasing', success: { status: 200, description: 'The order', response: purchaseOrderSchema }, errors: [401, 404] },
  {
    method: 'patch',
    path: '/api/purchase-orders/{id}',
    operationId: 'updatePurchaseOrder',
    summary: 'Change a draft: supplier, location, dates, reference or its lines (MANAGER+)',
    tag: 'Purchasing',
    body: updatePurchaseOrderSchema,
    success: { status: 200, description: 'The changed draft', response: purchaseOrderSchema },
    errors: [400, 401, 403, 404, 409, 413, 503],
  },
  {
    method: 'post',
    path: '/api/purchase-orders/{id}/order',
    operationId: 'orderPurchaseOrder',
    summary: 'Mark a draft as ordered (MANAGER+): its lines count as on order',
    tag: 'Purchasing',
    success: { status: 200, description: 'The ordered order', response: purchaseOrderSchema },
    errors: [401, 403, 404, 409, 503],
  },
  {
    method: 'post',
    path: '/api/purchase-orders/{id}/receive',
    operationId: 'receivePurchaseOrder',
    summary: 'Receive goods against an order, in full or in part (CLERK+)',
    tag: 'Purchasing',
    description:
      "Posts one RECEIPT movement per line at the order's location, with the order's number as reference and the line's unit cost, and the received quantities, in one transaction. More than a line's remainder, or an order that is not ORDERED or PARTIALLY_RECEIVED, is a 409 that writes nothing.",
    body: receivePurchaseOrderSchema,
    success: { status: 201, description: 'The order and the movements posted', response: receivedAnswerSchema },
    errors: [400, 401, 403, 404, 409, 413, 503],
    idempotent: true,
  },
  {
    method: 'post',
    path: '/api/purchase-orders/{id}/cancel',
    operationId: 'cancelPurchaseOrder',
    summary: 'Cancel a draft, or an ordered order with nothing received (MANAGER+)',
    tag: 'Purchasing',
    success: { status: 200, description: 'The cancelled order', response: purchaseOrderSchema },
    errors: [401, 403, 404, 409, 503],
  },
  { method: 'get', path: '/api/webhooks', operationId: 'listWebhooks', summary: 'List webhooks (ADMIN)', tag: 'Webhooks', query: pageQuerySchema, success: { status: 200, description: 'A page of webhooks', list: webhookSchema }, errors: [400, 401, 403] },
  {
    method: 'post',
    path: '/api/webhooks',
    operationId: 'createWebhook',
    summary: 'Add a webhook (ADMIN); its signing secret is in this answer only',
    description: 'Destinations must be https and public (checked again at every attempt after name resolution) unless the server sets WEBHOOK_ALLOW_HTTP / WEBHOOK_ALLOW_PRIVATE.',
    tag: 'Webhooks',
    body: createWebhookSchema,
    success: { status: 201, description: 'Created, with `secret`', response: newWebhookSchema },
    errors: [400, 401, 403],
  },
  { method: 'patch', path: '/api/webhooks/{id}', operationId: 'updateWebhook', summary: 'Change a webhook, or pause it with active: false (ADMIN)', tag: 'Webhooks', body: updateWebhookSchema, success: { status: 200, description: 'Updated', response: webhookSchema }, errors: [400, 401, 403, 404] },
  { method: 'delete', path: '/api/webhooks/{id}', operationId: 'deleteWebhook', summary: 'Delete a webhook and its delivery log (ADMIN)', tag: 'Webhooks', success: { status: 204, description: 'Deleted' }, errors: [401, 403, 404] },
  {
    method: 'get',
    path: '/api/webhooks/{id}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: 'A webhook\'s delivery log, newest first (ADMIN)',
    tag: 'Webhooks',
    query: pageQuerySchema,
    success: { status: 200, description: 'A page of deliveries', list: webhookDeliverySchema },
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/webhooks/{id}/deliveries/{deliveryId}/retry',
    operationId: 'retryWebhookDelivery',
    summary: 'Deliver again now, with the same webhook-id (ADMIN)',
    tag: 'Webhooks',
    success: { status: 202, description: 'Due now', response: webhookDeliverySchema },
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/webhooks/{id}/test',
    operationId: 'sendWebhookTestEvent',
    summary: 'Send a webhook.test event to this webhook only (ADMIN)',
    tag: 'Webhooks',
    success: { status: 202, description: 'Queued; see the delivery log', response: webhookDeliverySchema },
    errors: [401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    tag: 'System',
    success: { status: 200, description: 'OpenAPI 3.1', response: z.looseObject({ openapi: z.literal('3.1.0') }).meta({ id: 'OpenApiDocument' }) },
    errors: [401],
  },
];

function describeOperation(operation: Operation): JsonSchema {
  const parameters: unknown[] = [];
  for (const match of operation.path.matchAll(/\{(\w+)\}/g)) {
    parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'integer', minimum: 1 } });
  }
  if (operation.query) parameters.push(...queryParameters(operation.query));
  if (operation.idempotent) {
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'Repeats answer the first result for 24 h', schema: { type: 'string', maxLength: 255 } });
  }
  const { success } = operation;
  const json = jsonContent(success);
  const content = {
    ...(json ? { 'application/json': json } : {}),
    ...Object.fromEntries((success.files ?? []).map((mediaType) => [mediaType, FILE_CONTENT[mediaType]])),
  };
  const responses: Record<string, unknown> = {
    [success.status]: { description: success.description, ...(Object.keys(content).length ? { content } : {}) },
  };
  if (success.alternate) responses[success.alternate.status] = { description: success.alternate.description, ...(Object.keys(content).length ? { content } : {}) };
  for (const status of [...operation.errors, 500]) {
    responses[status] = {
      description: errorDescriptions[status] ?? 'INTERNAL: a bug; the message says nothing internal',
      content: { 'application/json': { schema: { $ref: `${COMPONENT_REF}Error` } } },
    };
  }
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    ...(operation.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(operation.body) } } } } : {}),
    ...(operation.csvBody ? { requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string', description: operation.csvBody } } } } } : {}),
    responses,
  };
}

/**
 * Every named schema the answers use (`.meta({ id })`), as components whose refs point at
 * each other. Each answer is converted on its own rather than zod's global registry whole:
 * that registry lives on globalThis, and Next's server may load one module once per bundle
 * layer, so the registry can hold two copies of a named schema (and refuses the duplicate id).
 */
function answerComponents(): Record<string, JsonSchema> {
  const components: Record<string, JsonSchema> = {};
  for (const { success } of operations) {
    const answer = success.response ?? success.list;
    if (!answer) continue;
    const { $defs = {} } = pointAtComponents(schemaOf(answer, 'output')) as { $defs?: Record<string, JsonSchema> };
    for (const [id, schema] of Object.entries($defs)) components[id] ??= schema;
  }
  return components;
}

function pageComponents(): Record<string, JsonSchema> {
  return Object.fromEntries(
    operations.flatMap(({ success: { list } }) => {
      const id = list && componentId(list);
      return id ? [[pageComponentId(id), pageSchema(list)]] : [];
    }),
  );
}

export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = describeOperation(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stockroom API',
      version: '1.0.0',
      description: `Inventory ledger API. Send \`Authorization: Bearer <token>\` (a token from POST /api/tokens). Money is a decimal string such as "12.50"; timestamps are ISO-8601 UTC. Lists take \`?limit=\` (at most 200) and \`?cursor=\` and answer \`{ data, nextCursor }\`. Error codes map to: ${Object.entries(HTTP_STATUS_BY_CODE)
        .map(([code, status]) => `${code} ${status}`)
        .join(', ')}.`,
    },
    // Relative: the server the document was fetched from, whatever proxy or name is in front.
    servers: [{ url: '/', description: 'This Stockroom server' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/tokens' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token', description: "The web app's session (same-origin requests only)" },
      },
      schemas: { ...answerComponents(), ...pageComponents(), Error: errorSchema },
    },
    paths,
  };
}
