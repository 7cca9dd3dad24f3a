import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, bearer } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { signIn } from './fixtures/ui';

/**
 * The Reports page in a real browser: the three reports with their previews, a filtered
 * movements download, the valuation total, and an admin running the export by hand. Other
 * spec files write to the same server at the same time, so the data made here is chosen to
 * top the previews (the most urgent low stock, the largest value), and screenshots of the
 * page at desktop and phone width land in test-results/screenshots/ for a person to look at.
 */

async function post(request: APIRequestContext, token: string, path: string, data: Record<string, unknown>): Promise<{ id: number }> {
  const response = await request.post(path, { headers: bearer(token), data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: number };
}

/** A product far below its reorder level and worth more than anything other specs make. */
async function reportData(request: APIRequestContext) {
  const token = await adminToken(request);
  const id = randomUUID().slice(0, 8);
  const sku = `REP-${id}`.toUpperCase();
  const name = `Espresso grinder ${id}`;
  const product = await post(request, token, '/api/products', { sku, name, price: '150000.00', cost: '90000.00', reorderLevel: 1_000_000, reorderQuantity: 12 });
  await post(request, token, '/api/stock-movements', { productId: product.id, type: 'RECEIPT', quantity: 5, unitCost: '99999.99', reference: 'PO-UI-1' });
  await post(request, token, '/api/stock-movements', { productId: product.id, type: 'SHIPMENT', quantity: 2, reference: 'SO-UI-1' });
  return { sku, name, product };
}

test('the three reports preview, filter and download; an admin runs the export by hand', async ({ page, request }) => {
  test.slow(); // a dozen round trips and two downloads on a busy server
  const { sku, name } = await reportData(request);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();

  // Low stock: 3 on hand of a reorder level of a million, so the suggestion fills the gap.
  const lowStock = page.getByRole('table', { name: 'Low stock, most urgent first' });
  const lowRow = lowStock.getByRole('row').filter({ hasText: sku });
  await expect(lowRow).toContainText(name);
  await expect(lowRow).toContainText('999,997');

  // Valuation: 3 units at the receipt's cost, and a total that includes them.
  const valuation = page.getByRole('table', { name: 'Stock valuation, largest values first' });
  await expect(valuation.getByRole('row').filter({ hasText: sku })).toContainText('99,999.9900');
  await expect(valuation.getByRole('row').filter({ hasText: sku })).toContainText('299,999.97');
  const total = page.getByText('Total value', { exact: true }).locator('xpath=following-sibling::dd[1]');
  await expect(total).toHaveText(/\d/);
  const totalCents = Math.round(Number((await total.innerText()).replace(/[^\d.]/g, '')) * 100);
  expect(totalCents).toBeGreaterThanOrEqual(29_999_997);

  // Movements: filtered to this product, the preview and the download hold its two rows.
  const filters = page.getByRole('form', { name: 'Filter movements' });
  await filters.getByLabel('Product').fill(sku);
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/product=/);
  const ledger = page.getByRole('table', { name: 'Newest matching movements' });
  await expect(ledger.getByRole('row').filter({ hasText: 'SO-UI-1' })).toBeVisible();
  await expect(ledger.getByRole('row').filter({ hasText: 'PO-UI-1' })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the movements report as CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^movements-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('id,created_at,type,sku,product,location,quantity,balance_after,unit_cost,reason,reference,transfer_id,created_by');
  expect(lines.slice(1).map((line) => line.split(',').slice(2, 4))).toEqual([
    ['SHIPMENT', sku],
    ['RECEIPT', sku],
  ]);

  // Run export now: four files join the list of past exports, and each downloads.
  // Other specs run exports too, and the list shows the newest 20: the newest file changes.
  const exportsTable = page.getByRole('table', { name: 'Past exports, newest first' });
  const firstDownload = exportsTable.getByRole('link', { name: /^Download / }).first();
  const newestBefore = (await firstDownload.count()) > 0 ? await firstDownload.getAttribute('aria-label') : null;
  await page.getByRole('button', { name: 'Run export now' }).click();
  await expect(page.getByText('Export written: 4 files.')).toBeVisible();
  await expect(firstDownload).not.toHaveAttribute('aria-label', newestBefore ?? '');
  expect(await exportsTable.getByRole('link', { name: /^Download / }).count()).toBeGreaterThanOrEqual(4);
  const fileName = ((await firstDownload.getAttribute('aria-label')) ?? '').replace(/^Download /, '');
  const [file] = await Promise.all([page.waitForEvent('download'), firstDownload.click()]);
  expect(file.suggestedFilename()).toBe(fileName);
  expect(readFileSync(await file.path(), 'utf8').length).toBeGreaterThan(0);

  // A tall window rather than a full-page capture, which would draw the fixed sidebar mid-page.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/screenshots/reports-desktop.png' });
});

test('the Reports page fits a 375 px phone', async ({ page, request }) => {
  const { sku } = await reportData(request);
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`/reports?product=${encodeURIComponent(sku)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Newest matching movements' })).toContainText('SO-UI-1');
  await expect(page.getByRole('list', { name: 'Low stock, most urgent first' })).toContainText(sku);
  // Nothing wider than the screen: no sideways scrolling of the whole page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: 'test-results/screenshots/reports-phone.png', fullPage: true });
});
