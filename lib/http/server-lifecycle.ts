import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { disconnectDatabase } from '@/lib/db/client';
import { logger, runWithRequestContext } from '@/lib/logger';

/**
 * What the HTTP server does around Next.js: a request id and one log line per request, and a
 * graceful stop on SIGTERM.
 *
 * Next.js 16 gives route handlers and proxy.ts the request but never the final status, and
 * `next start` (or the standalone server.js) owns the server. So, like the peer-address stamp
 * of lib/auth/client-address.ts, this patches http.Server's `emit` once per process from
 * instrumentation.ts: the 'request' event hands over the request and its response, whose
 * 'close' tells the status and the duration. The state lives on globalThis because Next.js may
 * load this module once per bundle.
 */
const STATE = Symbol.for('stockroom.serverLifecycle');

/** How long SIGTERM waits for requests in flight before it stops the process anyway. */
export const DRAIN_TIMEOUT_MS = 10_000;
const DISCONNECT_TIMEOUT_MS = 2_000;

interface LifecycleState {
  draining: boolean;
  servers: Set<http.Server>;
  inFlight: Set<ServerResponse>;
  /** Called whenever a request ends while draining. */
  onIdle?: () => void;
  /** Background work to stop on drain (the notification worker), awaited before the database closes. */
  drainHooks: Array<() => Promise<void>>;
}

type GlobalWithLifecycle = typeof globalThis & { [STATE]?: LifecycleState };

/** A client or proxy may pass its own id along; anything else gets a fresh one. */
const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,64}$/;

function lifecycle(): LifecycleState | undefined {
  return (globalThis as GlobalWithLifecycle)[STATE];
}

/** True from SIGTERM until the process exits: /api/health answers 503 meanwhile. */
export function isDraining(): boolean {
  return lifecycle()?.draining ?? false;
}

export function installServerLifecycle({ gracefulShutdown }: { gracefulShutdown: boolean }): void {
  const global = globalThis as GlobalWithLifecycle;
  if (global[STATE]) return;
  const state: LifecycleState = { draining: false, servers: new Set(), inFlight: new Set(), drainHooks: [] };
  global[STATE] = state;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function lifecycleEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'request') return Reflect.apply(emit, this, [event, ...args]) as boolean;
    state.servers.add(this);
    const request = args[0] as IncomingMessage;
    const response = args[1] as ServerResponse;
    const presented = request.headers['x-request-id'];
    const requestId = typeof presented === 'string' && ACCEPTABLE_REQUEST_ID.test(presented) ? presented : randomUUID();
    request.headers['x-request-id'] = requestId;
    response.setHeader('x-request-id', requestId);
    logWhenDone(request, response, requestId, state);
    // While draining every answer closes its connection, so no client reuses one that the
    // drain is about to close under it.
    if (state.draining) response.shouldKeepAlive = false;
    if (state.draining && pathOf(request) !== '/api/health') {
      refuseWhileDraining(response);
      return true;
    }
    return runWithRequestContext({ requestId }, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
  } as typeof emit;
  if (gracefulShutdown) installSignalHandlers(state);
}

/** Registers background work to stop when the server drains; it runs beside the requests' drain, within the same deadline. */
export function onDrain(hook: () => Promise<void>): void {
  lifecycle()?.drainHooks.push(hook);
}

/** The path without its query string: queries are not logged (they may carry anything). */
function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function logWhenDone(request: IncomingMessage, response: ServerResponse, requestId: string, state: LifecycleState): void {
  const started = process.hrtime.bigint();
  state.inFlight.add(response);
  response.once('close', () => {
    state.inFlight.delete(response);
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
    const line = { requestId, method: request.method, path: pathOf(request), status: response.statusCode, durationMs };
    const log = logger();
    if (!response.writableFinished) log.warn({ ...line, aborted: true }, 'request aborted');
    else if (response.statusCode >= 500) log.error(line, 'request');
    else log.info(line, 'request');
    if (state.draining) state.onIdle?.();
  });
}

function refuseWhileDraining(response: ServerResponse): void {
  response.shouldKeepAlive = false;
  response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '5', connection: 'close' });
  response.end(JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message: 'The server is shutting down. Please try again.' }));
}

/**
 * Next.js's own handler (unless NEXT_MANUAL_SIG_HANDLE is set) closes the server and exits
 * 143 without a deadline and without closing the database; it was registered before this runs,
 * so it is replaced rather than raced.
 */
function installSignalHandlers(state: LifecycleState): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    if (!process.env.NEXT_MANUAL_SIG_HANDLE) process.removeAllListeners(signal);
    process.on(signal, () => void drain(state, signal));
  }
}

/**
 * Drains: from the signal on, every new request is answered 503 at once (health through its
 * route, which reports `reason: "draining"`, so a load balancer takes the instance out), idle
 * keep-alive connections are closed, and the requests already in flight run to their end. When
 * none is left, or after DRAIN_TIMEOUT_MS, the server closes, the database disconnects and the
 * process exits: 0 when everything in flight was answered, 1 when the deadline cut some off.
 */
async function drain(state: LifecycleState, signal: string): Promise<void> {
  if (state.draining) return;
  state.draining = true;
  for (const server of state.servers) server.closeIdleConnections();
  const log = logger();
  log.info({ signal, inFlight: state.inFlight.size }, 'shutting down: refusing new requests, finishing the ones in flight');
  for (const response of state.inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
  const hooksDone = Promise.allSettled(state.drainHooks.map((hook) => hook()));
  const finished = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS);
    state.onIdle = () => {
      for (const server of state.servers) server.closeIdleConnections();
      if (state.inFlight.size === 0) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    state.onIdle();
  });
  if (!finished) log.warn({ inFlight: state.inFlight.size, timeoutMs: DRAIN_TIMEOUT_MS }, 'requests still in flight at the deadline: stopping anyway');
  for (const server of state.servers) {
    server.close();
    server.closeAllConnections();
  }
  await Promise.race([hooksDone, new Promise((resolve) => setTimeout(resolve, DISCONNECT_TIMEOUT_MS).unref())]);
  // Closing a pool waits for connections still checked out: bounded, so the deadline holds.
  await Promise.race([
    disconnectDatabase().catch((error: unknown) => log.error({ err: error }, 'closing the database failed')),
    new Promise((resolve) => setTimeout(resolve, DISCONNECT_TIMEOUT_MS).unref()),
  ]);
  log.info({ signal, clean: finished }, 'stopped');
  log.flush();
  process.exit(finished ? 0 : 1);
}
