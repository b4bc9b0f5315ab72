import { type Kysely, sql } from 'kysely';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { isMunicipalityKind, type MunicipalityKind } from '../../core/municipality-kind.ts';
import { inTransaction } from '../in-transaction.ts';
import type { DB } from '../schema.ts';
import type { AggregateFigures, GoalFigures } from './goal-figures.ts';

export type { AggregateFigures } from './goal-figures.ts';

import { writePublishedAggregates } from './write-published-aggregates.ts';

/**
 * Which published aggregates to read: a fiscal year (null: every one), a prefecture (01–47)
 * and a municipality kind (core/municipality-kind.ts); null means any.
 */
export interface AggregateFilter {
  fiscalYear: FiscalYear | null;
  prefectureCode: string | null;
  kind?: MunicipalityKind | null;
}

export interface AggregateRow extends AggregateFigures {
  fiscalYear: FiscalYear;
  municipalityCode: string;
  municipalityName: string;
  kind: MunicipalityKind;
  planId: number;
  planTitle: string;
  scaleId: string;
}

/** A basic goal's row: its position among the plan's goals (-1: under none) and title. */
export interface GoalAggregateRow extends AggregateRow {
  goalPosition: number;
  goalTitle: string;
}

/** A fiscal year's figures over every plan the filter keeps. */
export interface AggregateYearTotal extends AggregateFigures {
  fiscalYear: FiscalYear;
  municipalityCount: number;
}

// PostgreSQL sums integers as bigint and bigints as numeric: cast back to bigint, which the
// pool reads as a number (yen sums stay safe integers); SQLite returns integers as they are.
const sumOf = (column: string) => sql<number | null>`cast(sum(${sql.ref(column)}) as bigint)`;
const total = (column: string) => sql<number>`cast(coalesce(sum(${sql.ref(column)}), 0) as bigint)`;

/**
 * The cross-municipality view's reads (issue 11): only published years ever have rows, written
 * by the publish transaction, one per plan and year (its goals as JSON): no read sums projects.
 */
export function aggregateStore(db: Kysely<DB>) {
  let backfilled: Promise<void> | null = null;
  // Years published before the aggregates existed get theirs on the first read of this store.
  const ensureBackfilled = () => {
    backfilled ??= backfill(db).catch((error: unknown) => {
      backfilled = null;
      throw error;
    });
    return backfilled;
  };

  const filtered = (f: AggregateFilter) =>
    db
      .selectFrom('published_aggregates as a')
      .$if(f.fiscalYear !== null, (q) => q.where('a.fiscal_year', '=', f.fiscalYear as number))
      .$if(f.prefectureCode !== null, (q) =>
        q.where('a.prefecture_code', '=', f.prefectureCode as string),
      )
      .$if(f.kind !== null && f.kind !== undefined, (q) =>
        q.where('a.kind', '=', f.kind as string),
      );

  const named = (f: AggregateFilter) =>
    filtered(f)
      .innerJoin('municipalities as m', 'm.code', 'a.municipality_code')
      .innerJoin('plans as p', 'p.id', 'a.plan_id')
      .select([
        'a.fiscal_year',
        'a.municipality_code',
        'm.name as municipality_name',
        'a.kind',
        'a.plan_id',
        'p.title as plan_title',
        'a.scale_id',
        'a.project_count',
        'a.projects_with_figures',
        'a.budget',
        'a.settlement',
        'a.kpi_count',
        'a.kpi_band_1',
        'a.kpi_band_2',
        'a.kpi_band_3',
        'a.kpi_band_4',
        'a.kpi_no_actual',
        'a.kpi_achieved',
      ])
      .orderBy('a.fiscal_year')
      .orderBy('a.municipality_code')
      .orderBy('a.plan_id');

  return {
    backfill: ensureBackfilled,

    /** Published fiscal years that have aggregates, oldest first. */
    async years(): Promise<FiscalYear[]> {
      await ensureBackfilled();
      const rows = await db
        .selectFrom('published_aggregates')
        .select('fiscal_year')
        .distinct()
        .orderBy('fiscal_year')
        .execute();
      return rows.map((r) => r.fiscal_year);
    },

    /** One row per fiscal year, municipality and plan, by year then code. */
    async byPlan(f: AggregateFilter): Promise<AggregateRow[]> {
      await ensureBackfilled();
      return (await named(f).execute()).map(toRow);
    },

    /** One row per basic goal of each plan, by year, code, plan and goal. */
    async byGoal(f: AggregateFilter): Promise<GoalAggregateRow[]> {
      await ensureBackfilled();
      const rows = await named(f).select('a.goals').execute();
      const out: GoalAggregateRow[] = [];
      for (const r of rows) {
        for (const g of JSON.parse(r.goals) as GoalFigures[]) out.push(goalRow(r, g));
      }
      return out;
    },

    /** Per published year, the figures summed over the plans the filter keeps (year ignored). */
    async totals(f: AggregateFilter): Promise<AggregateYearTotal[]> {
      await ensureBackfilled();
      const rows = await filtered({ ...f, fiscalYear: null })
        .select([
          'a.fiscal_year',
          sql<number>`cast(count(distinct a.municipality_code) as bigint)`.as('municipalities'),
          total('a.project_count').as('project_count'),
          total('a.projects_with_figures').as('projects_with_figures'),
          sumOf('a.budget').as('budget'),
          sumOf('a.settlement').as('settlement'),
          total('a.kpi_count').as('kpi_count'),
          total('a.kpi_band_1').as('kpi_band_1'),
          total('a.kpi_band_2').as('kpi_band_2'),
          total('a.kpi_band_3').as('kpi_band_3'),
          total('a.kpi_band_4').as('kpi_band_4'),
          total('a.kpi_no_actual').as('kpi_no_actual'),
          total('a.kpi_achieved').as('kpi_achieved'),
        ])
        .groupBy('a.fiscal_year')
        .orderBy('a.fiscal_year')
        .execute();
      return rows.map((r) => ({
        fiscalYear: r.fiscal_year,
        municipalityCount: Number(r.municipalities),
        ...figuresOf(r),
      }));
    },
  };
}

