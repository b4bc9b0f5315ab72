import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { t } from '../../i18n/translate.ts';
import type { CompareGrouping } from './compare-query.ts';
import type { CompareRow } from './load-comparison.ts';

/** A cell's value: text, a year, a count, yen, or a percentage; null shows as blank (never 0). */
export type CompareCell = string | number | null;

export interface CompareColumn {
  key: string;
  label: string;
  type: 'text' | 'year' | 'count' | 'yen' | 'percent';
  /** Whether the cell names the row (th scope="row" in the table). */
  header?: boolean;
  value(row: CompareRow): CompareCell;
}

/** A rate as a percentage with one decimal, for CSV and table alike. */
export const percent = (rate: number | null) =>
  rate === null || !Number.isFinite(rate) ? null : Math.round(rate * 1000) / 10;

const col = (
  key: string,
  type: CompareColumn['type'],
  value: CompareColumn['value'],
  label = t(`compare.column.${key}`),
): CompareColumn => ({ key, label, type, value });

/**
 * The comparison's columns, the table's and the CSV's alike (docs/compare.md): who, which year
 * (as 2020 and 令和2年度), the goal when by goal, then the figures in yen and the KPI counts.
 */
export function compareColumns(by: CompareGrouping): CompareColumn[] {
  return [
    col('code', 'text', (r) => r.municipalityCode),
    { ...col('name', 'text', (r) => r.municipalityName), header: true },
    col('prefecture', 'text', (r) => r.prefecture?.name ?? null),
    col('kind', 'text', (r) => t(`compare.kind.${r.kind}`)),
    col('plan', 'text', (r) => r.planTitle),
    col('fiscal-year', 'year', (r) => r.fiscalYear),
    col('fiscal-year-wareki', 'text', (r) => formatFiscalYear(r.fiscalYear, 'long')),
    ...(by === 'goal'
      ? [
          // Numbered from 1 as printed; KPIs placed under no goal are left without a number.
          col('goal-no', 'count', (r) =>
            r.goal && r.goal.position >= 0 ? r.goal.position + 1 : null,
          ),
          col('goal', 'text', (r) => r.goal?.title ?? null),
        ]
      : []),
    col('projects', 'count', (r) => r.projectCount),
    col('projects-with-figures', 'count', (r) => r.projectsWithFigures),
    col('budget', 'yen', (r) => r.budget),
    col('settlement', 'yen', (r) => r.settlement),
    col('rate', 'percent', (r) => percent(r.executionRate)),
    col('kpis', 'count', (r) => r.kpiCount),
    col('achieved', 'count', (r) => r.kpiAchieved),
    ...[0, 1, 2, 3].map((i) =>
      col(
        `band-${i + 1}`,
        'count',
        (r) => r.kpiBands[i] ?? 0,
        t('compare.column.band', { n: i + 1 }),
      ),
    ),
    col('no-actual', 'count', (r) => r.kpiNoActual),
    col('scale', 'text', (r) => r.scale.name),
  ];
}
