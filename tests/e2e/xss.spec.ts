import { expect, test, type APIRequestContext, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { adminToken, bearer, exchangeToken, uniqueEmail } from './fixtures/api';
import { card, collectDialogs, DESKTOP, openDialog, signIn, stockButton, suffix } from './fixtures/ui';

/**
 * Markup typed as a name is text, everywhere it shows. Every name a person can type (product,
 * category, supplier, location, movement reason and reference, user) carries one of two
 * classic payloads; every page that shows them is visited; the literal text must be visible,
 * no JavaScript dialog may open, and the DOM must hold no element the payload would create.
 * The report downloads must carry the same literal text back, unaltered.
 */

test.use({ viewport: DESKTOP });

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '"><script>alert(1)</script>';

interface Named {
  id: string;
  sku: string;
  product: string;
  description: string;
  category: string;
  supplier: string;
  locationCode: string;
  location: string;
  reason: string;
  reference: string;
  user: string;
  userEmail: string;
  userPassword: string;
  productId: number;
}

async function created<T>(response: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** Everything named with a payload, made through the API by the admin and by the user so named. */
async function seedMarkupNames(request: APIRequestContext): Promise<Named> {
  const id = suffix();
  const admin = await adminToken(request);
  const names = {
    id,
    sku: `XSS-${id}`.toUpperCase(),
    product: `${IMG} product ${id}`,
    description: `${SCRIPT} description ${id}`,
    category: `${SCRIPT} category ${id}`,
    supplier: `${IMG} supplier ${id}`,
    locationCode: `XSS-${id}`.toUpperCase(),
    location: `${SCRIPT} location ${id}`,
    reason: `${IMG} reason ${id}`,
    reference: `${SCRIPT} reference ${id}`,
    // No space before the payload: the dashboard greets by first name, so that is the payload too.
    user: `${SCRIPT}${id} ${IMG}`,
    userEmail: uniqueEmail('xss'),
    userPassword: `pw-${id}-${id}`,
  };
  const category = await created<{ id: number }>(await request.post('/api/categories', { headers: bearer(admin), data: { name: names.category } }));
  const supplier = await created<{ id: number }>(await request.post('/api/suppliers', { headers: bearer(admin), data: { name: names.supplier, notes: IMG } }));
  const location = await created<{ id: number }>(await request.post('/api/locations', { headers: bearer(admin), data: { code: names.locationCode, name: names.location } }));
  // An admin, so that the Settings user list is theirs to see.
  await created(await request.post('/api/users', { headers: bearer(admin), data: { email: names.userEmail, name: names.user, password: names.userPassword, role: 'ADMIN' } }));
  const token = await exchangeToken(request, names.userEmail, names.userPassword);
  const product = await created<{ id: number }>(
    await request.post('/api/products', {
      headers: bearer(token),
      data: { sku: names.sku, name: names.product, description: names.description, categoryId: category.id, price: '3.00', cost: '1.00', reorderLevel: 10, safetyStock: 2 },
    }),
  );
  const linked = await request.put(`/api/products/${product.id}/suppliers/${supplier.id}`, { headers: bearer(token), data: { leadTimeDays: 5, preferred: true, supplierSku: `S-${id}` } });
  expect(linked.status(), await linked.text()).toBe(200);
  // Received by the user so named, with the payloads as reason and reference; then moved to the
  // location so named. 6 on hand < reorder level 10: an active alert names the product too.
  await created(await request.post('/api/stock-movements', { headers: bearer(token), data: { productId: product.id, type: 'RECEIPT', quantity: 8, reason: names.reason, reference: names.reference } }));
  await created(await request.post('/api/stock-movements', { headers: bearer(token), data: { productId: product.id, type: 'TRANSFER', quantity: 2, toLocationId: location.id, reason: names.reason } }));
  await created(await request.post('/api/stock-movements', { headers: bearer(token), data: { productId: product.id, type: 'SHIPMENT', quantity: 2, locationId: location.id, reference: names.reference } }));
  return { ...names, productId: product.id };
}

/** No element, attribute or script the payloads would create if they were parsed as HTML. */
async function expectNoInjectedMarkup(page: Page, where: string): Promise<void> {
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    onerror: document.querySelectorAll('[onerror]').length,
    script: [...document.querySelectorAll('script')].filter((script) => script.textContent?.trim() === 'alert(1)').length,
  }));
  expect(injected, `markup injected on ${where}`).toEqual({ img: 0, onerror: 0, script: 0 });
}

