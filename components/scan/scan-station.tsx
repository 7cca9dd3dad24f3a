'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, useSyncExternalStore, useTransition, type ReactNode } from 'react';
import { toast } from 'sonner';
import { Button, ButtonLink } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { formatInteger } from '@/lib/format';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { CameraScanner } from './camera-scanner';

/** What GET /api/lookup answers, as far as this page reads it. */
export interface ScannedProduct {
  id: number;
  sku: string;
  barcode: string | null;
  name: string;
  unit: string;
  onHand: number;
  levels: Array<{ locationId: number; locationCode: string; onHand: number }>;
}

export interface ScanLocation {
  id: number;
  code: string;
  name: string;
  isDefault: boolean;
}

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Lookup = { status: 'found'; code: string; product: ScannedProduct } | { status: 'unknown'; code: string } | { status: 'failed'; code: string; message: string };
type Counted = { product: ScannedProduct; count: number };

const LOCATION_KEY = 'stockroom.scan.location';

async function lookUp(code: string): Promise<Lookup> {
  try {
    const response = await fetch(`/api/lookup?code=${encodeURIComponent(code)}`, { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (response.ok) return { status: 'found', code, product: (await response.json()) as ScannedProduct };
    if (response.status === 404) return { status: 'unknown', code };
    if (response.status === 401) return { status: 'failed', code, message: 'Your session has ended. Sign in again, then scan.' };
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    return { status: 'failed', code, message: body.message ?? 'The lookup failed. Scan again.' };
  } catch {
    return { status: 'failed', code, message: 'No connection to Stockroom. Check the network and scan again.' };
  }
}

function subscribeToStorage(changed: () => void) {
  window.addEventListener('storage', changed);
  return () => window.removeEventListener('storage', changed);
}

const onHandAt = (product: ScannedProduct, locationId: number) => product.levels.find((level) => level.locationId === locationId)?.onHand ?? 0;

/**
 * The scan page: a code from a USB scanner (it types the code and Enter into the focused
 * box), typed by hand, or read by the camera, looked up by barcode then SKU. One at a time,
 * the product opens a panel to receive, ship or count it at the chosen location; in Count
 * mode every scan adds one to that product's tally, and Post count writes one COUNT per
 * product through the ledger, all or none. An unknown code offers to create the product.
 */
export function ScanStation({
  locations,
  canPost,
  canCreate,
  receiveOrShip,
  postCount,
}: {
  locations: ScanLocation[];
  canPost: boolean;
  canCreate: boolean;
  receiveOrShip: Action;
  postCount: Action;
}) {
  const fallback = String((locations.find((location) => location.isDefault) ?? locations[0])?.id ?? '');
  // The location a person works at stays chosen on this device between visits.
  const saved = useSyncExternalStore(subscribeToStorage, () => window.localStorage.getItem(LOCATION_KEY), () => null);
  const [chosen, setChosen] = useState<string | null>(null);
  const locationId = [chosen, saved].find((candidate) => candidate && locations.some((location) => String(location.id) === candidate)) ?? fallback;
  const [mode, setMode] = useState<'single' | 'count'>('single');
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [looking, setLooking] = useState(false);
  const [quantity, setQuantity] = useState('1');
  const [errors, setErrors] = useState<{ message?: string; quantity?: string }>({});
  const [counted, setCounted] = useState<Counted[]>([]);
  const [pending, startTransition] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const known = useRef(new Map<string, ScannedProduct>());
  const location = locations.find((candidate) => String(candidate.id) === locationId);

  const scan = async (raw: string) => {
    const code = raw.trim();
    if (code === '') return;
    setErrors({});
    const cached = mode === 'count' ? known.current.get(code) : undefined;
    setLooking(!cached);
    const result = cached ? ({ status: 'found', code, product: cached } as const) : await lookUp(code);
    setLooking(false);
    if (result.status === 'found') known.current.set(code, result.product);
    if (mode === 'count' && result.status === 'found') {
      const { product } = result;
      setCounted((previous) => {
        const index = previous.findIndex((entry) => entry.product.id === product.id);
        if (index === -1) return [{ product, count: 1 }, ...previous];
        const next = [...previous];
        next[index] = { product, count: next[index]!.count + 1 };
        return next;
      });
      setLookup(null);
      return;
    }
    setLookup(result);
    setQuantity('1');
  };

  const submitScan = () => {
    const input = inputRef.current;
    if (!input) return;
    const code = input.value;
    input.value = '';
    void scan(code);
  };

  const refresh = async (code: string) => {
    const again = await lookUp(code);
    if (again.status === 'found') {
      known.current.set(code, again.product);
      setLookup(again);
    }
  };

  const move = (type: 'RECEIPT' | 'SHIPMENT' | 'COUNT') => {
    if (lookup?.status !== 'found') return;
    const form = new FormData();
    form.set('type', type);
    form.set('productId', String(lookup.product.id));
    form.set('quantity', quantity);
    form.set('locationId', locationId);
    startTransition(async () => {
      const state = await receiveOrShip(idleFormState, form);
      if (state.status === 'success') {
        toast.success(state.message);
        setErrors({});
        setQuantity('1');
        await refresh(lookup.code);
        inputRef.current?.focus();
      } else if (state.status === 'error') {
        setErrors({ message: state.message, quantity: state.fieldErrors.quantity });
      }
    });
  };

  const postRound = () => {
    const form = new FormData();
    form.set('locationId', locationId);
    form.set('counts', counted.map((entry) => `${entry.product.id}:${entry.count}`).join(','));
    startTransition(async () => {
      const state = await postCount(idleFormState, form);
      if (state.status === 'success') {
        toast.success(state.message);
        setCounted([]);
        known.current.clear();
        setErrors({});
        inputRef.current?.focus();
      } else if (state.status === 'error') {
        setErrors({ message: state.message });
      }
    });
  };

  const setCount = (productId: number, count: number) =>
    setCounted((previous) => previous.flatMap((entry) => (entry.product.id !== productId ? [entry] : count < 0 ? [] : [{ ...entry, count }])));

  // On a phone the answer sits below the scanner: bring it into view, keeping the box focused.
  useEffect(() => {
    if (lookup) resultsRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [lookup]);

  const totalUnits = counted.reduce((sum, entry) => sum + entry.count, 0);
  const locationLocked = counted.length > 0;

  return (
    // On a phone: the scanner, what it found, then the camera; on a wide screen the results take the right.
    <div className="grid gap-4 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] lg:items-start lg:gap-x-6">
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 lg:col-start-1 lg:row-start-1" aria-label="Scanner">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1">
          <Select
            label="Location"
            name="locationId"
            value={locationId}
            disabled={locationLocked}
            hint={locationLocked ? 'Post or clear the count to change location' : undefined}
            onChange={(event) => {
              setChosen(event.target.value);
              window.localStorage.setItem(LOCATION_KEY, event.target.value);
            }}
          >
            {locations.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.code} · {candidate.name}
              </option>
            ))}
          </Select>
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Mode</legend>
            <div className="mt-1 grid h-10 grid-cols-2 rounded-lg bg-slate-100 p-1 text-sm font-medium">
              {(
                [
                  ['single', 'One at a time'],
                  ['count', 'Count'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className={`flex cursor-pointer items-center justify-center rounded-md ${mode === value ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600'}`}>
                  <input
                    type="radio"
                    name="mode"
                    value={value}
                    checked={mode === value}
                    onChange={() => {
                      setMode(value);
                      setLookup(null);
                      setErrors({});
                      inputRef.current?.focus();
                    }}
                    className="sr-only"
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        </div>

        <form
          className="mt-4"
          onSubmit={(event) => {
            event.preventDefault();
            submitScan();
          }}
        >
          <label htmlFor="scan-code" className="text-sm font-medium text-slate-700">
            Barcode or SKU
          </label>
          <div className="mt-1 flex gap-2">
            <input
              ref={inputRef}
              id="scan-code"
              name="code"
              autoFocus
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="search"
              maxLength={200}
              placeholder="Scan or type a code"
              className="block h-12 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 font-mono text-base text-slate-900 shadow-sm placeholder:font-sans placeholder:text-slate-500 hover:border-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none"
            />
            <Button type="submit" className="h-12 shrink-0" pending={looking}>
              Find
            </Button>
          </div>
          <p className="mt-1 text-xs text-slate-500">
            {mode === 'count' ? 'Each scan adds one to that product\u2019s count.' : 'A USB scanner types into this box; keep it selected.'}
          </p>
        </form>
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 lg:col-start-1 lg:row-start-2" aria-label="Camera">
        <CameraScanner onCode={(code) => void scan(code)} />
      </section>

      <div ref={resultsRef} className="min-w-0 scroll-mt-20 space-y-4 lg:col-start-2 lg:row-span-2 lg:row-start-1" aria-live="polite">
        {errors.message && !errors.quantity && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
            {errors.message}
          </p>
        )}
        {lookup?.status === 'failed' && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
            {lookup.message}{' '}
            {lookup.message.startsWith('Your session') && (
              <Link href="/login" className="font-medium underline">
                Sign in
              </Link>
            )}
          </p>
        )}
        {lookup?.status === 'unknown' && (
          <section className="rounded-xl border border-amber-200 bg-amber-50 p-4 sm:p-5" aria-label="Unknown code">
            <h2 className="font-semibold text-amber-900">No product has this code</h2>
            <p className="mt-1 font-mono text-sm break-all text-amber-900">{lookup.code}</p>
            {canCreate ? (
              <ButtonLink href={`/products/new?barcode=${encodeURIComponent(lookup.code)}`} className="mt-3">
                Create a product with this barcode
              </ButtonLink>
            ) : (
              <p className="mt-2 text-sm text-amber-800">A manager can add it as a product, with this barcode.</p>
            )}
          </section>
        )}
        {mode === 'single' && lookup?.status === 'found' && (
          <ProductPanel
            product={lookup.product}
            location={location}
            quantity={quantity}
            setQuantity={setQuantity}
            error={errors.quantity}
            canPost={canPost}
            pending={pending}
            onMove={move}
          />
        )}
        {mode === 'single' && lookup === null && <Hint>Scan a product to receive, ship or count it at {location?.code ?? 'this location'}.</Hint>}
        {mode === 'count' && (
          <section className="rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Count">
            <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3 sm:px-5">
              <div>
                <h2 className="font-semibold text-slate-900">Count at {location?.code}</h2>
                <p className="text-sm text-slate-500">
                  {counted.length === 0 ? 'Nothing counted yet' : `${formatInteger(counted.length)} ${counted.length === 1 ? 'product' : 'products'}, ${formatInteger(totalUnits)} ${totalUnits === 1 ? 'unit' : 'units'}`}
                </p>
              </div>
              {counted.length > 0 && (
                <button type="button" onClick={() => setCounted([])} className="h-8 rounded-lg px-3 text-sm font-medium text-slate-600 hover:bg-slate-100">
                  Clear
                </button>
              )}
            </header>
            {counted.length === 0 ? (
              <p className="px-4 py-6 text-sm text-slate-500 sm:px-5">Scan every item on the shelf, one scan per item. Products you do not scan keep their stock.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {counted.map(({ product, count }) => (
                  <li key={product.id} className="flex items-center gap-3 px-4 py-3 sm:px-5">
                    <div className="min-w-0 flex-1">
                      <p className="line-clamp-2 font-medium break-words text-slate-900">{product.name}</p>
                      <p className="text-xs text-slate-500">
                        <span className="font-mono break-all">{product.sku}</span> <span className="whitespace-nowrap">· was {formatInteger(onHandAt(product, Number(locationId)))}</span>
                      </p>
                    </div>
                    <Stepper label={`Count of ${product.sku}`} value={count} onChange={(next) => setCount(product.id, next)} removable />
                  </li>
                ))}
              </ul>
            )}
            {canPost && (
              <div className="border-t border-slate-100 px-4 py-3 sm:px-5">
                <Button type="button" className="w-full sm:w-auto" disabled={counted.length === 0} pending={pending} onClick={postRound}>
                  {counted.length === 0 ? 'Post count' : `Post count (${formatInteger(counted.length)} ${counted.length === 1 ? 'product' : 'products'})`}
                </Button>
                <p className="mt-2 text-xs text-slate-500">Each product&apos;s stock at {location?.code} becomes the number counted, in one step.</p>
              </div>
            )}
          </section>
        )}
      </div>
    </div>
  );
}

function Hint({ children }: { children: ReactNode }) {
  return <p className="rounded-xl border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">{children}</p>;
}

function ProductPanel({
  product,
  location,
  quantity,
  setQuantity,
  error,
  canPost,
  pending,
  onMove,
}: {
  product: ScannedProduct;
  location: ScanLocation | undefined;
  quantity: string;
  setQuantity: (value: string) => void;
  error?: string;
  canPost: boolean;
  pending: boolean;
  onMove: (type: 'RECEIPT' | 'SHIPMENT' | 'COUNT') => void;
}) {
  const here = location ? onHandAt(product, location.id) : 0;
  const number = Number(quantity);
  return (
    <section className="rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Scanned product">
      <div className="border-b border-slate-100 px-4 py-3 sm:px-5">
        <Link href={`/products/${product.id}`} className="font-semibold break-words text-slate-900 hover:text-brand-700 hover:underline">
          {product.name}
        </Link>
        <p className="mt-0.5 text-sm text-slate-500">
          <span className="font-mono">{product.sku}</span>
          {product.barcode && <span className="font-mono"> · {product.barcode}</span>}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
          <div className="rounded-lg bg-slate-50 px-3 py-2">
            <dt className="text-slate-500">At {location?.code}</dt>
            <dd className="text-lg font-semibold text-slate-900" data-testid="on-hand-here">
              {formatInteger(here)}
            </dd>
          </div>
          <div className="rounded-lg bg-slate-50 px-3 py-2">
            <dt className="text-slate-500">Everywhere</dt>
            <dd className="text-lg font-semibold text-slate-900">{formatInteger(product.onHand)}</dd>
          </div>
        </dl>
      </div>
      {canPost ? (
        <div className="px-4 py-4 sm:px-5">
          <div className="flex items-end justify-between gap-3">
            <div>
              <label htmlFor="scan-quantity" className="text-sm font-medium text-slate-700">
                Quantity ({product.unit})
              </label>
              <Stepper id="scan-quantity" label="Quantity" value={Number.isFinite(number) ? number : 0} text={quantity} onText={setQuantity} onChange={(next) => setQuantity(String(Math.max(0, next)))} invalid={Boolean(error)} />
            </div>
          </div>
          {error && (
            <p role="alert" className="mt-1 text-sm text-red-600">
              {error}
            </p>
          )}
          <div className="mt-4 grid grid-cols-3 gap-2">
            <Button type="button" pending={pending} onClick={() => onMove('RECEIPT')}>
              Receive
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => onMove('SHIPMENT')}>
              Ship
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => onMove('COUNT')}>
              Set count
            </Button>
          </div>
          <p className="mt-2 text-xs text-slate-500">Set count makes the stock at {location?.code} exactly this quantity.</p>
        </div>
      ) : (
        <p className="px-4 py-4 text-sm text-slate-500 sm:px-5">Your role can look products up; a clerk or manager receives and ships.</p>
      )}
    </section>
  );
}

