import { allLocations, allSuppliers } from '../products/load';
import type { OrderFormOption } from '@/components/purchasing/order-form';

/**
 * The order form's choices: live suppliers and locations by name, plus the order's own if it
 * has since been archived, so the form shows what the draft holds (saving it is then refused
 * beside the field).
 */
export async function orderFormOptions(keep: { supplierId?: number; locationId?: number } = {}): Promise<{ suppliers: OrderFormOption[]; locations: OrderFormOption[]; defaultLocationId: string }> {
  const [suppliers, locations] = await Promise.all([allSuppliers(), allLocations()]);
  return {
    suppliers: suppliers
      .filter((supplier) => supplier.deletedAt === null || supplier.id === keep.supplierId)
      .map((supplier) => ({ id: supplier.id, label: supplier.deletedAt === null ? supplier.name : `${supplier.name} (archived)` })),
    locations: locations
      .filter((location) => location.deletedAt === null || location.id === keep.locationId)
      .map((location) => ({ id: location.id, label: `${location.name} (${location.code})${location.deletedAt === null ? '' : ', archived'}` })),
    defaultLocationId: String(locations.find((location) => location.isDefault && location.deletedAt === null)?.id ?? ''),
  };
}
