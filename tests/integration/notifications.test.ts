import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { writeTransaction } from '@/lib/db/write-transaction';
import { movementInputSchema } from '@/lib/inventory/movement-schemas';
import { postMovements } from '@/lib/inventory/post-movements';
import { writeMovementGroup } from '@/lib/inventory/write-movement-group';
import { createWebhook } from '@/lib/notify/create-webhook';
import { deliverDueWebhooks, type DeliveryOptions } from '@/lib/notify/deliver-due-webhooks';
import type { EventType } from '@/lib/notify/event-types';
import { sendEmailDigests } from '@/lib/notify/send-email-digests';
import { createWebhookSchema } from '@/lib/notify/webhook-schemas';
import { makeUser, newProduct } from './catalog-fixtures';

/**
 * The notification path end to end on a real database: events recorded by the ledger's own
 * transactions, the worker's claims and retries, a real HTTP receiver on 127.0.0.1 and a real
 * SMTP server (smtp-server), signatures checked by the Standard Webhooks reference verifier.
 * Retry delays are milliseconds here.
 */
vi.hoisted(() => {
  // Read once per process (lib/env.ts), before anything here asks.
  process.env.WEBHOOK_ALLOW_HTTP = 'true';
  process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
  process.env.SMTP_URL = 'smtp://127.0.0.1:2525';
  process.env.MAIL_FROM = 'Stockroom <stock@shop.test>';
  process.env.APP_URL = 'https://stock.shop.test';
});

