import type { FiscalYear } from '../../core/fiscal-year.ts';
import { executionRate } from '../../core/money.ts';
import { PREFECTURES, type Prefecture } from '../../core/municipality-code.ts';
import type { MunicipalityKind } from '../../core/municipality-kind.ts';
import { BUILT_IN_SCALES, NATIONAL_SCALE, type StatusScale } from '../../core/status-scale.ts';
import type {
  AggregateFigures,
  AggregateRow,
  AggregateYearTotal,
} from '../../store/aggregates/aggregate-store.ts';
import type { AppContext } from '../app-context.ts';
import type { CompareQuery } from './compare-query.ts';

/** A row of the comparison: one municipality's plan, or one basic goal of it, in one year. */
export interface CompareRow extends AggregateFigures {
  fiscalYear: FiscalYear;
  municipalityCode: string;
  municipalityName: string;
  prefecture: Prefecture | null;
  kind: MunicipalityKind;
  planId: number;
  planTitle: string;
  /** The basic goal (rows by goal); null in rows by municipality. */
  goal: { position: number; title: string } | null;
  /** 執行率 of the summed amounts (決算 ÷ 予算); null when either is missing. */
  executionRate: number | null;
  /** The scale the KPI band counts follow (the municipality's when it published). */
  scale: StatusScale;
}

/** One published year across the chosen municipalities. */
export interface YearTotal extends AggregateYearTotal {
  executionRate: number | null;
}

export interface Comparison {
  /** The query as answered: the year resolved to the latest published one when not asked. */
  query: CompareQuery;
  /** Every fiscal year some municipality has published, oldest first. */
  years: FiscalYear[];
  rows: CompareRow[];
  /** Totals per published year over the same filters, oldest first. */
  totals: YearTotal[];
}

const scaleOf = (id: string) => BUILT_IN_SCALES.find((s) => s.id === id) ?? NATIONAL_SCALE;
const prefectures = new Map(PREFECTURES.map((p) => [p.code, p]));

/**
 * The public cross-municipality view (issue 11): published years only, read from the
 * aggregates the publish transaction writes (one row per plan and year, goals inside), filtered
 * by year, prefecture and kind in the store's indexed query; totals per year summed there too.
 */
export async function loadComparison(ctx: AppContext, query: CompareQuery): Promise<Comparison> {
  const aggregates = ctx.store.aggregates;
  const filter = { fiscalYear: null, prefectureCode: query.prefecture, kind: query.kind };
  const [years, totals] = await Promise.all([aggregates.years(), aggregates.totals(filter)]);
  const fiscalYear = query.fiscalYear ?? years.at(-1) ?? null;
  const answered = { ...query, fiscalYear };
  const yearTotals = totals.map((y) => ({
    ...y,
    executionRate: executionRate(y.budget, y.settlement),
  }));
  if (fiscalYear === null) return { query: answered, years, rows: [], totals: yearTotals };
  const rows =
    query.by === 'goal'
      ? (await aggregates.byGoal({ ...filter, fiscalYear })).map((r) =>
          toCompareRow(r, { position: r.goalPosition, title: r.goalTitle }),
        )
      : (await aggregates.byPlan({ ...filter, fiscalYear })).map((r) => toCompareRow(r, null));
  return { query: answered, years, rows, totals: yearTotals };
}

/** Written out field by field: the view by goal builds 8,940 rows at national size. */
function toCompareRow(r: AggregateRow, goal: CompareRow['goal']): CompareRow {
  return {
    fiscalYear: r.fiscalYear,
    municipalityCode: r.municipalityCode,
    municipalityName: r.municipalityName,
    prefecture: prefectures.get(r.municipalityCode.slice(0, 2)) ?? null,
    kind: r.kind,
    planId: r.planId,
    planTitle: r.planTitle,
    goal,
    projectCount: r.projectCount,
    projectsWithFigures: r.projectsWithFigures,
    budget: r.budget,
    settlement: r.settlement,
    executionRate: executionRate(r.budget, r.settlement),
    kpiCount: r.kpiCount,
    kpiBands: r.kpiBands,
    kpiNoActual: r.kpiNoActual,
    kpiAchieved: r.kpiAchieved,
    scale: scaleOf(r.scaleId),
  };
}
