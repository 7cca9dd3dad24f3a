import { Button, ButtonLink } from './button';

/** The foot of a page form: Cancel back to where the person came from, and the submit button. */
export function FormFooter({ cancelHref, pending, submitLabel }: { cancelHref: string; pending: boolean; submitLabel: string }) {
  return (
    <div className="flex flex-col-reverse gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50/60 px-5 py-4 sm:flex-row sm:justify-end sm:px-6">
      <ButtonLink href={cancelHref} variant="secondary" aria-disabled={pending || undefined} className={pending ? 'pointer-events-none opacity-60' : ''}>
        Cancel
      </ButtonLink>
      <Button type="submit" pending={pending}>
        {submitLabel}
      </Button>
    </div>
  );
}
