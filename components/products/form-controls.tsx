import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { CONTROL_CLASSES, controlStateClasses, FieldFrame, useFieldIds } from '@/components/ui/field';

export interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  optional?: boolean;
}

/** A labelled multi-line input, wired like components/ui/field.tsx's Field (label, hint, error, aria). */
export function TextAreaField({ label, name, error, hint, optional, className = '', rows = 3, ...props }: TextAreaFieldProps) {
  const { id, hintId, errorId, aria } = useFieldIds(Boolean(hint), Boolean(error));
  return (
    <FieldFrame id={id} label={label} optional={optional} hint={hint} hintId={hintId} error={error} errorId={errorId} className={className}>
      <textarea id={id} name={name} rows={rows} {...aria} {...props} className={`${CONTROL_CLASSES} py-2 ${controlStateClasses(Boolean(error))}`} />
    </FieldFrame>
  );
}

/** The message above a form, for what no field shows; announced, and focusable so focus can be moved to it. */
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" tabIndex={-1} className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 focus:outline-none">
      {children}
    </div>
  );
}
