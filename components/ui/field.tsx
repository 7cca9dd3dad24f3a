import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

/** The label, hint and error ids of one control, and its props for aria. */
export function useFieldIds(hasHint: boolean, hasError: boolean) {
  const id = useId();
  // The error takes the hint's place, so the description is always what is on screen.
  const hintId = hasHint && !hasError ? `${id}-hint` : undefined;
  const errorId = hasError ? `${id}-error` : undefined;
  return {
    id,
    hintId,
    errorId,
    aria: {
      'aria-invalid': hasError ? (true as const) : undefined,
      'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    },
  };
}

/** The look of every text control (phones get 16 px text from globals.css, so iOS does not zoom). */
export const CONTROL_CLASSES =
  'mt-1 block w-full rounded-lg border bg-white px-3 text-sm text-slate-900 shadow-sm transition-colors placeholder:text-slate-500 focus:outline-none focus:ring-2 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500';

export function controlStateClasses(invalid: boolean): string {
  return invalid
    ? 'border-red-400 focus:border-red-500 focus:ring-red-500/30'
    : 'border-slate-300 hover:border-slate-400 focus:border-brand-500 focus:ring-brand-500/30';
}

/** The label line, the control, then the hint or the error: shared by Field and Select. */
export function FieldFrame({
  id,
  label,
  optional,
  hint,
  hintId,
  error,
  errorId,
  className = '',
  children,
}: {
  id: string;
  label: ReactNode;
  optional?: boolean;
  hint?: ReactNode;
  hintId?: string;
  error?: string;
  errorId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="flex items-baseline justify-between gap-2 text-sm font-medium text-slate-700">
        <span>{label}</span>
        {optional && <span className="text-xs font-normal text-slate-500">Optional</span>}
      </label>
      {children}
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/** The hint, or the error in its place, with the ids the control's aria-describedby names. */
function FieldMessages({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string; error?: string; errorId?: string }) {
  return (
    <>
      {hint && !error && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      )}
    </>
  );
}

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  /** The server's or the browser's message for this field; shown under it and announced. */
  error?: string;
  hint?: ReactNode;
  /** Marks the label "Optional" (for forms where most fields are required). */
  optional?: boolean;
  /** Classes of the input itself; `className` styles the wrapper. */
  inputClassName?: string;
}

/**
 * A labelled input whose hint and error are tied to it with aria-describedby, and which is
 * aria-invalid while it has an error. Uncontrolled: pass the typed value back through
 * `defaultValue` (FormState.values) so a failed submission keeps what was typed.
 */
export function Field({ label, name, error, hint, optional, className = '', inputClassName = '', required, ...props }: FieldProps) {
  const { id, hintId, errorId, aria } = useFieldIds(Boolean(hint), Boolean(error));
  return (
    <FieldFrame id={id} label={label} optional={optional} hint={hint} hintId={hintId} error={error} errorId={errorId} className={className}>
      <input
        id={id}
        name={name}
        required={required}
        {...aria}
        {...props}
        className={`${CONTROL_CLASSES} h-10 ${controlStateClasses(Boolean(error))} ${inputClassName}`}
      />
    </FieldFrame>
  );
}

export interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  optional?: boolean;
}

/** A labelled multi-line input, wired like Field (label, hint, error, aria). */
export function TextAreaField({ label, name, error, hint, optional, className = '', rows = 3, ...props }: TextAreaFieldProps) {
  const { id, hintId, errorId, aria } = useFieldIds(Boolean(hint), Boolean(error));
  return (
    <FieldFrame id={id} label={label} optional={optional} hint={hint} hintId={hintId} error={error} errorId={errorId} className={className}>
      <textarea id={id} name={name} rows={rows} {...aria} {...props} className={`${CONTROL_CLASSES} py-2 ${controlStateClasses(Boolean(error))}`} />
    </FieldFrame>
  );
}

/** A checkbox with its label beside it and the hint or error below, tied to it like Field's. */
export function CheckboxField({ label, name, error, hint, defaultChecked, disabled }: { label: string; name: string; error?: string; hint?: ReactNode; defaultChecked?: boolean; disabled?: boolean }) {
  const { id, hintId, errorId, aria } = useFieldIds(Boolean(hint), Boolean(error));
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={defaultChecked}
          disabled={disabled}
          {...aria}
          className="h-4 w-4 rounded border-slate-300 text-brand-600 accent-brand-600 focus:ring-brand-500"
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
      </div>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/** The message above a form, for what no field shows; announced, and focusable so focus can be moved to it. */
export function FormAlert({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <div id={id} role="alert" tabIndex={-1} className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 focus:outline-none">
      {children}
    </div>
  );
}
