'use client';

import { Description, Dialog, DialogBackdrop, DialogPanel, DialogTitle } from '@headlessui/react';
import type { ReactNode } from 'react';

/**
 * A centred dialog (a bottom sheet on phones) built on Headless UI: focus is trapped inside,
 * Escape and a click outside close it, and the title and description label it for screen
 * readers. Its content is unmounted when closed, so every opening starts fresh.
 */
export function Modal({
  open,
  onClose,
  title,
  description,
  children,
  size = 'md',
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  size?: 'md' | 'lg';
}) {
  return (
    <Dialog open={open} onClose={onClose} className="relative z-50">
      <DialogBackdrop transition className="fixed inset-0 bg-slate-900/40 transition-opacity duration-150 data-closed:opacity-0" />
      <div className="fixed inset-0 w-screen overflow-y-auto">
        <div className="flex min-h-full items-end justify-center p-0 sm:items-center sm:p-4">
          <DialogPanel
            transition
            className={`w-full rounded-t-2xl bg-white p-5 shadow-xl transition duration-150 data-closed:translate-y-4 data-closed:opacity-0 sm:rounded-2xl sm:p-6 ${
              size === 'lg' ? 'sm:max-w-xl' : 'sm:max-w-md'
            }`}
          >
            <DialogTitle className="text-lg font-semibold tracking-tight text-slate-900">{title}</DialogTitle>
            {description && <Description className="mt-1 text-sm text-slate-500">{description}</Description>}
            <div className="mt-5">{children}</div>
          </DialogPanel>
        </div>
      </div>
    </Dialog>
  );
}
