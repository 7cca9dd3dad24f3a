import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATABASE_URL } from '@/lib/db/engine';
import { migrate } from '@/lib/db/migrate';
import { DEMO_PASSWORD, DEMO_USERS } from '../prisma/seed-data';

/**
 * `npm run demo`: everything a fresh clone needs, offline: migrate the database, seed the demo
 * shop once, keep a session secret, build, and serve with the demo sign-in printed.
 */
const root = process.cwd();
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const port = process.env.PORT ?? '3000';
const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = join(root, 'data/.auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(root, 'data'), { recursive: true });
  const secret = randomBytes(33).toString('base64');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n${[command, ...args].join(' ')} failed.`);
    process.exit(result.status ?? 1);
  }
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

async function main(): Promise<void> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret() };
  const { applied, alreadyApplied } = await migrate({ url: databaseUrl });
  console.log(`Database ${databaseUrl}: ${applied.length} migration(s) applied, ${alreadyApplied} already there.`);
  run(bin('tsx'), ['prisma/seed.ts'], env);
  if (process.env.SKIP_BUILD === '1') console.log('SKIP_BUILD=1: using the existing build.');
  else run(bin('next'), ['build'], env);

  const server = spawn(bin('next'), ['start', '-p', port], { stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));

  if (await waitForHealth(`http://localhost:${port}/api/health`, 60_000)) {
    const accounts = DEMO_USERS.map((user) => `    ${user.role.padEnd(8)} ${user.email}`).join('\n');
    console.log(
      [
        '',
        '  Stockroom demo is running',
        `  Open  http://localhost:${port}`,
        '',
        `  Sign in with any of these (password: ${DEMO_PASSWORD}):`,
        accounts,
        '',
        '  Stop with Ctrl+C.',
        '',
      ].join('\n'),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
