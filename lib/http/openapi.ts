import { z } from 'zod';
import { auditLogQuerySchema } from '@/lib/audit-log/list-audit-log';
import { createUserSchema, tokenExchangeSchema, updateUserSchema } from '@/lib/auth/schemas';
import { ERROR_CODES } from '@/lib/errors';
import { bulkCreateProductsSchema } from '@/lib/inventory/bulk-create-products';
import { categoryListQuerySchema, createCategorySchema, updateCategorySchema } from '@/lib/inventory/category-schemas';
import { productSupplierLinkSchema } from '@/lib/inventory/link-product-supplier';
import { alertListQuerySchema } from '@/lib/inventory/list-alerts';
import { movementListQuerySchema } from '@/lib/inventory/list-movements';
import { productListQuerySchema } from '@/lib/inventory/list-products';
import { createLocationSchema, locationListQuerySchema, updateLocationSchema } from '@/lib/inventory/location-schemas';
import { movementBatchSchema, movementInputSchema } from '@/lib/inventory/movement-schemas';
import { createProductSchema, updateProductSchema } from '@/lib/inventory/product-schemas';
import { lowStockQuerySchema, movementsReportQuerySchema, valuationQuerySchema } from '@/lib/inventory/reports/report-query-schemas';
import { createSupplierSchema, supplierListQuerySchema, updateSupplierSchema } from '@/lib/inventory/supplier-schemas';
import { pageQuerySchema } from '@/lib/pagination';
import { HTTP_STATUS_BY_CODE } from './status';

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the route handlers parse
 * with (OpenAPI 3.1 uses JSON Schema 2020-12, which zod emits natively). Operations are
 * listed once here; request bodies come from the schemas, so the document cannot drift from
 * what the API accepts. Every route handler has its operation listed here; a test checks it.
 */

type JsonSchema = Record<string, unknown>;

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** The zod schema the handler parses its query string with. */
  query?: z.ZodType;
  success: { status: number; description: string };
  errors: number[];
  public?: boolean;
  idempotent?: boolean;
}

function schemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
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

