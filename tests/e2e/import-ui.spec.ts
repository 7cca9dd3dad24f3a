import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { adminToken, bearer } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { card, signIn } from './fixtures/ui';

/**
 * The Import page in a real browser: a shop owner downloads the templates, edits them as a
 * spreadsheet would (their own SKUs, a bad price first), sees the check name the bad cell,
 * fixes it, imports, and then posts opening stock the same way. The rules behind it (all or
 * none, upserts, limits) are the integration tests'.
 */

async function downloadTemplate(page: Page, panel: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: 'Download template' }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

async function chooseFile(panel: Locator, name: string, text: string): Promise<void> {
  await panel.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

test('the product and stock templates, edited, are checked, corrected and imported through the page', async ({ page, request }) => {
  test.slow();
  const tag = randomUUID().slice(0, 6).toUpperCase();
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole('link', { name: 'Import', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();

  // Products: the template with this run's SKUs and, at first, a price no one can read.
  const products = card(page, '1. Products');
  const template = await downloadTemplate(page, products);
  expect(template.split('\r\n')[0]).toBe('sku,name,category,price,cost,unit,reorderLevel,safetyStock,reorderQuantity,barcode,description');
  const edited = template.replaceAll('MUG-BLUE-12', `MUG-${tag}`).replaceAll('TEA-GREEN-100', `TEA-${tag}`).replace(',4006381333931,', ',,').replaceAll('Kitchen', `Kitchen ${tag}`);
  await chooseFile(products, 'products.csv', edited.replace('12.50', '12.5O'));
  await expect(products.getByRole('alert')).toContainText('1 row needs attention');
  const badRow = products.locator('tr[data-line="2"]');
  await expect(badRow.getByText('Error', { exact: true })).toBeVisible();
  await expect(badRow.locator('td', { hasText: '12.5O' })).toContainText('Price must be a decimal amount');
  await expect(products.getByRole('button', { name: /^Import/ })).toHaveCount(0);

  await chooseFile(products, 'products.csv', edited);
  await expect(products.getByRole('status')).toContainText('Ready to import: 2 new, 0 changed, 0 unchanged.');
  await expect(products.locator('tr[data-line="3"]')).toContainText('New');
  await products.getByRole('button', { name: 'Import 2 products' }).click();
  await expect(products.getByRole('status')).toContainText('Imported: 2 new, 0 changed, 0 unchanged.');

  const admin = await adminToken(request);
  const listed = await request.get(`/api/products?q=${tag}`, { headers: bearer(admin) });
  const found = ((await listed.json()) as { data: Array<{ sku: string; price: string }> }).data;
  expect(found.map((product) => [product.sku, product.price]).sort()).toEqual([
    [`MUG-${tag}`, '12.50'],
    [`TEA-${tag}`, '6.90'],
  ]);

  // Opening stock: the template's counts for these SKUs at MAIN, checked then posted.
  const stock = card(page, '2. Opening stock');
  const counts = (await downloadTemplate(page, stock)).replaceAll('MUG-BLUE-12', `MUG-${tag}`).replaceAll('TEA-GREEN-100', `TEA-${tag}`);
  await chooseFile(stock, 'stock.csv', counts);
  await expect(stock.getByRole('status')).toContainText('Ready to post 2 counts: 2 change the stock on hand.');
  await expect(stock.locator('tr[data-line="2"]')).toContainText('0 (+36)');
  await stock.getByRole('button', { name: 'Post 2 counts' }).click();
  await expect(stock.getByRole('status')).toContainText('Posted 2 counts to the ledger');

  const after = await request.get(`/api/products?q=MUG-${tag}`, { headers: bearer(admin) });
  expect(((await after.json()) as { data: Array<{ onHand: number }> }).data.map((product) => product.onHand)).toEqual([36]);
});
