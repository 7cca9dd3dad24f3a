import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * Runs a benchmark's measuring half (`<script> measure ...args`) in a fresh plain `node`
 * process on an esbuild bundle of the script, as production runs compiled code: under tsx
 * every figure would carry its loader (about 40 MB of resident memory). Packages stay
 * external, as in a Next.js server build. Returns the JSON line the process prints last.
 */
export function measureInFreshProcess<Figures>(script: string, args: string[], env: Record<string, string>): Figures {
  const directory = join(process.cwd(), 'data/bench-build');
  mkdirSync(directory, { recursive: true });
  const bundle = join(directory, `${basename(script, '.ts')}.mjs`);
  buildSync({ entryPoints: [script], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'error' });
  const child = spawnSync(process.execPath, [bundle, 'measure', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${script} measure ${args.join(' ')} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Figures;
}