/** The literal text is on screen (at least once) on this page, alone or beside a badge such as "You". */
async function expectLiteral(page: Page, text: string, where: string): Promise<void> {
  await expect(page.getByRole('main').getByText(text).first(), `"${text}" shown as text on ${where}`).toBeVisible();
}

test('names typed as markup render as text on every page that shows them', async ({ page, request }) => {
  test.setTimeout(180_000);
  const named = await seedMarkupNames(request);
  const dialogs = collectDialogs(page);
  await signIn(page, named.userEmail, named.userPassword);

  const visits: Array<[string, string[]]> = [
    ['/', [named.product]],
    [`/products?q=${named.sku}`, [named.product]],
    [`/products/${named.productId}`, [named.product, named.description, named.category, named.supplier, named.location, named.reason, named.reference]],
    [`/movements?productId=${named.productId}`, [named.product, named.reason, named.reference, named.user]],
    ['/alerts', [named.product]],
    ['/categories', [named.category]],
    ['/suppliers', [named.supplier]],
    ['/locations', [named.location]],
    [`/reports?productId=${named.productId}`, [named.product, named.reason, named.reference, named.user]],
    ['/settings?tab=users', [named.user]],
  ];
  for (const [path, texts] of visits) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    for (const text of texts) await expectLiteral(page, text, path);
    await expectNoInjectedMarkup(page, path);
  }

  // The dashboard greets the user by the first word of the name, and the side panel names them.
  await page.goto('/');
  await expect(page.getByText(`Welcome back, ${SCRIPT}${named.id}.`, { exact: false })).toBeVisible();
  await expect(page.getByText(named.user, { exact: true }).first()).toBeVisible();
  await expect(card(page, 'Recent movements').getByText(named.user).first()).toBeVisible();

  // Values in forms and dialogs are values, not markup.
  await page.goto(`/products/${named.productId}/edit`);
  await expect(page.getByLabel('Name')).toHaveValue(named.product);
  await expect(page.getByLabel('Description')).toHaveValue(named.description);
  await expect(page.getByLabel('Category').locator('option:checked')).toHaveText(named.category);
  await expectNoInjectedMarkup(page, 'the product form');

  await page.goto(`/products/${named.productId}`);
  const dialog = await openDialog(page, stockButton(page, 'Transfer'), 'Transfer stock');
  await expect(dialog.getByText(named.product, { exact: false })).toBeVisible();
  await expect(dialog.getByLabel('To', { exact: true }).locator('option').filter({ hasText: named.location })).toHaveCount(1);
  await expectNoInjectedMarkup(page, 'the transfer dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.goto('/suppliers');
  const edit = await openDialog(page, page.getByRole('button', { name: `Edit ${named.supplier}` }), 'Edit supplier');
  await expect(edit.getByLabel('Name')).toHaveValue(named.supplier);
  await page.keyboard.press('Escape');

  await page.goto('/categories');
  const row = page.getByRole('row').filter({ hasText: named.category });
  await expect(row).toHaveCount(1);
  await expectNoInjectedMarkup(page, 'the categories page');

  expect(dialogs, 'no JavaScript dialog opened').toEqual([]);
});

