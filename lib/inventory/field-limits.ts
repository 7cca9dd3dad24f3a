/**
 * The lengths and defaults of the catalog's fields, in one place: the zod schemas enforce
 * them and the forms draw their `maxLength` and starting values from them. Kept free of zod
 * so that client components can import them without bundling the schemas.
 */

export const CATEGORY_LIMITS = { name: 100, description: 1000 } as const;

export const LOCATION_LIMITS = { code: 32, name: 100 } as const;

export const SUPPLIER_LIMITS = { name: 200, email: 254, phone: 50, notes: 2000 } as const;

export const PRODUCT_LIMITS = { sku: 64, name: 200, description: 2000, unit: 20, barcode: 64 } as const;

export const PRODUCT_SUPPLIER_LIMITS = { supplierSku: 64 } as const;

export const MOVEMENT_LIMITS = { reason: 500, reference: 200 } as const;

export const PURCHASE_ORDER_LIMITS = { reference: 100 } as const;

/** What a product gets for a field left out (cost in cents); an edit that empties the field sets it back. */
export const PRODUCT_DEFAULTS = { unit: 'each', cost: 0, reorderLevel: 0, safetyStock: 0, reorderQuantity: 0 } as const;
