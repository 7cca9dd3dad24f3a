import nodemailer from 'nodemailer';
import { environment } from '@/lib/env';
import { logger } from '@/lib/logger';
import { deliverDueWebhooks, deliveryOptionsFromEnvironment, type DeliveryOptions } from './deliver-due-webhooks';
import { EMAIL_DIGEST_INTERVAL_MS, sendEmailDigests, type DigestOptions } from './send-email-digests';

export interface WorkerOptions {
  delivery: DeliveryOptions;
  /** Absent when SMTP_URL and MAIL_FROM are not set: no emails. */
  email?: DigestOptions;
  /** How often the worker looks for due work when idle (the first attempt of an event waits at most this long). */
  pollMs: number;
}

export interface NotificationWorker {
  /** Looks for work now instead of at the next poll (after a retry or a test event). */
  nudge(): void;
  /** Takes no new work and waits for the attempts in flight. */
  stop(): Promise<void>;
}

export function workerOptionsFromEnvironment(): WorkerOptions {
  const env = environment();
  return {
    delivery: deliveryOptionsFromEnvironment(),
    email:
      env.SMTP_URL && env.MAIL_FROM
        ? { transport: nodemailer.createTransport(env.SMTP_URL), from: env.MAIL_FROM, intervalMs: EMAIL_DIGEST_INTERVAL_MS, leaseMs: 60_000, retryMs: 60_000 }
        : undefined,
    pollMs: 1_000,
  };
}

/**
 * The delivery worker: webhook attempts and low-stock emails, polled. It runs inside the web
 * server (instrumentation.ts) and as `npm run worker`; any number of them may run against one
 * database, since every piece of work is claimed under a lease first.
 */
export function startNotificationWorker(options: WorkerOptions = workerOptionsFromEnvironment()): NotificationWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const tick = async () => {
    try {
      // A full batch means more may be due: go on at once rather than after a poll.
      let attempted = await deliverDueWebhooks(options.delivery);
      while (!stopped && attempted >= (options.delivery.batchSize ?? 10)) attempted = await deliverDueWebhooks(options.delivery);
      if (!stopped && options.email) await sendEmailDigests(options.email);
    } catch (error) {
      logger().error({ err: error }, 'notification worker: a poll failed; trying again at the next one');
    }
  };

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = tick().finally(() => {
      running = undefined;
      if (stopped) return;
      if (again) {
        again = false;
        run();
      } else {
        timer = setTimeout(run, options.pollMs);
      }
    });
  };

  run();
  return {
    nudge: run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      options.email?.transport.close?.();
    },
  };
}

const IN_PROCESS = Symbol.for('stockroom.notificationWorker');
type GlobalWithWorker = typeof globalThis & { [IN_PROCESS]?: NotificationWorker };

/** Starts this process's worker once (instrumentation.ts); later calls answer the same one. */
export function startInProcessWorker(): NotificationWorker {
  const global = globalThis as GlobalWithWorker;
  global[IN_PROCESS] ??= startNotificationWorker();
  return global[IN_PROCESS];
}

/** Wakes this process's worker, if it runs one, so that a retry or a test event goes out now. */
export function nudgeInProcessWorker(): void {
  (globalThis as GlobalWithWorker)[IN_PROCESS]?.nudge();
}

/** Stops this process's worker, if it runs one (the SIGTERM drain). */
export async function stopInProcessWorker(): Promise<void> {
  await (globalThis as GlobalWithWorker)[IN_PROCESS]?.stop();
}
