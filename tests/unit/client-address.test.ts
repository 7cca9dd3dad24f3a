import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, installPeerAddressStamp, normaliseClientAddress, UNKNOWN_CLIENT } from '@/lib/auth/client-address';
import { loadEnvironment } from '@/lib/env';

/**
 * The client address sign-in throttling counts by: the socket's peer, stamped on the request
 * by the server itself, and X-Forwarded-For only as far as TRUST_PROXY_HOPS trusts it. Real
 * HTTP on loopback: every 127.x address is this machine, so a request can come from 127.0.0.2.
 */

let server: http.Server;
let port: number;

/** What the server reads as the client with `hops` trusted proxies, for a request from `from`. */
function clientSeen({ from, hops, headers = {} }: { from: string; hops: number; headers?: Record<string, string> }): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, localAddress: from, path: `/?hops=${hops}`, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the client address', () => {
  it('is "unknown" for a header that claims a stamp the server never made', () => {
    expect(clientAddress(new Headers({ 'x-stockroom-peer': 'forged 10.1.2.3' }), 0)).toBe(UNKNOWN_CLIENT);
  });

  describe('behind the stamp', () => {
    beforeAll(async () => {
      installPeerAddressStamp();
      server = http.createServer((request, response) => {
        const hops = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('hops'));
        response.end(clientAddress(new Headers(request.headers as Record<string, string>), hops));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('is the socket peer, whatever X-Forwarded-For or a forged stamp claims, when no proxy is trusted', async () => {
      expect(await clientSeen({ from: '127.0.0.2', hops: 0 })).toBe('127.0.0.2');
      expect(await clientSeen({ from: '127.0.0.3', hops: 0, headers: { 'x-forwarded-for': '198.51.100.1' } })).toBe('127.0.0.3');
      expect(await clientSeen({ from: '127.0.0.3', hops: 0, headers: { 'x-stockroom-peer': 'forged 203.0.113.9' } })).toBe('127.0.0.3');
    });

    it('with TRUST_PROXY_HOPS=n is the address the n-th proxy from here saw; what the client wrote further left is ignored', async () => {
      // One proxy (the peer, 127.0.0.2) appended the client it saw: 203.0.113.5.
      expect(await clientSeen({ from: '127.0.0.2', hops: 1, headers: { 'x-forwarded-for': 'spoofed-by-client, 203.0.113.5' } })).toBe('203.0.113.5');
      // Two proxies: the outer saw 203.0.113.5 and the inner saw the outer, 10.0.0.4.
      expect(await clientSeen({ from: '127.0.0.2', hops: 2, headers: { 'x-forwarded-for': '1.1.1.1, 203.0.113.5, 10.0.0.4' } })).toBe('203.0.113.5');
      // Fewer entries than proxies: the leftmost there is, never something invented.
      expect(await clientSeen({ from: '127.0.0.2', hops: 3, headers: { 'x-forwarded-for': '203.0.113.5' } })).toBe('203.0.113.5');
    });
  });
});

describe('TRUST_PROXY_HOPS', () => {
  it('defaults to 0 and takes a small whole number, naming the variable otherwise', () => {
    expect(loadEnvironment({}).TRUST_PROXY_HOPS).toBe(0);
    expect(loadEnvironment({ TRUST_PROXY_HOPS: '2' }).TRUST_PROXY_HOPS).toBe(2);
    for (const value of ['-1', 'yes', '1.5', '100']) expect(() => loadEnvironment({ TRUST_PROXY_HOPS: value })).toThrow(/TRUST_PROXY_HOPS/);
  });

  it('ADMIN_PASSWORD over 72 bytes stops the start instead of being cut', () => {
    expect(() => loadEnvironment({ ADMIN_EMAIL: 'boss@shop.test', ADMIN_PASSWORD: 'é'.repeat(37) })).toThrow(/ADMIN_PASSWORD must be at most 72 bytes/);
  });

  it('counts an IPv6 client by its /64, which one host controls whole, and IPv4 by its address', () => {
    expect(normaliseClientAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(normaliseClientAddress('2001:DB8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(normaliseClientAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(normaliseClientAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(normaliseClientAddress('2001:db8:1:3::1')).not.toBe(normaliseClientAddress('2001:db8:1:2::1'));
    expect(normaliseClientAddress('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(normaliseClientAddress('203.0.113.7')).toBe('203.0.113.7');
  });
});
