import { notFound, redirect } from 'next/navigation';
import { getDisplayFormat } from '@/lib/settings/get-display-format';
import { sessionActor, type Actor } from './actor';
import { can, type Permission } from './roles';

/**
 * Server components: the signed-in person, or a redirect to the sign-in page. Every signed-in
 * page starts here, so this also sets the request's dates and money (getDisplayFormat) before
 * the page renders anything.
 */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) redirect('/login');
  if (permission && !can(actor.role, permission)) notFound();
  await getDisplayFormat();
  return actor;
}
