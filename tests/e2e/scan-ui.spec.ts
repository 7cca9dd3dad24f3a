import { expect, test } from '@playwright/test';
import { adminToken, bearer, createLocation, createProduct, json } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { PHONE, signIn, suffix } from './fixtures/ui';

/**
 * The scan page on a phone, driven as a USB scanner drives it: the code typed into the
 * focused box, then Enter. A product is received (3), then counted in Count mode with one
 * scan per item (5), and the count posted through the ledger; an unknown code offers to
 * create the product with it. The lookup rules and the ledger's arithmetic are the
 * integration tests' (tests/integration/http/barcodes.test.ts): here, the page.
 */

/** A valid EAN-13 from 12 random digits and its GS1 check digit. */
function randomGtin(): string {
  const body = `29${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  const sum = [...body].reverse().reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 3 : 1), 0);
  return body + String((10 - (sum % 10)) % 10);
}

test('a phone receives 3 and counts 5 by scanning, and is offered to create an unknown code', async ({ page, request }) => {
  test.slow(); // a story of a dozen round trips on a shared machine
  const admin = await adminToken(request);
  const locationId = await createLocation(request, admin);
  const barcode = randomGtin();
  const product = await createProduct(request, admin, { name: `Scanned mug ${suffix()}`, barcode });

  await page.setViewportSize(PHONE);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/scan');
  await expect(page.getByRole('heading', { level: 1, name: 'Scan' })).toBeVisible();
  await page.getByLabel('Location').selectOption(String(locationId));
  const box = page.getByLabel('Barcode or SKU');
  const scan = async (code: string) => {
    await box.focus();
    await box.pressSequentially(code, { delay: 5 });
    await box.press('Enter');
  };

  // One at a time: the product's panel, then Receive 3.
  await scan(barcode);
  const panel = page.getByRole('region', { name: 'Scanned product' });
  await expect(panel.getByRole('link', { name: /Scanned mug/ })).toBeVisible();
  await expect(panel.getByTestId('on-hand-here')).toHaveText('0');
  await panel.getByLabel('Quantity (each)').fill('3');
  await panel.getByRole('button', { name: 'Receive' }).click();
  await expect(page.getByText('Received 3. 3 here now.')).toBeVisible();
  await expect(panel.getByTestId('on-hand-here')).toHaveText('3');
  await expect(box).toBeFocused();

  // Count mode: five scans of five items, by barcode and once by SKU in lower case.
  await page.getByText('Count', { exact: true }).click();
  for (const code of [barcode, barcode, barcode, barcode, product.sku.toLowerCase()]) await scan(code);
  const count = page.getByRole('region', { name: 'Count' });
  await expect(count.getByRole('textbox', { name: `Count of ${product.sku}`, exact: true })).toHaveValue('5');
  await expect(count.getByText('1 product, 5 units')).toBeVisible();
  await count.getByRole('button', { name: 'Post count (1 product)' }).click();
  await expect(page.getByText('Count posted: 1 product, 1 corrected.')).toBeVisible();
  await expect(count.getByText('Nothing counted yet')).toBeVisible();

  const detail = await json<{ levels: Array<{ locationId: number; onHand: number }> }>(await request.get(`/api/products/${product.id}`, { headers: bearer(admin) }), 200);
  expect(detail.levels.find((level) => level.locationId === locationId)?.onHand).toBe(5);
  const ledger = await json<{ data: Array<{ type: string; quantity: number; reason: string | null }> }>(
    await request.get(`/api/stock-movements?productId=${product.id}`, { headers: bearer(admin) }),
    200,
  );
  expect(ledger.data.map(({ type, quantity, reason }) => ({ type, quantity, reason }))).toEqual([
    { type: 'COUNT', quantity: 2, reason: 'Scan count' },
    { type: 'RECEIPT', quantity: 3, reason: 'Scan' },
  ]);

  // An unknown code: nothing counted, and a way to create the product with it.
  const unknown = randomGtin();
  await scan(unknown);
  const offer = page.getByRole('region', { name: 'Unknown code' });
  await expect(offer.getByText(unknown)).toBeVisible();
  await offer.getByRole('link', { name: 'Create a product with this barcode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();
  await expect(page.getByLabel('Barcode')).toHaveValue(unknown);
});
