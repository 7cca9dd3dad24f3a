'use client';

import { useState } from 'react';
import { toast } from 'sonner';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { MOVEMENT_LIMITS } from '@/lib/inventory/field-limits';
import { MOVEMENT_FORM_FIELDS, type ProductAction, type StockLocationOption, type StockMovementType } from './types';

interface StockProduct {
  id: number;
  sku: string;
  name: string;
  unit: string;
  /** Standard cost as the API writes money ("12.50"): the receipt's suggested unit cost. */
  cost: string;
}

const COPY: Record<StockMovementType, { button: string; title: string; submit: string; quantity: string }> = {
  RECEIPT: { button: 'Receive', title: 'Receive stock', submit: 'Receive', quantity: 'Quantity received' },
  SHIPMENT: { button: 'Ship', title: 'Ship stock', submit: 'Ship', quantity: 'Quantity shipped' },
  ADJUSTMENT: { button: 'Adjust', title: 'Adjust stock', submit: 'Adjust', quantity: 'Quantity' },
  TRANSFER: { button: 'Transfer', title: 'Transfer stock', submit: 'Transfer', quantity: 'Quantity to move' },
  COUNT: { button: 'Count', title: 'Record a count', submit: 'Record count', quantity: 'Counted quantity' },
};

const ORDER: StockMovementType[] = ['RECEIPT', 'SHIPMENT', 'ADJUSTMENT', 'TRANSFER', 'COUNT'];

/**
 * The stock buttons of a product page and the one dialog they open, parameterised by the
 * movement type. Shown only to roles that may post movements (the action checks again).
 */
export function StockActions({ product, locations, action }: { product: StockProduct; locations: StockLocationOption[]; action: ProductAction }) {
  const [type, setType] = useState<StockMovementType | null>(null);
  // Kept while the dialog fades out, so its title does not change under the transition.
  const [shown, setShown] = useState<StockMovementType>('RECEIPT');
  const canTransfer = locations.length > 1;
  const open = (next: StockMovementType) => {
    setShown(next);
    setType(next);
  };
  return (
    <>
      <div className="grid grid-cols-3 gap-2 sm:flex sm:flex-wrap" role="group" aria-label="Stock actions">
        {ORDER.filter((kind) => kind !== 'TRANSFER' || canTransfer).map((kind) => (
          <Button key={kind} type="button" variant={kind === 'RECEIPT' ? 'primary' : 'secondary'} onClick={() => open(kind)} aria-haspopup="dialog">
            {COPY[kind].button}
          </Button>
        ))}
      </div>
      <Dialog
        open={type !== null}
        onClose={() => setType(null)}
        title={COPY[shown].title}
        description={
          // The SKU moves to a line of its own as a whole rather than breaking mid-code.
          <>
            {product.name} · <span className="inline-block max-w-full font-mono [overflow-wrap:anywhere]">{product.sku}</span>
          </>
        }
      >
        <StockMovementForm key={shown} type={shown} product={product} locations={locations} action={action} onCancel={() => setType(null)} onDone={() => setType(null)} />
      </Dialog>
    </>
  );
}

function defaultLocationId(type: StockMovementType, locations: StockLocationOption[]): string {
  const fallback = locations.find((location) => location.isDefault) ?? locations[0];
  let chosen = fallback;
  // Taking stock out starts where there is stock: the default location if it has some.
  if ((type === 'SHIPMENT' || type === 'TRANSFER') && !(fallback && fallback.onHand > 0)) {
    const fullest = [...locations].sort((a, b) => b.onHand - a.onHand)[0];
    if (fullest && fullest.onHand > 0) chosen = fullest;
  }
  return chosen ? String(chosen.id) : '';
}

function StockMovementForm({
  type,
  product,
  locations,
  action,
  onCancel,
  onDone,
}: {
  type: StockMovementType;
  product: StockProduct;
  locations: StockLocationOption[];
  action: ProductAction;
  onCancel: () => void;
  onDone: () => void;
}) {
  const copy = COPY[type];
  return (
    <ActionForm
      action={action}
      hidden={{ type, productId: String(product.id) }}
      fieldNames={MOVEMENT_FORM_FIELDS}
      submitLabel={copy.submit}
      onCancel={onCancel}
      onSuccess={(success) => {
        toast.success(success.message);
        onDone();
      }}
    >
      {({ errors, values }) => <MovementFields type={type} product={product} locations={locations} errors={errors} values={values} quantityLabel={copy.quantity} />}
    </ActionForm>
  );
}

