import type { FiscalYear } from '../../core/fiscal-year.ts';
import { type KpiActual, type KpiDefinition, yearAchievement } from '../../core/kpi.ts';
import { sumAmounts, type Yen } from '../../core/money.ts';
import { bandFor, type StatusScale } from '../../core/status-scale.ts';
import type { PublishedAggregateTable } from '../schema.ts';
import type { GoalFigures } from './goal-figures.ts';

/** What one plan's aggregates are computed from, already limited to what the public may see. */
export interface AggregateSource {
  municipalityCode: string;
  /** The municipality's kind (core/municipality-kind.ts). */
  kind: string;
  planId: number;
  planFirstYear: FiscalYear;
  /** The basic goals' titles in the plan's order. */
  goals: readonly string[];
  publishedYears: readonly FiscalYear[];
  /** Each project's goal index (null: under no goal) and its amounts by fiscal year. */
  projects: readonly {
    goal: number | null;
    finances: ReadonlyMap<FiscalYear, { budget: Yen | null; settlement: Yen | null }>;
  }[];
  kpis: readonly {
    goal: number | null;
    definition: KpiDefinition;
    actuals: readonly KpiActual[];
  }[];
  scale: StatusScale;
}

/** One goal's figures of one year while they are counted, in the table's column names. */
export interface Row extends Omit<PublishedAggregateTable, 'goals'> {
  goal_position: number;
  goal_title: string;
}

/** The goal row's position: its index, or -1 for what sits under no basic goal. */
const positionOf = (goal: number | null) => goal ?? -1;

function emptyRow(s: AggregateSource, fiscalYear: FiscalYear, position: number): Row {
  return {
    plan_id: s.planId,
    fiscal_year: fiscalYear,
    goal_position: position,
    municipality_code: s.municipalityCode,
    prefecture_code: s.municipalityCode.slice(0, 2),
    kind: s.kind,
    goal_title: s.goals[position] ?? '',
    project_count: 0,
    projects_with_figures: 0,
    budget: null,
    settlement: null,
    scale_id: s.scale.id,
    kpi_count: 0,
    kpi_band_1: 0,
    kpi_band_2: 0,
    kpi_band_3: 0,
    kpi_band_4: 0,
    kpi_no_actual: 0,
    kpi_achieved: 0,
  };
}

const BAND_COLUMNS = ['kpi_band_1', 'kpi_band_2', 'kpi_band_3', 'kpi_band_4'] as const;

/**
 * One row per published fiscal year and basic goal: project counts and amount sums (null when
 * none is present), and the KPIs by band of the municipality's scale on the year's achievement
 * (core's rule, the dashboard's). Every goal gets a row even without projects or KPIs, so a
 * published year always leaves a trace; the 'under no goal' row only when something is there.
 */
export function aggregateRows(s: AggregateSource): Row[] {
  const rows: Row[] = [];
  for (const fiscalYear of s.publishedYears) {
    const byPosition = new Map<number, Row>();
    const rowAt = (goal: number | null) => {
      const position = positionOf(goal);
      let row = byPosition.get(position);
      if (!row) {
        row = emptyRow(s, fiscalYear, position);
        byPosition.set(position, row);
      }
      return row;
    };
    for (let i = 0; i < s.goals.length; i++) rowAt(i);
    const budgets = new Map<number, (Yen | null)[]>();
    const settlements = new Map<number, (Yen | null)[]>();
    for (const p of s.projects) {
      const row = rowAt(p.goal);
      const f = p.finances.get(fiscalYear);
      row.project_count += 1;
      if (f && f.budget !== null && f.settlement !== null) row.projects_with_figures += 1;
      pushTo(budgets, row.goal_position, f?.budget ?? null);
      pushTo(settlements, row.goal_position, f?.settlement ?? null);
    }
    for (const row of byPosition.values()) {
      row.budget = sumAmounts(budgets.get(row.goal_position) ?? []);
      row.settlement = sumAmounts(settlements.get(row.goal_position) ?? []);
    }
    for (const k of s.kpis) countKpi(rowAt(k.goal), k, fiscalYear, s);
    rows.push(...[...byPosition.values()].sort((a, b) => a.goal_position - b.goal_position));
  }
  return rows;
}

function pushTo(map: Map<number, (Yen | null)[]>, key: number, value: Yen | null): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function countKpi(
  row: Row,
  k: AggregateSource['kpis'][number],
  fiscalYear: FiscalYear,
  s: AggregateSource,
): void {
  const { rate } = yearAchievement(k.definition, k.actuals, fiscalYear, s.planFirstYear);
  row.kpi_count += 1;
  const band = bandFor(rate, s.scale);
  const column = band ? BAND_COLUMNS[Math.min(s.scale.bands.indexOf(band), 3)] : undefined;
  if (column) row[column] += 1;
  else row.kpi_no_actual += 1;
  if (rate !== null && rate >= 1) row.kpi_achieved += 1;
}

/**
 * A plan's row per year: its goal rows summed (amounts over those present, null if none), and
 * the goal rows themselves as the JSON `goals` column.
 */
export function planRows(goalRows: readonly Row[]): PublishedAggregateTable[] {
  const byYear = new Map<FiscalYear, Row[]>();
  for (const r of goalRows) {
    const list = byYear.get(r.fiscal_year);
    if (list) list.push(r);
    else byYear.set(r.fiscal_year, [r]);
  }
  return [...byYear.values()].map((rows) => {
    const { goal_position: _p, goal_title: _t, ...first } = rows[0] as Row;
    const sum = (pick: (r: Row) => number) => rows.reduce((total, r) => total + pick(r), 0);
    return {
      ...first,
      project_count: sum((r) => r.project_count),
      projects_with_figures: sum((r) => r.projects_with_figures),
      budget: sumAmounts(rows.map((r) => r.budget)),
      settlement: sumAmounts(rows.map((r) => r.settlement)),
      kpi_count: sum((r) => r.kpi_count),
      kpi_band_1: sum((r) => r.kpi_band_1),
      kpi_band_2: sum((r) => r.kpi_band_2),
      kpi_band_3: sum((r) => r.kpi_band_3),
      kpi_band_4: sum((r) => r.kpi_band_4),
      kpi_no_actual: sum((r) => r.kpi_no_actual),
      kpi_achieved: sum((r) => r.kpi_achieved),
      goals: JSON.stringify(rows.map(goalFigures)),
    };
  });
}

function goalFigures(r: Row): GoalFigures {
  return {
    position: r.goal_position,
    title: r.goal_title,
    projectCount: r.project_count,
    projectsWithFigures: r.projects_with_figures,
    budget: r.budget,
    settlement: r.settlement,
    kpiCount: r.kpi_count,
    kpiBands: [r.kpi_band_1, r.kpi_band_2, r.kpi_band_3, r.kpi_band_4],
    kpiNoActual: r.kpi_no_actual,
    kpiAchieved: r.kpi_achieved,
  };
}
