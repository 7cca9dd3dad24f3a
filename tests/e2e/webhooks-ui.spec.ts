import { once } from 'node:events';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { E2E_ADMIN } from './fixtures/constants';
import { openDialog, screenshotBothWidths, signIn, suffix, waitForToastsToGo } from './fixtures/ui';

/**
 * Settings → Webhooks in a real browser against `next start`, whose own worker delivers: an
 * admin adds a webhook pointing at a receiver this test runs on 127.0.0.1, copies the secret
 * shown once, sends a test event, sees it delivered in the log, and the receiver checks its
 * signature with that secret; then pauses and deletes the webhook.
 */
test('an admin adds a webhook, sends a test event, sees it delivered in the log, pauses and deletes it', async ({ page }) => {
  test.slow(); // a server action, the worker's poll and a browser on a busy machine
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const receiver = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/e2e-${suffix()}`;
  try {
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();

    const dialog = await openDialog(page, page.getByRole('button', { name: 'Add webhook' }), 'Add a webhook');
    await dialog.getByLabel('URL').fill(url);
    await dialog.getByLabel(/Stock movement posted/).check();
    await dialog.getByLabel('Description').fill('E2E receiver');
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    const secret = await dialog.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole('row').filter({ hasText: url });
    await expect(row).toContainText('alert.opened, stock_movement.created');
    await expect(row).toContainText('Active');
    await row.getByRole('button', { name: `Send a test event to ${url}` }).click();
    await expect(page.getByText('Test event queued')).toBeVisible();

    const log = page.getByRole('table', { name: `Delivery log of ${url}` });
    await expect(async () => {
      await page.reload();
      await expect(log.getByRole('row').filter({ hasText: 'webhook.test' })).toContainText('Delivered', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(log.getByRole('row').filter({ hasText: 'webhook.test' })).toContainText('HTTP 204');
    expect(received).toHaveLength(1);
    expect(new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>)).toMatchObject({ type: 'webhook.test' });
    await waitForToastsToGo(page);
    await screenshotBothWidths(page, 'webhooks-settings');

    await row.getByRole('button', { name: `Pause ${url}` }).click();
    await expect(row).toContainText('Paused');
    await expect(row.getByRole('button', { name: `Send a test event to ${url}` })).toHaveCount(0);
    const confirm = await openDialog(page, row.getByRole('button', { name: `Delete ${url}` }), 'Delete this webhook?');
    await confirm.getByRole('button', { name: 'Delete webhook' }).click();
    await expect(page.getByRole('row').filter({ hasText: url })).toHaveCount(0);
  } finally {
    receiver.close();
  }
});
