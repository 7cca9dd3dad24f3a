import { recordAudit } from '@/lib/audit';
import { writeTransaction } from '@/lib/db/write-transaction';
import { DEFAULT_SHOP_SETTINGS, SHOP_SETTINGS_ID, type ShopSettings } from './get-shop-settings';
import type { UpdateShopSettingsInput } from './settings-schemas';

/** Changes the shop's name, currency or time zone; the first save writes the row. */
export async function updateShopSettings({ actorId, input }: { actorId: number; input: UpdateShopSettingsInput }): Promise<ShopSettings> {
  return writeTransaction(async (tx) => {
    // A write first (SQLite cannot upgrade a reading transaction): it also locks the row and
    // gives the values before this change, the defaults on the first save.
    const row = await tx.shopSettings.upsert({
      where: { id: SHOP_SETTINGS_ID },
      create: { id: SHOP_SETTINGS_ID, ...DEFAULT_SHOP_SETTINGS },
      update: { updatedAt: new Date() },
    });
    const before: ShopSettings = { shopName: row.shopName, currency: row.currency, timezone: row.timezone };
    const after: ShopSettings = { ...before, ...input };
    await tx.shopSettings.update({ where: { id: SHOP_SETTINGS_ID }, data: after });
    await recordAudit(tx, { actorId, action: 'UPDATE', entity: 'ShopSettings', entityId: SHOP_SETTINGS_ID, before, after });
    return after;
  });
}
