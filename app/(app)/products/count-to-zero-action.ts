'use server';

import { revalidatePath } from 'next/cache';
import type { ProductActionState } from '@/components/products/types';
import { authorizeAction } from '@/lib/auth/actor';
import { formStateFromError } from '@/lib/forms/form-state';
import { formatInteger } from '@/lib/format';
import { countProductToZero as countProductToZeroRecord } from '@/lib/inventory/count-product-to-zero';
import { idParamSchema } from '@/lib/inventory/schema-parts';

/** The delete dialog's way out for a product still holding stock: a count of zero wherever it has units. */
export async function countProductToZero(_previous: ProductActionState, formData: FormData): Promise<ProductActionState> {
  try {
    const actor = await authorizeAction('movements:write');
    const id = idParamSchema.safeParse(formData.get('id'));
    if (!id.success) return { status: 'error', message: 'This product no longer exists.', fieldErrors: {} };
    const answer = await countProductToZeroRecord({ productId: id.data, actorId: actor.id });
    // Lists, the dashboard and the alert count in the navigation all read stock.
    revalidatePath('/', 'layout');
    const removed = -answer.data.reduce((sum, row) => sum + row.quantity, 0);
    return {
      status: 'success',
      message: answer.data.length === 0 ? 'Nothing left to count: it holds no stock.' : `Counted to zero: ${formatInteger(removed)} written off. It can be deleted now.`,
    };
  } catch (error) {
    return formStateFromError(error);
  }
}
