import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { environment } from '@/lib/env';

/**
 * Where a webhook may send (SSRF): `https` to public addresses only, unless
 * WEBHOOK_ALLOW_HTTP / WEBHOOK_ALLOW_PRIVATE say otherwise (tests, intranets). The URL is
 * checked when the webhook is saved, and the name is resolved and checked again before every
 * attempt, the request then going to the address that was checked (a name that resolves to
 * a public address when saved and to 127.0.0.1 later is refused then).
 */
export interface DestinationPolicy {
  allowHttp: boolean;
  allowPrivate: boolean;
}

export function destinationPolicy(): DestinationPolicy {
  const env = environment();
  return { allowHttp: env.WEBHOOK_ALLOW_HTTP, allowPrivate: env.WEBHOOK_ALLOW_PRIVATE };
}

/** Loopback, private, link-local, shared, documentation, multicast and reserved ranges, and IPv6 forms that embed an IPv4 address. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Why a URL may not be a webhook's destination, or null when it may (before name resolution). */
export function refuseDestinationUrl(raw: string, policy: DestinationPolicy = destinationPolicy()): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full URL, such as https://example.com/hooks/stockroom';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    return policy.allowHttp ? 'The URL must start with https:// or http://' : 'The URL must start with https://';
  }
  if (url.username || url.password) return 'The URL must not carry a user name or password';
  if (policy.allowPrivate) return null;
  // "localhost." is "localhost": a trailing dot only says the name is absolute.
  const host = hostOf(url).toLowerCase().replace(/\.+$/, '');
  if (isIP(host) !== 0) return isPublicAddress(host) ? null : 'The URL must point to a public address, not a private or local one';
  if (host === 'localhost' || /\.(localhost|local|internal|home\.arpa)$/.test(host) || !host.includes('.')) {
    return 'The URL must point to a public host name, not a local one';
  }
  return null;
}

export class DestinationRefused extends Error {
  override readonly name = 'DestinationRefused';
}

/**
 * Resolves the destination's name and checks every address it resolves to; answers the
 * address to connect to. Throws DestinationRefused for a refused URL or address.
 */
export async function resolveDestination(raw: string, policy: DestinationPolicy = destinationPolicy()): Promise<{ address: string; family: 4 | 6 }> {
  const refusal = refuseDestinationUrl(raw, policy);
  if (refusal) throw new DestinationRefused(refusal);
  const host = hostOf(new URL(raw));
  const family = isIP(host);
  const addresses = family !== 0 ? [{ address: host, family }] : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw new DestinationRefused(`${host} resolves to no address`);
  if (!policy.allowPrivate) {
    const local = addresses.find(({ address }) => !isPublicAddress(address));
    if (local) throw new DestinationRefused(`${host} resolves to ${local.address}, a private or local address`);
  }
  const chosen = addresses[0]!;
  return { address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}
