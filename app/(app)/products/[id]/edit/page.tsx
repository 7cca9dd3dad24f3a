import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProductForm } from '@/components/products/product-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { isAppError } from '@/lib/errors';
import { getProduct } from '@/lib/inventory/get-product';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { formatCents } from '@/lib/money';
import { updateProduct } from '../../actions';
import { allCategories } from '../../load';

export const metadata: Metadata = { title: 'Edit product' };

async function loadProduct(idText: string) {
  const id = idParamSchema.safeParse(idText);
  if (!id.success) notFound();
  try {
    return await getProduct({ id: id.data });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor('catalog:write');
  const product = await loadProduct((await params).id);
  const categories = await allCategories();
  // Live categories, and the product's own even if it was deleted since (so an edit keeps it).
  const options = categories
    .filter((category) => category.deletedAt === null || category.id === product.categoryId)
    .map((category) => ({ id: category.id, label: category.deletedAt === null ? category.name : `${category.name} (deleted)` }));
  return (
    <>
      <PageHeader title={`Edit ${product.name}`} description={`SKU ${product.sku}. Stock changes through movements, not here.`} />
      <ProductForm
        action={updateProduct}
        productId={product.id}
        submitLabel="Save changes"
        cancelHref={`/products/${product.id}`}
        categories={options}
        initial={{
          sku: product.sku,
          name: product.name,
          description: product.description ?? '',
          categoryId: product.categoryId === null ? '' : String(product.categoryId),
          unit: product.unit,
          barcode: product.barcode ?? '',
          price: formatCents(product.priceCents),
          cost: formatCents(product.costCents),
          reorderLevel: String(product.reorderLevel),
          safetyStock: String(product.safetyStock),
          reorderQuantity: String(product.reorderQuantity),
        }}
      />
    </>
  );
}
