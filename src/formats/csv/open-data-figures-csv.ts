import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { allProjects, type Plan } from '../../core/plan.ts';

/**
 * figures.csv (issue 12): one row per figure read from a result (▶), the entry's words beside
 * it, so that researchers count 移住相談 across years and cities without reading sentences.
 * Only entries that carry their figures (the plan as exported with them) give rows; results of
 * years not asked for stay out, like in entries.csv.
 */
export const FIGURE_COLUMNS: readonly string[] = [
  '全国地方公共団体コード',
  '団体名',
  '計画名',
  '事業番号',
  '事業名',
  '取組番号',
  '取組名',
  '年度',
  '年度（和暦）',
  '記載',
  '状況',
  '数値番号',
  '項目',
  '数値',
  '単位',
  '内訳元',
  '累計',
  '延べ',
  '概数',
  '上限',
  '目標',
  '時点',
  '確定者',
  '確定日時',
];

type Cell = string | number | null;

const flag = (on: boolean) => (on ? '○' : null);

export function openDataFigureRows(plan: Plan, years: ReadonlySet<number>): Cell[][] {
  const who = [plan.municipality.code, plan.municipality.name, plan.plan.title];
  return allProjects(plan).flatMap((p) =>
    p.activities.flatMap((a, i) =>
      a.entries
        .filter((e) => e.kind === 'result' && (e.fiscalYear === null || years.has(e.fiscalYear)))
        .flatMap((e) =>
          (e.metrics ?? []).map((m, position) => [
            ...who,
            p.no,
            p.name,
            i + 1,
            a.title,
            e.fiscalYear,
            e.fiscalYear === null ? null : formatFiscalYear(e.fiscalYear, 'long'),
            e.text,
            e.status ?? null,
            position + 1,
            m.label || null,
            m.value,
            m.unit || null,
            m.partOf,
            flag(m.cumulative),
            flag(m.total),
            flag(m.approximate),
            m.upTo,
            m.target,
            m.asOf,
            m.confirmed?.by ?? null,
            m.confirmed?.at ?? null,
          ]),
        ),
    ),
  );
}
