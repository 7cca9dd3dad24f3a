// Assembles the folder the container image runs, from a finished `next build`
// (output: 'standalone'). The Dockerfile runs this same script and copies its output, and the
// standalone e2e spec starts `node server.js` from what it produces, so the two cannot drift.
//
//   node scripts/assemble-standalone.mjs [--out <folder>]    (default: build/standalone)
//
// The build folder is NEXT_DIST_DIR or .next, as in next.config.mjs. The result holds:
//   server.js, node_modules/ (traced by Next.js, with native better-sqlite3)
//   <distDir>/static and public/   (Next.js leaves them out of standalone on purpose)
//   prisma/migrations, prisma/postgres/migrations   (the SQL the migrator applies)
//   scripts/db-migrate.mjs, db-backup.mjs, db-restore.mjs, ledger-verify.mjs, db-copy.mjs
//   docker-entrypoint.sh   (migrate, then exec node server.js)
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const outArgument = process.argv.indexOf('--out');
const out = resolve(root, outArgument === -1 ? 'build/standalone' : process.argv[outArgument + 1]);

/** Command-line tools the image carries, bundled with their TypeScript imports resolved. */
const TOOLS = ['db-migrate', 'db-backup', 'db-restore', 'ledger-verify', 'db-copy'];
/** Loaded from node_modules at run time by the server and the tools: must be in the folder. */
const RUNTIME_PACKAGES = ['better-sqlite3', 'pg', 'pino', 'next'];

function fail(message) {
  console.error(`assemble-standalone: ${message}`);
  process.exit(1);
}

const standalone = join(root, distDir, 'standalone');
if (!existsSync(join(standalone, 'server.js'))) {
  fail(`${join(distDir, 'standalone/server.js')} is missing: run \`next build\` first (next.config.mjs sets output: 'standalone').`);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(dirname(out), { recursive: true });
cpSync(standalone, out, { recursive: true });
cpSync(join(root, distDir, 'static'), join(out, distDir, 'static'), { recursive: true });
if (existsSync(join(root, 'public'))) cpSync(join(root, 'public'), join(out, 'public'), { recursive: true });
for (const migrations of ['prisma/migrations', 'prisma/postgres/migrations']) {
  cpSync(join(root, migrations), join(out, migrations), { recursive: true });
}

await build({
  entryPoints: Object.fromEntries(TOOLS.map((tool) => [tool, join(root, 'scripts', `${tool}.ts`)])),
  outdir: join(out, 'scripts'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  // ESM because the generated Prisma clients read import.meta.url; bundled CommonJS code gets
  // a real require for the Node built-ins it loads.
  format: 'esm',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  tsconfig: join(root, 'tsconfig.json'),
  // Native or driver code stays a run-time require, resolved from the folder's node_modules.
  external: ['better-sqlite3', 'pg', 'pg-native', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pino'],
  logLevel: 'warning',
});
copyFileSync(join(root, 'scripts/docker-entrypoint.sh'), join(out, 'docker-entrypoint.sh'));
chmodSync(join(out, 'docker-entrypoint.sh'), 0o755);

const requireFromOut = createRequire(join(out, 'server.js'));
for (const name of RUNTIME_PACKAGES) {
  try {
    requireFromOut.resolve(name);
  } catch {
    fail(`${name} is not in ${out}/node_modules: Next.js's file tracing left it out.`);
  }
}
const nativeBinding = join(out, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
if (!existsSync(nativeBinding)) fail(`the native better-sqlite3 binding is missing (${nativeBinding}).`);

console.log(`Assembled ${out} from ${distDir}: start it with \`./docker-entrypoint.sh\` (migrates, then node server.js).`);
