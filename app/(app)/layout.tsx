import type { Metadata } from 'next';
import { AppShell } from '@/components/layout/app-shell';
import { requirePageActor } from '@/lib/auth/page-actor';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { countActiveAlerts } from '@/lib/inventory/count-active-alerts';
import { getRequestShopSettings } from '@/lib/settings/get-shop-settings';
import { signOutAction } from './actions';

/** Every signed-in page's title ends with the shop's own name. */
export async function generateMetadata(): Promise<Metadata> {
  const { shopName } = await getRequestShopSettings();
  return { title: { default: shopName, template: `%s · ${shopName}` } };
}

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const [activeAlertCount, { shopName }] = await Promise.all([countActiveAlerts(), getRequestShopSettings()]);
  return (
    <AppShell shopName={shopName} user={{ name: actor.name, email: actor.email, roleLabel: ROLE_LABELS[actor.role] }} activeAlertCount={activeAlertCount} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
