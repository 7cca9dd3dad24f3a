import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';
import { E2E_ADMIN, E2E_PORT } from './tests/e2e/fixtures/constants';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Playwright's own Chromium when it is installed; otherwise Debian's /usr/bin/chromium;
 * otherwise install Debian's package when this process may (root with apt-get); otherwise
 * stop and say what to install. The answer is kept in the environment so that worker
 * processes, which load this file again, do not repeat the search.
 */
function findChromium(): string {
  const known = process.env.STOCKROOM_CHROMIUM;
  if (known !== undefined) return known;
  let found = '';
  const bundled = safeExecutablePath();
  if (bundled && existsSync(bundled)) found = '';
  else if (existsSync('/usr/bin/chromium')) found = '/usr/bin/chromium';
  else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian chromium with apt-get ...');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    found = '/usr/bin/chromium';
  } else {
    throw new Error(
      'No Chromium for the e2e tests. Install one: `npx playwright install chromium` (needs network) or `sudo apt-get install chromium`.',
    );
  }
  process.env.STOCKROOM_CHROMIUM = found;
  return found;
}

function safeExecutablePath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

const executablePath = findChromium();
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
/** With TEST_POSTGRES_URL the API specs also run against a second server on PostgreSQL. */
const postgresPort = E2E_PORT + 1;
const postgres = process.env.TEST_POSTGRES_URL;

const server = (port: number, extraEnv: Record<string, string>) => ({
  command: 'npx tsx scripts/e2e-server.ts',
  url: `http://127.0.0.1:${port}/api/health`,
  timeout: 120_000,
  reuseExistingServer: false,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
  // CRON_SECRET (at least 16 characters, lib/env.ts): api-reports.spec.ts calls the scheduled export as the scheduler does.
  // LOG_LEVEL warn: a line per request from two servers would bury the test report.
  // WEBHOOK_ALLOW_*: webhooks-ui.spec.ts receives its test event on 127.0.0.1 over plain http.
  // PASSWORD_HASH_COST 4: the specs sign in and create users many times over (lib/env.ts).
  env: {
    PORT: String(port),
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    CRON_SECRET: 'e2e-cron-secret-for-tests',
    LOG_LEVEL: 'warn',
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    PASSWORD_HASH_COST: '4',
    ...extraEnv,
  },
});

const browser = { ...devices['Desktop Chrome'], launchOptions: { args: CHROMIUM_FLAGS, ...(executablePath ? { executablePath } : {}) } };

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list']],
  // Two servers and a browser share two cores in CI: generous waits, unchanged assertions.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // shop-settings-ui moves the whole server's time zone and currency: it runs alone, after every other spec.
    { name: 'chromium', testIgnore: /shop-settings-ui\.spec\.ts/, use: { ...browser, baseURL } },
    { name: 'shop-settings', testMatch: /shop-settings-ui\.spec\.ts/, dependencies: ['chromium'], use: { ...browser, baseURL } },
    // On PostgreSQL through real HTTP, the specs where the engine decides the answer: concurrency
    // (oversell, idempotency, throttling) and hostile input. Every route's contract also runs on
    // both engines in the integration suite (tests/integration/http), so the catalog, reports and
    // docs specs are not repeated here.
    ...(postgres ? [{ name: 'api-postgres', testMatch: /api-(ledger|auth|fuzz)\.spec\.ts/, use: { ...browser, baseURL: `http://127.0.0.1:${postgresPort}` } }] : []),
  ],
  webServer: [server(E2E_PORT, {}), ...(postgres ? [server(postgresPort, { E2E_DATABASE: 'postgresql' })] : [])],
});

if (!postgres && process.env.TEST_WORKER_INDEX === undefined) console.log('E2E API specs on PostgreSQL SKIPPED: TEST_POSTGRES_URL is not set (they run on SQLite only).');
