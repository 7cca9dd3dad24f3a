import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminToken, bearer } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { signIn } from './fixtures/ui';

/**
 * The dashboard's movements chart, the product page's on-hand chart, alerts and ledger
 * filters, the navigation badge that follows the alert count without a reload, and a real
 * 404 for an unknown product. Tests run in parallel with every other spec against one
 * server: each makes its own products and never expects a global figure to stay put.
 */

const suffix = () => randomUUID().slice(0, 8);

async function createProduct(request: APIRequestContext, token: string, fields: Record<string, unknown> = {}): Promise<{ id: number; sku: string; name: string }> {
  const id = suffix();
  const response = await request.post('/api/products', {
    headers: bearer(token),
    data: { sku: `DD-${id}`, name: `Chart kettle ${id}`, price: '19.90', cost: '8.00', ...fields },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: number; sku: string; name: string };
}

async function post(request: APIRequestContext, token: string, movements: Array<Record<string, unknown>>): Promise<void> {
  const response = await request.post('/api/stock-movements/batch', { headers: bearer(token), data: { movements } });
  expect(response.status(), await response.text()).toBe(201);
}

async function createLocation(request: APIRequestContext, token: string): Promise<{ id: number; code: string }> {
  const code = `DD-${suffix()}`.toUpperCase();
  const response = await request.post('/api/locations', { headers: bearer(token), data: { code, name: `Shelf ${code}` } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: number; code: string };
}

async function activeAlertCount(request: APIRequestContext, token: string): Promise<number> {
  const response = await request.get('/api/inventory-alerts/count', { headers: bearer(token) });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { active: number }).active;
}

/** The number on the sidebar's Alerts badge (0 when the badge is not shown). */
async function badgeCount(page: Page): Promise<number> {
  const name = await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Alerts/ }).first().textContent();
  const match = /\((\d+) active\)/.exec(name ?? '');
  return match ? Number(match[1]) : 0;
}

