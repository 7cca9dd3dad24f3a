import type { FormState } from '@/lib/forms/form-state';

/**
 * What the product actions answer: the shared FormState. (Create, update and delete redirect
 * on success instead; the page they land on shows the toast, see FlashToast.)
 */
export type ProductActionState = FormState;

export type ProductAction = (state: ProductActionState, formData: FormData) => Promise<ProductActionState>;

/** The product form's fields, as typed (strings), in the order the form shows them. */
export const PRODUCT_FORM_FIELDS = ['sku', 'name', 'description', 'categoryId', 'unit', 'barcode', 'price', 'cost', 'reorderLevel', 'safetyStock', 'reorderQuantity'] as const;
export type ProductFormField = (typeof PRODUCT_FORM_FIELDS)[number];
export type ProductFormValues = Record<ProductFormField, string>;

/** The stock dialog's fields (the API's movement input, as typed). */
export const MOVEMENT_FORM_FIELDS = ['quantity', 'direction', 'locationId', 'toLocationId', 'unitCost', 'reason', 'reference'] as const;

export type StockMovementType = 'RECEIPT' | 'SHIPMENT' | 'ADJUSTMENT' | 'TRANSFER' | 'COUNT';

/** A location as the stock dialog offers it, with what this product has there. */
export interface StockLocationOption {
  id: number;
  code: string;
  name: string;
  isDefault: boolean;
  onHand: number;
}

export interface OptionItem {
  id: number;
  label: string;
}
