import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createCategorySchema, updateCategorySchema } from '@/lib/inventory/category-schemas';
import { createCategory } from '@/lib/inventory/create-category';
import { createSupplier } from '@/lib/inventory/create-supplier';
import { deleteCategory } from '@/lib/inventory/delete-category';
import { deleteSupplier } from '@/lib/inventory/delete-supplier';
import { getCategory } from '@/lib/inventory/get-category';
import { getSupplier } from '@/lib/inventory/get-supplier';
import { listCategories } from '@/lib/inventory/list-categories';
import { listSuppliers } from '@/lib/inventory/list-suppliers';
import { createSupplierSchema, updateSupplierSchema } from '@/lib/inventory/supplier-schemas';
import { updateCategory } from '@/lib/inventory/update-category';
import { updateProduct } from '@/lib/inventory/update-product';
import { updateSupplier } from '@/lib/inventory/update-supplier';
import { decodeSortCursor } from '@/lib/pagination';
import { auditRows, expectAppError, makeUser, newProduct, productPatch, tag } from './catalog-fixtures';

const category = (name = tag('Category'), description: string | null = null) => createCategorySchema.parse({ name, description });
const supplier = (fields: Record<string, unknown> = {}) => createSupplierSchema.parse({ name: tag('Supplier'), ...fields });

