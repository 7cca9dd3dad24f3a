'use client';

import type { ReactNode } from 'react';
import { FormFooter } from '@/components/ui/form-footer';
import { ErrorBanner, unplacedErrors, useFormAction } from '@/components/ui/action-form';
import { Field, TextAreaField } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { PRODUCT_LIMITS } from '@/lib/inventory/field-limits';
import { PRODUCT_FORM_FIELDS, type OptionItem, type ProductAction, type ProductFormField, type ProductFormValues } from './types';

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <section className="grid gap-4 border-b border-slate-100 px-5 py-6 last:border-b-0 sm:px-6 md:grid-cols-3 md:gap-8">
      <div>
        <h2 className="text-sm font-semibold text-slate-800">{title}</h2>
        <p className="mt-1 text-sm text-slate-500">{description}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 md:col-span-2">{children}</div>
    </section>
  );
}

/**
 * Create or edit a product: the fields of createProductSchema. The server action checks
 * everything (the same schema as the API); its messages appear beside their fields with the
 * typed values kept. On success the action redirects to the product's page, which shows
 * the toast.
 */
export function ProductForm({
  action,
  initial,
  categories,
  productId,
  submitLabel,
  cancelHref,
}: {
  action: ProductAction;
  initial: ProductFormValues;
  categories: OptionItem[];
  productId?: number;
  submitLabel: string;
  cancelHref: string;
}) {
  const { state, formAction, pending, formRef, errors, values, fieldsKey } = useFormAction(action);
  const value = (field: ProductFormField) => values[field] ?? initial[field];
  const banner = unplacedErrors(state, PRODUCT_FORM_FIELDS);

  return (
    <form ref={formRef} action={formAction} noValidate aria-describedby={banner ? 'product-form-alert' : undefined}>
      {productId !== undefined && <input type="hidden" name="id" value={productId} />}
      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        {banner && (
          <div className="px-5 pt-5 sm:px-6">
            <ErrorBanner id="product-form-alert" messages={banner} />
          </div>
        )}
        <div key={fieldsKey}>
          <Section title="Product" description="What it is and how it is counted. The SKU is unique, ignoring case, and stays taken after a delete.">
            <Field
              label="SKU"
              name="sku"
              defaultValue={value('sku')}
              error={errors.sku}
              hint="Letters, digits, dot, dash and underscore"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={PRODUCT_LIMITS.sku}
              required
            />
            <Field label="Name" name="name" defaultValue={value('name')} error={errors.name} autoComplete="off" maxLength={PRODUCT_LIMITS.name} required />
            <Select label="Category" name="categoryId" defaultValue={value('categoryId')} error={errors.categoryId}>
              <option value="">No category</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.label}
                </option>
              ))}
            </Select>
            <Field label="Unit" name="unit" defaultValue={value('unit')} error={errors.unit} hint='How it is counted: "each", "kg", "box of 12"' maxLength={PRODUCT_LIMITS.unit} />
            <Field
              label="Barcode"
              name="barcode"
              optional
              defaultValue={value('barcode')}
              error={errors.barcode}
              hint="The EAN or UPC on the pack (scan it into this box), or a code of your own"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={PRODUCT_LIMITS.barcode}
              // A USB scanner types the code and Enter: the code lands here without saving a half-filled form.
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.preventDefault();
              }}
              className="sm:col-span-2"
            />
            <TextAreaField label="Description" name="description" optional defaultValue={value('description')} error={errors.description} maxLength={PRODUCT_LIMITS.description} className="sm:col-span-2" />
          </Section>
          <Section title="Pricing" description="Amounts in your shop's currency, with at most two decimals.">
            <Field label="Price" name="price" inputMode="decimal" placeholder="0.00" defaultValue={value('price')} error={errors.price} hint="Selling price, more than 0" required />
            <Field label="Cost" name="cost" optional inputMode="decimal" placeholder="0.00" defaultValue={value('cost')} error={errors.cost} hint="Standard cost, used for stock value" />
          </Section>
          <Section title="Reordering" description="An alert opens when the total on hand falls below the reorder level.">
            <Field label="Reorder level" name="reorderLevel" inputMode="numeric" defaultValue={value('reorderLevel')} error={errors.reorderLevel} hint="At least the safety stock" />
            <Field label="Safety stock" name="safetyStock" inputMode="numeric" defaultValue={value('safetyStock')} error={errors.safetyStock} hint="Units kept back for surprises" />
            <Field label="Reorder quantity" name="reorderQuantity" inputMode="numeric" defaultValue={value('reorderQuantity')} error={errors.reorderQuantity} hint="How many to order at a time" />
          </Section>
        </div>
        <FormFooter cancelHref={cancelHref} pending={pending} submitLabel={submitLabel} />
      </div>
    </form>
  );
}
