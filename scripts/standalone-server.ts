import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Starts the assembled standalone folder (scripts/assemble-standalone.mjs) the way the container
 * does, through its docker-entrypoint.sh (migrate, then `node server.js`), and waits until
 * /api/health answers 200. Shared by the deploy e2e spec and `npm run crash:ledger`.
 */
export interface StandaloneServer {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
}

const root = join(__dirname, '..');

/** The folder the Dockerfile would copy, assembled from NEXT_DIST_DIR's build (reused when newer). */
export function assembleStandalone(out: string): string {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const built = join(root, distDir, 'standalone/server.js');
  const assembled = join(out, 'server.js');
  if (!existsSync(assembled) || !existsSync(built) || statSync(assembled).mtimeMs < statSync(built).mtimeMs) {
    execFileSync(process.execPath, [join(root, 'scripts/assemble-standalone.mjs'), '--out', out], { stdio: 'inherit', env: process.env });
  }
  return out;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startStandalone({
  folder,
  env,
  port,
  timeoutMs = 60_000,
}: {
  folder: string;
  env: Record<string, string>;
  port?: number;
  timeoutMs?: number;
}): Promise<StandaloneServer> {
  const listenPort = port ?? (await freePort());
  let output = '';
  const child = spawn(join(folder, 'docker-entrypoint.sh'), [], {
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOSTNAME: '127.0.0.1',
      PORT: String(listenPort),
      AUTH_SECRET: randomBytes(33).toString('base64'),
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + timeoutMs;
  let stopped: number | string | undefined;
  void exited.then((code) => (stopped = code));
  for (;;) {
    if (stopped !== undefined) throw new Error(`The standalone server exited (${stopped}) before it answered:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The standalone server did not answer /api/health within ${timeoutMs} ms:\n${output}`);
    }
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) return { url, child, output: () => output, exited };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
