import { expect, test, type Locator, type Page } from '@playwright/test';
import { adminToken, bearer } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { DESKTOP, onHandStat, openDialog, signIn, stockButton, suffix, waitForToastsToGo } from './fixtures/ui';

/**
 * "Anything the form accepts, the server accepts" (issue 5). The product form and the stock
 * dialogs are filled at the very edges their fields allow (maximum lengths, the largest
 * integers and amounts, two-decimal money, unicode) and the server must take them. Values
 * past the edges, typed after the browser's limits are taken off, must be refused by the
 * server beside the field concerned, with what was typed kept.
 */

test.use({ viewport: DESKTOP });
test.beforeEach(() => {
  test.slow();
});

const MAX_INT32 = 2_147_483_647;
const MAX_MONEY = '21474836.47'; // MAX_INT32 cents
const MAX_QUANTITY = 1_000_000_000;

/**
 * Text of exactly `length` UTF-16 code units, with unicode in it. The browser's maxlength
 * counts code units, the schema (zod 4) counts code points, so an emoji (two units, one point)
 * makes the browser the stricter of the two: fine for the accepted edge, but text meant to be
 * one past the server's limit is kept to single-unit characters (`astral: false`).
 */
function unicodeText(length: number, start: string, { astral = true }: { astral?: boolean } = {}): string {
  const body = `${start} Café ß 漢字 Ωμέγα ${astral ? '🚀 ' : ''}`;
  let text = body;
  while (text.length < length) text += 'é';
  // No space at the end: the schema trims, so a trailing space would not come back.
  return `${text.slice(0, length - 1)}é`;
}

/** Takes the browser's own limits off a form's fields (maxlength, required, min/max, pattern). */
async function dropBrowserLimits(scope: Locator): Promise<void> {
  await scope.evaluate((root) => {
    for (const element of root.querySelectorAll('input, textarea, select')) {
      for (const attribute of ['maxlength', 'minlength', 'required', 'min', 'max', 'pattern', 'step']) element.removeAttribute(attribute);
      if (element instanceof HTMLInputElement && element.type === 'number') element.type = 'text';
    }
    const form = root instanceof HTMLFormElement ? root : root.querySelector('form');
    if (form) form.noValidate = true;
  });
}

/** The field is marked invalid by the server, its message beside it, its typed value kept. */
async function expectRefusedInline(field: Locator, message: RegExp, typed: string): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(message);
  await expect(field).toHaveValue(typed);
}

/** The value the browser kept after filling: the browser itself accepted it whole. */
async function fillWhole(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await expect(field).toHaveValue(value);
}

function productForm(page: Page): Locator {
  return page.locator('form').filter({ has: page.getByRole('button', { name: /^(Create product|Save changes)$/ }) });
}

