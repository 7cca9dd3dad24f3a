import { describe, expect, it } from 'vitest';
import { listAuditLog, auditLogFilterSchema } from '@/lib/audit-log/list-audit-log';
import { getDailyMovementTotals } from '@/lib/inventory/get-daily-movement-totals';
import { getProductStockHistory } from '@/lib/inventory/get-product-stock-history';
import { listMovements, movementFilterSchema } from '@/lib/inventory/list-movements';
import { postMovements } from '@/lib/inventory/post-movements';
import { getStockValuation } from '@/lib/inventory/reports/get-stock-valuation';
import { iterateMovements } from '@/lib/inventory/reports/iterate-movements';
import { updateShopSettings } from '@/lib/settings/update-shop-settings';
import { addDays, shopToday, startOfShopDay } from '@/lib/time/shop-day';
import { expectAppError, makeUser, newProduct } from './catalog-fixtures';

/**
 * The shop's day on a real database of either engine. Movements can only be posted now (the
 * ledger is append-only), so the zone moves instead: far east (Kiritimati, UTC+14) and far
 * west (Pago Pago, UTC-11) put "now" on local days up to two apart, so at any hour at least one
 * of them disagrees with the UTC day and a UTC cut would fail these assertions.
 */
const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'] as const;

describe('the shop’s day', () => {
  it('a movement posted now counts on the shop’s local day: valuation, movement filters and the charts', async () => {
    const actorId = await makeUser('ADMIN');
    const localDays: string[] = [];
    for (const timezone of ZONES) {
      await updateShopSettings({ actorId, input: { timezone } });
      const product = await newProduct({ cost: '2.50' });
      // Every movement of this file is posted now, so the other zone's may share this zone's day.
      const chartBefore = await getDailyMovementTotals({ days: 1 });
      const { answer } = await postMovements({ actorId, movements: [{ productId: product.id, type: 'RECEIPT', quantity: 4, unitCost: 250, reason: null, reference: null }] });
      const postedAt = new Date(answer.data[0]!.createdAt);
      const today = shopToday(timezone, postedAt);
      localDays.push(today);
      const yesterday = addDays(today, -1);
      expect(postedAt.getTime()).toBeGreaterThanOrEqual(startOfShopDay(today, timezone).getTime());

      const line = async (asOf: string) => (await getStockValuation({ asOf })).rows.find((row) => row.productId === product.id);
      expect(await line(yesterday), `${timezone}: as of ${yesterday}`).toBeUndefined();
      expect(await line(today), `${timezone}: as of ${today}`).toMatchObject({ quantity: 4, value: '10.00' });

      const ids = async (bounds: Record<string, string>) =>
        (await listMovements({ filter: movementFilterSchema.parse({ productId: String(product.id), ...bounds }), limit: 10 })).data.map((row) => row.id);
      const posted = answer.data.map((row) => row.id);
      expect(await ids({ from: today, to: today }), `${timezone}: on ${today}`).toEqual(posted);
      expect(await ids({ to: yesterday })).toEqual([]);
      expect(await ids({ from: addDays(today, 1) })).toEqual([]);
      // The export reads the same days.
      const exported = [];
      for await (const row of iterateMovements(movementFilterSchema.parse({ productId: String(product.id), from: today, to: today }))) exported.push(row.id);
      expect(exported).toEqual(posted);

      const chart = await getDailyMovementTotals({ days: 3, now: postedAt });
      expect(chart.map((day) => day.day)).toEqual([addDays(today, -2), yesterday, today]);
      expect(chart.at(-1)).toMatchObject({ unitsIn: chartBefore[0]!.unitsIn + 4, movements: chartBefore[0]!.movements + 1 });
      expect(await getProductStockHistory({ productId: product.id, days: 2, now: postedAt })).toEqual([
        { day: yesterday, onHand: 0 },
        { day: today, onHand: 4 },
      ]);
    }
    // The two zones are 25 hours apart: their days for one instant are never the same.
    expect(localDays[0]).not.toBe(localDays[1]);
    // Each settings change is in the audit trail, filtered by the shop's day too.
    const audit = await listAuditLog({ filter: auditLogFilterSchema.parse({ from: localDays[1], to: addDays(localDays[1]!, 1) }), limit: 50 });
    expect(audit.data.filter((entry) => entry.entityId === 1 && entry.entity === 'shopSettings').length).toBe(2);
  });

  it('a day and an instant are put in order in the shop’s zone', async () => {
    const actorId = await makeUser('ADMIN');
    await updateShopSettings({ actorId, input: { timezone: 'Pacific/Kiritimati' } });
    // 2026-03-09 in Kiritimati ends at 2026-03-09T10:00Z: an instant after that cannot be its start.
    const filter = movementFilterSchema.parse({ from: '2026-03-09T12:00:00Z', to: '2026-03-09' });
    await expectAppError(listMovements({ filter, limit: 1 }), 'VALIDATION_FAILED', { to: 'to must not be before from' });
    const inside = movementFilterSchema.parse({ from: '2026-03-09T09:00:00Z', to: '2026-03-09' });
    expect((await listMovements({ filter: inside, limit: 1 })).data).toEqual([]);
    expect(movementFilterSchema.safeParse({ from: '2026-03-10', to: '2026-03-09' }).success).toBe(false);
  });
});
