import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '@/lib/db/migrate';

/**
 * The server the e2e suite runs against: a fresh migrated database on every run (SQLite, or
 * PostgreSQL with E2E_DATABASE=postgresql and TEST_POSTGRES_URL), then `next start` on the
 * built app. The first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD,
 * exactly as on a real first start; tests create everything else they need.
 */
async function main(): Promise<void> {
  const directory = join(process.cwd(), `data/e2e-${process.env.PORT ?? '3210'}`);
  rmSync(directory, { recursive: true, force: true });
  const url = process.env.E2E_DATABASE === 'postgresql' ? await freshPostgresDatabase() : `file:${join(directory, 'e2e.db')}`;
  await migrate({ url });
  const port = process.env.PORT ?? '3210';
  const child = spawn(join(process.cwd(), 'node_modules/.bin/next'), ['start', '-p', port, '-H', '127.0.0.1'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(33).toString('base64'),
      EXPORT_DIR: join(directory, 'exports'),
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** A new, empty database on the TEST_POSTGRES_URL server, replacing the last run's. */
async function freshPostgresDatabase(): Promise<string> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('E2E_DATABASE=postgresql needs TEST_POSTGRES_URL');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  // One database per port, so that two e2e runs on one machine never drop each other's.
  const name = `stockroom_e2e_${process.env.PORT ?? '3210'}`;
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
