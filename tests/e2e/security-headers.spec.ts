import { expect, test, type Page } from '@playwright/test';
import { adminToken, bearer } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { openDialog, signIn, stockButton, suffix } from './fixtures/ui';

/**
 * Every HTML page carries its security headers (API.md v1.1, issue 10): a Content-Security-
 * Policy whose script nonce is new on every response and is the one on the page's scripts,
 * Permissions-Policy with the camera for this origin only, nosniff, and HSTS only over https.
 * Then the pages are used under that policy: any violation (a script, a style, a frame refused)
 * is collected from the browser and must not happen.
 */

function directives(policy: string | undefined): Map<string, string[]> {
  expect(policy, 'Content-Security-Policy header').toBeTruthy();
  return new Map((policy as string).split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name as string, values]));
}

function nonceOf(policy: Map<string, string[]>): string {
  const nonce = policy.get('script-src')?.find((value) => value.startsWith("'nonce-"));
  expect(nonce, 'script-src has a nonce').toBeTruthy();
  return (nonce as string).slice("'nonce-".length, -1);
}

/**
 * Collects, across navigations, console errors that mention a policy (Chromium reports each
 * refused script, style or frame there) and the page's own securitypolicyviolation events,
 * which an init script (Playwright's, outside the policy) logs under the same words.
 */
function watchPolicy(page: Page): string[] {
  const reports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy|Permissions policy/i.test(message.text())) reports.push(message.text());
  });
  page.on('pageerror', (error) => reports.push(`page error: ${error.message}`));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return reports;
}

test('pages and the sign-in page carry the CSP with a fresh nonce, Permissions-Policy and nosniff; HSTS only over https', async ({ request, page }) => {
  const login = await request.get('/login');
  expect(login.status()).toBe(200);
  const headers = login.headers();
  const policy = directives(headers['content-security-policy']);
  expect(policy.get('script-src')).toEqual(expect.arrayContaining(["'strict-dynamic'"]));
  expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
  expect(headers['permissions-policy']).toMatch(/(^|, )camera=\(self\)(,|$)/);
  expect(headers['permissions-policy']).toMatch(/microphone=\(\)/);
  expect(headers['permissions-policy']).toMatch(/geolocation=\(\)/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['strict-transport-security']).toBeUndefined();

  // The nonce is on Next's scripts, and a new one comes with the next response.
  const html = await login.text();
  const nonce = nonceOf(policy);
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  const again = directives((await request.get('/login')).headers()['content-security-policy']);
  expect(nonceOf(again)).not.toBe(nonce);

  // Behind a TLS-terminating proxy (X-Forwarded-Proto: https): HSTS too.
  const secure = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
  expect(secure.headers()['strict-transport-security']).toMatch(/^max-age=\d{8,}/);

  // Signed-in pages: the dashboard and the products list, through the browser's own cookie.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  for (const path of ['/', '/products']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const pagePolicy = directives(response.headers()['content-security-policy']);
    expect(pagePolicy.get('frame-ancestors'), path).toEqual(["'none'"]);
    const pageNonce = nonceOf(pagePolicy);
    for (const script of [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0])) expect(script, path).toContain(`nonce="${pageNonce}"`);
    expect(response.headers()['permissions-policy'], path).toContain('camera=(self)');
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
  }
  // A visitor without a session is still only redirected to sign in.
  const anonymous = await request.get('/products', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain('/login?callbackUrl=%2Fproducts');
});

test('no page breaks under the policy: the sign-in page, every page in the navigation, a not-found page, a product page and its dialogs', async ({ page, request }) => {
  test.slow();
  const admin = await adminToken(request);
  const created = await request.post('/api/products', { headers: bearer(admin), data: { sku: `CSP-${suffix()}`, name: 'Policy check', price: '2.00' } });
  expect(created.status(), await created.text()).toBe(201);
  const product = (await created.json()) as { id: number; sku: string };
  const received = await request.post('/api/stock-movements', { headers: bearer(admin), data: { productId: product.id, type: 'RECEIPT', quantity: 3 } });
  expect(received.status()).toBe(201);

  const reports = watchPolicy(page);
  // Signed out, the sign-in page renders and hydrates under the policy (the form's button is
  // enabled once its script runs); then sign in there.
  await page.goto('/login');
  await expect(page.getByRole('button', { name: /sign in/i })).toBeEnabled();
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const nav = page.getByRole('navigation', { name: 'Main' }).first();
  const hrefs = await nav.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThanOrEqual(8);
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // Client-side navigation too: the scripts that run it must have loaded.
    expect(await page.evaluate(() => document.readyState)).toBe('complete');
  }
  // An unknown address renders the not-found page under the policy too.
  const missing = await page.goto(`/no-such-page-${suffix()}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Nothing here' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // Hydrated and navigating on the client: a link click changes the page without a reload.
  await page.goto('/');
  await nav.getByRole('link', { name: 'Products' }).click();
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();

  // A product page, a stock dialog posted (a toast follows: sonner's styles), the delete dialog.
  await page.goto(`/products/${product.id}`);
  const count = await openDialog(page, stockButton(page, 'Count'), 'Record a count');
  await count.getByLabel('Counted quantity').fill('5');
  await count.getByRole('button', { name: 'Record count', exact: true }).click();
  await expect(page.getByText('Counted 5 (+2). On hand now 5.')).toBeVisible();
  const toast = page.locator('[data-sonner-toast]').first();
  await expect(toast).toBeVisible();
  // sonner's stylesheet applied: its toaster is positioned, not a plain block in the flow.
  expect(await toast.evaluate((element) => getComputedStyle(element).position)).toBe('absolute');
  const held = await openDialog(page, page.getByRole('button', { name: 'Delete', exact: true }), 'It still holds stock');
  await expect(held).toContainText('ship, adjust or count them to zero first');
  await held.getByRole('button', { name: 'Cancel' }).click();

  expect(reports).toEqual([]);
});
