import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { adminToken, bearer, createUserWithToken } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { signIn } from './fixtures/ui';

/**
 * The product pages in a real browser: the product form with the server's inline errors,
 * the stock dialogs (receive, ship, transfer, count) with insufficient stock refused beside
 * Quantity, the low-stock badge, markup in a name rendered as text, and a viewer who is
 * offered no write button. Tests run in parallel against one server: every name is unique.
 */

const suffix = () => randomUUID().slice(0, 8);

/**
 * Clicks a button that opens a dialog. Such buttons work once the page has hydrated; a click
 * that lands earlier does nothing, so it is repeated until the dialog shows.
 */
async function openDialog(page: Page, button: Locator, title: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: title });
  const heading = dialog.getByRole('heading', { name: title });
  await expect(async () => {
    if (!(await heading.isVisible())) await button.click();
    await expect(heading).toBeVisible({ timeout: 2_000 });
  }).toPass();
  return dialog;
}

/** Opens a stock dialog from the product page, fills it and submits it. */
async function stockDialog(page: Page, button: string, title: string, fill: (dialog: Locator) => Promise<void>, submit: string) {
  const dialog = await openDialog(page, page.getByRole('group', { name: 'Stock actions' }).getByRole('button', { name: button, exact: true }), title);
  await fill(dialog);
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  return dialog;
}

