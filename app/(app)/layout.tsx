import { AppShell } from '@/components/layout/app-shell';
import { requirePageActor } from '@/lib/auth/page-actor';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { countActiveAlerts } from '@/lib/inventory/count-active-alerts';
import { signOutAction } from './actions';

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const activeAlertCount = await countActiveAlerts();
  return (
    <AppShell user={{ name: actor.name, email: actor.email, roleLabel: ROLE_LABELS[actor.role] }} activeAlertCount={activeAlertCount} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
