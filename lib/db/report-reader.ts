import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { databaseUrl } from './client';
import { engineOf, sqliteFilePath, type DatabaseEngine } from './engine';

type ReadConnection = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;
type ArgValue = number | string | Date;
type ScalarType = 'int' | 'string' | 'datetime';

const globalForReports = globalThis as unknown as { stockroomReportReader?: { url: string; connection: Promise<ReadConnection> } };

/**
 * Reports read through the driver adapter itself, not the Prisma client: rows come back as
 * plain arrays, and a process that only runs reports never loads the client's query compiler.
 * Measured on 1,000,000 movements, the client's $queryRaw (which turns every row into a typed
 * object and back) let the heap reach 139 MB, the adapter 28 MB. Its own connection also means
 * a long export never waits in line behind, or holds up, the app's transactions (SQLite in WAL
 * mode reads beside a writer).
 */
function connection(): { engine: DatabaseEngine; connection: Promise<ReadConnection> } {
  const url = databaseUrl();
  const engine = engineOf(url);
  const current = globalForReports.stockroomReportReader;
  if (current?.url === url) return { engine, connection: current.connection };
  const factory = engine === 'postgresql' ? new PrismaPg({ connectionString: url, max: 2 }) : new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 5_000 });
  const opened: Promise<ReadConnection> = factory.connect();
  globalForReports.stockroomReportReader = { url, connection: opened };
  void current?.connection.then((old) => old.dispose()).catch(() => undefined);
  return { engine, connection: opened };
}

/** Collects a query's arguments and writes each one's placeholder in the engine's dialect. */
export class SqlArguments {
  readonly values: ArgValue[] = [];
  private readonly types: ScalarType[] = [];

  constructor(private readonly engine: DatabaseEngine) {}

  add(value: ArgValue, scalarType: ScalarType): string {
    this.values.push(value);
    this.types.push(scalarType);
    return this.engine === 'postgresql' ? `$${this.values.length}` : '?';
  }

  get argTypes() {
    return this.types.map((scalarType) => ({ scalarType, arity: 'scalar' as const }));
  }
}

export interface ReportReader {
  /** Builds the SQL with `args.add(value, type)` for each parameter, in the order the placeholders appear (SQLite's are positional), then runs it. */
  query(build: (args: SqlArguments) => string): Promise<unknown[][]>;
}

/** The report connection for DATABASE_URL, opened once per process. */
export async function reportReader(): Promise<ReportReader> {
  const { engine, connection: opened } = connection();
  const reader = await opened;
  return {
    async query(build) {
      const args = new SqlArguments(engine);
      const sql = build(args);
      const { rows } = await reader.queryRaw({ sql, args: args.values, argTypes: args.argTypes });
      return rows;
    },
  };
}

/** Closes the report connection, so that a command-line process ends as soon as its work does. */
export async function disconnectReportReader(): Promise<void> {
  const current = globalForReports.stockroomReportReader;
  globalForReports.stockroomReportReader = undefined;
  await current?.connection.then((reader) => reader.dispose());
}
