/** The fields of the link form, shared by the dialog (which shows them) and the action (which reads them). */
export const LINK_FORM_FIELDS = ['productId', 'leadTimeDays', 'supplierSku', 'unitCost', 'preferred'] as const;

/** A supplier's link as the supplier page lists it and the edit dialog starts from. */
export interface SupplierProductLink {
  productId: number;
  sku: string;
  name: string;
  leadTimeDays: number;
  /** Money as the API writes it ("12.50"), or null. */
  unitCost: string | null;
  supplierSku: string | null;
  preferred: boolean;
}
