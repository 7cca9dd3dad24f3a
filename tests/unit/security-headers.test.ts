import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { contentSecurityPolicy, createNonce, HEADLESS_UI_HIDDEN_STYLE_HASHES, isHttps, SONNER_STYLE_HASHES } from '@/lib/http/security-headers';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directives = (policy: string) => new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

describe('the page security headers', () => {
  it('scripts run by nonce only, nothing can frame or re-base the page, no plugins, no eval in production', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123' }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(directives(contentSecurityPolicy({ nonce: 'n', development: true })).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ nonce: 'n', https: true })).has('upgrade-insecure-requests')).toBe(true);
  });

  it('the sonner stylesheet hash matches the installed sonner (update SONNER_STYLE_HASHES when it changes)', () => {
    const source = readFileSync(join(process.cwd(), 'node_modules/sonner/dist/index.mjs'), 'utf8');
    const line = source.split('\n').find((candidate) => candidate.startsWith('__insertCSS("'));
    expect(line, 'sonner no longer inserts its stylesheet this way: check the toasts under the CSP').toBeDefined();
    const css = JSON.parse((line as string).slice('__insertCSS('.length, (line as string).lastIndexOf(')'))) as string;
    expect(SONNER_STYLE_HASHES).toEqual([hash(''), hash(css)]);
  });

  it('style attributes: only the exact ones Headless UI renders for its hidden helpers (update the hashes when it changes)', async () => {
    // Internal to Headless UI (not in its exports map), so loaded by path.
    const internal = (await import(join(process.cwd(), 'node_modules/@headlessui/react/dist/internal/hidden.js'))) as {
      Hidden: ComponentType<{ features: number }>;
      HiddenFeatures: Record<'Hidden' | 'Focusable', number>;
    };
    const styleOf = (features: number) => /style="([^"]*)"/.exec(renderToStaticMarkup(createElement(internal.Hidden, { features })))?.[1] ?? '';
    expect(HEADLESS_UI_HIDDEN_STYLE_HASHES).toEqual([hash(styleOf(internal.HiddenFeatures.Hidden)), hash(styleOf(internal.HiddenFeatures.Focusable))]);
    expect(directives(contentSecurityPolicy({ nonce: 'n' })).get('style-src-attr')).toEqual(["'unsafe-hashes'", ...HEADLESS_UI_HIDDEN_STYLE_HASHES]);
  });

  it('a nonce is fresh each time and 128 bits of base64', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });

  it('https is the URL scheme or the first X-Forwarded-Proto', () => {
    expect(isHttps(new URL('https://shop.example/'), new Headers())).toBe(true);
    expect(isHttps(new URL('http://127.0.0.1:3000/'), new Headers({ 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(isHttps(new URL('http://127.0.0.1:3000/'), new Headers({ 'x-forwarded-proto': 'http' }))).toBe(false);
    expect(isHttps(new URL('http://127.0.0.1:3000/'), new Headers())).toBe(false);
  });
});
