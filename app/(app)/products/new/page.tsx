import type { Metadata } from 'next';
import { ProductForm } from '@/components/products/product-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { searchParam } from '@/lib/forms/form-data';
import { PRODUCT_DEFAULTS, PRODUCT_LIMITS } from '@/lib/inventory/field-limits';
import { createProduct } from '../actions';
import { allCategories } from '../load';

export const metadata: Metadata = { title: 'New product' };

/** `?barcode=`: the scan page sends an unknown code here, so the new product carries it. */
export default async function NewProductPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor('catalog:write');
  const barcode = searchParam((await searchParams).barcode).slice(0, PRODUCT_LIMITS.barcode);
  const categories = await allCategories();
  return (
    <>
      <PageHeader title="New product" description="It starts with no stock: receive it once it is on the shelf." />
      <ProductForm
        action={createProduct}
        submitLabel="Create product"
        cancelHref="/products"
        categories={categories.filter((category) => category.deletedAt === null).map((category) => ({ id: category.id, label: category.name }))}
        initial={{
          sku: '',
          name: '',
          description: '',
          categoryId: '',
          unit: PRODUCT_DEFAULTS.unit,
          barcode,
          price: '',
          cost: '',
          reorderLevel: String(PRODUCT_DEFAULTS.reorderLevel),
          safetyStock: String(PRODUCT_DEFAULTS.safetyStock),
          reorderQuantity: String(PRODUCT_DEFAULTS.reorderQuantity),
        }}
      />
    </>
  );
}
