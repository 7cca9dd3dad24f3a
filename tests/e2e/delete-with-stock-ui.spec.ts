import { expect, test } from '@playwright/test';
import { adminToken, bearer } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { onHandStat, openDialog, signIn, suffix } from './fixtures/ui';

/**
 * A product holding stock cannot be deleted (issue 10). On its page, Delete says so, with the
 * units left, and offers the way out: Count to zero posts a count of 0 at each location holding
 * it, through the ledger; then Delete deletes.
 */
test('Delete on a product holding stock offers Count to zero, which writes the units off through the ledger; then it deletes', async ({ page, request }) => {
  test.slow();
  const admin = await adminToken(request);
  const sku = `HELD-${suffix()}`;
  const created = await request.post('/api/products', { headers: bearer(admin), data: { sku, name: `Held ${sku}`, price: '3.00' } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const location = await request.post('/api/locations', { headers: bearer(admin), data: { code: `B-${suffix()}`, name: 'Back shelf' } });
  expect(location.status()).toBe(201);
  const back = (await location.json()) as { id: number; code: string };
  for (const data of [
    { productId: id, type: 'RECEIPT', quantity: 4 },
    { productId: id, type: 'RECEIPT', quantity: 1, locationId: back.id },
  ]) {
    expect((await request.post('/api/stock-movements', { headers: bearer(admin), data })).status()).toBe(201);
  }
  // The API refuses too, naming the units and where they are.
  const refused = await request.delete(`/api/products/${id}`, { headers: bearer(admin) });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { message: string }).message).toBe(`${sku} still holds 5 units (4 at MAIN, 1 at ${back.code}): ship, adjust or count them to zero first.`);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`/products/${id}`);
  const held = await openDialog(page, page.getByRole('button', { name: 'Delete', exact: true }), 'It still holds stock');
  await expect(held).toContainText('It still holds 5 units. A product holding stock cannot be deleted: ship, adjust or count them to zero first.');
  await held.getByRole('button', { name: 'Count to zero' }).click();
  await expect(page.getByText('Counted to zero: 5 written off. It can be deleted now.')).toBeVisible();
  await expect(held).toBeHidden();
  await expect(onHandStat(page)).toHaveText('0');

  const ledger = await request.get('/api/stock-movements', { headers: bearer(admin), params: { productId: String(id) } });
  const rows = ((await ledger.json()) as { data: Array<{ type: string; quantity: number; balanceAfter: number; reason: string | null }> }).data;
  expect(rows.filter((row) => row.type === 'COUNT').map((row) => [row.quantity, row.balanceAfter]).sort()).toEqual([
    [-1, 0],
    [-4, 0],
  ]);

  const confirm = await openDialog(page, page.getByRole('button', { name: 'Delete', exact: true }), 'Delete this product?');
  await confirm.getByRole('button', { name: 'Delete product' }).click();
  await expect(page.getByText(`Product ${sku} deleted.`)).toBeVisible();
  await expect(page).toHaveURL(/\/products$/);
});
