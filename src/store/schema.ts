import type { Generated, Insertable, Selectable } from 'kysely';
import type {
  ApiTokenTable,
  LoginFailureTable,
  SessionTable,
  UserDepartmentTable,
  UserTable,
} from './schema-accounts.ts';

export type {
  ApiTokenTable,
  LoginFailureTable,
  SessionTable,
  UserDepartmentTable,
  UserTable,
} from './schema-accounts.ts';

/**
 * Table types of the store. Every table holding a municipality's data carries
 * `municipality_code`, so one instance can host every local government and every query can be
 * bounded to one (issue #2, #3). Amounts are integer yen; times are ISO-8601 UTC text.
 */
export interface MunicipalityTable {
  code: string;
  name: string;
  created_at: string;
}

export interface PlanTable {
  id: Generated<number>;
  municipality_code: string;
  title: string;
  kind: string;
  first_fiscal_year: number;
  last_fiscal_year: number;
  /** JSON array of level names. */
  levels: string;
  amount_unit: string;
  /** JSON object: the table's conventions. */
  conventions: string;
  created_at: string;
  updated_at: string;
}

export interface PlanNodeTable {
  id: Generated<number>;
  municipality_code: string;
  plan_id: number;
  parent_id: number | null;
  depth: number;
  position: number;
  title: string;
  /** The code the source keys the node by (政策コード); null when it has none. */
  code: Generated<string | null>;
}

export interface DepartmentTable {
  id: Generated<number>;
  municipality_code: string;
  name: string;
}

export interface ProjectTable {
  id: Generated<number>;
  municipality_code: string;
  plan_id: number;
  node_id: number;
  position: number;
  no: string;
  name: string;
  /** JSON array of ※ notes. */
  notes: string;
  department_id: number | null;
  /** Optimistic concurrency: bumped by every change. */
  version: number;
  /** JSON array of the project's tags (総合戦略, …); '[]' when none. */
  tags: Generated<string>;
}

export interface ProjectFinanceTable {
  project_id: number;
  municipality_code: string;
  fiscal_year: number;
  budget: number | null;
  settlement: number | null;
}

/** One line of a project's cost breakdown of one fiscal year, at its position. */
export interface ProjectFinanceDetailTable {
  project_id: number;
  municipality_code: string;
  fiscal_year: number;
  position: number;
  label: string;
  kind: string;
  amount: number | null;
}

export interface ActivityTable {
  id: Generated<number>;
  municipality_code: string;
  project_id: number;
  position: number;
  title: string;
  text: string;
  source: string | null;
  relist_of_id: number | null;
  /** The fiscal year the activity was added in; null when it came with the plan. */
  introduced_in: number | null;
}

export interface ActivityEntryTable {
  id: Generated<number>;
  municipality_code: string;
  activity_id: number;
  position: number;
  kind: string;
  fiscal_year: number | null;
  year_label: string | null;
  text: string;
  /** 0 or 1: SQLite has no boolean and better-sqlite3 binds none. */
  kpi: number;
  /** The KPI this result reports on, when linked. */
  kpi_id: Generated<number | null>;
}

/** The words an entry's figures were read from, and what the entry says happened (issue 12). */
export interface EntryReadingTable {
  municipality_code: string;
  entry_id: number;
  kind: string;
  text: string;
  /** The plan's ⇒ convention the words were read under. */
  arrow: string;
  /** The reader's version (reader-version.ts): another one reads the words again. */
  reader: string;
  /** 中止, 延期, 実施なし, or null. */
  status: string | null;
}

/** One figure of an entry; numbers as exact decimal text. */
export interface EntryMetricTable {
  municipality_code: string;
  entry_id: number;
  position: number;
  label: string;
  value: string;
  unit: string;
  part_of: string | null;
  /** 0 or 1, like every flag here. */
  cumulative: number;
  total: number;
  approximate: number;
  up_to: string | null;
  target: string | null;
  as_of: string | null;
  /** Who confirmed or corrected the figure (their name), and when; null while only read. */
  confirmed_by: string | null;
  confirmed_at: string | null;
}

export interface StatedTotalTable {
  plan_id: number;
  municipality_code: string;
  fiscal_year: number;
  budget: number | null;
  settlement: number | null;
}

export interface ImportRunTable {
  id: Generated<number>;
  municipality_code: string;
  plan_id: number;
  file_name: string;
  sha256: string;
  format: string;
  /** JSON array of the fiscal years the file reported. */
  fiscal_years: string;
  /** JSON: counts of changes and findings. */
  summary: string;
  imported_at: string;
}

export interface KpiTable {
  id: Generated<number>;
  municipality_code: string;
  plan_id: number;
  scope: string;
  node_id: number | null;
  project_id: number | null;
  position: number;
  name: string;
  unit: string;
  direction: string;
  kind: string;
  baseline_value: number | null;
  baseline_fiscal_year: number | null;
  target_value: number | null;
  target_fiscal_year: number | null;
  updated_at: string;
  /** The fiscal year the KPI was defined in; null when it came with the plan. */
  introduced_in: Generated<number | null>;
  /** activity (活動指標) or outcome (成果指標); null when not said. */
  category: Generated<string | null>;
}

