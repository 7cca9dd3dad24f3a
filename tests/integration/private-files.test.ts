import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrl, db, disconnectDatabase } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { runExport } from '@/lib/inventory/reports/run-export';

/**
 * The data at rest is readable by its owner only (issue 10): the SQLite file and its -wal and
 * -shm files 0600, the folders this code creates 0700, export files 0600. Modes are checked
 * with the usual umask of 022, under which a file would otherwise be 0644 (world-readable).
 */
const mode = (path: string) => statSync(path).mode & 0o777;
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stockroom-modes-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const previousUmask = process.umask(0o022);
cleanups.push(() => void process.umask(previousUmask));

// A `file:` URL is SQLite whichever engine this run tests, so both projects check it.
describe('the SQLite files are private', () => {
  it('migrate creates the folder 0700 and the database 0600; the -wal and -shm files a writer opens are 0600 too', async () => {
    const folder = join(scratch(), 'data', 'nested');
    const file = join(folder, 'inventory.db');
    await migrate({ url: `file:${file}` });
    expect(mode(join(folder, '..'))).toBe(0o700);
    expect(mode(folder)).toBe(0o700);
    expect(mode(file)).toBe(0o600);

    const writer = new Sqlite(file);
    try {
      writer.prepare(`INSERT INTO "categories" ("name", "name_key", "created_at", "updated_at") VALUES ('Tea', 'tea', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`).run();
      const companions = readdirSync(folder).filter((name) => name !== 'inventory.db');
      expect(companions.sort()).toEqual(['inventory.db-shm', 'inventory.db-wal']);
      for (const name of companions) expect(mode(join(folder, name)), name).toBe(0o600);
    } finally {
      writer.close();
    }
  });

  it('the application client creates a missing database file 0600 as well', async () => {
    const file = join(scratch(), 'client', 'app.db');
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${file}`;
    try {
      expect(databaseUrl()).toBe(`file:${file}`);
      await db().$queryRawUnsafe('CREATE TABLE "probe" ("id" INTEGER PRIMARY KEY)');
      expect(mode(file)).toBe(0o600);
      expect(mode(join(file, '..'))).toBe(0o700);
      for (const name of ['app.db-wal', 'app.db-shm'].filter((candidate) => existsSync(join(file, '..', candidate)))) expect(mode(join(file, '..', name)), name).toBe(0o600);
    } finally {
      await disconnectDatabase();
      process.env.DATABASE_URL = previous;
    }
  });
});

describe('export files are private', () => {
  it('the export folder is created 0700 and every file written into it is 0600', async () => {
    const folder = join(scratch(), 'exports', 'scheduled');
    const records = await runExport({ exportDir: folder, actorId: null });
    expect(records).toHaveLength(4);
    expect(mode(folder)).toBe(0o700);
    expect(mode(join(folder, '..'))).toBe(0o700);
    for (const record of records) expect(mode(join(folder, record.fileName)), record.fileName).toBe(0o600);
  });
});
