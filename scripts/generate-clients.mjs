// Generates both Prisma clients offline: the SQLite one from prisma/schema.prisma and the
// PostgreSQL one from a copy with the provider swapped (Prisma cannot take the provider from
// an environment variable). Runs on `npm ci` through the postinstall script.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sqliteSchemaPath = join(root, 'prisma/schema.prisma');
const postgresSchemaPath = join(root, 'prisma/postgres/schema.prisma');

const header =
  '// GENERATED from prisma/schema.prisma by scripts/generate-clients.mjs: edit that file, not this one.\n';
const sqliteSchema = readFileSync(sqliteSchemaPath, 'utf8');
const postgresSchema = sqliteSchema
  .replace(/provider = "sqlite"/, 'provider = "postgresql"')
  .replace(/output\s*=\s*"..\/lib\/db\/generated\/sqlite"/, 'output   = "../../lib/db/generated/postgres"');
if (postgresSchema === sqliteSchema || !postgresSchema.includes('generated/postgres')) {
  throw new Error('Could not derive the PostgreSQL schema: the datasource or generator block changed shape.');
}
mkdirSync(dirname(postgresSchemaPath), { recursive: true });
writeFileSync(postgresSchemaPath, header + postgresSchema);

// `prisma generate` does not run the schema engine, but Prisma 7 tries to download it unless
// this variable names an existing file; the download is impossible offline.
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const prisma = join(root, 'node_modules/prisma/build/index.js');
for (const schema of [sqliteSchemaPath, postgresSchemaPath]) {
  execFileSync(process.execPath, [prisma, 'generate', '--schema', schema], { cwd: root, env, stdio: 'inherit' });
}
