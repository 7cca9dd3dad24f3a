import { z } from 'zod';
import { db } from '@/lib/db/client';
import { pageQuerySchema, toPage, type Page } from '@/lib/pagination';
import { idParamSchema, withDateRange } from '@/lib/inventory/schema-parts';
import { shopDateRange } from '@/lib/time/shop-date-range';

/**
 * The entities of the audit trail as the API names them (API.md, "Audit log"), and the model
 * name each is recorded under (lib/audit.ts callers write the model name). `productSupplier`,
 * `alert`, `shopSettings` and `ledgerArchive` extend the documented list.
 */
const STORED_ENTITY = {
  product: 'Product',
  category: 'Category',
  supplier: 'Supplier',
  location: 'Location',
  user: 'User',
  token: 'ApiToken',
  purchaseOrder: 'PurchaseOrder',
  webhook: 'Webhook',
  productSupplier: 'ProductSupplier',
  alert: 'Alert',
  shopSettings: 'ShopSettings',
  ledgerArchive: 'LedgerArchiveRun',
} as const;

export type AuditEntity = keyof typeof STORED_ENTITY;
export const AUDIT_ENTITIES = Object.keys(STORED_ENTITY) as AuditEntity[];

const API_ENTITY = new Map<string, string>(Object.entries(STORED_ENTITY).map(([api, stored]) => [stored, api]));

export const auditLogFilterSchema = withDateRange({
  entity: z.enum(AUDIT_ENTITIES as [AuditEntity, ...AuditEntity[]], { message: `entity must be one of ${AUDIT_ENTITIES.join(', ')}` }).optional(),
  entityId: idParamSchema.optional(),
  actorId: idParamSchema.optional(),
});

export const auditLogQuerySchema = z.intersection(pageQuerySchema, auditLogFilterSchema);

export type AuditLogFilter = z.output<typeof auditLogFilterSchema>;

const snapshotSchema = z.record(z.string(), z.unknown()).nullable();

/** One row of the audit trail as the API answers it (API.md, "Audit log"). */
export const auditLogEntrySchema = z.object({
  id: z.number().int().positive(),
  action: z.string().describe('CREATE, UPDATE or DELETE'),
  entity: z.string().describe(`One of ${AUDIT_ENTITIES.join(', ')}`),
  entityId: z.number().int().positive(),
  actorId: z.number().int().positive().nullable().describe('null for the system (the scheduled export, the first admin)'),
  actorEmail: z.string().nullable(),
  before: snapshotSchema.describe('The changed fields before the change (the whole row for a delete); never a secret'),
  after: snapshotSchema.describe('The changed fields after the change (the whole row for a create); never a secret'),
  createdAt: z.iso.datetime(),
}).meta({ id: 'AuditLogEntry' });

export type AuditLogEntry = z.output<typeof auditLogEntrySchema>;
type Snapshot = Record<string, unknown>;

/**
 * Keys never shown, whatever an older row holds: lib/audit.ts leaves secrets out when it
 * writes, and this is the second lock on the same door (a hash of a password or token, a
 * webhook's signing secret, a token itself).
 */
const SECRET_KEY = /(hash|secret|password|^token)$/i;

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, field]) => [key, withoutSecrets(field)]),
  );
}

function parseSnapshot(text: string | null): Snapshot | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    const clean = withoutSecrets(parsed);
    return clean !== null && typeof clean === 'object' && !Array.isArray(clean) ? (clean as Snapshot) : { value: clean };
  } catch {
    return null;
  }
}

/** An update shows the fields it changed, each side with its own value; a create or delete shows the whole row. */
function changedFields(before: Snapshot | null, after: Snapshot | null): { before: Snapshot | null; after: Snapshot | null } {
  if (!before || !after) return { before, after };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changedBefore: Snapshot = {};
  const changedAfter: Snapshot = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (key in before) changedBefore[key] = before[key];
    if (key in after) changedAfter[key] = after[key];
  }
  return { before: changedBefore, after: changedAfter };
}

/** Who changed what, newest first, with keyset pagination on the id. */
export async function listAuditLog({ filter, limit, cursor }: { filter: AuditLogFilter; limit: number; cursor?: number }): Promise<Page<AuditLogEntry>> {
  const range = await shopDateRange(filter);
  const rows = await db().auditLog.findMany({
    where: {
      entity: filter.entity === undefined ? undefined : STORED_ENTITY[filter.entity],
      entityId: filter.entityId,
      actorId: filter.actorId,
      createdAt: range.from || range.toExclusive ? { gte: range.from, lt: range.toExclusive } : undefined,
      ...(cursor ? { id: { lt: cursor } } : {}),
    },
    orderBy: { id: 'desc' },
    take: limit + 1,
    include: { actor: { select: { email: true } } },
  });
  const entries = rows.map((row): AuditLogEntry => {
    const { before, after } = changedFields(parseSnapshot(row.before), parseSnapshot(row.after));
    return {
      id: row.id,
      action: row.action,
      entity: API_ENTITY.get(row.entity) ?? row.entity.charAt(0).toLowerCase() + row.entity.slice(1),
      entityId: row.entityId,
      actorId: row.actorId,
      actorEmail: row.actor?.email ?? null,
      before,
      after,
      createdAt: row.createdAt.toISOString(),
    };
  });
  return toPage(entries, limit);
}
