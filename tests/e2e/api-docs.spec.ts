import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './fixtures/constants';
import { signIn } from './fixtures/ui';

/**
 * The API reference in a real browser: Redoc renders the served document under the page's
 * own Content-Security-Policy (scripts from this origin only, styles by nonce or exact hash)
 * with no violation but one: the "API docs by Redocly" footer's logo, which Redoc fetches
 * from its CDN and the policy rightly blocks.
 *
 * Redoc lays out the whole document in the browser: about 10 s on this 2-core machine when it
 * is busy with other builds and tests (load ~20), hence the generous waits.
 */
test.describe.configure({ timeout: 120_000 });
const RENDERED = { timeout: 60_000 };

test('a visitor is sent to sign in and comes back to the reference', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fapi%2Fdocs$/);
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.getByRole('heading', { name: /Stockroom API/ })).toBeVisible(RENDERED);
});

test('Settings links the reference; it renders every tag with no policy violation and no script error', async ({ page }) => {
  const violations: string[] = [];
  const errors: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.warn(`csp-violation ${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.text().startsWith('csp-violation ')) violations.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto('/settings');
  await page.getByRole('link', { name: 'API reference' }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.getByRole('heading', { name: /Stockroom API/ })).toBeVisible(RENDERED);
  // Redoc's headings carry a share link, so they are found by their text.
  for (const tag of ['Products', 'Stock movements', 'Reports']) await expect(page.locator('h2').filter({ hasText: new RegExp(`^${tag}$`) })).toBeVisible();
  await expect(page.locator('h2').filter({ hasText: 'Post one movement to the ledger' })).toBeVisible();

  expect(errors).toEqual([]);
  expect(violations.filter((violation) => !violation.startsWith('csp-violation img-src https://cdn.redoc.ly/'))).toEqual([]);
});