/** A card of the product page, found by its heading. */
function card(page: Page, title: string) {
  return page.locator('section').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

function onHandStat(page: Page) {
  return page.getByText('On hand', { exact: true }).locator('xpath=following-sibling::p[1]');
}

test('a product is created, refused inline on a duplicate SKU, then received, shipped, transferred and counted', async ({ page, request }) => {
  test.slow(); // one long story: a dozen server round trips
  const id = suffix();
  const admin = await adminToken(request);
  const categoryName = `Products e2e ${id}`;
  const category = await request.post('/api/categories', { headers: bearer(admin), data: { name: categoryName } });
  expect(category.status(), await category.text()).toBe(201);
  const aisle = await request.post('/api/locations', { headers: bearer(admin), data: { code: `AISLE-${id}`, name: `Aisle ${id}` } });
  expect(aisle.status(), await aisle.text()).toBe(201);
  const aisleId = String(((await aisle.json()) as { id: number }).id);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/products');
  await page.getByRole('link', { name: 'New product' }).first().click();
  await expect(page.getByRole('heading', { name: 'New product' })).toBeVisible();

  const sku = `E2E-${id}`.toUpperCase();
  const name = `Pour-over kettle ${id}`;
  await page.getByLabel('SKU').fill(sku);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Category').selectOption({ label: categoryName });
  await page.getByLabel('Price').fill('49.90');
  await page.getByLabel('Cost').fill('21.35');
  await page.getByLabel('Reorder level').fill('10');
  await page.getByLabel('Safety stock').fill('4');
  await page.getByLabel('Reorder quantity').fill('24');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByText(`Product ${sku} created.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // The toast's parameter is taken out of the address once shown.
  await expect(page).toHaveURL(/\/products\/\d+$/);
  const productUrl = page.url();
  // A new product starts below its reorder level (0 < 10).
  await expect(page.getByText('Out of stock')).toBeVisible();

  // The same SKU in another case is refused beside the field; everything typed is kept.
  await page.goto('/products/new');
  await page.getByLabel('SKU').fill(sku.toLowerCase());
  await page.getByLabel('Name').fill('Kept after the refusal');
  await page.getByLabel('Category').selectOption({ label: categoryName });
  await page.getByLabel('Price').fill('12.50');
  await page.getByRole('button', { name: 'Create product' }).click();
  const skuField = page.getByLabel('SKU');
  await expect(skuField).toHaveAttribute('aria-invalid', 'true');
  await expect(skuField).toHaveAccessibleDescription('SKU already exists');
  await expect(skuField).toBeFocused();
  await expect(skuField).toHaveValue(sku.toLowerCase());
  await expect(page.getByLabel('Name')).toHaveValue('Kept after the refusal');
  await expect(page.getByLabel('Price')).toHaveValue('12.50');
  await expect(page.getByLabel('Category').locator('option:checked')).toHaveText(categoryName);
  await page.screenshot({ path: 'test-results/screenshots/product-duplicate-sku.png', fullPage: true });

  // The schema's cross-field rule, beside Reorder level.
  await page.getByLabel('SKU').fill(`${sku}-B`);
  await page.getByLabel('Reorder level').fill('1');
  await page.getByLabel('Safety stock').fill('3');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByLabel('Reorder level')).toHaveAccessibleDescription('Reorder level must be at least the safety stock');
  await expect(page.getByLabel('SKU')).not.toHaveAttribute('aria-invalid', 'true');

  await page.goto(productUrl);
  let dialog = await stockDialog(page, 'Receive', 'Receive stock', async (d) => {
    await d.getByLabel('Quantity received').fill('20');
    await expect(d.getByLabel('Unit cost')).toHaveValue('21.35');
    await d.getByLabel('Reference').fill(`PO-${id}`);
  }, 'Receive');
  await expect(page.getByText('Received 20. On hand now 20.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(onHandStat(page)).toHaveText('20');
  await expect(page.getByText('In stock', { exact: true })).toBeVisible();

  dialog = await stockDialog(page, 'Ship', 'Ship stock', (d) => d.getByLabel('Quantity shipped').fill('15'), 'Ship');
  await expect(page.getByText('Shipped 15. On hand now 5.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(onHandStat(page)).toHaveText('5');
  await expect(page.getByText('Low stock', { exact: true })).toBeVisible();
  await expect(page.getByText('Below reorder level')).toBeVisible();

  // More than on hand: refused beside Quantity, the dialog stays open with the number typed.
  dialog = await stockDialog(page, 'Ship', 'Ship stock', (d) => d.getByLabel('Quantity shipped').fill('6'), 'Ship');
  const quantity = dialog.getByLabel('Quantity shipped');
  await expect(quantity).toHaveAttribute('aria-invalid', 'true');
  await expect(quantity).toHaveAccessibleDescription('Only 5 on hand');
  await expect(quantity).toHaveValue('6');
  await expect(quantity).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/product-insufficient-stock.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(onHandStat(page)).toHaveText('5');

  dialog = await stockDialog(page, 'Transfer', 'Transfer stock', async (d) => {
    await d.getByLabel('Quantity to move').fill('2');
    await d.getByLabel('To', { exact: true }).selectOption(aisleId);
  }, 'Transfer');
  await expect(page.getByText('Transferred 2. On hand now 5.')).toBeVisible();
  await expect(dialog).toBeHidden();
  const stockByLocation = card(page, 'Stock by location');
  await expect(stockByLocation.getByRole('listitem').filter({ hasText: `AISLE-${id}` })).toContainText('2');
  await expect(stockByLocation.getByRole('listitem').filter({ hasText: 'MAIN' })).toContainText('3');

  // MAIN holds 3; a count of 1 posts the difference, -2.
  dialog = await stockDialog(page, 'Count', 'Record a count', (d) => d.getByLabel('Counted quantity').fill('1'), 'Record count');
  await expect(page.getByText('Counted 1 (-2). On hand now 3.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(onHandStat(page)).toHaveText('3');
  const ledger = card(page, 'Recent movements');
  for (const type of ['Receipt', 'Shipment', 'Transfer', 'Count']) await expect(ledger.getByText(type, { exact: true }).first()).toBeVisible();

  // The list shows it below its reorder level, with a red badge announced as such.
  await page.goto(`/products?q=${encodeURIComponent(sku)}`);
  const row = page.getByRole('row').filter({ hasText: sku });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('3, below reorder level')).toBeVisible();
  await page.goto('/products?lowStock=true&sort=-updatedAt');
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
});

test('a product named like markup is rendered as text, and deleting it returns to the list', async ({ page }) => {
  test.slow();
  const id = suffix();
  const name = `<img src=x onerror=alert(1)>`;
  const sku = `XSS-${id}`;
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/products/new');
  await page.getByLabel('SKU').fill(sku);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill('<script>alert(2)</script>');
  await page.getByLabel('Price').fill('1.00');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  await expect(page.getByText('<script>alert(2)</script>', { exact: true })).toBeVisible();
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);

  await page.goto(`/products?q=${sku}`);
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);

  await page.getByRole('link', { name, exact: true }).click();
  const confirm = await openDialog(page, page.getByRole('button', { name: 'Delete', exact: true }), 'Delete this product?');
  await expect(confirm).toContainText(name);
  await confirm.getByRole('button', { name: 'Delete product' }).click();
  await expect(page.getByText(`Product ${sku} deleted.`)).toBeVisible();
  await expect(page).toHaveURL(/\/products$/);
  await page.goto(`/products?q=${sku}`);
  await expect(page.getByText('No products match')).toBeVisible();
  await page.goto(`/products?q=${sku}&includeDeleted=true`);
  await expect(page.getByRole('row').filter({ hasText: sku })).toContainText('Deleted');
  expect(dialogs).toEqual([]);
});

test('a viewer can read products but is offered no write button', async ({ page, request }) => {
  const admin = await adminToken(request);
  const sku = `VIEW-${suffix()}`;
  const created = await request.post('/api/products', { headers: bearer(admin), data: { sku, name: `Viewer reads ${sku}`, price: '2.00' } });
  expect(created.status(), await created.text()).toBe(201);
  const productId = ((await created.json()) as { id: number }).id;
  const viewer = await createUserWithToken(request, 'VIEWER');

  await signIn(page, viewer.email, viewer.password);
  await page.goto('/products');
  await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New product' })).toHaveCount(0);
  await page.goto(`/products/${productId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Viewer reads ${sku}` })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Stock actions' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Receive|Ship|Delete)$/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await page.goto(`/products/${productId}/edit`);
  await expect(page.getByRole('heading', { name: 'Nothing here' })).toBeVisible();
  await expect(page.getByLabel('SKU')).toHaveCount(0);
});

test('at phone width, server refusals sit beside their fields and keep what was typed', async ({ page, request }) => {
  test.slow();
  await page.setViewportSize({ width: 375, height: 740 });
  const admin = await adminToken(request);
  const sku = `PHONE-${suffix()}`.toUpperCase();
  const created = await request.post('/api/products', { headers: bearer(admin), data: { sku, name: `Phone ${sku}`, price: '4.00' } });
  expect(created.status(), await created.text()).toBe(201);
  const productId = ((await created.json()) as { id: number }).id;
  const received = await request.post('/api/stock-movements', { headers: bearer(admin), data: { productId, type: 'RECEIPT', quantity: 2 } });
  expect(received.status(), await received.text()).toBe(201);
  const fitsTheScreen = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/products/new');
  await page.getByLabel('SKU').fill(sku.toLowerCase());
  await page.getByLabel('Name').fill('Typed on a phone');
  await page.getByLabel('Price').fill('7.25');
  await page.getByLabel('Reorder level').fill('1');
  await page.getByLabel('Safety stock').fill('3');
  await page.getByRole('button', { name: 'Create product' }).click();
  const reorderLevel = page.getByLabel('Reorder level');
  await expect(reorderLevel).toHaveAccessibleDescription('Reorder level must be at least the safety stock');
  await expect(reorderLevel).toBeFocused();
  await expect(page.getByLabel('Safety stock')).toHaveValue('3');
  await expect(page.getByLabel('Name')).toHaveValue('Typed on a phone');

  await reorderLevel.fill('5');
  await page.getByRole('button', { name: 'Create product' }).click();
  const skuField = page.getByLabel('SKU');
  await expect(skuField).toHaveAccessibleDescription('SKU already exists');
  await expect(skuField).toBeFocused();
  await expect(skuField).toHaveValue(sku.toLowerCase());
  await expect(page.getByLabel('Price')).toHaveValue('7.25');
  await expect(reorderLevel).toHaveValue('5');
  await fitsTheScreen();
  await page.screenshot({ path: 'test-results/screenshots/product-form-errors-phone.png', fullPage: true });

  await page.goto(`/products/${productId}`);
  const dialog = await stockDialog(page, 'Ship', 'Ship stock', (d) => d.getByLabel('Quantity shipped').fill('5'), 'Ship');
  const quantity = dialog.getByLabel('Quantity shipped');
  await expect(quantity).toHaveAccessibleDescription('Only 2 on hand');
  await expect(quantity).toHaveValue('5');
  await expect(quantity).toBeFocused();
  await fitsTheScreen();
  await page.screenshot({ path: 'test-results/screenshots/product-insufficient-stock-phone.png' });
});
