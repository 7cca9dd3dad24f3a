import { cache } from 'react';
import { db as defaultDb, type Database, type Transaction } from '@/lib/db/client';

export interface ShopSettings {
  shopName: string;
  /** ISO 4217 code with two minor digits. */
  currency: string;
  /** IANA time zone name. */
  timezone: string;
}

/** What a shop uses until an admin saves its settings (API.md). */
export const DEFAULT_SHOP_SETTINGS: ShopSettings = Object.freeze({ shopName: 'Stockroom', currency: 'USD', timezone: 'UTC' });

/** The single settings row's id. */
export const SHOP_SETTINGS_ID = 1;

/** The shop's name, currency and time zone: one primary-key read, defaults when never saved. */
export async function getShopSettings({ db = defaultDb() }: { db?: Database | Transaction } = {}): Promise<ShopSettings> {
  const row = await db.shopSettings.findUnique({ where: { id: SHOP_SETTINGS_ID } });
  if (!row) return { ...DEFAULT_SHOP_SETTINGS };
  return { shopName: row.shopName, currency: row.currency, timezone: row.timezone };
}

/**
 * Pages and layouts: read once per request (React's cache lasts one server render), so a
 * page and its layout share the read and a PATCH shows on the next request.
 */
export const getRequestShopSettings = cache(() => getShopSettings());
