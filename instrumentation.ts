/**
 * Runs once when the server starts: validates the environment (a wrong variable stops the
 * start with a message naming it), stamps requests with their client's address, starts the
 * notification worker, and creates the first admin when the database has no user.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { loadEnvironment } = await import('@/lib/env');
  const environment = loadEnvironment();
  // Sign-in throttling counts per client: the server stamps each request with its socket's peer.
  const { installPeerAddressStamp } = await import('@/lib/auth/client-address');
  installPeerAddressStamp();
  // Request ids and one log line per request; in production, a graceful stop on SIGTERM.
  const { installServerLifecycle, onDrain } = await import('@/lib/http/server-lifecycle');
  installServerLifecycle({ gracefulShutdown: environment.NODE_ENV === 'production' });
  // Webhook deliveries and low-stock emails, unless a separate `npm run worker` does them.
  if (environment.NOTIFY_WORKER) {
    const { startInProcessWorker } = await import('@/lib/notify/worker');
    const worker = startInProcessWorker();
    onDrain(() => worker.stop());
  }
  if (environment.ADMIN_EMAIL && environment.ADMIN_PASSWORD) {
    const { ensureFirstAdmin } = await import('@/lib/auth/ensure-first-admin');
    const created = await ensureFirstAdmin({ email: environment.ADMIN_EMAIL, password: environment.ADMIN_PASSWORD });
    if (created) console.log(`Created the first admin, ${environment.ADMIN_EMAIL}.`);
  }
}
