/** The fields of the purchase order form, shared by the form (which shows them) and its actions (which read them). */
export const ORDER_FORM_FIELDS = ['supplierId', 'locationId', 'expectedAt', 'reference', 'lines'] as const;

/** One line as the form holds it: everything as typed, the product as the picker chose it. */
export interface OrderLineDraft {
  /** A key of its own, so that removing a line keeps the others' inputs (and focus) in place. */
  key: string;
  product: { id: number; label: string } | null;
  quantity: string;
  unitCost: string;
  /** Where the unit cost came from: the supplier's link or the product's standard cost (filled in on choosing), or typed or saved (kept). */
  costSource: 'supplier' | 'standard' | 'typed' | 'saved';
}
