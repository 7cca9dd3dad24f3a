/**
 * Where to go after signing in: only a path of this app. Anything else (another origin, a
 * protocol-relative `//evil.test`, a backslash trick `/\evil.test`, a non-string from a
 * repeated query parameter) becomes the dashboard.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters (a tab or newline inside "//") are stripped by URL parsers: refuse them.
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  return value;
}
