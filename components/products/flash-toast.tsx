'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { toast } from 'sonner';

/**
 * Shows a toast for what the previous page's action did (a server action redirects here with
 * a `flash` parameter), then takes the parameter out of the URL so that a reload or the back
 * button does not show it again. The message is made on the server from the database, never
 * copied from the URL.
 */
export function FlashToast({ message, cleanHref }: { message: string; cleanHref: string }) {
  const router = useRouter();
  useEffect(() => {
    // The id keeps it to one toast when the effect runs twice (React's development checks).
    toast.success(message, { id: `flash:${message}` });
    router.replace(cleanHref, { scroll: false });
  }, [message, cleanHref, router]);
  return null;
}
