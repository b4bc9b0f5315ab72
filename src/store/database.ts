import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import { SouseiError } from '../core/errors.ts';
import type { DB } from './schema.ts';
import { cacheStatements } from './statement-cache.ts';
import { registerWriteNotices, WriteNotices } from './write-notices.ts';
import { NoticingKysely } from './write-notices-dialect.ts';

/** pg takes longer to load than a CLI command on SQLite takes to run: loaded only when used. */
const loadPg = () => createRequire(import.meta.url)('pg') as typeof import('pg').default;

/**
 * The one place where SQLite and PostgreSQL differ (a Kysely dialect each). Everything else,
 * queries and migrations included, is shared. `DATABASE_URL` picks the database:
 * `postgres://…` / `postgresql://…` for PostgreSQL, `sqlite:PATH` or a plain path for SQLite.
 */
export type DialectName = 'sqlite' | 'postgres';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/sousei.db';

export type DatabaseTarget =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgres'; connectionString: string };

export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  const value = url?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(value)) return { dialect: 'postgres', connectionString: value };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^sqlite:/i.test(value)) {
    throw new SouseiError('usage', 'database.unsupported-url', {
      url: value.replace(/\/\/[^@]*@/, '//…@'),
    });
  }
  const path = value.replace(/^sqlite:(\/\/)?/i, '');
  return { dialect: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
}

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Where the data lives, without credentials, for messages. */
  describe: string;
  /** Strict write mark: see `WriteMarks`. */
  writeMark?: WriteMarks['writeMark'];
  /** Write mark for the public's caches: see `WriteMarks`. */
  turnWriteMark?: WriteMarks['turnWriteMark'];
}

/**
 * Values that change whenever anything is written to the database, by this process or another,
 * known without reading a table: caches check one before a query. `undefined` means there is no
 * mark just now (PostgreSQL while its listener is not connected): read the database.
 */
export interface WriteMarks {
  /**
   * Strict, for sessions: reflects every commit that had finished, in any process, when it was
   * called (SQLite: data_version; PostgreSQL: one shared round trip on the listener).
   */
  writeMark: () => Promise<string | undefined>;
  /**
   * For the public's page cache: this process's own writes at once; another process's commit
   * from the next turn of the event loop on (SQLite) or once its notice has arrived, a few
   * milliseconds after it (PostgreSQL, docs/operations.md).
   */
  turnWriteMark: () => string | undefined;
}

/** Opens the database named by `url`; only the store (src/store/store.ts) calls this. */
export function openDatabase(url: string | undefined): Database {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const database = new SQLite(target.path);
    // WAL lets the web server read while an import writes; foreign keys are off by default.
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: cacheStatements(database) }),
    });
    return { db, dialect: 'sqlite', describe: target.path, ...sqliteWriteMarks(database) };
  }
  const pg = loadPg();
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: 10,
    // int8 (bigint) comes back as a string by default; yen amounts are safe integers.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // The listener connects on the first use of a mark and ends with db.destroy().
  const notices = new WriteNotices(pg, target.connectionString);
  const db = new NoticingKysely<DB>({ dialect: new PostgresDialect({ pool }) }, notices);
  registerWriteNotices(db, notices);
  const describe = target.connectionString.replace(/\/\/[^@]*@/, '//…@');
  return {
    db,
    dialect: 'postgres',
    describe,
    writeMark: () => notices.strictMark(),
    turnWriteMark: () => notices.mark(),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: works on any schema.
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** An auto-numbered primary key column's type, the only DDL the dialects disagree on here. */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema.
export function serialType(db: Kysely<any>): 'serial' | 'integer' {
  return dialectOf(db) === 'postgres' ? 'serial' : 'integer';
}

/**
 * Values that change whenever anything is written to the database: total_changes() counts the
 * rows this connection wrote, data_version changes with every commit of another connection or
 * process. Reading data_version takes the WAL's read lock: under load about a quarter of the
 * cost of answering a cached public page (docs/performance.md). `writeMark` reads it on every
 * call (sessions: a disabled account is signed out on its next request, whichever process
 * disabled it). `turnWriteMark` reads it once per turn of the event loop, shared by the requests
 * of that turn, so another process's commit shows from the next turn on, as if those requests
 * had come a moment earlier; this process's own writes show at once (total_changes is read on
 * every call: it is cheap).
 */
function sqliteWriteMarks(database: SQLite.Database): WriteMarks {
  const changes = database.prepare('select total_changes()').pluck();
  const dataVersion = database.prepare('pragma data_version').pluck();
  let thisTurn: string | undefined;
  const otherCommitsThisTurn = () => {
    if (thisTurn === undefined) {
      thisTurn = String(dataVersion.get());
      setImmediate(() => {
        thisTurn = undefined;
      });
    }
    return thisTurn;
  };
  return {
    writeMark: async () => `${changes.get()}:${dataVersion.get()}`,
    turnWriteMark: () => `${changes.get()}:${otherCommitsThisTurn()}`,
  };
}