export interface KpiYearTargetTable {
  kpi_id: number;
  municipality_code: string;
  fiscal_year: number;
  value: number;
}

export interface KpiActualTable {
  kpi_id: number;
  municipality_code: string;
  fiscal_year: number;
  value: number;
  as_of: string | null;
  source: string | null;
  entry_id: number | null;
  updated_at: string;
  updated_by: number | null;
}

export interface EvaluationTable {
  project_id: number;
  municipality_code: string;
  fiscal_year: number;
  effect: string | null;
  policy: string | null;
  updated_at: string;
  updated_by: number | null;
}

export interface EvaluationCommentTable {
  id: Generated<number>;
  municipality_code: string;
  project_id: number;
  fiscal_year: number;
  /** department (担当課 self-evaluation), planning (企画課), committee. */
  role: string;
  user_id: number | null;
  text: string;
  at: string;
}

export interface MunicipalitySettingsTable {
  municipality_code: string;
  scale_id: string;
  thresholds: string | null;
  policies: string;
  updated_at: string;
}

/** The committee's analysis text of a plan, year and scope (`plan`, `node-ID`). */
export interface AnalysisTable {
  municipality_code: string;
  plan_id: number;
  fiscal_year: number;
  scope: string;
  text: string;
  /** The generated draft the text was last written from. */
  basis: string;
  /** draft (the generated text, not edited), edited or approved. */
  state: string;
  version: number;
  updated_at: string;
  updated_by: number | null;
  approved_at: string | null;
  approved_by: number | null;
}

export interface DB {
  kpis: KpiTable;
  kpi_year_targets: KpiYearTargetTable;
  kpi_actuals: KpiActualTable;
  evaluations: EvaluationTable;
  evaluation_comments: EvaluationCommentTable;
  municipality_settings: MunicipalitySettingsTable;
  users: UserTable;
  user_departments: UserDepartmentTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  plan_years: PlanYearTable;
  project_years: ProjectYearTable;
  changes: ChangeTable;
  municipalities: MunicipalityTable;
  plans: PlanTable;
  plan_nodes: PlanNodeTable;
  departments: DepartmentTable;
  projects: ProjectTable;
  project_finances: ProjectFinanceTable;
  project_finance_details: ProjectFinanceDetailTable;
  activities: ActivityTable;
  activity_entries: ActivityEntryTable;
  stated_totals: StatedTotalTable;
  import_runs: ImportRunTable;
  api_tokens: ApiTokenTable;
  published_aggregates: PublishedAggregateTable;
  analyses: AnalysisTable;
  entry_readings: EntryReadingTable;
  entry_metrics: EntryMetricTable;
}

export type PlanRow = Selectable<PlanTable>;
export type NewProject = Insertable<ProjectTable>;

export interface PlanYearTable {
  plan_id: number;
  municipality_code: string;
  fiscal_year: number;
  status: string;
  updated_at: string;
  updated_by: number | null;
  published_at: string | null;
  /** Why the year was published despite open errors, and by whom (issue #4). */
  publish_override: string | null;
}

export interface ProjectYearTable {
  project_id: number;
  municipality_code: string;
  fiscal_year: number;
  status: string;
  comment: string | null;
  updated_at: string;
  updated_by: number | null;
}

export interface ChangeTable {
  id: Generated<number>;
  municipality_code: string;
  plan_id: number;
  project_id: number | null;
  fiscal_year: number | null;
  /** JSON: what changed (`{"type":"finance","field":"budget"}`, `{"type":"activities"}`, …). */
  target: string;
  /** JSON values before and after; restoring writes `before` back. */
  before: string | null;
  after: string | null;
  user_id: number | null;
  /** web, import, restore, workflow. */
  origin: string;
  at: string;
}

/**
 * A plan's published figures of one published fiscal year (issue 11), written by the publish
 * transaction: the cross-municipality view reads these, never the projects. The figures of
 * each basic goal ride along as JSON, so a view by goal reads the same 1,788 rows.
 */
export interface PublishedAggregateTable {
  plan_id: number;
  fiscal_year: number;
  municipality_code: string;
  /** The first two digits of the municipality code (01–47), for the prefecture filter. */
  prefecture_code: string;
  /** The municipality's kind (core/municipality-kind.ts), for the size filter. */
  kind: string;
  project_count: number;
  /** Projects with both 予算 and 決算 for the year. */
  projects_with_figures: number;
  /** Sums of the amounts present; null when no project has one (never 0 for missing). */
  budget: number | null;
  settlement: number | null;
  /** The municipality's status scale when published; the band columns follow its order. */
  scale_id: string;
  kpi_count: number;
  kpi_band_1: number;
  kpi_band_2: number;
  kpi_band_3: number;
  kpi_band_4: number;
  /** KPIs without an actual (or a target) for the year. */
  kpi_no_actual: number;
  /** KPIs at or above 100 % of the year's target, whatever the scale. */
  kpi_achieved: number;
  /** JSON array of the basic goals' figures (aggregates/goal-figures.ts), in the plan's order. */
  goals: string;
}
