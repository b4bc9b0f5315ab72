import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  coverageOf,
  noticedTables,
  WRITE_NOTICE_CHANNEL,
  WRITE_NOTICE_COVERAGE,
  WRITE_NOTICE_TRIGGER,
} from './write-notice-tables.ts';

type Pg = typeof import('pg').default;

export interface WriteNoticeTiming {
  /** First wait before connecting again after the listener was lost; doubled up to maxRetryMs. */
  retryMs: number;
  maxRetryMs: number;
  /**
   * How often the listener proves it is alive (a lost one is otherwise noticed by TCP) and that
   * every noticed table still has its trigger.
   */
  heartbeatMs: number;
  /** A round trip slower than this counts as a lost listener. */
  timeoutMs: number;
}

const TIMING: WriteNoticeTiming = {
  retryMs: 100,
  maxRetryMs: 5_000,
  heartbeatMs: 10_000,
  timeoutMs: 5_000,
};

/**
 * PostgreSQL's write marks: values that change whenever anything is written to the database, so
 * caches of what readers see check them instead of the database (SQLite has data_version).
 *
 * One dedicated connection per store LISTENs to the notices the write triggers send at every
 * commit (write-notice-triggers.ts) and counts them; this process's own commits are counted at
 * once by the store's driver (write-notices-dialect.ts, `ownWrite`), without waiting for their
 * notice. The listener is connected on the first use of a mark, so commands that never cache
 * never open it. While it is not connected (not yet, lost, or reconnecting with backoff) there
 * is no mark (`undefined`): caches then read the database on every request, as without marks.
 * Each (re)connection moves the mark, since notices sent while it was away are lost.
 */
export class WriteNotices {
  /** How the listener shows in pg_stat_activity: one name per process and store. */
  readonly applicationName = `sousei write notices ${randomUUID().slice(0, 8)}`;
  #own = 0;
  #notices = 0;
  /** Moves with every (re)connection and every return of a table's trigger: notices were lost. */
  #epoch = 0;
  #client: pg.Client | undefined;
  #schema: string | null = null;
  #connected = false;
  #covered = false;
  #started = false;
  #closed = false;
  #retryMs: number;
  #heartbeat: NodeJS.Timeout | undefined;
  #retry: NodeJS.Timeout | undefined;
  #trip: Promise<boolean> | undefined;
  #nextTrip: Promise<boolean> | undefined;

  constructor(
    private readonly pg: Pg,
    private readonly connectionString: string,
    private readonly timing: WriteNoticeTiming = TIMING,
  ) {
    this.#retryMs = timing.retryMs;
  }

  /** Called by the driver after each of this process's writes and commits. */
  ownWrite(): void {
    this.#own++;
  }

  /**
   * For caches of what the public sees: every commit of this process so far, and every other
   * commit whose notice has arrived (milliseconds after it; docs/operations.md). Undefined while
   * the listener is not connected.
   */
  mark(): string | undefined {
    this.#start();
    return this.listening ? `${this.#epoch}:${this.#notices}:${this.#own}` : undefined;
  }

