import { isAbsolute, resolve } from 'node:path';

export type DatabaseEngine = 'sqlite' | 'postgresql';

export const DEFAULT_DATABASE_URL = 'file:./data/inventory.db';

/** The engine follows DATABASE_URL: `postgres://` or `postgresql://` is PostgreSQL, `file:` is SQLite. */
export function engineOf(url: string): DatabaseEngine {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error('DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL).');
}

/** A `file:` URL's path, resolved against the working directory (the project root). */
export function sqliteFilePath(url: string): string {
  const path = url.replace(/^file:(\/\/)?/, '').replace(/\?.*$/, '');
  // A data file chosen at run time, not code: the build must not trace the project for it.
  return isAbsolute(path) ? path : resolve(/* turbopackIgnore: true */ process.cwd(), path);
}
