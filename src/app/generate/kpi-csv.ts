import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { formatCsv } from '../../formats/csv/csv-grid.ts';
import { KPI_BASE_COLUMNS } from '../../formats/kpi/kpi-table-reader.ts';
import type { GeneratedKpi } from './generated-municipality.ts';
import { GENERATED_FIRST_YEAR, GENERATED_LAST_YEAR } from './generated-municipality.ts';

const SCOPE_WORDS = { goal: '基本目標', measure: '施策', project: '事業' } as const;

const years = Array.from(
  { length: GENERATED_LAST_YEAR - GENERATED_FIRST_YEAR + 1 },
  (_, i) => GENERATED_FIRST_YEAR + i,
);
const fy = (year: number) => formatFiscalYear(year, 'short');

/** A generated plan's KPIs as the KPI import reads them (docs/kpi-import.md): `sousei kpi import`. */
export function generatedKpiCsv(kpis: readonly GeneratedKpi[]): string {
  const header = [
    ...KPI_BASE_COLUMNS.map(([, header]) => header),
    ...years.flatMap((y) => [`実績_${fy(y)}`, `実績日_${fy(y)}`, `出典_${fy(y)}`]),
  ];
  const rows = kpis.map((k) => {
    const d = k.definition;
    const actual = (y: number) => k.actuals.find((a) => a.fiscalYear === y);
    return [
      SCOPE_WORDS[k.scope],
      k.owner,
      d.name,
      d.unit,
      d.direction === 'higher' ? '高' : '低',
      d.kind === 'annual' ? '単年度' : '累計',
      d.baseline ? String(d.baseline.value) : '',
      d.baseline ? fy(d.baseline.fiscalYear) : '',
      d.target ? String(d.target.value) : '',
      d.target ? fy(d.target.fiscalYear) : '',
      ...years.flatMap((y) => {
        const a = actual(y);
        return a ? [String(a.value), a.asOf ?? '', a.source ?? ''] : ['', '', ''];
      }),
    ];
  });
  return formatCsv([header, ...rows]);
}
