import { disconnectDatabase } from '@/lib/db/client';
import { loadEnvironment } from '@/lib/env';
import { logger } from '@/lib/logger';
import { startNotificationWorker } from '@/lib/notify/worker';

/**
 * `npm run worker`: the notification worker as a process of its own, for deployments that
 * prefer it outside the web server (set NOTIFY_WORKER=false there). Several may run at once,
 * beside servers that run their own: every delivery is claimed under a lease. SIGTERM or
 * SIGINT lets the attempts in flight finish, then exits.
 */
loadEnvironment();
const worker = startNotificationWorker();
logger().info('notification worker started');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void worker
      .stop()
      .then(() => disconnectDatabase())
      .then(() => {
        logger().info({ signal }, 'notification worker stopped');
        process.exit(0);
      });
  });
}