test('the product form at the edges it allows is accepted by the server, values kept exactly', async ({ page, request }) => {
  const id = suffix();
  const sku = `FP.${id}_`.toUpperCase().padEnd(64, 'Z');
  const name = unicodeText(200, `Edge ${id}`);
  const description = unicodeText(2000, `One line ${id}`);
  const unit = unicodeText(20, 'böx');

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/products/new');
  await fillWhole(page.getByLabel('SKU'), sku);
  await fillWhole(page.getByLabel('Name'), name);
  await fillWhole(page.getByLabel('Unit'), unit);
  await fillWhole(page.getByLabel('Description'), description);
  await fillWhole(page.getByLabel('Price'), MAX_MONEY);
  await fillWhole(page.getByLabel('Cost'), '0.01');
  await fillWhole(page.getByLabel('Reorder level'), String(MAX_INT32));
  await fillWhole(page.getByLabel('Safety stock'), String(MAX_INT32));
  await fillWhole(page.getByLabel('Reorder quantity'), String(MAX_INT32));
  await page.getByRole('button', { name: 'Create product' }).click();

  await expect(page.getByText(`Product ${sku} created.`)).toBeVisible();
  await expect(page).toHaveURL(/\/products\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  // Money is shown in the shop's currency (US dollars by default).
  await expect(page.getByText('$21,474,836.47', { exact: true })).toBeVisible();
  await expect(page.getByText('2,147,483,647', { exact: true }).first()).toBeVisible();

  // Stored exactly as typed (the API reads the same record).
  const productId = Number(/\/products\/(\d+)$/.exec(page.url())?.[1]);
  const admin = await adminToken(request);
  const stored = await request.get(`/api/products/${productId}`, { headers: bearer(admin) });
  expect(stored.status()).toBe(200);
  const product = (await stored.json()) as Record<string, unknown>;
  expect(product).toMatchObject({ sku, name, unit, price: MAX_MONEY, cost: '0.01', reorderLevel: MAX_INT32, safetyStock: MAX_INT32, reorderQuantity: MAX_INT32 });
  expect(product.description).toBe(description);

  // The edit form shows every edge value back, and saving it unchanged is accepted too.
  await page.goto(`/products/${productId}/edit`);
  await expect(page.getByLabel('Name')).toHaveValue(name);
  await expect(page.getByLabel('Price')).toHaveValue(MAX_MONEY);
  await expect(page.getByLabel('Description')).toHaveValue(description);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Product ${sku} saved.`)).toBeVisible();
});

test('a description with line breaks, as long as the textarea allows, is accepted by the server', async ({ page, request }) => {
  const id = suffix();
  const sku = `FPNL-${id}`.toUpperCase();
  // 2000 characters as the textarea counts them (maxlength=2000), three of them line breaks.
  const description = unicodeText(2000, `Line one ${id}\nLine two\nLine three\n`);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/products/new');
  await fillWhole(page.getByLabel('SKU'), sku);
  await fillWhole(page.getByLabel('Name'), `Multi-line ${id}`);
  await fillWhole(page.getByLabel('Description'), description);
  await fillWhole(page.getByLabel('Price'), '5.00');
  await page.getByRole('button', { name: 'Create product' }).click();
  const field = page.getByLabel('Description');
  const refusal = page.getByText(/Description must be at most 2000 characters/);
  await expect(page.getByText(`Product ${sku} created.`).or(refusal)).toBeVisible();
  // (A refusal here: the browser posts each line break as CRLF, 2003 characters for the server.)
  await expect(refusal, 'the server refused a description the textarea accepted').toHaveCount(0);
  await expect(field).toHaveCount(0);
  await expect(page.getByText(`Product ${sku} created.`)).toBeVisible();
  const productId = Number(/\/products\/(\d+)$/.exec(page.url())?.[1]);
  const stored = await request.get(`/api/products/${productId}`, { headers: bearer(await adminToken(request)) });
  expect(String(((await stored.json()) as { description: string }).description).replace(/\r\n/g, '\n')).toBe(description);
});

test('the product form: what the browser would stop, the server refuses beside the field, typed values kept', async ({ page }) => {
  const id = suffix();
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/products/new');
  await dropBrowserLimits(productForm(page));

  const values = {
    sku: `FP-${id}`.padEnd(65, 'Y'),
    name: unicodeText(201, `Too long ${id}`, { astral: false }),
    unit: 'u'.repeat(21),
    description: 'd'.repeat(2001),
    price: '21474836.48',
    cost: '1.005',
    reorderLevel: String(MAX_INT32 + 1),
    safetyStock: '1.5',
    reorderQuantity: '-1',
  };
  await fillWhole(page.getByLabel('SKU'), values.sku);
  await fillWhole(page.getByLabel('Name'), values.name);
  await fillWhole(page.getByLabel('Unit'), values.unit);
  await fillWhole(page.getByLabel('Description'), values.description);
  await fillWhole(page.getByLabel('Price'), values.price);
  await fillWhole(page.getByLabel('Cost'), values.cost);
  await fillWhole(page.getByLabel('Reorder level'), values.reorderLevel);
  await fillWhole(page.getByLabel('Safety stock'), values.safetyStock);
  await fillWhole(page.getByLabel('Reorder quantity'), values.reorderQuantity);
  await page.getByRole('button', { name: 'Create product' }).click();

  await expectRefusedInline(page.getByLabel('SKU'), /at most 64 characters/, values.sku);
  await expectRefusedInline(page.getByLabel('Name'), /at most 200 characters/, values.name);
  await expectRefusedInline(page.getByLabel('Unit'), /at most 20 characters/, values.unit);
  await expectRefusedInline(page.getByLabel('Description'), /at most 2000 characters/, values.description);
  await expectRefusedInline(page.getByLabel('Price'), /too large/, values.price);
  await expectRefusedInline(page.getByLabel('Cost'), /two decimals/, values.cost);
  await expectRefusedInline(page.getByLabel('Reorder level'), /too large/, values.reorderLevel);
  await expectRefusedInline(page.getByLabel('Safety stock'), /whole number/, values.safetyStock);
  await expectRefusedInline(page.getByLabel('Reorder quantity'), /0 or more/, values.reorderQuantity);
  await expect(page).toHaveURL(/\/products\/new$/);

  // Required fields left empty, and an amount of zero.
  await page.goto('/products/new');
  await dropBrowserLimits(productForm(page));
  await page.getByLabel('Price').fill('0');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expectRefusedInline(page.getByLabel('SKU'), /SKU is required/, '');
  await expectRefusedInline(page.getByLabel('Name'), /Name is required/, '');
  await expectRefusedInline(page.getByLabel('Price'), /greater than 0/, '0');
  await page.screenshot({ path: 'test-results/screenshots/form-parity-product-refused.png', fullPage: true });
});

async function createStockProduct(page: Page, id: string): Promise<{ productId: number; sku: string; second: string }> {
  const admin = await adminToken(page.request);
  const sku = `FPS-${id}`.toUpperCase();
  const created = await page.request.post('/api/products', { headers: bearer(admin), data: { sku, name: `Stock edges ${id}`, price: '1.00', cost: '0.00' } });
  expect(created.status(), await created.text()).toBe(201);
  const second = `FP2-${id}`.toUpperCase();
  const location = await page.request.post('/api/locations', { headers: bearer(admin), data: { code: second, name: `Edge shelf ${id}` } });
  expect(location.status(), await location.text()).toBe(201);
  return { productId: ((await created.json()) as { id: number }).id, sku, second };
}

async function submitStock(page: Page, button: 'Receive' | 'Ship' | 'Adjust' | 'Transfer' | 'Count', title: string, submit: string, fill: (dialog: Locator) => Promise<void>, options: { dropLimits?: boolean } = {}) {
  await waitForToastsToGo(page);
  const dialog = await openDialog(page, stockButton(page, button), title);
  if (options.dropLimits) await dropBrowserLimits(dialog);
  await fill(dialog);
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  return dialog;
}

test('the stock dialogs at the edges they allow are accepted by the server', async ({ page }) => {
  const id = suffix();
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const { productId, second } = await createStockProduct(page, id);
  await page.goto(`/products/${productId}`);

  const reason = unicodeText(500, `Reason ${id}`);
  const reference = unicodeText(200, `Ref ${id}`);

  // The largest quantity one movement may carry, with the longest reason and reference.
  let dialog = await submitStock(page, 'Receive', 'Receive stock', 'Receive', async (d) => {
    await fillWhole(d.getByLabel('Quantity received'), String(MAX_QUANTITY));
    await fillWhole(d.getByLabel('Unit cost'), '0.00');
    await fillWhole(d.getByLabel('Reason'), reason);
    await fillWhole(d.getByLabel('Reference'), reference);
  });
  await expect(page.getByText('Received 1,000,000,000. On hand now 1,000,000,000.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(reason, { exact: true }).first()).toBeVisible();

  // The largest amount as a unit cost, two decimals.
  dialog = await submitStock(page, 'Receive', 'Receive stock', 'Receive', async (d) => {
    await fillWhole(d.getByLabel('Quantity received'), '1');
    await fillWhole(d.getByLabel('Unit cost'), MAX_MONEY);
  });
  await expect(page.getByText('Received 1. On hand now 1,000,000,001.')).toBeVisible();
  await expect(dialog).toBeHidden();

  dialog = await submitStock(page, 'Ship', 'Ship stock', 'Ship', async (d) => {
    await fillWhole(d.getByLabel('Quantity shipped'), String(MAX_QUANTITY));
    await fillWhole(d.getByLabel('Reference'), reference);
  });
  await expect(page.getByText('Shipped 1,000,000,000. On hand now 1.')).toBeVisible();
  await expect(dialog).toBeHidden();

  dialog = await submitStock(page, 'Adjust', 'Adjust stock', 'Adjust', async (d) => {
    await fillWhole(d.getByLabel('Quantity'), String(MAX_QUANTITY));
    await fillWhole(d.getByLabel('Reason'), 'Found 🚀 in the back');
  });
  await expect(page.getByText('Adjusted by +1,000,000,000. On hand now 1,000,000,001.')).toBeVisible();
  await expect(dialog).toBeHidden();

  dialog = await submitStock(page, 'Adjust', 'Adjust stock', 'Adjust', async (d) => {
    await d.getByText('Remove stock').click();
    await fillWhole(d.getByLabel('Quantity'), String(MAX_QUANTITY));
  });
  await expect(page.getByText('Adjusted by -1,000,000,000. On hand now 1.')).toBeVisible();
  await expect(dialog).toBeHidden();

  dialog = await submitStock(page, 'Transfer', 'Transfer stock', 'Transfer', async (d) => {
    await fillWhole(d.getByLabel('Quantity to move'), '1');
    const to = d.getByLabel('To', { exact: true });
    const value = await to.locator('option').filter({ hasText: second }).getAttribute('value');
    await to.selectOption(value ?? '');
  });
  await expect(page.getByText('Transferred 1. On hand now 1.')).toBeVisible();
  await expect(dialog).toBeHidden();

  // A count of zero is allowed (the MAIN shelf is empty: no difference), and so is the largest count.
  dialog = await submitStock(page, 'Count', 'Record a count', 'Record count', async (d) => {
    await fillWhole(d.getByLabel('Counted quantity'), '0');
  });
  await expect(page.getByText(/^Counted 0 \((no difference|-1)\)\. On hand now [01]\.$/)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(onHandStat(page)).toHaveText(/^[01]$/);
});

test('the stock dialogs: what the browser would stop, the server refuses beside the field, typed values kept', async ({ page }) => {
  const id = suffix();
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const { productId } = await createStockProduct(page, id);
  await page.goto(`/products/${productId}`);

  const cases: Array<{ quantity: string; message: RegExp }> = [
    { quantity: String(MAX_QUANTITY + 1), message: /too large/ },
    { quantity: '1.5', message: /whole number/ },
    { quantity: '0', message: /greater than 0/ },
    { quantity: '-3', message: /greater than 0/ },
    { quantity: 'twelve', message: /whole number/ },
  ];
  for (const { quantity, message } of cases) {
    const dialog = await submitStock(
      page,
      'Receive',
      'Receive stock',
      'Receive',
      async (d) => {
        await fillWhole(d.getByLabel('Quantity received'), quantity);
        await fillWhole(d.getByLabel('Unit cost'), '1.00');
      },
      { dropLimits: true },
    );
    await expectRefusedInline(dialog.getByLabel('Quantity received'), message, quantity);
    await expect(dialog.getByLabel('Unit cost')).toHaveValue('1.00');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  }

  // Texts past their limits and money with three decimals, all at once.
  const tooLongReason = unicodeText(501, `Reason ${id}`, { astral: false });
  const tooLongReference = 'r'.repeat(201);
  const dialog = await submitStock(
    page,
    'Receive',
    'Receive stock',
    'Receive',
    async (d) => {
      await fillWhole(d.getByLabel('Quantity received'), '5');
      await fillWhole(d.getByLabel('Unit cost'), '1.005');
      await fillWhole(d.getByLabel('Reason'), tooLongReason);
      await fillWhole(d.getByLabel('Reference'), tooLongReference);
    },
    { dropLimits: true },
  );
  await expectRefusedInline(dialog.getByLabel('Unit cost'), /two decimals/, '1.005');
  await expectRefusedInline(dialog.getByLabel('Reason'), /at most 500 characters/, tooLongReason);
  await expectRefusedInline(dialog.getByLabel('Reference'), /at most 200 characters/, tooLongReference);
  await expect(dialog.getByLabel('Quantity received')).toHaveValue('5');
  await page.screenshot({ path: 'test-results/screenshots/form-parity-stock-refused.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Nothing was posted by any refused attempt.
  await expect(onHandStat(page)).toHaveText('0');
});
