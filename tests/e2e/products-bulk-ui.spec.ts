import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminToken, bearer, createUserWithToken } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { openDialog, signIn } from './fixtures/ui';

/**
 * The bulk delete of the product list in a real browser: tick rows or the whole page, confirm
 * in a dialog that warns about stock still on hand, and see the rows go with one toast; a
 * selection that went stale is refused as a whole; a viewer is offered none of it. Every
 * SKU carries this run's tag, and each test searches for its own tag only.
 */

const tag = () => `BULK-${randomUUID().slice(0, 8)}`.toUpperCase();

async function createProducts(request: APIRequestContext, token: string, prefix: string, count: number): Promise<Array<{ id: number; sku: string }>> {
  const created = await request.post('/api/products/bulk', {
    headers: bearer(token),
    data: { products: Array.from({ length: count }, (_, index) => ({ sku: `${prefix}-${index + 1}`, name: `Bulk item ${prefix} ${index + 1}`, price: '3.00' })) },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { data: Array<{ id: number; sku: string }> }).data;
}

/** A checkbox works once the page has hydrated; a click that lands earlier is undone by React, so it is repeated. */
async function tick(page: Page, name: string | RegExp): Promise<void> {
  const box = page.getByRole('checkbox', { name });
  await expect(async () => {
    if (!(await box.isChecked())) await box.click();
    await expect(box).toBeChecked({ timeout: 1_000 });
  }).toPass();
}

test('products are ticked, confirmed in a dialog and deleted together; one holding stock is named and can be unticked', async ({ page, request }) => {
  test.slow();
  const admin = await adminToken(request);
  const prefix = tag();
  const [first, second, third] = await createProducts(request, admin, prefix, 3);
  if (!first || !second || !third) throw new Error('three products expected');
  const received = await request.post('/api/stock-movements', { headers: bearer(admin), data: { productId: second.id, type: 'RECEIPT', quantity: 7 } });
  expect(received.status(), await received.text()).toBe(201);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`/products?q=${prefix}`);
  await expect(page.getByRole('row').filter({ hasText: prefix })).toHaveCount(3);
  const deleteSelected = page.getByRole('button', { name: /^Delete selected/ });
  await expect(deleteSelected).toBeDisabled();

  // Select all ticks the page; Clear unticks it.
  await tick(page, 'Select all products on this page');
  await expect(page.getByText('3 products selected')).toBeVisible();
  for (const product of [first, second, third]) await expect(page.getByRole('checkbox', { name: new RegExp(`^Select ${product.sku} `) })).toBeChecked();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(page.getByText('Tick products to act on several at once.')).toBeVisible();

  // The second holds stock: nothing is deleted while it is selected; the dialog names it and unticks it.
  await tick(page, new RegExp(`^Select ${first.sku} `));
  await tick(page, new RegExp(`^Select ${second.sku} `));
  await tick(page, new RegExp(`^Select ${third.sku} `));
  await expect(page.getByText('3 products selected')).toBeVisible();
  const held = await openDialog(page, deleteSelected, 'A selected product still holds stock');
  await expect(held).toContainText(`${second.sku} · 7 on hand`);
  await expect(held).toContainText('7 units left: ship, adjust or count them to zero first.');
  await expect(held.getByRole('link', { name: second.sku })).toHaveAttribute('href', `/products/${second.id}`);
  await page.screenshot({ path: 'test-results/screenshots/products-bulk-delete-holds-stock.png' });
  await held.getByRole('button', { name: 'Untick it' }).click();
  await expect(held).toBeHidden();
  await expect(page.getByText('2 products selected')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: new RegExp(`^Select ${second.sku} `) })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Select all products on this page' })).toHaveJSProperty('indeterminate', true);

  const dialog = await openDialog(page, deleteSelected, 'Delete 2 products?');
  await expect(dialog).toContainText(`${first.sku}, ${third.sku}`);
  await page.screenshot({ path: 'test-results/screenshots/products-bulk-delete-confirm.png' });
  await dialog.getByRole('button', { name: 'Delete 2 products' }).click();

  await expect(page.getByText('2 products deleted.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: prefix })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: second.sku })).toHaveCount(1);
  await expect(page.getByText('Tick products to act on several at once.')).toBeVisible();

  // Soft-deleted, like one product: listed again with "show deleted", not selectable.
  await page.goto(`/products?q=${prefix}&includeDeleted=true`);
  await expect(page.getByRole('row').filter({ hasText: 'Deleted' }).filter({ hasText: prefix })).toHaveCount(2);
  await expect(page.getByRole('checkbox', { name: new RegExp(`^Select ${first.sku} `) })).toHaveCount(0);
});

test('a selection that went stale is refused in the dialog and nothing is deleted', async ({ page, request }) => {
  test.slow();
  const admin = await adminToken(request);
  const prefix = tag();
  const [kept, gone] = await createProducts(request, admin, prefix, 2);
  if (!kept || !gone) throw new Error('two products expected');

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`/products?q=${prefix}`);
  await tick(page, 'Select all products on this page');
  // Someone else deletes one of them while this page is open.
  const removed = await request.delete(`/api/products/${gone.id}`, { headers: bearer(admin) });
  expect(removed.status()).toBe(204);

  await page.getByRole('button', { name: 'Delete selected (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 2 products?' });
  await dialog.getByRole('button', { name: 'Delete 2 products' }).click();
  await expect(dialog.getByRole('alert')).toContainText('A product was already deleted or no longer exist');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was deleted');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  const still = await request.get(`/api/products/${kept.id}`, { headers: bearer(admin) });
  expect(still.status()).toBe(200);
  expect(((await still.json()) as { deletedAt: string | null }).deletedAt).toBeNull();
});

test('a viewer is offered no selection and no bulk delete', async ({ page, request }) => {
  const admin = await adminToken(request);
  const prefix = tag();
  await createProducts(request, admin, prefix, 1);
  const viewer = await createUserWithToken(request, 'VIEWER');

  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/products?q=${prefix}`);
  await expect(page.getByRole('row').filter({ hasText: prefix })).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: /^Select / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Delete/ })).toHaveCount(0);
});

test('at phone width the rows can be ticked beside their links and deleted', async ({ page, request }) => {
  test.slow();
  await page.setViewportSize({ width: 375, height: 740 });
  const admin = await adminToken(request);
  const prefix = tag();
  const [only] = await createProducts(request, admin, prefix, 1);
  if (!only) throw new Error('one product expected');

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`/products?q=${prefix}`);
  await tick(page, new RegExp(`^Select ${only.sku} `));
  await expect(page.getByText('1 product selected')).toBeVisible();
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByRole('button', { name: 'Delete selected (1)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 1 product?' });
  await page.screenshot({ path: 'test-results/screenshots/products-bulk-delete-phone.png' });
  await dialog.getByRole('button', { name: 'Delete 1 product' }).click();
  await expect(page.getByText(`Product ${only.sku} deleted.`)).toBeVisible();
  await expect(page.getByText('No products match')).toBeVisible();
});
