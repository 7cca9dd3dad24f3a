import type { ReactNode, SelectHTMLAttributes } from 'react';
import { CONTROL_CLASSES, controlStateClasses, FieldFrame, useFieldIds } from './field';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  /** The options; or pass <option> children instead. */
  options?: SelectOption[];
  /** A first, empty choice such as "Any category" or "Choose a location". */
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
  optional?: boolean;
  selectClassName?: string;
}

/**
 * A labelled native <select>, wired like Field (aria-describedby, aria-invalid). Native on
 * purpose: phones show their own picker, it submits with the form, and it needs no script.
 * For searching a long list (products by SKU), use a Headless UI Combobox instead.
 */
export function Select({ label, name, options, placeholder, error, hint, optional, className = '', selectClassName = '', children, ...props }: SelectProps) {
  const { id, hintId, errorId, aria } = useFieldIds(Boolean(hint), Boolean(error));
  return (
    <FieldFrame id={id} label={label} optional={optional} hint={hint} hintId={hintId} error={error} errorId={errorId} className={className}>
      <div className="relative">
        <select
          id={id}
          name={name}
          {...aria}
          {...props}
          className={`${CONTROL_CLASSES} h-10 appearance-none pr-9 ${controlStateClasses(Boolean(error))} ${selectClassName}`}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options?.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
          {children}
        </select>
        <svg
          viewBox="0 0 20 20"
          fill="currentColor"
          className="pointer-events-none absolute right-3 top-1/2 mt-0.5 h-4 w-4 -translate-y-1/2 text-slate-400"
          aria-hidden="true"
        >
          <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
        </svg>
      </div>
    </FieldFrame>
  );
}
