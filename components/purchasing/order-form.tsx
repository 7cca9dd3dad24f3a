'use client';

import { useId, useRef, useState } from 'react';
import { type ProductChoice } from '@/components/products/use-product-search';
import { ErrorBanner, unplacedErrors, useFormAction, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { FormFooter } from '@/components/ui/form-footer';
import { CONTROL_CLASSES, controlStateClasses, Field, useFieldIds } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { PURCHASE_ORDER_LIMITS } from '@/lib/inventory/field-limits';
import { formatCents, parseMoneyToCents } from '@/lib/money';
import { LineProductPicker } from './line-product-picker';
import { ORDER_FORM_FIELDS, type OrderLineDraft } from './order-form-fields';

export interface OrderFormInitial {
  supplierId: string;
  locationId: string;
  expectedAt: string;
  reference: string;
  lines: OrderLineDraft[];
}

export interface OrderFormOption {
  id: number;
  label: string;
}

/** The columns of a line from the sm breakpoint up; below it each line is a card of its own. */
const LINE_GRID = 'sm:grid-cols-[minmax(0,1fr)_6.5rem_8rem_7.5rem_6rem]';
const LINE_FIELD_KEYS = ['productId', 'quantity', 'unitCost'] as const;

let nextKey = 0;
function newLine(): OrderLineDraft {
  nextKey += 1;
  return { key: `new-${nextKey}`, product: null, quantity: '1', unitCost: '', costSource: 'typed' };
}

/**
 * The unit cost a line starts at: the supplier's price for the product when the link has one,
 * else the product's standard cost (what the server would use for an empty cost).
 */
async function fetchLineCost(productId: number, supplierId: string): Promise<Pick<OrderLineDraft, 'unitCost' | 'costSource'> | null> {
  try {
    const response = await fetch(`/api/products/${productId}`);
    if (!response.ok) return null;
    const product = (await response.json()) as { cost: string; suppliers: Array<{ supplierId: number; unitCost: string | null }> };
    const link = product.suppliers.find((row) => String(row.supplierId) === supplierId);
    return link?.unitCost ? { unitCost: link.unitCost, costSource: 'supplier' } : { unitCost: product.cost, costSource: 'standard' };
  } catch {
    return null;
  }
}

/**
 * A purchase order by hand, new or a draft being changed: the header fields of
 * createPurchaseOrderSchema and its lines. The lines live in this component's state (a
 * refusal keeps them as they were) and are sent as JSON in one field; the server action
 * parses them with the API's schema, and each message comes back keyed by its line
 * ("lines.1.quantity"), shown beside that line. On success the action goes to the order.
 */
export function PurchaseOrderForm({
  action,
  orderId,
  initial,
  suppliers,
  locations,
  money,
  submitLabel,
  cancelHref,
}: {
  action: FormAction;
  orderId?: number;
  initial: OrderFormInitial;
  suppliers: OrderFormOption[];
  /** Offered only when there is more than one. */
  locations: OrderFormOption[];
  /** The shop's locale and currency, for the running totals. */
  money: { locale: string; currency: string };
  submitLabel: string;
  cancelHref: string;
}) {
  const { state, formAction, pending, formRef, errors, values, fieldsKey } = useFormAction(action);
  const [supplierId, setSupplierId] = useState(initial.supplierId);
  const [lines, setLines] = useState<OrderLineDraft[]>(() => (initial.lines.length > 0 ? initial.lines : [newLine()]));
  // The lines as they were sent: the server's "lines.2.quantity" names the third of these.
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  // A line just added takes focus as its picker mounts.
  const focusOnMount = useRef<string | null>(null);
  const pickers = useRef(new Map<string, HTMLInputElement>());
  const linesHeadingId = useId();
  const addButtonId = useId();
  const currency = new Intl.NumberFormat(money.locale, { style: 'currency', currency: money.currency });
  const formatMoney = (cents: bigint) => currency.format(formatCents(cents) as `${number}`);

  const errorsOf = (key: string): Partial<Record<(typeof LINE_FIELD_KEYS)[number] | 'line', string>> => {
    const index = sentKeys.indexOf(key);
    if (index === -1) return {};
    return { productId: errors[`lines.${index}.productId`], quantity: errors[`lines.${index}.quantity`], unitCost: errors[`lines.${index}.unitCost`], line: errors[`lines.${index}`] };
  };
  const shownKeys = [
    ...ORDER_FORM_FIELDS.filter((field) => field !== 'locationId' || locations.length > 1),
    ...sentKeys.flatMap((key, index) => (lines.some((line) => line.key === key) ? [`lines.${index}`, ...LINE_FIELD_KEYS.map((field) => `lines.${index}.${field}`)] : [])),
  ];
  const banner = unplacedErrors(state, shownKeys);

  const update = (key: string, change: Partial<OrderLineDraft>) => setLines((current) => current.map((line) => (line.key === key ? { ...line, ...change } : line)));
  const priceLine = async (key: string, productId: number, forSupplier: string) => {
    const priced = await fetchLineCost(productId, forSupplier);
    // Only if the line still holds that product and no one has typed a cost meanwhile.
    if (priced) setLines((current) => current.map((line) => (line.key === key && line.product?.id === productId && line.costSource !== 'typed' ? { ...line, ...priced } : line)));
  };
  const choose = (key: string, product: ProductChoice | null) => {
    update(key, { product, costSource: 'standard', unitCost: '' });
    if (product) void priceLine(key, product.id, supplierId);
  };
  const chooseSupplier = (next: string) => {
    setSupplierId(next);
    // Costs that came from the last supplier's prices follow the new one; typed or saved ones stay.
    for (const line of lines) if (line.product && (line.costSource === 'supplier' || line.costSource === 'standard')) void priceLine(line.key, line.product.id, next);
  };
  const addLine = () => {
    const line = newLine();
    focusOnMount.current = line.key;
    setLines((current) => [...current, line]);
  };
  const removeLine = (key: string) => {
    const index = lines.findIndex((line) => line.key === key);
    const rest = lines.filter((line) => line.key !== key);
    setLines(rest);
    // Focus goes to the line that took its place, or to "Add line" after the last one.
    const next = rest[index];
    if (next) pickers.current.get(next.key)?.focus();
    else document.getElementById(addButtonId)?.focus();
  };

  const takenIds = new Set(lines.flatMap((line) => (line.product ? [line.product.id] : [])));
  const totalCents = lines.reduce((sum, line) => sum + lineTotal(line), 0n);
  const payload = JSON.stringify(lines.map((line) => ({ productId: line.product ? String(line.product.id) : '', quantity: line.quantity, unitCost: line.unitCost })));

  return (
    <form ref={formRef} action={formAction} noValidate onSubmit={() => setSentKeys(lines.map((line) => line.key))} aria-describedby={banner ? 'order-form-alert' : undefined}>
      {orderId !== undefined && <input type="hidden" name="id" value={orderId} />}
      <input type="hidden" name="lines" value={payload} />
      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        {banner && (
          <div className="px-4 pt-5 sm:px-6">
            <ErrorBanner id="order-form-alert" messages={banner} />
          </div>
        )}
        <div key={fieldsKey} className={`grid gap-4 border-b border-slate-100 px-4 py-5 sm:grid-cols-2 sm:px-6 ${locations.length > 1 ? 'xl:grid-cols-4' : 'lg:grid-cols-3'}`}>
          <Select
            label="Supplier"
            name="supplierId"
            required
            placeholder={initial.supplierId ? undefined : 'Choose a supplier'}
            value={supplierId}
            onChange={(event) => chooseSupplier(event.target.value)}
            error={errors.supplierId}
            options={suppliers.map((supplier) => ({ value: String(supplier.id), label: supplier.label }))}
          />
          {locations.length > 1 && (
            <Select
              label="Deliver to"
              name="locationId"
              defaultValue={values.locationId ?? initial.locationId}
              error={errors.locationId}
              options={locations.map((location) => ({ value: String(location.id), label: location.label }))}
            />
          )}
          <Field label="Expected delivery" name="expectedAt" type="date" optional defaultValue={values.expectedAt ?? initial.expectedAt} error={errors.expectedAt} />
          <Field
            label="Reference"
            name="reference"
            optional
            autoComplete="off"
            maxLength={PURCHASE_ORDER_LIMITS.reference}
            defaultValue={values.reference ?? initial.reference}
            error={errors.reference}
            hint="Yours or the supplier's"
          />
        </div>

        <section aria-labelledby={linesHeadingId} className="px-4 py-5 sm:px-6">
          <div className="mb-3">
            <h2 id={linesHeadingId} className="text-sm font-semibold text-slate-800">
              Lines
            </h2>
            <p className="mt-0.5 text-sm text-slate-500">Each product once. A unit cost starts at the supplier&apos;s price for it, else the product&apos;s standard cost.</p>
          </div>
          {errors.lines && <p className="mb-3 text-sm text-red-600">{errors.lines}</p>}
          <div className={`hidden gap-3 border-b border-slate-100 pb-2 text-xs font-medium uppercase tracking-wide text-slate-500 sm:grid ${LINE_GRID}`} aria-hidden="true">
            <span>Product</span>
            <span className="text-right">Quantity</span>
            <span className="text-right">Unit cost</span>
            <span className="text-right">Line total</span>
            <span />
          </div>
          <ol className="space-y-3 sm:space-y-0 sm:divide-y sm:divide-slate-100">
            {lines.map((line, index) => (
              <OrderLineRow
                key={line.key}
                line={line}
                number={index + 1}
                resetKey={fieldsKey}
                errors={errorsOf(line.key)}
                takenIds={takenIds}
                total={line.product ? formatMoney(lineTotal(line)) : '—'}
                canRemove={lines.length > 1}
                pickerRef={(element) => {
                  if (!element) {
                    pickers.current.delete(line.key);
                    return;
                  }
                  pickers.current.set(line.key, element);
                  if (focusOnMount.current === line.key) {
                    focusOnMount.current = null;
                    element.focus();
                  }
                }}
                onChoose={(product) => choose(line.key, product)}
                onChange={(change) => update(line.key, change)}
                onRemove={() => removeLine(line.key)}
              />
            ))}
          </ol>
          <div className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-3">
            <Button id={addButtonId} type="button" variant="secondary" onClick={addLine}>
              <span aria-hidden="true">+</span> Add line
            </Button>
            <p className="text-sm text-slate-600">
              Total <span className="ml-2 font-semibold tabular-nums text-slate-900">{formatMoney(totalCents)}</span>
            </p>
          </div>
        </section>

        <FormFooter cancelHref={cancelHref} pending={pending} submitLabel={submitLabel} />
      </div>
    </form>
  );
}

/** quantity x unit cost in cents; 0 while either is not (yet) a number. */
function lineTotal(line: OrderLineDraft): bigint {
  const quantity = Number(line.quantity);
  const cents = parseMoneyToCents(line.unitCost);
  return Number.isSafeInteger(quantity) && quantity > 0 && cents !== undefined ? BigInt(quantity) * BigInt(cents) : 0n;
}

/** Labels are seen on phones (each line a card) and read out from sm up, where the column heads show them. */
const LINE_LABEL = 'block text-sm font-medium text-slate-700 sm:sr-only';

function OrderLineRow({
  line,
  number,
  resetKey,
  errors,
  takenIds,
  total,
  canRemove,
  pickerRef,
  onChoose,
  onChange,
  onRemove,
}: {
  line: OrderLineDraft;
  number: number;
  resetKey: string;
  errors: Partial<Record<'productId' | 'quantity' | 'unitCost' | 'line', string>>;
  takenIds: ReadonlySet<number>;
  total: string;
  canRemove: boolean;
  pickerRef: (element: HTMLInputElement | null) => void;
  onChoose: (product: ProductChoice | null) => void;
  onChange: (change: Partial<OrderLineDraft>) => void;
  onRemove: () => void;
}) {
  const quantity = useFieldIds(false, Boolean(errors.quantity));
  const costHint = line.costSource === 'supplier' ? "Supplier's price" : line.costSource === 'standard' && line.unitCost ? 'Standard cost' : undefined;
  const cost = useFieldIds(Boolean(costHint), Boolean(errors.unitCost));
  const lineName = line.product ? line.product.label.split(' · ')[0] : `line ${number}`;
  const others = new Set([...takenIds].filter((id) => id !== line.product?.id));
  return (
    <li className={`grid grid-cols-2 items-start gap-3 rounded-lg border border-slate-200 p-3 sm:rounded-none sm:border-0 sm:px-0 sm:py-3 ${LINE_GRID}`}>
      <div className="col-span-2 sm:col-span-1">
        <LineProductPicker
          label={
            <>
              Product<span className="sr-only"> of line {number}</span>
            </>
          }
          labelClassName={LINE_LABEL}
          value={line.product}
          onChange={onChoose}
          error={errors.productId ?? errors.line}
          takenIds={others}
          inputRef={pickerRef}
          resetKey={resetKey}
        />
        {/* A phone's box cuts a long name short: the name again in full (the box already says it to a screen reader). */}
        {line.product && (
          <p className="mt-1 text-xs break-words text-slate-600 sm:hidden" aria-hidden="true">
            {line.product.label.split(' · ').slice(1).join(' · ')}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={quantity.id} className={LINE_LABEL}>
          Quantity<span className="sr-only"> of line {number}</span>
        </label>
        <input
          id={quantity.id}
          inputMode="numeric"
          autoComplete="off"
          value={line.quantity}
          onChange={(event) => onChange({ quantity: event.target.value })}
          {...quantity.aria}
          className={`${CONTROL_CLASSES} h-10 sm:text-right ${controlStateClasses(Boolean(errors.quantity))}`}
        />
        {errors.quantity && (
          <p id={quantity.errorId} className="mt-1 text-sm text-red-600">
            {errors.quantity}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={cost.id} className={LINE_LABEL}>
          Unit cost<span className="sr-only"> of line {number}</span>
        </label>
        <input
          id={cost.id}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          value={line.unitCost}
          onChange={(event) => onChange({ unitCost: event.target.value, costSource: 'typed' })}
          {...cost.aria}
          className={`${CONTROL_CLASSES} h-10 sm:text-right ${controlStateClasses(Boolean(errors.unitCost))}`}
        />
        {costHint && !errors.unitCost && (
          <p id={cost.hintId} className="mt-1 text-xs text-slate-500 sm:text-right">
            {costHint}
          </p>
        )}
        {errors.unitCost && (
          <p id={cost.errorId} className="mt-1 text-sm text-red-600">
            {errors.unitCost}
          </p>
        )}
      </div>
      <p className="flex h-10 items-center text-sm tabular-nums text-slate-900 sm:mt-1 sm:justify-end">
        <span className="mr-2 text-slate-500 sm:sr-only">Line total</span>
        {total}
      </p>
      <div className="flex justify-end sm:mt-1">
        <Button type="button" variant="ghost" onClick={onRemove} disabled={!canRemove} aria-label={`Remove ${lineName}`} className="h-10">
          Remove
        </Button>
      </div>
    </li>
  );
}