const options: DeliveryOptions = { retryDelaysMs: [20, 20, 20], timeoutMs: 2_000, leaseMs: 4_000, policy: { allowHttp: true, allowPrivate: true } };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver on 127.0.0.1 answering each request with what `answer` says (or never). */
async function startReceiver(answer: (count: number) => number | 'hang' = () => 200) {
  const received: Received[] = [];
  const arrived: Array<() => void> = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      arrived.splice(0).forEach((wake) => wake());
      const status = answer(received.length);
      if (status !== 'hang') response.writeHead(status).end(status === 200 ? 'ok' : 'not now');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** Resolves once `count` requests have arrived. */
    until: (count: number) => new Promise<void>((resolve) => (received.length >= count ? resolve() : arrived.push(() => received.length >= count && resolve()))),
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

async function addWebhook(url: string, events: EventType[], format: 'standard' | 'slack' = 'standard') {
  const actorId = await makeUser('ADMIN');
  return createWebhook({ input: createWebhookSchema.parse({ url, events, format }), actorId });
}

async function move(productId: number, type: 'RECEIPT' | 'SHIPMENT', quantity: number, actorId: number) {
  await postMovements({ actorId, movements: [movementInputSchema.parse({ productId, type, quantity, unitCost: type === 'RECEIPT' ? '1.00' : undefined })] });
}

/** Runs the worker's delivery step until the webhook has nothing pending. */
async function deliverAll(webhookId: number, deliveryOptions: DeliveryOptions = options) {
  for (let round = 0; round < 100; round += 1) {
    await deliverDueWebhooks(deliveryOptions);
    if ((await db().webhookDelivery.count({ where: { webhookId, status: 'PENDING' } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('deliveries still pending');
}

async function pause(webhookId: number) {
  await db().webhook.update({ where: { id: webhookId }, data: { active: false } });
}

let actorId: number;
beforeAll(async () => {
  actorId = await makeUser('MANAGER');
});

describe('webhook deliveries', () => {
  it('an alert opened by a shipment reaches the receiver signed (the Standard Webhooks verifier accepts it), and Slack gets text', async () => {
    const product = await newProduct({ reorderLevel: 5 });
    await move(product.id, 'RECEIPT', 10, actorId);
    const receiver = await startReceiver();
    const slack = await startReceiver();
    const webhook = await addWebhook(receiver.url, ['alert.opened']);
    const slackHook = await addWebhook(slack.url, ['alert.opened'], 'slack');
    try {
      await move(product.id, 'SHIPMENT', 7, actorId);
      await deliverAll(webhook.id);
      await deliverAll(slackHook.id);
      expect(receiver.received).toHaveLength(1);
      const [request] = receiver.received;
      const verified = new StandardWebhook(webhook.secret).verify(request!.body, request!.headers as Record<string, string>) as { type: string; data: { alert: { productId: number; onHandAtTrigger: number }; product: { sku: string } } };
      expect(verified).toMatchObject({ type: 'alert.opened', data: { alert: { productId: product.id, onHandAtTrigger: 3 }, product: { sku: product.sku } } });
      expect(request!.headers['webhook-id']).toMatch(/^msg_/);
      expect(() => new StandardWebhook(slackHook.secret).verify(request!.body, request!.headers as Record<string, string>)).toThrow();

      const text = (JSON.parse(slack.received[0]!.body) as { text: string }).text;
      expect(text).toContain(product.sku);
      expect(text).toContain(`https://stock.shop.test/products/${product.id}`);
      expect(slack.received[0]!.headers['webhook-signature']).toBeUndefined();
      const delivery = await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: webhook.id } });
      expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 1, lastStatusCode: 200, lastError: null });
    } finally {
      await pause(webhook.id);
      await pause(slackHook.id);
      receiver.close();
      slack.close();
    }
  });

  it('a receiver that answers 500 twice then 200 gets three attempts with the same webhook-id; one that always fails ends FAILED', async () => {
    const product = await newProduct();
    const flaky = await startReceiver((count) => (count <= 2 ? 500 : 200));
    const broken = await startReceiver(() => 503);
    const flakyHook = await addWebhook(flaky.url, ['stock_movement.created']);
    const brokenHook = await addWebhook(broken.url, ['stock_movement.created']);
    try {
      await move(product.id, 'RECEIPT', 4, actorId);
      await deliverAll(flakyHook.id);
      await deliverAll(brokenHook.id);
      expect(flaky.received.map((request) => request.headers['webhook-id'])).toEqual(Array(3).fill(flaky.received[0]!.headers['webhook-id']));
      expect(new Set(flaky.received.map((request) => request.body)).size).toBe(1);
      expect(await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: flakyHook.id } })).toMatchObject({ status: 'SUCCEEDED', attempts: 3, lastStatusCode: 200 });
      expect(broken.received).toHaveLength(options.retryDelaysMs.length + 1);
      expect(await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: brokenHook.id } })).toMatchObject({ status: 'FAILED', attempts: 4, lastStatusCode: 503, lastError: 'HTTP 503: not now' });
    } finally {
      await pause(flakyHook.id);
      await pause(brokenHook.id);
      flaky.close();
      broken.close();
    }
  });

  it('a rolled-back movement records no event and sends nothing', async () => {
    const product = await newProduct({ reorderLevel: 5 });
    const receiver = await startReceiver();
    const webhook = await addWebhook(receiver.url, ['stock_movement.created', 'alert.resolved']);
    try {
      const movements = [movementInputSchema.parse({ productId: product.id, type: 'RECEIPT', quantity: 9, unitCost: '1.00' })];
      await expect(
        writeTransaction(async (tx) => {
          const [outcome] = await writeMovementGroup(tx, [{ movements, actorId, batch: false }]);
          expect(outcome?.kind).toBe('posted');
          expect(await tx.webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(2);
          throw new Error('rolled back after posting');
        }),
      ).rejects.toThrow('rolled back after posting');
      expect(await db().webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(0);
      await deliverDueWebhooks(options);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await pause(webhook.id);
      receiver.close();
    }
  });

  it('a worker killed mid-delivery: the next one sends the event again with the same webhook-id, once', async () => {
    const product = await newProduct();
    const receiver = await startReceiver((count) => (count === 1 ? 'hang' : 200));
    const webhook = await addWebhook(receiver.url, ['stock_movement.created']);
    try {
      await move(product.id, 'RECEIPT', 2, actorId);
      // A worker process of its own (npm run worker), killed while its attempt waits for an answer.
      const worker = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
        env: { ...process.env, WEBHOOK_TIMEOUT_MS: '1500', NOTIFY_WORKER: 'true' },
        stdio: 'ignore',
      });
      await receiver.until(1);
      worker.kill('SIGKILL');
      await once(worker, 'exit');
      const held = await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: webhook.id } });
      expect(held).toMatchObject({ status: 'PENDING', attempts: 0 });
      expect(held.leaseUntilMs).not.toBeNull();

      await deliverAll(webhook.id);
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[1]!.headers['webhook-id']).toBe(receiver.received[0]!.headers['webhook-id']);
      expect(await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: webhook.id } })).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
    } finally {
      await pause(webhook.id);
      receiver.close();
    }
  });

  it('private and plain-http destinations are refused at delivery time without the allow flags', async () => {
    const product = await newProduct();
    const receiver = await startReceiver();
    const webhook = await addWebhook(receiver.url, ['stock_movement.created']);
    try {
      await move(product.id, 'RECEIPT', 1, actorId);
      await deliverAll(webhook.id, { ...options, retryDelaysMs: [], policy: { allowHttp: true, allowPrivate: false } });
      expect(receiver.received).toHaveLength(0);
      const refused = await db().webhookDelivery.findFirstOrThrow({ where: { webhookId: webhook.id } });
      expect(refused).toMatchObject({ status: 'FAILED', lastStatusCode: null });
      expect(refused.lastError).toMatch(/^Destination refused: .*public address/);

      await db().webhookDelivery.update({ where: { id: refused.id }, data: { status: 'PENDING' } });
      await deliverAll(webhook.id, { ...options, retryDelaysMs: [], policy: { allowHttp: false, allowPrivate: true } });
      expect((await db().webhookDelivery.findUniqueOrThrow({ where: { id: refused.id } })).lastError).toBe('Destination refused: The URL must start with https://');
      expect(receiver.received).toHaveLength(0);
    } finally {
      await pause(webhook.id);
      receiver.close();
    }
  });
});

