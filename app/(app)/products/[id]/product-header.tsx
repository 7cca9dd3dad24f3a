import Link from 'next/link';
import { DeleteProductButton } from '@/components/products/delete-product-button';
import { Badge } from '@/components/ui/badge';
import { buttonClasses, ButtonLink } from '@/components/ui/button';
import type { ProductPageView } from '@/lib/inventory/catalog/load-product-page';
import type { ProductAction } from '@/components/products/types';

/** Breadcrumb, label, edit and delete, then the name with its SKU, barcode, stock status and category. */
export function ProductHeader({ view, canEdit, deleteAction }: { view: ProductPageView; canEdit: boolean; deleteAction: ProductAction }) {
  const { product, category, lowStock } = view;
  const stockStatus = product.onHand === 0 ? <Badge tone="red">Out of stock</Badge> : lowStock ? <Badge tone="red">Low stock</Badge> : <Badge tone="green">In stock</Badge>;
  return (
    <>
      {/* Edit and Delete sit up by the breadcrumb, away from the stock buttons below the title,
          so that a thumb reaching for Receive on a phone does not land on Delete. */}
      <div className="mb-3 flex items-center justify-between gap-3">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/products" className="font-medium text-slate-500 hover:text-slate-800">
            ← Products
          </Link>
        </nav>
        <div className="flex shrink-0 gap-2">
          {/* A plain link: the PDF opens in the browser's viewer, which prints it. */}
          <a href={`/api/products/labels?ids=${product.id}`} target="_blank" rel="noopener" className={buttonClasses({ variant: 'secondary' })}>
            Label
          </a>
          {canEdit && (
            <>
              <ButtonLink href={`/products/${product.id}/edit`} variant="secondary">
                Edit
              </ButtonLink>
              <DeleteProductButton product={{ id: product.id, sku: product.sku, name: product.name, onHand: product.onHand }} action={deleteAction} />
            </>
          )}
        </div>
      </div>
      <div className="mb-6">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{product.name}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <span className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-sm text-slate-700">{product.sku}</span>
            {product.barcode && (
              <span className="inline-flex items-center gap-1.5 rounded-md border border-slate-200 px-2 py-0.5 font-mono text-sm text-slate-600" title="Barcode">
                <BarcodeIcon />
                <span className="sr-only">Barcode </span>
                {product.barcode}
              </span>
            )}
            {stockStatus}
            {category && <Badge tone="blue">{category.name}</Badge>}
            {category?.deleted && <Badge>Category deleted</Badge>}
          </div>
        </div>
      </div>
    </>
  );
}

function BarcodeIcon() {
  return (
    <svg viewBox="0 0 16 16" className="h-3.5 w-3.5 text-slate-400" fill="currentColor" aria-hidden="true">
      <path d="M1 3h1.5v10H1zM3.5 3h.75v10H3.5zM5.5 3H7v10H5.5zM8.25 3H9v10h-.75zM10 3h1.75v10H10zM12.75 3h.75v10h-.75zM14.25 3H15v10h-.75z" />
    </svg>
  );
}
