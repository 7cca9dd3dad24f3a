import { defineConfig } from 'prisma/config';

// Prisma's CLI reads this file. The engine follows DATABASE_URL exactly as at run time
// (lib/db/engine.ts): PostgreSQL URLs use the PostgreSQL schema and migration history
// generated beside the SQLite ones. Migrations are applied by `npm run db:migrate`
// (lib/db/migrate.ts), which keeps Prisma's `_prisma_migrations` bookkeeping so that
// `prisma migrate status` agrees on a machine where Prisma's engine can be downloaded.
const url = process.env.DATABASE_URL ?? 'file:./data/inventory.db';
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: postgres ? 'prisma/postgres/migrations' : 'prisma/migrations' },
  datasource: { url },
});
