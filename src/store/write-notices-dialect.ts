import {
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type KyselyConfig,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryCompiler,
  type QueryResult,
  type RootOperationNode,
  type TransactionSettings,
  type UnknownRow,
} from 'kysely';
import type { WriteNotices } from './write-notices.ts';

/**
 * A database whose destroy (store.close) also ends its write-notice listener, so servers,
 * commands and tests exit; Kysely destroys its driver only if it ever connected, while the
 * listener may have been started by a mark alone.
 */
export class NoticingKysely<DB> extends Kysely<DB> {
  readonly #notices: WriteNotices;

  constructor(config: KyselyConfig, notices: WriteNotices) {
    super({
      ...config,
      dialect: noticingDialect(config.dialect, notices),
      plugins: [...(config.plugins ?? []), ownWritesPlugin(notices)],
    });
    this.#notices = notices;
  }

  override async destroy(): Promise<void> {
    await this.#notices.close();
    await super.destroy();
  }
}

/**
 * Read-your-writes on PostgreSQL: this process's own writes move its write mark as soon as they
 * are done, not a notice's round trip later (write-notices.ts). `dialect` is PostgreSQL's
 * Kysely dialect; its driver moves the mark after each commit, ownWritesPlugin after each
 * other statement that may write.
 */
export function noticingDialect(dialect: Dialect, notices: WriteNotices): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new NoticingDriver(dialect.createDriver(), notices),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

/**
 * Moves the mark after every statement that may write, once it is done: anything but a SELECT
 * (a data-modifying WITH counts as a write, and so does a query compiled elsewhere, which this
 * plugin never saw). Inside a transaction this moves it before the commit too, which only makes
 * a cache read once more; the commit moves it again (NoticingDriver), after which every read
 * sees the change.
 */
export function ownWritesPlugin(notices: WriteNotices): KyselyPlugin {
  const reads = new WeakSet<object>();
  return {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      if (!mayWrite(node)) reads.add(queryId);
      return node;
    },
    async transformResult({
      queryId,
      result,
    }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (!reads.has(queryId)) notices.ownWrite();
      return result;
    },
  };
}

function mayWrite(node: RootOperationNode): boolean {
  if (node.kind === 'SelectQueryNode') return false;
  if (node.kind === 'RawNode') return !/^\s*select\b/i.test(node.sqlFragments[0] ?? '');
  return true;
}

/** PostgreSQL's driver, moving the mark after each commit. */
class NoticingDriver implements Driver {
  readonly #driver: Driver;
  readonly #notices: WriteNotices;

  constructor(driver: Driver, notices: WriteNotices) {
    this.#driver = driver;
    this.#notices = notices;
  }

  init(): Promise<void> {
    return this.#driver.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return this.#driver.acquireConnection();
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#driver.releaseConnection(connection);
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#driver.beginTransaction(connection, settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.#driver.commitTransaction(connection);
    } finally {
      this.#notices.ownWrite();
    }
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#driver.rollbackTransaction(connection);
  }

  savepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    return required(this.#driver.savepoint).call(this.#driver, connection, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: Compile) {
    return required(this.#driver.rollbackToSavepoint).call(this.#driver, connection, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: Compile) {
    return required(this.#driver.releaseSavepoint).call(this.#driver, connection, name, compile);
  }

  destroy(): Promise<void> {
    return this.#driver.destroy();
  }
}

type Compile = QueryCompiler['compileQuery'];

function required<T>(method: T | undefined): T {
  if (!method) throw new Error('the driver has no savepoints');
  return method;
}
