import type { FiscalYear } from '../../core/fiscal-year.ts';
import { executionRate } from '../../core/money.ts';
import { type Prefecture, prefectureOf } from '../../core/municipality-code.ts';
import { BUILT_IN_SCALES, NATIONAL_SCALE, type StatusScale } from '../../core/status-scale.ts';
import type { AggregateFigures, AggregateRow } from '../../store/aggregates/aggregate-store.ts';
import type { AppContext } from '../app-context.ts';
import type { CompareQuery } from './compare-query.ts';
import { sumFigures } from './compare-totals.ts';
import { type MunicipalityKind, municipalityKind } from './municipality-kind.ts';

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
export interface YearTotal extends AggregateFigures {
  fiscalYear: FiscalYear;
  municipalityCount: number;
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

/**
 * The public cross-municipality view (issue 11): published years only, read from the
 * aggregates the publish transaction writes, filtered by year, prefecture and kind.
 */
export async function loadComparison(ctx: AppContext, query: CompareQuery): Promise<Comparison> {
  const aggregates = ctx.store.aggregates;
  const years = await aggregates.years();
  const fiscalYear = query.fiscalYear ?? years.at(-1) ?? null;
  const answered = { ...query, fiscalYear };
  const filter = { fiscalYear: null, prefectureCode: query.prefecture };
  const kindOf = memoKind();
  const wanted = (r: AggregateRow) =>
    query.kind === null || kindOf(r.municipalityCode, r.municipalityName) === query.kind;
  const allYears = (await aggregates.byPlan(filter)).filter(wanted);
  const totals = yearTotals(allYears);
  if (fiscalYear === null) return { query: answered, years, rows: [], totals };
  const rows =
    query.by === 'goal'
      ? (await aggregates.byGoal({ ...filter, fiscalYear }))
          .filter(wanted)
          .map((r) => toCompareRow(r, kindOf, { position: r.goalPosition, title: r.goalTitle }))
      : allYears
          .filter((r) => r.fiscalYear === fiscalYear)
          .map((r) => toCompareRow(r, kindOf, null));
  return { query: answered, years, rows, totals };
}

/** The kind of each municipality, computed once per code. */
function memoKind() {
  const kinds = new Map<string, MunicipalityKind>();
  return (code: string, name: string) => {
    let kind = kinds.get(code);
    if (!kind) {
      kind = municipalityKind(code, name);
      kinds.set(code, kind);
    }
    return kind;
  };
}

function toCompareRow(
  r: AggregateRow,
  kindOf: (code: string, name: string) => MunicipalityKind,
  goal: CompareRow['goal'],
): CompareRow {
  return {
    fiscalYear: r.fiscalYear,
    municipalityCode: r.municipalityCode,
    municipalityName: r.municipalityName,
    prefecture: prefectureOf(r.municipalityCode.slice(0, 2)),
    kind: kindOf(r.municipalityCode, r.municipalityName),
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

function yearTotals(rows: readonly AggregateRow[]): YearTotal[] {
  const byYear = new Map<FiscalYear, AggregateRow[]>();
  for (const r of rows) {
    const list = byYear.get(r.fiscalYear);
    if (list) list.push(r);
    else byYear.set(r.fiscalYear, [r]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([fiscalYear, list]) => {
      const figures = sumFigures(list);
      return {
        fiscalYear,
        municipalityCount: new Set(list.map((r) => r.municipalityCode)).size,
        ...figures,
        executionRate: executionRate(figures.budget, figures.settlement),
      };
    });
}
