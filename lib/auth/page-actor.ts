import { notFound, redirect } from 'next/navigation';
import { sessionActor, type Actor } from './actor';
import { can, type Permission } from './roles';

/** Server components: the signed-in person, or a redirect to the sign-in page. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) redirect('/login');
  if (permission && !can(actor.role, permission)) notFound();
  return actor;
}
