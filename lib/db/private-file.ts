import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Files that hold the shop's data are readable by their owner only: 0600, in folders this
 * code creates as 0700. The ledger, user accounts and password hashes live in the SQLite file,
 * and on a shared machine the default umask (0644) would let every local user copy it.
 *
 * SQLite creates its -wal and -shm files with the mode of the database file, so creating
 * that file empty and private before SQLite opens it (an empty file is a new database) covers
 * all three. A file or folder that already exists keeps its mode: its owner chose it.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export function ensurePrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  if (existsSync(path)) return;
  // 'a' creates without truncating, so a file another process created meanwhile is left intact.
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}