  /**
   * For sessions: every commit that had finished, in any process, when this was called.
   * PostgreSQL sends a listening session every notice committed before a query of its before
   * that query's answer (pending notices go out ahead of ReadyForQuery), and the writer's
   * notice is queued before its COMMIT returns. So after one round trip on the listener that
   * left after this call, every commit that finished before it has been counted: the same
   * promise as SQLite's data_version, read on every call. Concurrent calls share round trips
   * (one in flight, the calls made meanwhile wait for the next), so the cost does not grow
   * with the requests.
   */
  async strictMark(): Promise<string | undefined> {
    this.#start();
    if (!this.listening) return undefined;
    return (await this.#roundTripAfterNow()) ? this.mark() : undefined;
  }

  /**
   * Whether there are marks: the listener is connected and listening, and every noticed table
   * of the schema has its trigger (a table without one would change unannounced).
   */
  get listening(): boolean {
    return this.#connected && this.#covered;
  }

  /**
   * Checks now that the listener answers and every noticed table still has its trigger (the
   * heartbeat does so every heartbeatMs). A missing trigger turns the marks off until it is
   * back (the next start adds it), then moves them.
   */
  async verify(): Promise<boolean> {
    const client = this.#client;
    if (!client || !this.#connected) return false;
    const coverage = await this.#timed(
      client,
      client.query(WRITE_NOTICE_COVERAGE, [noticedTables(), WRITE_NOTICE_TRIGGER]),
    );
    if (!coverage || this.#client !== client) return false;
    const { missing, citus } = coverageOf(coverage.rows);
    const covered = !citus && missing.length === 0;
    if (covered && !this.#covered) this.#epoch++;
    this.#covered = covered;
    return covered;
  }

  /** Ends the listener for good (store.close). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#connected = false;
    clearInterval(this.#heartbeat);
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  #start(): void {
    if (this.#started || this.#closed) return;
    this.#started = true;
    this.#heartbeat = setInterval(() => void this.verify(), this.timing.heartbeatMs).unref();
    void this.#connect();
  }

  async #connect(): Promise<void> {
    let client: pg.Client;
    try {
      client = new this.pg.Client({
        connectionString: this.connectionString,
        application_name: this.applicationName,
        keepAlive: true,
      });
    } catch {
      this.#retryLater(); // the pool reports what is wrong with the address
      return;
    }
    this.#client = client;
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    client.on('notification', (notice) => {
      if (notice.channel !== WRITE_NOTICE_CHANNEL) return;
      if (this.#schema === null || notice.payload === this.#schema) this.#notices++;
    });
    try {
      await client.connect();
      const { rows } = await client.query<{ schema: string | null }>(
        'select current_schema() as schema',
      );
      this.#schema = rows[0]?.schema ?? null;
      await client.query(`listen ${WRITE_NOTICE_CHANNEL}`);
    } catch {
      this.#lost(client);
      return;
    }
    if (this.#client !== client) return; // lost or closed meanwhile
    // Listening from here on; what was committed before is read afresh under the new mark.
    this.#epoch++;
    this.#connected = true;
    this.#covered = false;
    this.#retryMs = this.timing.retryMs;
    await this.verify();
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    this.#connected = false;
    client.end().catch(() => {});
    this.#retryLater();
  }

  #retryLater(): void {
    if (this.#closed) return;
    this.#retry = setTimeout(() => void this.#connect(), this.#retryMs).unref();
    this.#retryMs = Math.min(this.#retryMs * 2, this.timing.maxRetryMs);
  }

  /** `query`'s answer, or undefined (and the listener counted as lost) if late or failed. */
  async #timed<T>(client: pg.Client, query: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.timing.timeoutMs).unref();
    });
    const answer = await Promise.race([query.catch(() => undefined), late]);
    clearTimeout(timer);
    if (answer === undefined) this.#lost(client);
    return answer;
  }

  /** A round trip on the listener that leaves after this call; false when it failed. */
  #roundTripAfterNow(): Promise<boolean> {
    const inFlight = this.#trip;
    if (!inFlight) return this.#roundTrip();
    // The one in flight may have left before this call: wait for the next.
    this.#nextTrip ??= inFlight.then(() => {
      this.#nextTrip = undefined;
      return this.#roundTrip();
    });
    return this.#nextTrip;
  }

  #roundTrip(): Promise<boolean> {
    const client = this.#client;
    if (!client || !this.listening) return Promise.resolve(false);
    const trip = this.#timed(client, client.query('select 1')).then((answer) => {
      if (this.#trip === trip) this.#trip = undefined;
      return answer !== undefined && this.#client === client;
    });
    this.#trip = trip;
    return trip;
  }
}

const byDatabase = new WeakMap<object, WriteNotices>();

/** Remembers the listener behind a database (database.ts), for tests and diagnostics. */
export function registerWriteNotices(db: object, notices: WriteNotices): void {
  byDatabase.set(db, notices);
}

/** The listener behind a PostgreSQL database; undefined on SQLite. */
export function writeNoticesOf(db: object): WriteNotices | undefined {
  return byDatabase.get(db);
}
