import Link from 'next/link';
import { useId, type ComponentProps, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/** The look of components/ui/field.tsx's input, shared by the selects and text areas here. */
const CONTROL = 'mt-1 block w-full rounded-lg border bg-white px-3 text-sm shadow-sm placeholder:text-slate-400 focus:outline-none focus:ring-2 disabled:bg-slate-50 disabled:text-slate-500';
const OK = 'border-slate-300 focus:border-brand-500 focus:ring-brand-100';
const BAD = 'border-red-400 focus:border-red-500 focus:ring-red-200';

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint && !error ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
}

function Messages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      )}
    </>
  );
}

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}

/** A labelled native select: the friendliest choice for short lists on a keyboard and on a phone. */
export function SelectField({ label, name, error, hint, className = '', children, ...props }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${CONTROL} h-10 pr-8 ${error ? BAD : OK}`}
        {...props}
      >
        {children}
      </select>
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

export interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}

export function TextAreaField({ label, name, error, hint, className = '', rows = 3, ...props }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${CONTROL} py-2 ${error ? BAD : OK}`}
        {...props}
      />
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

const LINK_VARIANTS = {
  primary: 'bg-brand-600 text-white shadow-sm hover:bg-brand-700',
  secondary: 'bg-white text-slate-800 ring-1 ring-inset ring-slate-300 shadow-sm hover:bg-slate-50',
  ghost: 'text-slate-700 hover:bg-slate-100',
} as const;

/** A link that looks like components/ui/button.tsx's Button (for navigation, not actions). */
export function ButtonLink({
  variant = 'primary',
  size = 'md',
  className = '',
  ...props
}: ComponentProps<typeof Link> & { variant?: keyof typeof LINK_VARIANTS; size?: 'sm' | 'md' }) {
  return (
    <Link
      {...props}
      className={`inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-lg text-sm font-medium transition-colors ${size === 'sm' ? 'h-8 px-3' : 'h-10 px-4'} ${LINK_VARIANTS[variant]} ${className}`}
    />
  );
}

/** The error banner above a form, for what no field shows (and for screen readers, announced). */
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" tabIndex={-1} className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 focus:outline-none">
      {children}
    </div>
  );
}
