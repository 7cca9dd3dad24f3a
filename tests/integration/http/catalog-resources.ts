import { unique } from '../helpers';

/**
 * Categories, suppliers and locations share one pattern: list, create, get, change, soft
 * delete (catalog.test.ts exercises the five operations of each; tests/unit/openapi.test.ts
 * counts them as covered).
 */
export const CATALOG_RESOURCES = [
  { path: '/api/categories', create: () => ({ name: unique('Category') }), change: { description: 'Changed' }, invalid: { name: '' }, unique: 'name' },
  { path: '/api/suppliers', create: () => ({ name: unique('Supplier'), email: 'orders@supplier.test' }), change: { phone: '+1 555 0100' }, invalid: { name: 'Ok', email: 'nope' }, unique: 'name' },
  { path: '/api/locations', create: () => ({ code: unique('L').toUpperCase().slice(0, 10), name: 'Back room' }), change: { name: 'Front room' }, invalid: { code: '', name: 'x' }, unique: 'code' },
] as const;

