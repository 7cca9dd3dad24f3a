import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIPv6 } from 'node:net';
import { environment } from '@/lib/env';

/**
 * The address of the client a request came from, for sign-in throttling.
 *
 * Next.js gives route handlers, server actions and Auth.js only the request's headers, never
 * its socket, and `next start` sets `X-Forwarded-For` from the socket only when the client
 * sent none (so a client picks its own). So the server stamps every request, before Next.js
 * reads it, with a header of its own carrying the socket's peer address; any copy a client
 * sends is overwritten. The stamp carries a random value made when the server starts, so a
 * request that arrived before the stamping was installed (or a process that never installed
 * it) cannot pass a forged one off as genuine.
 */
const PEER_HEADER = 'x-stockroom-peer';
const STATE = Symbol.for('stockroom.peerAddressStamp');

interface StampState {
  nonce: string;
}

type GlobalWithStamp = typeof globalThis & { [STATE]?: StampState };

/** Where requests whose peer is unknown are counted: all together, which fails safe. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * Patches the HTTP server's request event once per process. Called from instrumentation.ts,
 * which runs in the server process before it serves pages; the patch is on the prototype, so
 * the server created before it is covered too.
 */
export function installPeerAddressStamp(): void {
  const global = globalThis as GlobalWithStamp;
  if (global[STATE]) return;
  const state: StampState = { nonce: randomBytes(18).toString('base64url') };
  // https.Server does not inherit from http.Server: a server started over TLS needs its own patch.
  for (const prototype of [http.Server.prototype, https.Server.prototype]) {
    const emit = prototype.emit;
    prototype.emit = function stampedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'request') {
        const request = args[0] as IncomingMessage;
        request.headers[PEER_HEADER] = `${state.nonce} ${request.socket.remoteAddress ?? ''}`;
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
  }
  global[STATE] = state;
}

/**
 * One key per client. `::ffff:127.0.0.2` is IPv4's 127.0.0.2 on a dual-stack socket. An IPv6
 * host is given a whole /64 and can pick a new address for every attempt, so IPv6 addresses
 * are counted by their /64 prefix.
 */
export function normaliseClientAddress(address: string): string {
  const trimmed = address.trim().toLowerCase().replace(/%.*$/, '');
  if (trimmed.startsWith('::ffff:') && trimmed.includes('.')) return trimmed.slice('::ffff:'.length);
  if (!isIPv6(trimmed)) return trimmed;
  const [head = '', tail] = trimmed.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const before = groups(head);
  const after = groups(tail);
  const full = tail === undefined ? before : [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return `${full
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

function stampedPeer(headers: Headers): string | undefined {
  const nonce = (globalThis as GlobalWithStamp)[STATE]?.nonce;
  const [presented, address] = (headers.get(PEER_HEADER) ?? '').split(' ');
  return nonce && presented === nonce && address ? normaliseClientAddress(address) : undefined;
}

let warned = false;

/**
 * The client's address: the socket's peer, or with `trustProxyHops = n` the address the
 * outermost of n proxies saw. Each proxy appends the address it was connected from, so after
 * the peer (the nearest proxy) the client is n entries further left in X-Forwarded-For;
 * anything left of that was written by the client and is ignored.
 */
export function clientAddress(headers: Headers, trustProxyHops: number): string {
  const peer = stampedPeer(headers);
  if (!peer) {
    if (!warned) {
      warned = true;
      console.warn('[auth] A request without the server-stamped peer address: its sign-in attempts are counted under one shared "unknown" client.');
    }
    return UNKNOWN_CLIENT;
  }
  if (trustProxyHops === 0) return peer;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return normaliseClientAddress(chain[Math.max(0, chain.length - 1 - trustProxyHops)] ?? peer);
}

/** The client of a request to this server, as its environment (TRUST_PROXY_HOPS) says to read it. */
export function requestClient(headers: Headers): string {
  return clientAddress(headers, environment().TRUST_PROXY_HOPS);
}
