import { databaseEngine } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/sqlite/client';

export type JsonColumnType = 'int' | 'bigint' | 'text' | 'movementType' | 'timestamp';

export type JsonColumns = ReadonlyArray<readonly [name: string, type: JsonColumnType]>;

/**
 * Rows for a multi-row statement as ONE bound parameter: a JSON array of arrays, unpacked by
 * the database (`json_each` on SQLite, `json_array_elements ... WITH ORDINALITY` on
 * PostgreSQL) into a subquery with the named, typed columns plus "position" (0, 1, ... in the
 * order given). Use it as a FROM item: `FROM ${jsonRows(...)} AS "r"`.
 *
 * Why not a VALUES list: with one bound parameter per cell, Prisma's parameter handling, the
 * SQLite adapter's per-argument mapping and the parse of a statement of thousands of
 * placeholders (each prepared anew: the adapter keeps no statement cache) cost about 1 µs a
 * cell; a 1000-movement batch binds some 14,000 cells. Here the statement text is the same
 * whatever the number of rows.
 *
 * Values travel as JSON can carry them exactly: a BIGINT as a decimal string (it may pass
 * 2^53), a timestamp as the ISO string SQLite's adapter writes (`+00:00`) and as UTC on
 * PostgreSQL's TIMESTAMP(3). Text is a JSON string; application text never holds a lone
 * surrogate or a NUL (lib/plain-text.ts refuses them), which JSON could not round-trip.
 */
export function jsonRows(columns: JsonColumns, rows: ReadonlyArray<ReadonlyArray<number | bigint | string | Date | null>>): Prisma.Sql {
  const isoOf = new Map<number, string>();
  const encode = (value: number | bigint | string | Date | null) => {
    if (typeof value === 'bigint') return value.toString();
    if (!(value instanceof Date)) return value;
    const ms = value.getTime();
    let iso = isoOf.get(ms);
    if (iso === undefined) {
      iso = value.toISOString().replace('Z', '+00:00');
      isoOf.set(ms, iso);
    }
    return iso;
  };
  const json = JSON.stringify(rows.map((row) => row.map(encode)));
  if (databaseEngine() === 'postgresql') {
    const cells = columns.map(([name, type], index) => Prisma.raw(`${postgresCell(`r.e ->> ${index}`, type)} AS "${name}"`));
    return Prisma.sql`(SELECT r.position - 1 AS "position", ${Prisma.join(cells)} FROM json_array_elements(${json}::json) WITH ORDINALITY AS r(e, position))`;
  }
  const cells = columns.map(([name, type], index) => Prisma.raw(`${type === 'bigint' ? `CAST("value" ->> ${index} AS INTEGER)` : `"value" ->> ${index}`} AS "${name}"`));
  return Prisma.sql`(SELECT "key" AS "position", ${Prisma.join(cells)} FROM json_each(${json}))`;
}

function postgresCell(text: string, type: JsonColumnType): string {
  switch (type) {
    case 'int':
      return `(${text})::int`;
    case 'bigint':
      return `(${text})::bigint`;
    case 'text':
      return text;
    case 'movementType':
      return `(${text})::"MovementType"`;
    case 'timestamp':
      return `(${text})::timestamptz AT TIME ZONE 'UTC'`;
  }
}
