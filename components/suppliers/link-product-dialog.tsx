'use client';

import type { FormAction } from '@/components/ui/action-form';
import { CheckboxField, Field } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { PRODUCT_SUPPLIER_LIMITS } from '@/lib/inventory/field-limits';
import { ProductPicker } from './product-picker';
import { LINK_FORM_FIELDS, type SupplierProductLink } from './types';

/**
 * Link a product to the supplier (no `link`: the product is picked) or change the terms of an
 * existing link (the product is fixed). Both post the whole link, as PUT does: an emptied
 * optional field is cleared.
 */
export function LinkProductDialog({ action, supplier, link, linkedIds }: { action: FormAction; supplier: { id: number; name: string }; link?: SupplierProductLink; linkedIds: number[] }) {
  const editing = link !== undefined;
  const linked = new Set(linkedIds);
  return (
    <FormDialog
      trigger={editing ? { label: 'Edit', ariaLabel: `Edit link to ${link.sku}`, variant: 'ghost', size: 'sm' } : { label: 'Link product' }}
      title={editing ? 'Edit link' : 'Link a product'}
      description={
        editing ? (
          <>
            <span className="font-mono">{link.sku}</span> · {link.name}, from {supplier.name}
          </>
        ) : (
          <>Choose a product and the terms you buy it on from {supplier.name}. A product already linked takes these terms instead.</>
        )
      }
      submitLabel={editing ? 'Save link' : 'Link product'}
      action={action}
      hidden={editing ? { supplierId: String(supplier.id), productId: String(link.productId), productLabel: `${link.sku} · ${link.name}` } : { supplierId: String(supplier.id) }}
      // An edit has no picker: a product error (deleted meanwhile) goes to the banner above the form.
      fieldNames={editing ? LINK_FORM_FIELDS.filter((field) => field !== 'productId') : LINK_FORM_FIELDS}
    >
      {({ errors, values }) => (
        <>
          {!editing && (
            <ProductPicker
              label="Product"
              error={errors.productId}
              defaultValue={values.productId && values.productLabel ? { id: Number(values.productId), label: values.productLabel } : null}
              linkedIds={linked}
            />
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Lead time (days)"
              name="leadTimeDays"
              inputMode="numeric"
              autoComplete="off"
              required
              defaultValue={values.leadTimeDays ?? (link ? String(link.leadTimeDays) : '')}
              error={errors.leadTimeDays}
              hint="From order to delivery, 0 to 365"
            />
            <Field
              label="Unit cost"
              name="unitCost"
              inputMode="decimal"
              autoComplete="off"
              optional
              placeholder="0.00"
              defaultValue={values.unitCost ?? link?.unitCost ?? ''}
              error={errors.unitCost}
              hint="This supplier's price"
            />
          </div>
          <Field label="Supplier SKU" name="supplierSku" autoComplete="off" optional maxLength={PRODUCT_SUPPLIER_LIMITS.supplierSku} defaultValue={values.supplierSku ?? link?.supplierSku ?? ''} error={errors.supplierSku} hint="Their code for it, for orders" />
          <CheckboxField
            label="Preferred supplier for this product"
            name="preferred"
            defaultChecked={values.preferred !== undefined ? values.preferred === 'on' : (link?.preferred ?? false)}
            error={errors.preferred}
            hint="A product has one preferred supplier: this replaces any other."
          />
        </>
      )}
    </FormDialog>
  );
}
