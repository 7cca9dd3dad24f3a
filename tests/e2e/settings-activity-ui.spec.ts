import { expect, test } from '@playwright/test';
import { bearer, createUserWithToken, unique } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { signIn } from './fixtures/ui';

/**
 * Settings → Activity in a real browser: an admin finds a manager's product change by record
 * type and person, sees what changed, and a manager cannot open the page at all.
 */

test('an admin reads who changed a product, filtered by record and person; a manager gets no Activity page', async ({ page, request }) => {
  test.slow(); // users are made with slow password hashes, on a busy server
  const manager = await createUserWithToken(request, 'MANAGER');
  const sku = unique('ACT').toUpperCase();
  const created = await request.post('/api/products', { headers: bearer(manager.token), data: { sku, name: 'Activity kettle', price: '12.00' } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const changed = await request.patch(`/api/products/${id}`, { headers: bearer(manager.token), data: { name: 'Activity kettle, renamed' } });
  expect(changed.status(), await changed.text()).toBe(200);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
  await page.getByLabel('Record').selectOption('product');
  await page.getByLabel('Person').selectOption({ label: `E2E MANAGER (${manager.email})` });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`entity=product.*actorId=${manager.id}`));
  const table = page.getByRole('table', { name: 'Activity, newest first' });
  const rename = table.getByRole('row').filter({ hasText: 'Activity kettle, renamed' });
  await expect(rename).toHaveCount(1);
  await expect(rename).toContainText('Update');
  await expect(rename).toContainText(`Products #${id}`);
  await expect(rename).toContainText(manager.email);
  await expect(table.getByRole('row').filter({ hasText: 'Create' }).filter({ hasText: sku })).toHaveCount(1);

  await page.getByLabel('From').fill('2999-01-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('Nothing matches these filters')).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, manager.email, manager.password);
  await page.goto('/settings');
  await expect(page.getByRole('link', { name: 'Activity' })).toHaveCount(0);
  const refused = await page.goto('/settings/activity');
  expect(refused?.status()).toBe(404);
});
