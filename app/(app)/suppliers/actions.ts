'use server';

import { z } from 'zod';
import { LINK_FORM_FIELDS } from '@/components/suppliers/types';
import { formAction } from '@/lib/forms/form-action';
import { isChecked, optionalNumber, optionalText } from '@/lib/forms/form-data';
import { recordFormActions } from '@/lib/forms/record-actions';
import { createSupplier } from '@/lib/inventory/create-supplier';
import { deleteSupplier } from '@/lib/inventory/delete-supplier';
import { linkProductSupplier, productSupplierLinkSchema } from '@/lib/inventory/link-product-supplier';
import { idSchema } from '@/lib/inventory/schema-parts';
import { createSupplierSchema, updateSupplierSchema } from '@/lib/inventory/supplier-schemas';
import { unlinkProductSupplier } from '@/lib/inventory/unlink-product-supplier';
import { updateSupplier } from '@/lib/inventory/update-supplier';

const doors = recordFormActions({
  permission: 'catalog:write',
  path: '/suppliers',
  fields: ['name', 'email', 'phone', 'notes'],
  gone: 'This supplier no longer exists. Reload the page.',
  name: (supplier) => `Supplier “${supplier.name}”`,
  create: { schema: createSupplierSchema, run: createSupplier },
  update: { schema: updateSupplierSchema, run: updateSupplier },
  remove: deleteSupplier,
});

export const createSupplierAction = doors.create;
export const updateSupplierAction = doors.update;
export const deleteSupplierAction = doors.remove;

/*
 * Links between a supplier and its products: the doors of PUT and DELETE
 * /api/products/{id}/suppliers/{supplierId}, with the same permission and the same schema.
 * The product is chosen in the form (so its refusal sits beside the picker); the supplier is
 * the page's.
 */

const linkFormSchema = productSupplierLinkSchema.extend({ productId: z.number({ message: 'Choose a product' }).pipe(idSchema) });

const revalidateLink = ({ supplierId, productId }: { supplierId: number; productId: number }) => [`/suppliers/${supplierId}`, `/products/${productId}`];

export const linkProductAction = formAction({
  permission: 'catalog:write',
  // productLabel is what the product picker showed, so a refused form shows the same choice again.
  fields: [...LINK_FORM_FIELDS, 'productLabel'],
  ids: { names: ['supplierId'], gone: 'This supplier no longer exists. Reload the page.' },
  schema: linkFormSchema,
  input: (values) => ({
    productId: optionalNumber(values.productId),
    leadTimeDays: optionalNumber(values.leadTimeDays),
    unitCost: optionalText(values.unitCost) ?? null,
    supplierSku: values.supplierSku,
    preferred: isChecked(values.preferred),
  }),
  run: async ({ input: { productId, ...input }, ids, actor }) => {
    const link = await linkProductSupplier({ productId, supplierId: ids.supplierId, input, actorId: actor.id });
    return { link, supplierId: ids.supplierId, productId };
  },
  revalidate: revalidateLink,
  success: ({ link }, values) => `${values.productLabel || 'Product'} linked to ${link.supplier.name}, lead time ${link.leadTimeDays} day${link.leadTimeDays === 1 ? '' : 's'}.`,
});

export const unlinkProductAction = formAction({
  permission: 'catalog:write',
  fields: ['productLabel'],
  ids: { names: ['supplierId', 'productId'], gone: 'This link no longer exists. Reload the page.' },
  run: async ({ ids, actor }) => {
    await unlinkProductSupplier({ ...ids, actorId: actor.id });
    return ids;
  },
  revalidate: revalidateLink,
  success: (_ids, values) => `${values.productLabel || 'Product'} unlinked.`,
});