describe('categories', () => {
  it('creates, reads, renames and soft-deletes, with an audit row each time', async () => {
    const actorId = await makeUser();
    const created = await createCategory({ input: category('Hand tools', '  Hammers and such  '), actorId });
    expect(created).toMatchObject({ name: 'Hand tools', description: 'Hammers and such', deletedAt: null });
    expect(await getCategory({ id: created.id })).toEqual(created);

    const renamed = await updateCategory({ id: created.id, input: updateCategorySchema.parse({ name: 'Hand tools & more', description: '' }), actorId });
    expect(renamed).toMatchObject({ name: 'Hand tools & more', description: null });

    const deleted = await deleteCategory({ id: created.id, actorId });
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    await expectAppError(getCategory({ id: created.id }), 'NOT_FOUND');
    await expectAppError(updateCategory({ id: created.id, input: { name: 'x' }, actorId }), 'NOT_FOUND');
    await expectAppError(deleteCategory({ id: created.id, actorId }), 'NOT_FOUND');

    const audit = await auditRows('Category', created.id);
    expect(audit.map((row) => row.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    expect(audit.every((row) => row.actorId === actorId)).toBe(true);
    expect(JSON.parse(audit[1]?.before ?? '{}')).toMatchObject({ name: 'Hand tools' });
    expect(JSON.parse(audit[1]?.after ?? '{}')).toMatchObject({ name: 'Hand tools & more' });
  });

  it('refuses a duplicate live name ignoring case (409 name), but a deleted one frees the name', async () => {
    const name = tag('Fasteners');
    const first = await createCategory({ input: category(name), actorId: null });
    await expectAppError(createCategory({ input: category(name.toUpperCase()), actorId: null }), 'CONFLICT', {
      name: 'A category with this name already exists',
    });
    const other = await createCategory({ input: category(), actorId: null });
    await expectAppError(updateCategory({ id: other.id, input: { name: name.toLowerCase() }, actorId: null }), 'CONFLICT', {
      name: 'A category with this name already exists',
    });
    // The refused rename changed nothing.
    expect((await getCategory({ id: other.id })).name).toBe(other.name);

    await deleteCategory({ id: first.id, actorId: null });
    const again = await createCategory({ input: category(name), actorId: null });
    expect(again.id).not.toBe(first.id);
  });

  it('validates input: name required and at most 100, description at most 1000, no unknown fields, something to change', () => {
    expect(createCategorySchema.safeParse({ name: '  ' }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['name']);
    expect(createCategorySchema.safeParse({ name: 'x'.repeat(101) }).success).toBe(false);
    expect(createCategorySchema.safeParse({ name: 'x'.repeat(100), description: 'y'.repeat(1000) }).success).toBe(true);
    expect(createCategorySchema.safeParse({ name: 'ok', description: 'y'.repeat(1001) }).success).toBe(false);
    expect(createCategorySchema.safeParse({ name: 'ok', colour: 'red' }).success).toBe(false);
    expect(updateCategorySchema.safeParse({}).success).toBe(false);
  });

  it('unknown ids are NOT_FOUND', async () => {
    await expectAppError(getCategory({ id: 987_654 }), 'NOT_FOUND');
    await expectAppError(updateCategory({ id: 987_654, input: { name: 'x' }, actorId: null }), 'NOT_FOUND');
    await expectAppError(deleteCategory({ id: 987_654, actorId: null }), 'NOT_FOUND');
  });

  it('deleting a category keeps its products pointing at it, and it can no longer be given to a product', async () => {
    const doomed = await createCategory({ input: category(), actorId: null });
    const product = await newProduct({ categoryId: doomed.id });
    await deleteCategory({ id: doomed.id, actorId: null });
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).categoryId).toBe(doomed.id);
    const other = await newProduct();
    await expectAppError(updateProduct({ id: other.id, input: productPatch({ categoryId: doomed.id }), actorId: null }), 'VALIDATION_FAILED', {
      categoryId: 'Category not found',
    });
  });

  it('lists by name with a keyset cursor that returns every live row exactly once', async () => {
    const prefix = tag('Walk');
    const names = Array.from({ length: 7 }, (_, index) => `${prefix}-${String.fromCharCode(103 - index)}`);
    const made = [];
    for (const name of names) made.push(await createCategory({ input: category(name), actorId: null }));
    await deleteCategory({ id: made[0]!.id, actorId: null });

    const seen: number[] = [];
    let cursor: ReturnType<typeof decodeSortCursor>;
    do {
      const page = await listCategories({ limit: 3, cursor, includeDeleted: false });
      seen.push(...page.data.map((row) => row.id));
      cursor = page.nextCursor ? decodeSortCursor(page.nextCursor) : undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const nameById = new Map(made.map((row) => [row.id, row.name]));
    const mine = seen.flatMap((id) => nameById.get(id) ?? []);
    expect(mine).toEqual(made.slice(1).map((row) => row.name).sort());
    expect(seen).not.toContain(made[0]!.id);

    const all = await listCategories({ limit: 200, includeDeleted: true });
    expect(all.data.map((row) => row.id)).toContain(made[0]!.id);
  });
});

describe('suppliers', () => {
  it('creates, reads, updates and soft-deletes, with an audit row each time', async () => {
    const actorId = await makeUser();
    const created = await createSupplier({ input: supplier({ name: 'Acme Tools', email: ' orders@acme.example ', phone: '+1 555 0100', notes: 'Net 30' }), actorId });
    expect(created).toMatchObject({ name: 'Acme Tools', email: 'orders@acme.example', phone: '+1 555 0100', notes: 'Net 30', deletedAt: null });
    expect(await getSupplier({ id: created.id })).toEqual(created);

    const updated = await updateSupplier({ id: created.id, input: updateSupplierSchema.parse({ email: '', phone: '+1 555 0199' }), actorId });
    expect(updated).toMatchObject({ name: 'Acme Tools', email: null, phone: '+1 555 0199', notes: 'Net 30' });

    await deleteSupplier({ id: created.id, actorId });
    await expectAppError(getSupplier({ id: created.id }), 'NOT_FOUND');
    await expectAppError(updateSupplier({ id: created.id, input: { notes: 'x' }, actorId }), 'NOT_FOUND');
    await expectAppError(deleteSupplier({ id: created.id, actorId }), 'NOT_FOUND');
    expect((await auditRows('Supplier', created.id)).map((row) => row.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
  });

  it('refuses a duplicate live name ignoring case (409 name)', async () => {
    const name = tag('Globex');
    const first = await createSupplier({ input: supplier({ name }), actorId: null });
    await expectAppError(createSupplier({ input: supplier({ name: name.toUpperCase() }), actorId: null }), 'CONFLICT', {
      name: 'A supplier with this name already exists',
    });
    const other = await createSupplier({ input: supplier(), actorId: null });
    await expectAppError(updateSupplier({ id: other.id, input: { name }, actorId: null }), 'CONFLICT', { name: 'A supplier with this name already exists' });
    await deleteSupplier({ id: first.id, actorId: null });
    await createSupplier({ input: supplier({ name }), actorId: null });
  });

  it('validates input: a valid email or none, name required', () => {
    const result = createSupplierSchema.safeParse({ name: '', email: 'not-an-email', phone: 'x'.repeat(51) });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['email', 'name', 'phone']);
    expect(createSupplierSchema.parse({ name: 'A', email: null }).email).toBeNull();
    expect(createSupplierSchema.parse({ name: 'A' })).toEqual({ name: 'A', email: null, phone: null, notes: null });
    expect(updateSupplierSchema.safeParse({}).success).toBe(false);
  });

  it('unknown ids are NOT_FOUND', async () => {
    await expectAppError(getSupplier({ id: 987_654 }), 'NOT_FOUND');
    await expectAppError(updateSupplier({ id: 987_654, input: { name: 'x' }, actorId: null }), 'NOT_FOUND');
    await expectAppError(deleteSupplier({ id: 987_654, actorId: null }), 'NOT_FOUND');
  });

  it('lists by name, live ones unless includeDeleted', async () => {
    const gone = await createSupplier({ input: supplier(), actorId: null });
    const kept = await createSupplier({ input: supplier(), actorId: null });
    await deleteSupplier({ id: gone.id, actorId: null });
    const live = await listSuppliers({ limit: 200, includeDeleted: false });
    expect(live.data.map((row) => row.id)).toContain(kept.id);
    expect(live.data.map((row) => row.id)).not.toContain(gone.id);
    expect((await listSuppliers({ limit: 200, includeDeleted: true })).data.map((row) => row.id)).toContain(gone.id);
  });
});
