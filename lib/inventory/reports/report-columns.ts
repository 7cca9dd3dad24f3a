import type { CsvColumn } from '@/lib/csv';
import { formatCents } from '@/lib/money';
import type { StockValuationStream, ValuationRow } from './get-stock-valuation';
import type { LowStockRow } from './get-low-stock-report';
import type { MovementExportRow } from './iterate-movements';

export const LOW_STOCK_COLUMNS: CsvColumn<LowStockRow>[] = [
  { header: 'sku', kind: 'text', value: (row) => row.sku },
  { header: 'name', kind: 'text', value: (row) => row.name },
  { header: 'on_hand', kind: 'number', value: (row) => row.onHand },
  { header: 'reorder_level', kind: 'number', value: (row) => row.reorderLevel },
  { header: 'safety_stock', kind: 'number', value: (row) => row.safetyStock },
  { header: 'reorder_quantity', kind: 'number', value: (row) => row.reorderQuantity },
  { header: 'suggested_order_quantity', kind: 'number', value: (row) => row.suggestedOrderQuantity },
  { header: 'preferred_supplier', kind: 'text', value: (row) => row.preferredSupplierName },
  { header: 'lead_time_days', kind: 'number', value: (row) => row.leadTimeDays },
  { header: 'supplier_unit_cost', kind: 'number', value: (row) => row.supplierUnitCost },
];

/** Valuation rows; the CSV adds a totals row (see valuationCsvRows). */
export const VALUATION_COLUMNS: CsvColumn<ValuationRow>[] = [
  { header: 'sku', kind: 'text', value: (row) => row.sku },
  { header: 'name', kind: 'text', value: (row) => row.name },
  { header: 'location', kind: 'text', value: (row) => row.locationCode },
  { header: 'quantity', kind: 'number', value: (row) => row.quantity },
  { header: 'unit_cost', kind: 'number', value: (row) => row.unitCost },
  { header: 'value', kind: 'number', value: (row) => row.value },
];

function totalsRow({ totalQuantity, totalValue }: { totalQuantity: number; totalValue: string }): ValuationRow {
  return { productId: 0, sku: 'TOTAL', name: '', locationId: 0, locationCode: '', quantity: totalQuantity, unitCost: '', value: totalValue };
}

export function valuationCsvRows(valuation: { rows: ValuationRow[]; totalQuantity: number; totalValue: string }): ValuationRow[] {
  return [...valuation.rows, totalsRow(valuation)];
}

/** The streamed valuation's rows, then its totals row once they are all read. */
export async function* streamedValuationCsvRows(valuation: StockValuationStream): AsyncGenerator<ValuationRow> {
  yield* valuation.rows;
  yield totalsRow(valuation.totals());
}

export const MOVEMENT_COLUMNS: CsvColumn<MovementExportRow>[] = [
  { header: 'id', kind: 'number', value: (row) => row.id },
  { header: 'created_at', kind: 'text', value: (row) => row.createdAt.toISOString() },
  { header: 'type', kind: 'text', value: (row) => row.type },
  { header: 'sku', kind: 'text', value: (row) => row.sku },
  { header: 'product', kind: 'text', value: (row) => row.productName },
  { header: 'location', kind: 'text', value: (row) => row.locationCode },
  { header: 'quantity', kind: 'number', value: (row) => row.quantity },
  { header: 'balance_after', kind: 'number', value: (row) => row.balanceAfter },
  { header: 'unit_cost', kind: 'number', value: (row) => (row.unitCostCents === null ? null : formatCents(row.unitCostCents)) },
  { header: 'reason', kind: 'text', value: (row) => row.reason },
  { header: 'reference', kind: 'text', value: (row) => row.reference },
  { header: 'transfer_id', kind: 'text', value: (row) => row.transferId },
  { header: 'created_by', kind: 'text', value: (row) => row.createdByEmail },
];
