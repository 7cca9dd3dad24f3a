import type { Metadata } from 'next';
import { CategoryFormDialog } from '@/components/catalog/category-form-dialog';
import { ConfirmDialog } from '@/components/ui/form-dialog';
import { Dash, DataTable, MoreLink } from '@/components/catalog/data-table';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { formatDate } from '@/lib/format';
import { categoryListQuerySchema } from '@/lib/inventory/category-schemas';
import { listCategories } from '@/lib/inventory/list-categories';
import { createCategoryAction, deleteCategoryAction, updateCategoryAction } from './actions';

export const metadata: Metadata = { title: 'Categories' };

export default async function CategoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('catalog:read');
  const canWrite = can(actor.role, 'catalog:write');
  const { cursor } = await searchParams;
  const query = categoryListQuerySchema.safeParse({ limit: '100', cursor: typeof cursor === 'string' ? cursor : undefined });
  const page = await listCategories(query.success ? query.data : { limit: 100 });

  return (
    <>
      <PageHeader
        title="Categories"
        description="Groups of products, for finding them and for reports."
        actions={canWrite ? <CategoryFormDialog action={createCategoryAction} /> : undefined}
      />
      <Card>
        {page.data.length === 0 ? (
          <EmptyState
            title={query.success && query.data.cursor ? 'No more categories' : 'No categories yet'}
            description={canWrite ? 'Create one to group your products, such as “Coffee” or “Kitchen”.' : 'A manager or admin can create categories.'}
          />
        ) : (
          <>
            <DataTable
              caption="Categories"
              rows={page.data}
              rowKey={(category) => category.id}
              columns={[
                { key: 'name', header: 'Name', cell: (category) => <span className="font-medium text-slate-900">{category.name}</span>, className: 'w-1/4' },
                {
                  key: 'description',
                  header: 'Description',
                  cell: (category) => (category.description ? <span className="whitespace-pre-line text-slate-600">{category.description}</span> : <Dash />),
                },
                { key: 'updated', header: 'Updated', cell: (category) => <span className="whitespace-nowrap text-slate-500">{formatDate(category.updatedAt)}</span> },
              ]}
              actions={
                canWrite
                  ? (category) => (
                      <>
                        <CategoryFormDialog action={updateCategoryAction} category={{ id: category.id, name: category.name, description: category.description }} />
                        <ConfirmDialog
                          trigger={{ label: 'Delete', ariaLabel: `Delete ${category.name}`, className: 'text-red-700! hover:bg-red-50!' }}
                          title="Delete this category?"
                          description={
                            <>
                              “{category.name}” disappears from lists and can no longer be given to products. Products in it keep it in their history.
                            </>
                          }
                          confirmLabel="Delete category"
                          action={deleteCategoryAction}
                          hidden={{ id: String(category.id) }}
                        />
                      </>
                    )
                  : undefined
              }
            />
            <MoreLink href={page.nextCursor ? `/categories?cursor=${encodeURIComponent(page.nextCursor)}` : null} shown={page.data.length} noun={page.data.length === 1 ? 'category' : 'categories'} />
          </>
        )}
      </Card>
    </>
  );
}
