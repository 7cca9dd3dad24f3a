import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createUserWithToken } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { openDialog, signIn } from './fixtures/ui';

test('the admin signs in and sees the dashboard, on a desktop and on a phone', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/dashboard-desktop.png', fullPage: true });

  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/dashboard-phone.png', fullPage: true });
});

test('a wrong password shows an error and stays on the sign-in page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByText('Wrong email or password.')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel('Email')).toHaveValue(E2E_ADMIN.email);
  await page.screenshot({ path: 'test-results/screenshots/login-error.png' });
});

test('signing out ends the session', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  // The sign-out form is a client component: click once the page has hydrated.
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: /sign out/i }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

/** A fresh tab of that browser (the same cookies) lands on the sign-in page. */
async function expectSignedOut(context: BrowserContext): Promise<void> {
  const tab = await context.newPage();
  await tab.goto('/');
  await expect(tab).toHaveURL(/\/login/);
  await context.close();
}

async function changePassword(page: Page, current: string, next: string, again = next): Promise<void> {
  await page.goto('/settings?tab=account');
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('New password again').fill(again);
  await page.getByRole('button', { name: 'Change password' }).click();
}

test('changing the password ends the other signed-in session; the new password works, the old does not', async ({ page, browser, request }) => {
  // Two browsers sign in and the password is hashed three times: more than one test's worth of work.
  test.slow();
  const person = await createUserWithToken(request, 'CLERK');
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signIn(other, person.email, person.password);
  await signIn(page, person.email, person.password);
  await page.waitForLoadState('networkidle');

  // 73 bytes (one more than bcrypt reads) is refused beside the field, never cut.
  await changePassword(page, person.password, 'p'.repeat(73));
  await expect(page.getByText('Password must be at most 72 bytes')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/password-too-long.png' });

  const newPassword = `new-${person.password}`.slice(0, 60);
  await changePassword(page, person.password, newPassword);
  await expect(page.getByText('Password changed. Every other device has been signed out.')).toBeVisible();

  // This browser stays signed in; the other one is sent to sign in, and its API calls are 401.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect((await other.request.get('/api/me')).status()).toBe(401);
  await expectSignedOut(elsewhere);

  expect((await request.post('/api/tokens', { data: { email: person.email, password: person.password, name: 'old' } })).status()).toBe(401);
  expect((await request.post('/api/tokens', { data: { email: person.email, password: newPassword, name: 'new' } })).status()).toBe(201);
});

test('a wrong current password is said beside its field and changes nothing', async ({ page, request }) => {
  const person = await createUserWithToken(request, 'VIEWER');
  await signIn(page, person.email, person.password);
  await page.waitForLoadState('networkidle');
  await changePassword(page, 'not-my-password', 'a-new-password-here');
  await expect(page.getByText('This is not your current password')).toBeVisible();
  expect((await request.post('/api/tokens', { data: { email: person.email, password: person.password, name: 'still' } })).status()).toBe(201);
});

test('"Sign out everywhere" ends this session and every other', async ({ page, browser, request }) => {
  test.slow();
  const person = await createUserWithToken(request, 'VIEWER');
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signIn(other, person.email, person.password);
  await signIn(page, person.email, person.password);
  await page.goto('/settings?tab=account');
  const dialog = await openDialog(page, page.getByRole('button', { name: 'Sign out everywhere' }), 'Sign out everywhere?');
  await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expectSignedOut(elsewhere);
  // API tokens are not sessions: they keep working until revoked or expired.
  expect((await request.get('/api/me', { headers: { authorization: `Bearer ${person.token}` } })).status()).toBe(200);
});

test('creating an API token in Settings asks for the password again', async ({ page, request }) => {
  const person = await createUserWithToken(request, 'MANAGER');
  await signIn(page, person.email, person.password);
  await page.goto('/settings');
  const dialog = await openDialog(page, page.getByRole('button', { name: 'Create token' }), 'Create an API token');
  await dialog.getByLabel('Token name').fill('Nightly sync');
  await dialog.getByLabel('Access').selectOption('read');
  await dialog.getByLabel('Expires after').selectOption('30');
  await dialog.getByLabel('Your password').fill('not-my-password');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect(dialog.getByText('This is not your password')).toBeVisible();
  await dialog.getByLabel('Your password').fill(person.password);
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const secret = await page.getByRole('dialog').getByLabel('Your new API token').inputValue();
  expect(secret).toMatch(/^sr_/);
  const write = await request.post('/api/categories', { headers: { authorization: `Bearer ${secret}` }, data: { name: `read-only ${secret.slice(-6)}` } });
  expect(write.status()).toBe(403);
});
