import type { Metadata } from 'next';
import { ProductForm } from '@/components/products/product-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { createProduct } from '../actions';
import { allCategories } from '../load';

export const metadata: Metadata = { title: 'New product' };

export default async function NewProductPage() {
  await requirePageActor('catalog:write');
  const categories = await allCategories();
  return (
    <>
      <PageHeader title="New product" description="It starts with no stock: receive it once it is on the shelf." />
      <ProductForm
        action={createProduct}
        submitLabel="Create product"
        cancelHref="/products"
        categories={categories.filter((category) => category.deletedAt === null).map((category) => ({ id: category.id, label: category.name }))}
        initial={{ sku: '', name: '', description: '', categoryId: '', unit: 'each', price: '', cost: '', reorderLevel: '0', safetyStock: '0', reorderQuantity: '0' }}
      />
    </>
  );
}
