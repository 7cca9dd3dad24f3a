/**
 * The headers every HTML page carries (API.md, v1.1: "Every HTML page carries ..."), built
 * per request by proxy.ts, which hands the policy to Next on the request too: Next reads the
 * nonce from it and puts it on every script it renders (its CSP guide), which is why pages
 * render dynamically.
 *
 * Scripts: only those carrying this response's nonce, and what they load ('strict-dynamic'),
 * so an injected <script> or event-handler attribute does not run; no eval outside `next dev`.
 * Styles: the app's stylesheets come from this origin; the one <style> element written at run
 * time is sonner's (the toasts), which inserts an empty element and then fills it, so both
 * states are allowed by their exact hashes rather than by 'unsafe-inline'. Style attributes
 * (style-src-attr): the only ones in server-rendered HTML are Headless UI's visually hidden
 * helpers (`<span hidden style="position:fixed;...">`), allowed by the hashes of their two exact
 * values ('unsafe-hashes' is what lets a hash match an attribute); any other style attribute in
 * markup is refused. Styles React sets from script go through the CSSOM, which CSP does not
 * govern. A newer sonner or Headless UI writes other bytes: tests/unit/security-headers.test.ts
 * then fails with the hashes to use.
 */

/** sha256 of "" and of the stylesheet sonner 2.0.8 inserts. */
export const SONNER_STYLE_HASHES = ["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", "'sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY='"];

/** sha256 of the style attribute of Headless UI 2.2's Hidden, with and without `display:none`. */
export const HEADLESS_UI_HIDDEN_STYLE_HASHES = ["'sha256-CFWxk59hmWWhsVWNXy+t1albqTRppvlCMXFTDkd+1YA='", "'sha256-wufmRgHTnAZKW2ev4w01Mn5OPCFS2QU3vRSjSMs25Ys='"];

export function contentSecurityPolicy({ nonce, development = false, https = false }: { nonce: string; development?: boolean; https?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}' ${SONNER_STYLE_HASHES.join(' ')}`,
    `style-src-attr 'unsafe-hashes' ${HEADLESS_UI_HIDDEN_STYLE_HASHES.join(' ')}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (the demo on 127.0.0.1) this would send every resource to https and break the page.
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * The camera for this origin only (the barcode scanner); every other powerful feature off.
 * Only features Chromium knows are listed: an unknown one is logged as an error on every page.
 */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=()';

/** Two years, subdomains included: browsers honour it only when it arrives over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** Served over https: the URL itself, or the scheme a TLS-terminating proxy reports. */
export function isHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return url.protocol === 'https:' || forwarded === 'https';
}

/** A fresh nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