interface RawFigures {
  project_count: number;
  projects_with_figures: number;
  budget: number | null;
  settlement: number | null;
  kpi_count: number;
  kpi_band_1: number;
  kpi_band_2: number;
  kpi_band_3: number;
  kpi_band_4: number;
  kpi_no_actual: number;
  kpi_achieved: number;
}

interface RawRow extends RawFigures {
  fiscal_year: number;
  municipality_code: string;
  municipality_name: string;
  kind: string;
  plan_id: number;
  plan_title: string;
  scale_id: string;
}

function figuresOf(r: RawFigures): AggregateFigures {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    projectCount: Number(r.project_count),
    projectsWithFigures: Number(r.projects_with_figures),
    budget: n(r.budget),
    settlement: n(r.settlement),
    kpiCount: Number(r.kpi_count),
    kpiBands: [
      Number(r.kpi_band_1),
      Number(r.kpi_band_2),
      Number(r.kpi_band_3),
      Number(r.kpi_band_4),
    ],
    kpiNoActual: Number(r.kpi_no_actual),
    kpiAchieved: Number(r.kpi_achieved),
  };
}

function toRow(r: RawRow): AggregateRow {
  return {
    fiscalYear: r.fiscal_year,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    kind: isMunicipalityKind(r.kind) ? r.kind : 'other',
    planId: r.plan_id,
    planTitle: r.plan_title,
    scaleId: r.scale_id,
    ...figuresOf(r),
  };
}

/**
 * A goal's row, written out field by field: at national size the view by goal builds 8,940 of
 * them per answer, and object spread and rest made that the slowest part of the answer.
 */
function goalRow(r: RawRow, g: GoalFigures): GoalAggregateRow {
  return {
    fiscalYear: r.fiscal_year,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    kind: isMunicipalityKind(r.kind) ? r.kind : 'other',
    planId: r.plan_id,
    planTitle: r.plan_title,
    scaleId: r.scale_id,
    projectCount: g.projectCount,
    projectsWithFigures: g.projectsWithFigures,
    budget: g.budget,
    settlement: g.settlement,
    kpiCount: g.kpiCount,
    kpiBands: g.kpiBands,
    kpiNoActual: g.kpiNoActual,
    kpiAchieved: g.kpiAchieved,
    goalPosition: g.position,
    goalTitle: g.title,
  };
}

/**
 * Writes the aggregates of every published plan year that has none (years published before the
 * aggregates existed), one plan per transaction, like a publish would.
 */
async function backfill(db: Kysely<DB>): Promise<void> {
  const missing = await db
    .selectFrom('plan_years as y')
    .select(['y.municipality_code', 'y.plan_id'])
    .distinct()
    .where('y.status', '=', 'published')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('published_aggregates as a')
            .select('a.plan_id')
            .whereRef('a.plan_id', '=', 'y.plan_id')
            .whereRef('a.fiscal_year', '=', 'y.fiscal_year'),
        ),
      ),
    )
    .execute();
  for (const m of missing) {
    await inTransaction(db, (trx) => writePublishedAggregates(trx, m.municipality_code, m.plan_id));
  }
}
