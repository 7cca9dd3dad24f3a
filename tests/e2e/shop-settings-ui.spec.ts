import { expect, test } from '@playwright/test';
import { adminToken, bearer, createProduct, json, unique } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { signIn } from './fixtures/ui';

/**
 * Settings → Shop in a real browser: an admin switches the shop to euros and Auckland, and the
 * pages show both: the shop's name in the sidebar and the title, money in euros, times in
 * Auckland's zone in the reader's locale (en-GB here), with no hydration mismatch.
 *
 * The zone moves every day-based query of the whole server, and other specs compute "today" in
 * UTC, so this spec runs in its own project after all the others (playwright.config.ts) and
 * puts the defaults back at its end, passed or failed.
 */

test.use({ locale: 'en-GB' });

const ZONE = 'Pacific/Auckland';

/** What the page should print for an instant: en-GB, Auckland's zone, the zone named. */
function aucklandDateTime(instant: Date): string {
  const text = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(instant);
  const zone = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'short' }).formatToParts(instant).find((part) => part.type === 'timeZoneName')!.value;
  return `${text} ${zone}`;
}

test('an admin sets the shop to euros and Auckland; pages show its name, euros and Auckland times', async ({ page, request }) => {
  test.slow(); // a busy server, and every page is visited at two widths
  const token = await adminToken(request);
  const restore = () => request.patch('/api/settings', { headers: bearer(token), data: { shopName: 'Stockroom', currency: 'USD', timezone: 'UTC' } });
  const hydrationErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /hydrat/i.test(message.text())) hydrationErrors.push(message.text());
  });
  try {
    const product = await createProduct(request, token, { name: unique('Euro kettle'), price: '12.50', cost: '4.00' });
    const receipt = await json<{ data: Array<{ createdAt: string }> }>(
      await request.post('/api/stock-movements', { headers: bearer(token), data: { productId: product.id, type: 'RECEIPT', quantity: 3, unitCost: '4.00', reference: 'PO-EUR' } }),
      201,
    );
    const postedAt = new Date(receipt.data[0]!.createdAt);

    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await page.goto('/settings');
    await page.getByRole('link', { name: 'Shop', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Shop', exact: true })).toBeVisible();
    const shopName = unique('Corner Café');
    await page.getByLabel('Shop name').fill(shopName);
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByLabel('Time zone').selectOption(ZONE);
    await page.getByRole('button', { name: 'Save shop settings' }).click();
    await expect(page.getByText('Shop settings saved.')).toBeVisible();
    expect(await json(await request.get('/api/settings', { headers: bearer(token) }), 200)).toEqual({ shopName, currency: 'EUR', timezone: ZONE });

    // The product page: its price and cost in euros, the ledger's time in Auckland.
    await page.goto(`/products/${product.id}`);
    await expect(page).toHaveTitle(new RegExp(`· ${shopName}$`));
    await expect(page.getByRole('link', { name: shopName }).first()).toBeVisible();
    await expect(page.getByText('€12.50', { exact: true })).toBeVisible();
    await expect(page.getByText('€4.00', { exact: true }).first()).toBeVisible();
    await expect(page.locator(`time[datetime="${postedAt.toISOString()}"]`).first()).toContainText(aucklandDateTime(postedAt).split(',')[0]!);

    // The dashboard, at both widths: the stock value in euros, the newest movement in Auckland time.
    for (const viewport of [{ width: 1366, height: 900 }, { width: 375, height: 812 }]) {
      await page.setViewportSize(viewport);
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      await expect(page.getByRole('link').filter({ hasText: 'Stock value' })).toContainText('€');
      await expect(page.locator(`time[datetime="${postedAt.toISOString()}"]`)).toHaveAttribute('title', aucklandDateTime(postedAt));
      await page.screenshot({ path: `test-results/screenshots/shop-settings-dashboard-${viewport.width}.png`, fullPage: true });
    }
    expect(hydrationErrors).toEqual([]);
  } finally {
    expect((await restore()).status()).toBe(200);
  }
});