/** A number with − and + buttons big enough for a thumb; typing works too. */
function Stepper({
  id,
  label,
  value,
  text,
  onText,
  onChange,
  removable = false,
  invalid = false,
}: {
  id?: string;
  label: string;
  value: number;
  text?: string;
  onText?: (text: string) => void;
  onChange: (value: number) => void;
  removable?: boolean;
  invalid?: boolean;
}) {
  const button = 'flex h-10 w-10 items-center justify-center rounded-lg border border-slate-300 bg-white text-lg font-medium text-slate-700 hover:bg-slate-50 active:bg-slate-100';
  return (
    <div className="mt-1 flex items-center gap-1.5">
      <button type="button" className={button} aria-label={removable && value <= 1 ? `Remove ${label.replace(/^Count of /, '')}` : `One less (${label})`} onClick={() => onChange(removable && value <= 1 ? -1 : value - 1)}>
        {removable && value <= 1 ? '\u00d7' : '\u2212'}
      </button>
      <input
        id={id}
        aria-label={id ? undefined : label}
        aria-invalid={invalid || undefined}
        inputMode="numeric"
        value={text ?? String(value)}
        onChange={(event) => {
          if (onText) onText(event.target.value);
          else if (/^\d*$/.test(event.target.value)) onChange(Number(event.target.value || 0));
        }}
        className={`h-10 w-16 rounded-lg border px-2 text-center text-base font-semibold text-slate-900 focus:ring-2 focus:outline-none ${invalid ? 'border-red-400 focus:ring-red-500/30' : 'border-slate-300 focus:border-brand-500 focus:ring-brand-500/30'}`}
      />
      <button type="button" className={button} aria-label={`One more (${label})`} onClick={() => onChange(value + 1)}>
        +
      </button>
    </div>
  );
}
