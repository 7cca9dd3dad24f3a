import type { Metadata } from 'next';
import { ScanStation } from '@/components/scan/scan-station';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/roles';
import { allLocations } from '../products/load';
import { postScanCount, postScanMovement } from './actions';

export const metadata: Metadata = { title: 'Scan' };

/** Receive, ship and count by barcode: a phone's camera, a USB scanner, or typing. */
export default async function ScanPage() {
  const actor = await requirePageActor('catalog:read');
  const locations = (await allLocations()).filter((location) => location.deletedAt === null);
  return (
    <>
      <PageHeader title="Scan" description="Find a product by its barcode or SKU, then receive, ship or count it where you stand." />
      <ScanStation
        locations={locations.map(({ id, code, name, isDefault }) => ({ id, code, name, isDefault }))}
        canPost={can(actor.role, 'movements:write')}
        canCreate={can(actor.role, 'catalog:write')}
        receiveOrShip={postScanMovement}
        postCount={postScanCount}
      />
    </>
  );
}
