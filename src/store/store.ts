import type { Kysely } from 'kysely';
import { apiTokenStore } from './accounts/api-token-store.ts';
import { loginFailureStore } from './accounts/login-failure-store.ts';
import { sessionStore } from './accounts/session-store.ts';
import { userStore } from './accounts/user-store.ts';
import { aggregateStore } from './aggregates/aggregate-store.ts';
import { withFreshAggregates } from './aggregates/fresh-aggregates.ts';
import { analysisStore } from './analyses/analysis-store.ts';
import { type DialectName, openDatabase, type WriteMarks } from './database.ts';
import { departmentStore } from './departments/department-store.ts';
import { evaluationStore } from './evaluations/evaluation-store.ts';
import { municipalitySettingsStore } from './evaluations/municipality-settings-store.ts';
import { historyStore } from './history/history-store.ts';
import { kpiStore } from './kpis/kpi-store.ts';
import { backfillEntryMetrics } from './metrics/backfill-entry-metrics.ts';
import { metricStore } from './metrics/metric-store.ts';
import { migrateToLatest } from './migrate.ts';
import { municipalityStore } from './municipalities/municipality-store.ts';
import { planStore } from './plans/plan-store.ts';
import { withFreshStatistics } from './plans/refresh-statistics.ts';
import { yearEntryStore } from './project-years/year-entry-store.ts';
import { registerDatabase } from './raw-database.ts';
import { contentVersionStore } from './reads/content-version.ts';
import type { DB } from './schema.ts';
import { planYearStore } from './years/plan-year-store.ts';
import { projectYearStore } from './years/project-year-store.ts';

/**
 * The store: one module per entity, the only code that touches the database. Each module's
 * writes run the rules that protect data (tenant scope, closed years, versions, history) inside
 * their own transaction, or inside the caller's when called from `transaction`.
 */
export function storeModules(db: Kysely<DB>, marks?: WriteMarks) {
  return {
    aggregates: aggregateStore(db),
    analyses: analysisStore(db),
    apiTokens: apiTokenStore(db),
    contentVersions: contentVersionStore(db, marks),
    departments: departmentStore(db),
    evaluations: evaluationStore(db),
    history: historyStore(db),
    kpis: kpiStore(db),
    loginFailures: loginFailureStore(db),
    metrics: metricStore(db),
    municipalities: municipalityStore(db),
    municipalitySettings: municipalitySettingsStore(db),
    plans: planStore(db),
    projectYears: projectYearStore(db),
    sessions: sessionStore(db),
    users: userStore(db),
    yearEntries: yearEntryStore(db),
    years: planYearStore(db),
  };
}

export type StoreModules = ReturnType<typeof storeModules>;

export interface Store extends StoreModules {
  readonly dialect: DialectName;
  /** Where the data lives, without credentials, for messages. */
  readonly describe: string;
  /** Runs `fn` in one write transaction: every module `fn` is handed writes inside it. */
  transaction<T>(fn: (tx: StoreModules) => Promise<T>): Promise<T>;
  /** Brings the schema up to date (every start). */
  migrate(): ReturnType<typeof migrateToLatest>;
  close(): Promise<void>;
}

export function openStore(url: string | undefined): Store {
  const { db, dialect, describe, writeMark, turnWriteMark } = openDatabase(url);
  const store: Store = {
    ...storeModules(db, writeMark && turnWriteMark ? { writeMark, turnWriteMark } : undefined),
    dialect,
    describe,
    transaction: (fn) =>
      withFreshStatistics(db, (tallied) =>
        tallied
          .transaction()
          .execute((trx) => withFreshAggregates(trx, (t) => fn(storeModules(t)))),
      ),
    migrate: async () => {
      const result = await migrateToLatest(db);
      // Entries stored before figures were read get theirs once the schema holds them.
      if (!result.error) await backfillEntryMetrics(db);
      return result;
    },
    close: () => db.destroy(),
  };
  registerDatabase(store, db);
  return store;
}
