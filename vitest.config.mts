import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = { '@': root.replace(/\/$/, '') };

/**
 * Three projects: `unit` (pure rules), `integration` (SQLite) and `integration-postgres`
 * (the same files on PostgreSQL, only when TEST_POSTGRES_URL is set). Each integration test
 * file runs against its own freshly migrated database (tests/integration/setup/*).
 */
const integration = (name: string, engine: 'sqlite' | 'postgresql') => ({
  resolve: { alias },
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/integration/setup/global-setup.ts'],
    setupFiles: ['tests/integration/setup/per-file.ts'],
    // PASSWORD_HASH_COST 4: hundreds of users and sign-ins are hashed; cost 11 would spend minutes proving nothing more.
    env: { TEST_ENGINE: engine, PASSWORD_HASH_COST: '4' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks' as const,
    // Route handlers import Auth.js, whose ESM imports `next/server` without an extension:
    // bundled by Vite it resolves as it does under Next.
    server: { deps: { inline: ['next-auth'] } },
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default on 2 cores is one file at a time; integration files mostly wait on fsync,
    // PostgreSQL and bcrypt, so two at once keep both cores busy (each file has its own database).
    maxWorkers: 2,
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      integration('integration', 'sqlite'),
      ...(process.env.TEST_POSTGRES_URL ? [integration('integration-postgres', 'postgresql')] : []),
    ],
  },
});