async function screenshots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `test-results/screenshots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: `test-results/screenshots/${name}-phone.png`, fullPage: true });
  // Nothing may stick out sideways at phone width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the dashboard charts the last 30 days of movements, with a text alternative', async ({ page, request }) => {
  const admin = await adminToken(request);
  const product = await createProduct(request, admin);
  await post(request, admin, [
    { productId: product.id, type: 'RECEIPT', quantity: 40 },
    { productId: product.id, type: 'SHIPMENT', quantity: 9 },
  ]);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const chart = page.getByRole('figure', { name: /Units in and out per day/ });
  await expect(chart).toBeVisible();
  // The label sums 30 days of every test's movements: at least ours are in it.
  const label = (await chart.getAttribute('aria-label')) ?? '';
  const totals = /: ([\d,]+) units in and ([\d,]+) units out over ([\d,]+) movements/.exec(label);
  expect(totals, label).not.toBeNull();
  const [unitsIn, unitsOut, movements] = totals!.slice(1).map((text) => Number(text.replaceAll(',', '')));
  expect(unitsIn).toBeGreaterThanOrEqual(40);
  expect(unitsOut).toBeGreaterThanOrEqual(9);
  expect(movements).toBeGreaterThanOrEqual(2);
  // The visually hidden table has today's row, its day written in the reader's locale, and
  // the drawing has a bar per day.
  const locale = await page.evaluate(() => navigator.language);
  const today = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date());
  const table = chart.getByRole('table', { name: 'Units in and out per day, UTC', includeHidden: true });
  await expect(table.getByRole('rowheader', { name: today, includeHidden: true })).toHaveCount(1);
  await expect(chart.locator('svg g')).toHaveCount(30);
  await screenshots(page, 'dashboard-chart');
});

test('the navigation badge follows the alert count without a reload: on focus, and every 30 seconds', async ({ page, request }) => {
  const admin = await adminToken(request);
  await page.clock.install();
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const countRequests: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/inventory-alerts/count')) countRequests.push(req.url());
  });
  // A reload would drop this marker.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
  const before = await badgeCount(page);

  // A product with a reorder level and nothing on hand opens an alert when it is created.
  await createProduct(request, admin, { reorderLevel: 5, safetyStock: 1 });
  await createProduct(request, admin, { reorderLevel: 5, safetyStock: 1 });
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect.poll(() => badgeCount(page)).not.toBe(before);

  // The timer: half a minute later the badge catches up with another alert.
  // Other specs open and resolve alerts meanwhile: each tick must bring the badge to the
  // count the API gives.
  const afterFocus = countRequests.length;
  await createProduct(request, admin, { reorderLevel: 5, safetyStock: 1 });
  await expect(async () => {
    await page.clock.fastForward('00:31');
    await expect.poll(() => badgeCount(page), { timeout: 3_000 }).toBe(await activeAlertCount(request, admin));
  }).toPass();
  expect(countRequests.length).toBeGreaterThan(afterFocus);

  // A hidden tab stops asking.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const whileHidden = countRequests.length;
  await page.clock.fastForward('02:00');
  expect(countRequests.length).toBe(whileHidden);
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
});

test('an unknown, deleted or malformed product id answers 404', async ({ page, request }) => {
  const admin = await adminToken(request);
  const product = await createProduct(request, admin);
  const deleted = await request.delete(`/api/products/${product.id}`, { headers: bearer(admin) });
  expect(deleted.status()).toBe(204);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  for (const path of ['/products/2147483000', `/products/${product.id}`, '/products/not-a-number']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
});

test('the product page charts on hand, lists its alerts and filters and pages its ledger', async ({ page, request }) => {
  const admin = await adminToken(request);
  const shelf = await createLocation(request, admin);
  const product = await createProduct(request, admin, { reorderLevel: 10, safetyStock: 2 });
  // 22 rows, more than one page of 20. MAIN: 30 in, 3 to the shelf (shipped from there),
  // 15 shipped: 12; damaged 3: 9; counted 8; 4 in: 12 on hand.
  await post(request, admin, [
    { productId: product.id, type: 'RECEIPT', quantity: 30 },
    { productId: product.id, type: 'TRANSFER', quantity: 3, toLocationId: shelf.id },
    { productId: product.id, type: 'SHIPMENT', quantity: 3, locationId: shelf.id },
    ...Array.from({ length: 15 }, () => ({ productId: product.id, type: 'SHIPMENT', quantity: 1 })),
  ]);
  await post(request, admin, [{ productId: product.id, type: 'ADJUSTMENT', quantity: -3, reason: 'Damaged' }, { productId: product.id, type: 'COUNT', quantity: 8 }]);
  await post(request, admin, [{ productId: product.id, type: 'RECEIPT', quantity: 4 }]);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const response = await page.goto(`/products/${product.id}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: product.name })).toBeVisible();

  const chart = page.getByRole('figure', { name: /On hand over the last 90 days/ });
  await expect(chart).toHaveAttribute('aria-label', /is 12 each on/);
  await expect(chart.getByRole('table', { name: /On hand at the end of each day it changed/, includeHidden: true })).toBeAttached();

  // The alerts: the first opened at creation (nothing on hand) and resolved by the receipt,
  // the second opened when the damage and the count took it below 10, resolved by the last receipt.
  const alerts = page.getByRole('list', { name: 'Alerts of this product, newest first' });
  await expect(alerts.getByRole('listitem')).toHaveCount(2);
  await expect(alerts.getByText('Resolved', { exact: true })).toHaveCount(2);

  const ledger = page.getByRole('table', { name: /movements of this product/ });
  const rows = ledger.locator('tbody tr');
  await expect(rows).toHaveCount(20);
  await page.getByRole('link', { name: 'Older movements →' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(2);
  await page.getByRole('link', { name: '← Newest' }).click();
  await expect(rows).toHaveCount(20);

  const filters = page.getByRole('form', { name: "Filter this product's movements" });
  await filters.getByLabel('Location').selectOption({ label: shelf.code });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`locationId=${shelf.id}`));
  // On the shelf: the transfer's incoming leg and the shipment.
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Older movements →' })).toHaveCount(0);

  await filters.getByLabel('Location').selectOption({ label: 'All' });
  await filters.getByLabel('Type').selectOption({ label: 'Adjustments' });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/type=ADJUSTMENT/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Damaged');

  // A date range before any movement: nothing, and a way back.
  await filters.getByLabel('Type').selectOption({ label: 'All' });
  await filters.getByLabel('From').fill('2020-01-01');
  await filters.getByLabel('To').fill('2020-01-31');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('No movements match these filters')).toBeVisible();
  // A backwards range is refused beside the field, not with an error page.
  await page.goto(`/products/${product.id}?from=2020-02-01&to=2020-01-01`);
  await expect(filters.getByText('to must not be before from')).toBeVisible();

  await page.goto(`/products/${product.id}`);
  await screenshots(page, 'product-detail-chart');
});