/** Code and on-hand first: on a phone a closed select cuts the end off, so the name goes last. */
function LocationOptions({ locations }: { locations: StockLocationOption[] }) {
  return locations.map((location) => (
    <option key={location.id} value={location.id}>
      {location.code} · {location.onHand.toLocaleString('en-US')} on hand · {location.name}
    </option>
  ));
}

/** What the chosen location holds, under its select: the context of an "Only 12 on hand" refusal. */
function onHandAt(locations: StockLocationOption[], id: string): string | undefined {
  const location = locations.find((candidate) => String(candidate.id) === id);
  return location ? `${location.onHand.toLocaleString('en-US')} on hand at ${location.code} (${location.name})` : undefined;
}

/**
 * The fields of one movement type. Every input is uncontrolled with a defaultValue (React
 * resets a form after its action, back to the default values, which here are the values
 * just sent); the location and direction are also tracked in state, for the hints.
 */
function MovementFields({
  type,
  product,
  locations,
  errors,
  values,
  quantityLabel,
}: {
  type: StockMovementType;
  product: StockProduct;
  locations: StockLocationOption[];
  errors: Record<string, string>;
  values: Record<string, string>;
  quantityLabel: string;
}) {
  const initialLocation = values.locationId ?? defaultLocationId(type, locations);
  const [locationId, setLocationId] = useState(initialLocation);
  const firstOther = locations.find((candidate) => String(candidate.id) !== initialLocation);
  const [toLocationId, setToLocationId] = useState(values.toLocationId ?? (firstOther ? String(firstOther.id) : ''));
  const [direction, setDirection] = useState(values.direction === 'remove' ? 'remove' : 'add');
  const location = locations.find((candidate) => String(candidate.id) === locationId);
  const quantityHint =
    type === 'COUNT'
      ? `The system has ${location ? `${location.onHand.toLocaleString('en-US')} at ${location.code}` : 'none here'}; the difference is posted.`
      : type === 'RECEIPT'
        ? `Counted in ${product.unit}`
        : undefined;

  return (
    <>
      {/* One column even on wide screens: the dialog is narrow, and side by side the two
          transfer selects would cut their options off. */}
      <div className="grid gap-4">
        <Select
          label={type === 'TRANSFER' ? 'From' : type === 'RECEIPT' ? 'Into location' : 'Location'}
          name="locationId"
          defaultValue={initialLocation}
          onChange={(event) => setLocationId(event.target.value)}
          error={errors.locationId}
          hint={onHandAt(locations, locationId)}
        >
          <LocationOptions locations={locations} />
        </Select>
        {type === 'TRANSFER' && (
          <Select label="To" name="toLocationId" defaultValue={toLocationId} onChange={(event) => setToLocationId(event.target.value)} error={errors.toLocationId} hint={onHandAt(locations, toLocationId)}>
            <LocationOptions locations={locations} />
          </Select>
        )}
      </div>
      {type === 'ADJUSTMENT' && (
        <fieldset>
          <legend className="block text-sm font-medium text-slate-700">Direction</legend>
          <div className="mt-1 grid grid-cols-2 gap-2">
            {(['add', 'remove'] as const).map((option) => (
              <label
                key={option}
                className={`flex h-10 cursor-pointer items-center justify-center rounded-lg border px-2 text-center text-sm font-medium shadow-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${
                  direction === option ? 'border-brand-500 bg-brand-50 text-brand-700' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
                }`}
              >
                <input type="radio" name="direction" value={option} defaultChecked={direction === option} onChange={() => setDirection(option)} className="sr-only" />
                {option === 'add' ? 'Add stock' : 'Remove stock'}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={quantityLabel}
          name="quantity"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={values.quantity ?? ''}
          error={errors.quantity}
          hint={quantityHint}
          required
          autoFocus
          className={type === 'RECEIPT' ? '' : 'sm:col-span-2'}
        />
        {type === 'RECEIPT' && (
          <Field label="Unit cost" name="unitCost" inputMode="decimal" placeholder="0.00" defaultValue={values.unitCost ?? product.cost} error={errors.unitCost} hint="What each unit cost you" />
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Reason"
          name="reason"
          optional
          defaultValue={values.reason ?? ''}
          error={errors.reason}
          maxLength={MOVEMENT_LIMITS.reason}
          placeholder={type === 'ADJUSTMENT' ? 'Damaged, found, returned…' : undefined}
        />
        <Field label="Reference" name="reference" optional defaultValue={values.reference ?? ''} error={errors.reference} maxLength={MOVEMENT_LIMITS.reference} placeholder="PO or order number" />
      </div>
    </>
  );
}
