import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { adminToken, bearer, createUserWithToken } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { signIn } from './fixtures/ui';

/**
 * The management pages in a real browser: catalog dialogs with the server's inline errors,
 * an API token shown once, a viewer who sees no write buttons, and user-typed text that is
 * rendered as text. Tests run in parallel against one server, so every name is unique.
 */

const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

// Each test walks several server-rendered pages and creates users (slow password hashing on
// purpose), while other files load the same server: give them room.
test.beforeEach(() => {
  test.slow();
});

/** Toasts sit top right, over the page header's button, until they time out. */
async function waitForToastsToGo(page: Page): Promise<void> {
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0);
}

test('a category and a supplier are created in dialogs; a duplicate name is refused beside the field, typed values kept', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);

  const category = unique('Category');
  await page.goto('/categories');
  await page.getByRole('button', { name: 'New category' }).click();
  let dialog = page.getByRole('dialog', { name: 'New category' });
  await dialog.getByLabel('Name').fill(category);
  await dialog.getByLabel('Description').fill('Made by the e2e suite');
  await dialog.getByRole('button', { name: 'Create category' }).click();
  await expect(page.getByText(`Category “${category}” created.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: category, exact: true })).toBeVisible();

  await waitForToastsToGo(page);
  await page.getByRole('button', { name: 'New category' }).click();
  dialog = page.getByRole('dialog', { name: 'New category' });
  await dialog.getByLabel('Name').fill(category.toUpperCase());
  await dialog.getByLabel('Description').fill('kept after the refusal');
  await dialog.getByRole('button', { name: 'Create category' }).click();
  const name = dialog.getByLabel('Name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('A category with this name already exists');
  await expect(name).toHaveValue(category.toUpperCase());
  await expect(name).toBeFocused();
  await expect(dialog.getByLabel('Description')).toHaveValue('kept after the refusal');
  await page.screenshot({ path: 'test-results/screenshots/category-duplicate.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  const supplier = unique('Supplier');
  await page.goto('/suppliers');
  await page.getByRole('button', { name: 'New supplier' }).click();
  dialog = page.getByRole('dialog', { name: 'New supplier' });
  await dialog.getByLabel('Name').fill(supplier);
  await dialog.getByLabel('Email').fill('orders@example.test');
  await dialog.getByRole('button', { name: 'Create supplier' }).click();
  await expect(page.getByText(`Supplier “${supplier}” created.`)).toBeVisible();
  await expect(page.getByRole('cell', { name: supplier, exact: true })).toBeVisible();

  await waitForToastsToGo(page);
  await page.getByRole('button', { name: 'New supplier' }).click();
  dialog = page.getByRole('dialog', { name: 'New supplier' });
  await dialog.getByLabel('Name').fill(supplier);
  await dialog.getByLabel('Phone').fill('+1 555 0100');
  await dialog.getByRole('button', { name: 'Create supplier' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription('A supplier with this name already exists');
  await expect(dialog.getByLabel('Name')).toHaveValue(supplier);
  await expect(dialog.getByLabel('Phone')).toHaveValue('+1 555 0100');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: supplier, exact: true })).toHaveCount(1);
});

test('an API token is shown once, then only its prefix is listed', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const name = unique('Till');
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create an API token' });
  await dialog.getByLabel('Token name').fill(name);
  await dialog.getByLabel('Your password').fill(E2E_ADMIN.password);
  await dialog.getByRole('button', { name: 'Create token' }).click();

  const secretField = page.getByRole('dialog').getByLabel('Your new API token');
  await expect(secretField).toHaveValue(/^sr_\S{20,}$/);
  const secret = await secretField.inputValue();
  await expect(page.getByRole('dialog').getByText('This is the only time the token')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Copy' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/token-shown-once.png' });

  // The token works against the API.
  const me = await page.request.get('/api/tokens', { headers: bearer(secret) });
  expect(me.status()).toBe(200);

  await page.getByRole('button', { name: 'I have copied it' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: `${secret.slice(0, 9)}…`, exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
});

test('a viewer finds no write buttons on the management pages', async ({ page, request }) => {
  // Something to list, so that a row's Edit/Delete would show if it were offered.
  const admin = await adminToken(request);
  const created = await request.post('/api/categories', { headers: bearer(admin), data: { name: unique('Viewer sees') } });
  expect(created.status()).toBe(201);
  const viewer = await createUserWithToken(request, 'VIEWER');

  await signIn(page, viewer.email, viewer.password);
  const writeButton = page.getByRole('button', { name: /^(New |Edit|Delete|Dismiss|Run export|Add user|Disable|Enable)/ });
  for (const [path, heading] of [
    ['/categories', 'Categories'],
    ['/suppliers', 'Suppliers'],
    ['/locations', 'Locations'],
    ['/alerts', 'Alerts'],
    ['/movements', 'Stock movements'],
    ['/reports', 'Reports'],
    ['/settings', 'Settings'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(writeButton, `${path} offers a write button to a viewer`).toHaveCount(0);
  }
  await expect(page.getByRole('link', { name: 'Users and roles' })).toHaveCount(0);
  await page.goto('/settings?tab=users');
  await expect(page.getByRole('heading', { name: 'My API tokens' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Users and roles' })).toHaveCount(0);
});

test('a supplier named like markup is rendered as text', async ({ page, request }) => {
  const admin = await adminToken(request);
  const name = `<img src=x onerror=alert(1)> ${randomUUID().slice(0, 8)}`;
  const created = await request.post('/api/suppliers', { headers: bearer(admin), data: { name, notes: '<script>alert(2)</script>' } });
  expect(created.status()).toBe(201);

  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/suppliers');
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  // Scoped to this supplier's row: the notes are the same in every run against one server.
  await expect(page.getByRole('row').filter({ hasText: name }).getByRole('cell', { name: '<script>alert(2)</script>', exact: true })).toBeVisible();
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  await expect(page.locator('main script:not([src])').filter({ hasText: 'alert(2)' })).toHaveCount(0);

  // The edit dialog shows the name as a value, not as markup either.
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  await expect(page.getByRole('dialog').getByLabel('Name')).toHaveValue(name);
  await page.keyboard.press('Escape');
  expect(dialogs).toEqual([]);
});
