import { z } from 'zod';
import type { CompareRow, Comparison, YearTotal } from '../../app/compare/load-comparison.ts';
import { MUNICIPALITY_KINDS } from '../../core/municipality-kind.ts';

/**
 * GET /api/v1/compare (issue 11): the comparison page's rows and totals as JSON. Amounts in
 * yen (null: no project has one, never 0); rates with 1 = 100 %.
 */
const fiscalYear = z.number().int().min(1868).max(2200).describe('年度（始まる年の西暦）');
const yen = (what: string) =>
  z.number().int().nullable().describe(`${what}（円。null は記載なしで、0 ではない）`);
const counts = {
  projectCount: z.number().int().describe('事業数'),
  projectsWithFigures: z.number().int().describe('予算・決算のある事業数'),
  budget: yen('予算の合計'),
  settlement: yen('決算の合計'),
  executionRate: z.number().nullable().describe('執行率（決算÷予算、1 = 100%）'),
  kpiCount: z.number().int().describe('KPI 数'),
  kpiAchieved: z.number().int().describe('その年度の目標に対する達成度が 100% 以上の KPI 数'),
  kpiBands: z
    .array(z.number().int())
    .length(4)
    .describe('評価の尺度（scaleId）の段階ごとの KPI 数、最良の段階から'),
  kpiNoActual: z.number().int().describe('実績のない KPI 数'),
};

export const CompareRowSchema = z
  .object({
    fiscalYear,
    municipalityCode: z.string().describe('全国地方公共団体コード'),
    municipalityName: z.string(),
    prefectureCode: z.string().nullable().describe('都道府県の番号（01～47）'),
    kind: z.enum(MUNICIPALITY_KINDS).describe('団体の区分'),
    planId: z.number().int(),
    planTitle: z.string(),
    goalPosition: z
      .number()
      .int()
      .nullable()
      .describe('基本目標の順（0 から）。団体ごとの行では null'),
    goalTitle: z.string().nullable(),
    scaleId: z.string().describe('KPI の段階の尺度（national または abcd）'),
    ...counts,
  })
  .strict();

export const CompareYearTotalSchema = z
  .object({ fiscalYear, municipalityCount: z.number().int(), ...counts })
  .strict();

export const ComparisonSchema = z
  .object({
    fiscalYear: fiscalYear.nullable().describe('答えた年度（指定がなければ最新の公表年度）'),
    prefecture: z.string().nullable(),
    kind: z.enum(MUNICIPALITY_KINDS).nullable(),
    by: z.enum(['municipality', 'goal']),
    years: z.array(fiscalYear).describe('公表済みの年度'),
    rows: z.array(CompareRowSchema),
    totals: z.array(CompareYearTotalSchema).describe('公表済みの年度ごとの合計（同じ絞り込み）'),
  })
  .strict();

export type ComparisonBody = z.infer<typeof ComparisonSchema>;

function figures(r: CompareRow | YearTotal) {
  return {
    projectCount: r.projectCount,
    projectsWithFigures: r.projectsWithFigures,
    budget: r.budget,
    settlement: r.settlement,
    executionRate: r.executionRate === null ? null : Math.round(r.executionRate * 10_000) / 10_000,
    kpiCount: r.kpiCount,
    kpiAchieved: r.kpiAchieved,
    kpiBands: [...r.kpiBands],
    kpiNoActual: r.kpiNoActual,
  };
}

export function comparisonBody(c: Comparison): ComparisonBody {
  return {
    fiscalYear: c.query.fiscalYear,
    prefecture: c.query.prefecture,
    kind: c.query.kind,
    by: c.query.by,
    years: c.years,
    rows: c.rows.map((r) => ({
      fiscalYear: r.fiscalYear,
      municipalityCode: r.municipalityCode,
      municipalityName: r.municipalityName,
      prefectureCode: r.prefecture?.code ?? null,
      kind: r.kind,
      planId: r.planId,
      planTitle: r.planTitle,
      goalPosition: r.goal?.position ?? null,
      goalTitle: r.goal?.title ?? null,
      scaleId: r.scale.id,
      ...figures(r),
    })),
    totals: c.totals.map((y) => ({
      fiscalYear: y.fiscalYear,
      municipalityCount: y.municipalityCount,
      ...figures(y),
    })),
  };
}

const exampleFigures = {
  projectCount: 24,
  projectsWithFigures: 24,
  budget: 285_012_000,
  settlement: 262_133_000,
  executionRate: 0.9197,
  kpiCount: 0,
  kpiAchieved: 0,
  kpiBands: [0, 0, 0, 0],
  kpiNoActual: 0,
};

/** An example shaped like the demo's answer (the amounts are illustrative). */
export const COMPARISON_EXAMPLE: ComparisonBody = {
  fiscalYear: 2020,
  prefecture: '01',
  kind: 'city',
  by: 'municipality',
  years: [2020],
  rows: [
    {
      fiscalYear: 2020,
      municipalityCode: '012050',
      municipalityName: '室蘭市',
      prefectureCode: '01',
      kind: 'city',
      planId: 1,
      planTitle: '第2期室蘭市まち・ひと・しごと創生総合戦略',
      goalPosition: null,
      goalTitle: null,
      scaleId: 'national',
      ...exampleFigures,
    },
  ],
  totals: [{ fiscalYear: 2020, municipalityCount: 1, ...exampleFigures }],
};