describe('low-stock emails', () => {
  const messages: Array<{ to: string[]; raw: string }> = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: raw.replace(/=\r?\n/g, '').replaceAll('=3D', '=') });
        callback();
      });
    },
  });
  let port = 0;
  beforeAll(async () => {
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it('the first alert goes out at once; the three opened in the next interval come grouped in one email, with links', async () => {
    const products = await Promise.all([1, 2, 3, 4].map(() => newProduct({ reorderLevel: 5 })));
    for (const product of products) await move(product.id, 'RECEIPT', 10, actorId);
    const optedIn = await db().user.update({ where: { id: await makeUser('CLERK') }, data: { notifyLowStock: true } });
    await makeUser('CLERK');
    const digest = { transport: nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }), from: 'Stockroom <stock@shop.test>', intervalMs: 2_000, leaseMs: 5_000, retryMs: 1_000 };

    await move(products[0]!.id, 'SHIPMENT', 6, actorId);
    expect(await sendEmailDigests(digest)).toBe(1);
    const firstSentAt = Date.now();
    await postMovements({ actorId, batch: true, movements: products.slice(1).map((product) => movementInputSchema.parse({ productId: product.id, type: 'SHIPMENT', quantity: 8 })) });
    expect(await sendEmailDigests(digest)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, firstSentAt + digest.intervalMs + 50 - Date.now()));
    expect(await sendEmailDigests(digest)).toBe(1);
    expect(await sendEmailDigests(digest)).toBe(0);

    expect(messages.map((message) => message.to)).toEqual([[optedIn.email], [optedIn.email]]);
    const [first, grouped] = messages.map((message) => message.raw);
    expect(first).toContain(products[0]!.sku);
    expect(first).not.toContain(products[1]!.sku);
    expect(grouped).toMatch(/Subject: .*low stock on 3 products/);
    expect(grouped).toContain('Content-Type: text/plain');
    expect(grouped).toContain('Content-Type: text/html');
    for (const product of products.slice(1)) {
      expect(grouped).toContain(product.sku);
      expect(grouped).toContain(`<a href="https://stock.shop.test/products/${product.id}">`);
    }
    expect(grouped).not.toContain(products[0]!.sku);
    digest.transport.close();
  });
});
