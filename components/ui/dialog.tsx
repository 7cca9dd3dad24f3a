'use client';

import { Description, DialogBackdrop, DialogPanel, DialogTitle, Dialog as HeadlessDialog } from '@headlessui/react';
import type { ReactNode } from 'react';

const WIDTHS = { sm: 'sm:max-w-sm', md: 'sm:max-w-md', lg: 'sm:max-w-lg', xl: 'sm:max-w-xl' } as const;

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons at the foot, primary last (it ends up on the right, and on top on phones). */
  actions?: ReactNode;
  size?: keyof typeof WIDTHS;
  /** Hide the × in the corner (e.g. while a submission is pending). */
  hideClose?: boolean;
}

/**
 * A Headless UI dialog: centred on wide screens, a bottom sheet on phones (within thumb reach
 * in the aisle). Focus moves inside and is trapped there, returns to the opener on close;
 * Escape and a click outside close it; the title and description label it for screen
 * readers. Its content unmounts on close, so every opening starts fresh.
 */
export function Dialog({ open, onClose, title, description, children, actions, size = 'md', hideClose = false }: DialogProps) {
  return (
    // The root covers the viewport (not a zero-size box with fixed children) so that the
    // dialog counts as visible until it has really gone, content included: a test or an
    // assistive tool that waits for it to hide does not act on a dialog still fading out.
    <HeadlessDialog open={open} onClose={onClose} className="fixed inset-0 z-50">
      <DialogBackdrop transition className="fixed inset-0 bg-slate-900/40 transition-opacity duration-150 ease-out data-closed:opacity-0" />
      <div className="fixed inset-0 w-screen overflow-y-auto">
        <div className="flex min-h-full items-end justify-center sm:items-center sm:p-4">
          <DialogPanel
            transition
            className={`w-full rounded-t-2xl bg-white shadow-xl ring-1 ring-slate-900/5 transition duration-150 ease-out data-closed:translate-y-4 data-closed:opacity-0 sm:rounded-2xl sm:data-closed:translate-y-0 sm:data-closed:scale-95 ${WIDTHS[size]}`}
          >
            <div className="p-5 sm:p-6">
              <div className="flex items-start justify-between gap-4">
                <div className="min-w-0">
                  <DialogTitle className="text-lg font-semibold tracking-tight text-slate-900">{title}</DialogTitle>
                  {description && <Description className="mt-1 text-sm text-slate-500">{description}</Description>}
                </div>
                {!hideClose && (
                  <button
                    type="button"
                    onClick={onClose}
                    className="-mr-2 -mt-1 inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-700"
                    aria-label="Close"
                  >
                    <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" aria-hidden="true">
                      <path d="M6 6l12 12M18 6 6 18" />
                    </svg>
                  </button>
                )}
              </div>
              {children && <div className="mt-5">{children}</div>}
            </div>
            {actions && <DialogActions>{actions}</DialogActions>}
          </DialogPanel>
        </div>
      </div>
    </HeadlessDialog>
  );
}

/** The foot of a dialog (or of a form inside one): stacked full width on phones, right-aligned above. */
export function DialogActions({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col-reverse gap-2 border-t border-slate-100 bg-slate-50/70 px-5 py-4 pb-[max(1rem,env(safe-area-inset-bottom))] sm:flex-row sm:justify-end sm:rounded-b-2xl sm:px-6 [&>*]:w-full sm:[&>*]:w-auto">
      {children}
    </div>
  );
}
