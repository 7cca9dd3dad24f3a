import { expect, test } from '@playwright/test';
import { adminToken, bearer, createUserWithToken, json } from './fixtures/api';
import { card, openDialog, screenshotBothWidths, signIn, suffix, waitForToastsToGo } from './fixtures/ui';

/**
 * From low stock to stock received: a manager drafts orders from the dashboard's low-stock
 * card, marks the supplier's draft as ordered; a clerk, who sees only Receive, receives it in
 * two parts through the dialog that starts at each line's remainder; the alert resolves and
 * the ledger's receipts carry the order's number. Screenshots of the Purchasing pages at
 * desktop and phone width.
 */
test('dashboard low stock -> drafted order -> ordered -> received in two parts -> alert resolved, movements show the number', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const admin = await adminToken(request);
  const tag = suffix();
  const supplier = await json<{ id: number; name: string }>(await request.post('/api/suppliers', { headers: bearer(admin), data: { name: `Kiln & Co ${tag}` } }), 201);
  const product = await json<{ id: number; sku: string }>(
    await request.post('/api/products', { headers: bearer(admin), data: { sku: `PO-${tag}`, name: `Glazed bowl ${tag}`, price: '9.00', cost: '2.00', reorderLevel: 10, reorderQuantity: 12 } }),
    201,
  );
  await json(await request.put(`/api/products/${product.id}/suppliers/${supplier.id}`, { headers: bearer(admin), data: { leadTimeDays: 5, unitCost: '1.75', preferred: true } }), 200);
  await json(await request.post('/api/stock-movements', { headers: bearer(admin), data: { productId: product.id, type: 'RECEIPT', quantity: 2 } }), 201);

  const manager = await createUserWithToken(request, 'MANAGER');
  const clerk = await createUserWithToken(request, 'CLERK');
  const managerPage = await browser.newPage();
  await signIn(managerPage, manager.email, manager.password);
  await card(managerPage, 'Low stock').getByRole('button', { name: 'Draft orders' }).click();
  await expect(managerPage).toHaveURL(/\/purchasing/);

  // Other stories' low products may have drafted orders too: this supplier's is among the drafts.
  await managerPage.goto('/purchasing?status=draft');
  await screenshotBothWidths(managerPage, 'purchasing-list');
  const row = managerPage.getByRole('row').filter({ hasText: supplier.name });
  await row.getByRole('link').click();
  await expect(managerPage.getByRole('heading', { level: 1 })).toContainText(/PO-\d{5}/);
  const number = (await managerPage.getByRole('heading', { level: 1 }).innerText()).match(/PO-\d{5}/)![0];
  const orderUrl = managerPage.url();
  await managerPage.getByRole('button', { name: 'Mark as ordered' }).click();
  await expect(managerPage.getByText(`${number} is ordered.`)).toBeVisible();
  await expect(managerPage.getByRole('button', { name: 'Mark as ordered' })).toHaveCount(0);
  await waitForToastsToGo(managerPage);
  await screenshotBothWidths(managerPage, 'purchasing-order');
  await managerPage.goto('/purchasing/replenishment');
  await expect(managerPage.getByRole('heading', { level: 1, name: 'What to order' })).toBeVisible();
  await screenshotBothWidths(managerPage, 'purchasing-replenishment');

  const clerkPage = await browser.newPage();
  await signIn(clerkPage, clerk.email, clerk.password);
  await clerkPage.goto(orderUrl);
  await expect(clerkPage.getByRole('button', { name: 'Receive' })).toBeVisible();
  await expect(clerkPage.getByRole('button', { name: 'Mark as ordered' })).toHaveCount(0);
  await expect(clerkPage.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);

  let dialog = await openDialog(clerkPage, clerkPage.getByRole('button', { name: 'Receive' }), `Receive ${number}`);
  const quantity = dialog.getByRole('spinbutton', { name: new RegExp(product.sku) });
  await expect(quantity).toHaveValue('12');
  await quantity.fill('5');
  await dialog.getByRole('button', { name: 'Receive into stock' }).click();
  await expect(clerkPage.getByText(`Received 5 units against ${number}.`)).toBeVisible();
  await expect(clerkPage.getByRole('heading', { level: 1 })).toContainText('Partly received');
  await screenshotBothWidths(clerkPage, 'purchasing-order-clerk');
  await waitForToastsToGo(clerkPage);

  dialog = await openDialog(clerkPage, clerkPage.getByRole('button', { name: 'Receive' }), `Receive ${number}`);
  await expect(dialog.getByRole('spinbutton', { name: new RegExp(product.sku) })).toHaveValue('7');
  await dialog.getByRole('button', { name: 'Receive into stock' }).click();
  await expect(clerkPage.getByText(`Received 7 units against ${number}.`)).toBeVisible();
  await expect(clerkPage.getByRole('heading', { level: 1 })).toContainText('Received');
  await expect(clerkPage.getByRole('button', { name: 'Receive' })).toHaveCount(0);

  const resolved = await json<{ data: Array<{ productId: number }> }>(await request.get('/api/inventory-alerts?status=RESOLVED&limit=200', { headers: bearer(admin) }), 200);
  expect(resolved.data.map((alert) => alert.productId)).toContain(product.id);
  const receipts = await json<{ data: Array<{ quantity: number; reference: string; unitCost: string }> }>(
    await request.get(`/api/stock-movements?productId=${product.id}&type=RECEIPT`, { headers: bearer(admin) }),
    200,
  );
  expect(receipts.data.filter((row) => row.reference === number).map((row) => [row.quantity, row.unitCost])).toEqual([
    [7, '1.75'],
    [5, '1.75'],
  ]);
  await clerkPage.goto(`/products/${product.id}`);
  await expect(clerkPage.getByText(number).first()).toBeVisible();
  expect(await json<{ onHand: number; onOrder: number }>(await request.get(`/api/products/${product.id}`, { headers: bearer(admin) }), 200)).toMatchObject({ onHand: 14, onOrder: 0 });
});
