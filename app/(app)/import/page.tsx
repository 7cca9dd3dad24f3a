import type { Metadata } from 'next';
import { ImportPanel } from '@/components/imports/import-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Import' };

/**
 * Bringing a spreadsheet in: products, then opening stock. MANAGER and ADMIN, as the API; the
 * page is in everyone's navigation, so it tells the others whom to ask.
 */
export default async function ImportPage() {
  const actor = await requirePageActor();
  if (!can(actor.role, 'catalog:write')) {
    return (
      <>
        <PageHeader title="Import" />
        <Card>
          <p className="px-5 py-4 text-sm text-slate-600">Importing products and opening stock needs a Manager or an Admin. Ask one of them to import your spreadsheet, or to change your role.</p>
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Import"
        description="Bring your spreadsheet in: products first, then the stock you counted. Save it as CSV; every file is checked first, and nothing is written until you confirm."
      />
      <div className="space-y-6">
        <ImportPanel
          kind="products"
          title="1. Products"
          description="One row per product, matched by SKU: new SKUs are created (name and price needed), existing ones take the cells you filled in. Categories are created by name."
          endpoint="/api/imports/products"
          templateHref="/templates/products-import.csv"
          doneHref="/products"
          doneLabel="See the products"
        />
        <ImportPanel
          kind="stock"
          title="2. Opening stock"
          description="One row per product and location with the quantity you counted; each row is posted to the ledger as a count. Use location codes, such as MAIN."
          endpoint="/api/imports/stock"
          templateHref="/templates/stock-import.csv"
          doneHref="/movements"
          doneLabel="See the stock movements"
        />
      </div>
    </>
  );
}
