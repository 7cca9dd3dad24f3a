import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';

/**
 * What the benchmarks share: which build and commit is measured on which machine, a refusal
 * to measure a build older than the sources, `next start` on a given database, and timing.
 * The one data seeder is scripts/bench-data.ts.
 */

const root = process.cwd();
export const NEXT_BIN = join(root, 'node_modules/.bin/next');

/** The build folder `next start` serves: NEXT_DIST_DIR when set (parallel checkouts), else .next. */
export function distDir(): string {
  return join(root, process.env.NEXT_DIST_DIR ?? '.next');
}

/** Everything a production build is made from. */
const SOURCES = ['app', 'components', 'lib', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'package.json', 'package-lock.json', 'tailwind.config.ts', 'postcss.config.mjs'];

function newestFile(entry: string): { path: string; mtimeMs: number } {
  if (!existsSync(entry)) return { path: entry, mtimeMs: 0 };
  const stats = statSync(entry);
  if (!stats.isDirectory()) return { path: entry, mtimeMs: stats.mtimeMs };
  // The Prisma clients are generated (npm install), not edited: their times say nothing.
  if (entry.endsWith(join('lib', 'db', 'generated'))) return { path: entry, mtimeMs: 0 };
  return readdirSync(entry)
    .map((name) => newestFile(join(entry, name)))
    .reduce((newest, file) => (file.mtimeMs > newest.mtimeMs ? file : newest), { path: entry, mtimeMs: 0 });
}

/**
 * The production build, current with the sources. A missing build, or one older than any
 * source file, is built when `build` is true and otherwise refused: figures of an old build
 * would be credited to code it does not contain.
 */
export function requireFreshBuild({ build }: { build: boolean }): void {
  const buildId = join(distDir(), 'BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const newest = SOURCES.map((source) => newestFile(join(root, source))).reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
  if (builtAt > newest.mtimeMs) return;
  const why = builtAt === 0 ? `there is no build in ${relative(root, distDir())}` : `${relative(root, newest.path)} changed after the build in ${relative(root, distDir())}`;
  if (!build) throw new Error(`Refusing to measure: ${why}. Run \`next build\` (NEXT_DIST_DIR is honoured) or leave out --no-build.`);
  console.log(`\n${why[0]!.toUpperCase()}${why.slice(1)}: running next build.`);
  const result = spawnSync(NEXT_BIN, ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('next build failed');
}

/** The commit measured (with "+ uncommitted changes" when the tree differs from it). */
export function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${hash} + uncommitted changes` : hash;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

/** The machine, as each benchmark prints it above its figures. */
export function machine(): string {
  const cores = cpus();
  return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}; load average ${loadAverage()}`;
}

/** The header line every benchmark prints: what ran, on which commit and machine. */
export function printRunHeader(command: string): void {
  console.log(`${command} at ${new Date().toISOString()}\n  commit  ${commit()}\n  machine ${machine()}`);
}

const servers: ChildProcess[] = [];
process.on('exit', () => servers.forEach((child) => child.kill('SIGTERM')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(1));

export interface RunningServer {
  base: string;
  child: ChildProcess;
  stop: () => void;
}

/**
 * `next start` of the project's build (NEXT_DIST_DIR honoured) on 127.0.0.1:`port`, with a
 * fresh AUTH_SECRET and the given environment (DATABASE_URL at least); resolves once
 * `readyPath` answers below 500. Stopped when this process exits, whatever happens.
 */
export async function startNextServer({ port, env, readyPath = '/api/health', timeoutMs = 120_000 }: { port: number; env: Record<string, string>; readyPath?: string; timeoutMs?: number }): Promise<RunningServer> {
  const child = spawn(NEXT_BIN, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: randomBytes(33).toString('base64'), ...env },
  });
  servers.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitForUrl(`${base}${readyPath}`, { child, timeoutMs });
  return { base, child, stop: () => child.kill('SIGTERM') };
}

/** Polls a URL until it answers below 500 (or the child it belongs to exits). */
export async function waitForUrl(url: string, { child, init, timeoutMs = 60_000 }: { child?: ChildProcess; init?: RequestInit; timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, init);
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export interface Figures {
  median: number;
  p95: number;
}

export function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}

/** Runs `run` `warmup` times unmeasured, then `iterations` times, and returns the median and p95 in ms. */
export async function time(run: () => Promise<unknown>, { iterations, warmup }: { iterations: number; warmup: number }): Promise<Figures> {
  for (let i = 0; i < warmup; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return figures(samples);
}
