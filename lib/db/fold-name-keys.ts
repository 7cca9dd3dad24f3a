import { nameKey } from '../name-key';
import type { DataStep, DataStatement } from './migrate';

/**
 * The data step of migration 20261207100000_name_keys: computes every category's and
 * supplier's name key in JavaScript (lib/name-key.ts), since neither engine's SQL can fold
 * beyond ASCII alike. Run by the migration runner inside that migration's transaction.
 *
 * The new rule can reveal duplicates the old one allowed ("Épicerie" beside "ÉPICERIE" on
 * SQLite, or the same word in NFC and NFD on either engine). The oldest live row keeps its
 * name; a later live one is renamed "<name> (2)", "(3)", ... so that the unique index holds
 * and nothing is lost, and each rename is reported on stderr. Deleted rows keep their names:
 * uniqueness is among live rows only.
 */

const NAME_MAX = 100;

const TABLES = [
  { table: 'categories', noun: 'Category' },
  { table: 'suppliers', noun: 'Supplier' },
] as const;

interface Row {
  id: number | bigint;
  name: string;
  name_key: string;
  deleted_at: unknown;
}

export interface NameKeyChange {
  id: number;
  name: string;
  key: string;
  renamedFrom?: string;
}

/**
 * The final name and key of every row whose key or name changes. Every live row whose folded
 * name is still free keeps it, oldest first; only then are the later duplicates renamed, to
 * the first "(n)" no live row holds, so a rename never takes a name some row already has.
 */
export function planNameKeys(rows: Array<{ id: number; name: string; key: string; live: boolean }>): NameKeyChange[] {
  const taken = new Set<string>();
  const final = new Map<number, { name: string; key: string }>();
  const duplicates: typeof rows = [];
  const byId = [...rows].sort((a, b) => a.id - b.id);
  for (const row of byId) {
    const key = nameKey(row.name);
    if (!row.live) final.set(row.id, { name: row.name, key });
    else if (taken.has(key)) duplicates.push(row);
    else {
      taken.add(key);
      final.set(row.id, { name: row.name, key });
    }
  }
  for (const row of duplicates) {
    let name = row.name;
    let key = nameKey(name);
    for (let copy = 2; taken.has(key); copy += 1) {
      const suffix = ` (${copy})`;
      name = `${[...row.name].slice(0, NAME_MAX - suffix.length).join('').trimEnd()}${suffix}`;
      key = nameKey(name);
    }
    taken.add(key);
    final.set(row.id, { name, key });
  }
  return byId.flatMap((row) => {
    const { name, key } = final.get(row.id) as { name: string; key: string };
    if (key === row.key && name === row.name) return [];
    return [{ id: row.id, name, key, ...(name !== row.name ? { renamedFrom: row.name } : {}) }];
  });
}

export const foldNameKeys: DataStep = {
  queries: TABLES.map(({ table }) => `SELECT "id", "name", "name_key", "deleted_at" FROM "${table}"`),
  statements(results) {
    return TABLES.flatMap(({ table, noun }, index) => {
      const rows = (results[index] ?? []) as Row[];
      const changes = planNameKeys(rows.map((row) => ({ id: Number(row.id), name: row.name, key: row.name_key, live: row.deleted_at === null })));
      for (const change of changes) {
        if (change.renamedFrom === undefined) continue;
        console.warn(`${noun} ${change.id} "${change.renamedFrom}" renamed "${change.name}": its name now counts as a duplicate of an older one (Unicode NFC and case folding).`);
      }
      // The changing rows are parked on keys no name can have (control characters are refused
      // in names) first, so that no update meets a key another row still holds until its turn.
      const park: DataStatement[] = changes.map((change) => ({ sql: `UPDATE "${table}" SET "name_key" = ? WHERE "id" = ?`, parameters: [`\u0001${change.id}`, change.id] }));
      const settle: DataStatement[] = changes.map((change) => ({ sql: `UPDATE "${table}" SET "name" = ?, "name_key" = ? WHERE "id" = ?`, parameters: [change.name, change.key, change.id] }));
      return [...park, ...settle];
    });
  },
};
