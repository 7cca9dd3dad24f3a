import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_DATABASE_URL } from '@/lib/db/engine';
import { migrate } from '@/lib/db/migrate';
import { DEMO_PASSWORD, DEMO_USERS } from '../prisma/seed-data';

/**
 * `npm run demo`: everything a fresh clone needs, offline: migrate the database, seed the demo
 * shop once, keep a session secret, build, and serve with the demo sign-in printed.
 * DATABASE_URL, AUTH_SECRET, PORT and HOST are honoured; SKIP_BUILD=1 reuses the last build.
 *
 * It listens on 127.0.0.1 (this machine only) unless HOST says otherwise: the demo accounts'
 * password is printed here and published in the README, so on a network anyone who reached
 * the port could sign in as ADMIN.
 */
const root = process.cwd();
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const port = process.env.PORT || '3000';
const host = process.env.HOST || '127.0.0.1';
/** Where this script itself reaches the server: a wildcard address is reached on loopback. */
const localHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
const localUrl = `http://${localHost}:${port}`;
const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const SECRET_FILE = join(root, 'data/.auth-secret');
const STARTUP_TIMEOUT_MS = 60_000;

/** The environment's secret, or one made once and kept, so sessions survive restarts of the demo. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const kept = existsSync(SECRET_FILE) ? readFileSync(SECRET_FILE, 'utf8').trim() : '';
  if (kept) return kept;
  mkdirSync(dirname(SECRET_FILE), { recursive: true, mode: 0o700 });
  const secret = randomBytes(33).toString('base64');
  writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  // The mode above applies only when the file is created; an empty file left behind keeps its own.
  chmodSync(SECRET_FILE, 0o600);
  return secret;
}

/** A PostgreSQL URL carries a password: never print it. */
function printable(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n${[command, ...args].join(' ')} failed.`);
    process.exit(result.status ?? 1);
  }
}

async function waitForHealth(url: string): Promise<boolean> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

function banner(): string {
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  const accounts = DEMO_USERS.map((user) => `    ${user.email.padEnd(width)}  ${user.role}`);
  return [
    '',
    '  ┌─────────────────────────────────────────────',
    '  │ Stockroom demo is running',
    `  │ Open      ${localUrl}`,
    `  │ Sign in   ${DEMO_USERS[0].email} / ${DEMO_PASSWORD}`,
    '  └─────────────────────────────────────────────',
    process.env.HOST
      ? `  Listening on ${host} (HOST): every machine that reaches it can sign in with the demo passwords below.`
      : '  Listening on 127.0.0.1 only: other machines cannot reach it. Set HOST=0.0.0.0 to open it to your network.',
    `  Every demo account has the password ${DEMO_PASSWORD}:`,
    ...accounts,
    '  Stop with Ctrl+C.',
    '',
  ].join('\n');
}

/** Runs `next start` until it exits, passing on Ctrl+C and SIGTERM, and exits with its code. */
function serve(env: NodeJS.ProcessEnv): void {
  const server = spawn(bin('next'), ['start', '-p', port, '-H', host], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
  void waitForHealth(`${localUrl}/api/health`).then((healthy) => {
    if (healthy) console.log(banner());
    else console.warn(`\nThe server did not answer ${localUrl}/api/health within ${STARTUP_TIMEOUT_MS / 1000} s; see its output above.`);
  });
}

async function main(): Promise<void> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret(), PORT: port, HOST: host };
  const { applied, alreadyApplied } = await migrate({ url: databaseUrl });
  console.log(`Database ${printable(databaseUrl)}: ${applied.length} migration(s) applied, ${alreadyApplied} already there.`);
  run(bin('tsx'), ['prisma/seed.ts'], env);
  if (process.env.SKIP_BUILD === '1') console.log('SKIP_BUILD=1: serving the existing build.');
  else run(bin('next'), ['build'], env);
  serve({ ...env, NODE_ENV: 'production' });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