/** The five operations of a catalog resource, as API.md lists them ("same pattern"). */
function crud(path: string, tag: string, schemas: { create: z.ZodType; update: z.ZodType; list: z.ZodType }): Operation[] {
  const write = [400, 401, 403, 409];
  return [
    { method: 'get', path, summary: `List ${tag.toLowerCase()}`, tag, query: schemas.list, success: { status: 200, description: '{ data, nextCursor }' }, errors: [400, 401] },
    { method: 'post', path, summary: `Create one of the ${tag.toLowerCase()}`, tag, body: schemas.create, success: { status: 201, description: 'created' }, errors: write },
    { method: 'get', path: `${path}/{id}`, summary: 'Get one', tag, success: { status: 200, description: 'one' }, errors: [401, 404] },
    { method: 'patch', path: `${path}/{id}`, summary: 'Change some fields', tag, body: schemas.update, success: { status: 200, description: 'updated' }, errors: [...write, 404] },
    { method: 'delete', path: `${path}/{id}`, summary: 'Soft delete (history kept)', tag, success: { status: 204, description: 'deleted' }, errors: [401, 403, 404, 409] },
  ];
}

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', enum: [...ERROR_CODES] },
    message: { type: 'string' },
    errors: { type: 'object', additionalProperties: { type: 'string' }, description: 'Field problems keyed by input path, such as "sku" or "3.sku".' },
    available: { type: 'integer', description: 'INSUFFICIENT_STOCK only: what could have been taken.' },
  },
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
  { method: 'get', path: '/api/health', summary: 'Liveness and database check', tag: 'System', success: { status: 200, description: '{ status: "ok" }' }, errors: [503], public: true },
  {
    method: 'post',
    path: '/api/tokens',
    summary: 'Trade email and password for an API token (shown once)',
    tag: 'Auth',
    body: tokenExchangeSchema,
    success: { status: 201, description: '{ id, name, token }' },
    errors: [400, 401, 429],
    public: true,
  },
  { method: 'get', path: '/api/tokens', summary: 'List your live tokens (never the secret)', tag: 'Auth', query: pageQuerySchema, success: { status: 200, description: 'list' }, errors: [401] },
  { method: 'delete', path: '/api/tokens/{id}', summary: 'Revoke one of your tokens', tag: 'Auth', success: { status: 204, description: 'revoked' }, errors: [401, 404] },
  { method: 'get', path: '/api/users', summary: 'List users (ADMIN)', tag: 'Users', query: pageQuerySchema, success: { status: 200, description: 'list' }, errors: [401, 403] },
  { method: 'post', path: '/api/users', summary: 'Create a user (ADMIN)', tag: 'Users', body: createUserSchema, success: { status: 201, description: 'user' }, errors: [400, 401, 403, 409] },
  { method: 'patch', path: '/api/users/{id}', summary: 'Change name, role or disabled (ADMIN)', tag: 'Users', body: updateUserSchema, success: { status: 200, description: 'user' }, errors: [400, 401, 403, 404, 409] },
  { method: 'get', path: '/api/audit-log', summary: 'Who changed what, newest first (ADMIN)', tag: 'Users', query: auditLogQuerySchema, success: { status: 200, description: '{ data: [audit entry], nextCursor }' }, errors: [400, 401, 403] },
  {
    method: 'post',
    path: '/api/stock-movements',
    summary: 'Post one movement to the ledger',
    tag: 'Stock movements',
    body: movementInputSchema,
    success: { status: 201, description: '{ data: [ledger rows], onHand }' },
    errors: [400, 401, 403, 404, 409, 503],
    idempotent: true,
  },
  {
    method: 'post',
    path: '/api/stock-movements/batch',
    summary: 'Post up to 1000 movements, all or none',
    tag: 'Stock movements',
    body: movementBatchSchema,
    success: { status: 201, description: '{ data: [ledger rows] }' },
    errors: [400, 401, 403, 404, 409, 413, 503],
    idempotent: true,
  },
  {
    method: 'get',
    path: '/api/stock-movements',
    summary: 'The ledger, newest first',
    tag: 'Stock movements',
    query: movementListQuerySchema,
    success: { status: 200, description: 'list' },
    errors: [400, 401],
  },
  { method: 'get', path: '/api/stock-movements/{id}', summary: 'One ledger row', tag: 'Stock movements', success: { status: 200, description: 'ledger row' }, errors: [401, 404] },
  {
    method: 'get',
    path: '/api/inventory-alerts',
    summary: 'Low-stock alerts',
    tag: 'Alerts',
    query: alertListQuerySchema,
    success: { status: 200, description: 'list' },
    errors: [400, 401],
  },
  { method: 'get', path: '/api/inventory-alerts/count', summary: 'How many alerts are active (for badges)', tag: 'Alerts', success: { status: 200, description: '{ active }' }, errors: [401] },
  { method: 'post', path: '/api/inventory-alerts/{id}/dismiss', summary: 'Acknowledge an alert until it resolves', tag: 'Alerts', success: { status: 200, description: 'alert' }, errors: [401, 403, 404, 409] },
  ...crud('/api/categories', 'Categories', { create: createCategorySchema, update: updateCategorySchema, list: categoryListQuerySchema }),
  ...crud('/api/suppliers', 'Suppliers', { create: createSupplierSchema, update: updateSupplierSchema, list: supplierListQuerySchema }),
  ...crud('/api/locations', 'Locations', { create: createLocationSchema, update: updateLocationSchema, list: locationListQuerySchema }),
  ...crud('/api/products', 'Products', { create: createProductSchema, update: updateProductSchema, list: productListQuerySchema }),
  {
    method: 'post',
    path: '/api/products/bulk',
    summary: 'Create up to 1000 products, all or none',
    tag: 'Products',
    body: bulkCreateProductsSchema,
    success: { status: 201, description: '{ data: [products] }' },
    errors: [400, 401, 403, 409, 413],
  },
  {
    method: 'put',
    path: '/api/products/{id}/suppliers/{supplierId}',
    summary: 'Link a supplier to a product, or update the link',
    tag: 'Products',
    body: productSupplierLinkSchema,
    success: { status: 200, description: 'link' },
    errors: [400, 401, 403, 404],
  },
  { method: 'delete', path: '/api/products/{id}/suppliers/{supplierId}', summary: 'Unlink a supplier', tag: 'Products', success: { status: 204, description: 'unlinked' }, errors: [401, 403, 404] },
  { method: 'get', path: '/api/reports/low-stock', summary: 'Products below their reorder level, with suggested orders', tag: 'Reports', query: lowStockQuerySchema, success: { status: 200, description: 'JSON or CSV' }, errors: [400, 401] },
  {
    method: 'get',
    path: '/api/reports/stock-valuation',
    summary: 'Quantity and value per product and location as of a date (moving weighted average)',
    tag: 'Reports',
    query: valuationQuerySchema,
    success: { status: 200, description: 'JSON or CSV' },
    errors: [400, 401],
  },
  { method: 'get', path: '/api/reports/movements', summary: 'The ledger as a file (streamed)', tag: 'Reports', query: movementsReportQuerySchema, success: { status: 200, description: 'JSON or CSV' }, errors: [400, 401] },
  {
    method: 'post',
    path: '/api/exports/run',
    summary: 'Run the scheduled export (Bearer CRON_SECRET or an ADMIN)',
    tag: 'Exports',
    success: { status: 201, description: '{ data: [exports] }' },
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/api/exports/run',
    summary: 'The same export for Vercel Cron: only Bearer CRON_SECRET is accepted',
    tag: 'Exports',
    success: { status: 201, description: '{ data: [exports] }' },
    errors: [401, 405],
  },
  { method: 'get', path: '/api/exports', summary: 'Past exports', tag: 'Exports', query: pageQuerySchema, success: { status: 200, description: 'list' }, errors: [401] },
  { method: 'get', path: '/api/exports/{id}/download', summary: 'Download an export file', tag: 'Exports', success: { status: 200, description: 'the file' }, errors: [401, 404] },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', tag: 'System', success: { status: 200, description: 'OpenAPI 3.1' }, errors: [401] },
];

export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const parameters: unknown[] = [];
    for (const match of operation.path.matchAll(/\{(\w+)\}/g)) {
      parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'integer', minimum: 1 } });
    }
    if (operation.query) parameters.push(...queryParameters(operation.query));
    if (operation.idempotent) {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'Repeats answer the first result for 24 h', schema: { type: 'string', maxLength: 255 } });
    }
    const responses: Record<string, unknown> = { [operation.success.status]: { description: operation.success.description } };
    for (const status of [...operation.errors, 500]) {
      responses[status] = {
        description: errorDescriptions[status] ?? 'INTERNAL: a bug; the message says nothing internal',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      summary: operation.summary,
      tags: [operation.tag],
      ...(operation.public ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(operation.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stockroom API',
      version: '1.0.0',
      description: `Inventory ledger API. Money is a decimal string such as "12.50". Error codes map to: ${Object.entries(HTTP_STATUS_BY_CODE)
        .map(([code, status]) => `${code} ${status}`)
        .join(', ')}.`,
    },
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/tokens' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