test('a category, a movement reason and a reference typed into the UI as markup stay text', async ({ page, request }) => {
  test.setTimeout(120_000);
  const id = suffix();
  const admin = await adminToken(request);
  const product = await created<{ id: number }>(
    await request.post('/api/products', { headers: bearer(admin), data: { sku: `XSSUI-${id}`, name: `Typed markup ${id}`, price: '2.00' } }),
  );
  const dialogs = collectDialogs(page);
  await signIn(page, 'admin@e2e.test', 'e2e-admin-password');

  const categoryName = `${IMG} typed ${id}`;
  await page.goto('/categories');
  const newCategory = await openDialog(page, page.getByRole('button', { name: 'New category' }), 'New category');
  await newCategory.getByLabel('Name').fill(categoryName);
  await newCategory.getByLabel('Description').fill(SCRIPT);
  await newCategory.getByRole('button', { name: 'Create category' }).click();
  await expect(newCategory).toBeHidden();
  await expect(page.getByRole('cell', { name: categoryName, exact: true })).toBeVisible();
  await expect(page.getByText(`Category “${categoryName}” created.`)).toBeVisible();
  await expectNoInjectedMarkup(page, 'categories after create');

  await page.goto(`/products/${product.id}`);
  const receive = await openDialog(page, stockButton(page, 'Receive'), 'Receive stock');
  await receive.getByLabel('Quantity received').fill('4');
  await receive.getByLabel('Reason').fill(`${SCRIPT} typed ${id}`);
  await receive.getByLabel('Reference').fill(`${IMG} typed ${id}`);
  await receive.getByRole('button', { name: 'Receive', exact: true }).click();
  await expect(page.getByText('Received 4. On hand now 4.')).toBeVisible();
  await expect(receive).toBeHidden();
  await expectLiteral(page, `${SCRIPT} typed ${id}`, 'the product ledger');
  await expectLiteral(page, `${IMG} typed ${id}`, 'the product ledger');
  await expectNoInjectedMarkup(page, 'the product page after a receipt');

  await page.goto(`/movements?productId=${product.id}`);
  await expectLiteral(page, `${SCRIPT} typed ${id}`, 'the ledger');
  await expectLiteral(page, `${IMG} typed ${id}`, 'the ledger');
  await expectNoInjectedMarkup(page, 'the ledger');
  expect(dialogs).toEqual([]);
});

/** A minimal RFC 4180 reader: quoted cells, doubled quotes, commas and newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function csvRecords(text: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
}

function jsonRows(body: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(body)) return body as Array<Record<string, unknown>>;
  return ((body as { data?: unknown[] }).data ?? []) as Array<Record<string, unknown>>;
}

async function downloaded(page: Page, link: string): Promise<string> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

test('the report downloads carry markup names back as the literal text, CSV and JSON', async ({ page, request }) => {
  test.setTimeout(120_000);
  const named = await seedMarkupNames(request);
  await signIn(page, named.userEmail, named.userPassword);
  await page.goto(`/reports?productId=${named.productId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();

  // Low stock, downloaded through the page's links.
  const lowCsv = csvRecords(await downloaded(page, 'Download the low-stock report as CSV')).find((record) => record.sku === named.sku);
  expect(lowCsv, 'the low-stock CSV lists the product').toBeDefined();
  expect(lowCsv?.name).toBe(named.product);
  expect(lowCsv?.preferred_supplier).toBe(named.supplier);
  const lowJsonText = await downloaded(page, 'Download the low-stock report as JSON');
  const lowJson = jsonRows(JSON.parse(lowJsonText)).find((row) => row.sku === named.sku);
  expect(lowJson, 'the low-stock JSON lists the product').toBeDefined();
  expect(lowJson?.name).toBe(named.product);
  expect(JSON.stringify(lowJson)).toContain(named.supplier);
  // Nothing HTML-escaped on the way out.
  expect(lowJsonText).not.toContain('&lt;');
  expect(lowJsonText).not.toContain('&quot;');

  // Stock valuation: the product at both locations.
  const valuation = csvRecords(await downloaded(page, 'Download the stock valuation as CSV')).filter((record) => record.sku === named.sku);
  expect(valuation.map((record) => record.name)).toContain(named.product);
  const valuationJson = jsonRows(JSON.parse(await downloaded(page, 'Download the stock valuation as JSON'))).filter((row) => row.sku === named.sku);
  expect(valuationJson.map((row) => row.name)).toContain(named.product);

  // The movements of this product, reason and reference intact.
  const movementRecords = csvRecords(await downloaded(page, 'Download the movements report as CSV')).filter((record) => record.sku === named.sku);
  expect(movementRecords.length).toBeGreaterThanOrEqual(3);
  expect(movementRecords.map((record) => record.product)).toContain(named.product);
  expect(movementRecords.map((record) => record.reason)).toContain(named.reason);
  expect(movementRecords.map((record) => record.reference)).toContain(named.reference);
  const movementRows = jsonRows(JSON.parse(await downloaded(page, 'Download the movements report as JSON'))).filter((row) => row.sku === named.sku);
  expect(movementRows.map((row) => row.reason)).toContain(named.reason);
  expect(movementRows.map((row) => row.reference)).toContain(named.reference);
});
