import { z } from 'zod';
import { ERROR_STATUS } from '../../app/error-status.ts';
import {
  ActivitySchema,
  ConventionsSchema,
  DirectionSchema,
  EntrySchema,
  FinanceSchema,
  GoalSchema,
  MeasureSchema,
  MetricSchema,
  NodeSchema,
  PlanDocumentSchema,
  ProjectSchema,
} from '../../app/plan-document.ts';
import type { ErrorCode } from '../../core/errors.ts';
import { PROJECT_STATUSES, YEAR_STATUSES } from '../../core/workflow.ts';
import { AnalysisItemSchema, AnalysisListSchema } from './analysis-api.ts';
import { CompareRowSchema, CompareYearTotalSchema, ComparisonSchema } from './compare-api.ts';

/** Every stable error code, from the one table of codes (src/app/error-status.ts). */
const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/**
 * The API's bodies and responses as zod schemas (issue #5): request bodies are validated with
 * them at the edge, handlers build responses of the derived types, and the OpenAPI document's
 * components are generated from them (openapi.ts), so the three cannot disagree.
 */

const fiscalYear = z
  .number()
  .int()
  .min(1868)
  .max(2200)
  .describe('年度（始まる年の西暦。2020 = 令和2年度）');
const unitAmount = (what: string) =>
  z
    .number()
    .nullable()
    .describe(`${what}（amountUnit の単位。null は記載なし「-」で、0 ではない）`);
const rate = (what: string) =>
  z.number().nullable().describe(`${what}（1 = 100%、小数4桁で丸め。計算できないときは null）`);

// Requests ----------------------------------------------------------------------------------

const AmountInput = (what: string) =>
  z
    .union([z.number(), z.string().max(100)])
    .nullable()
    .describe(
      `${what}（計画の単位、室蘭市は千円）。数値、または画面と同じ文字列（"2,810"、全角数字、"-"）。null・空文字・"-" は記載なし`,
    );

export const ProjectYearBodySchema = z
  .object({
    version: z
      .number()
      .int()
      .min(0)
      .describe('読んだときの事業の版（GET …/projects/{projectId} の version）。古いと 409'),
    budget: AmountInput('予算'),
    settlement: AmountInput('決算'),
  })
  .strict();
export type ProjectYearBody = z.infer<typeof ProjectYearBodySchema>;

export const ProjectStatusBodySchema = z
  .object({
    action: z
      .enum(['submit', 'accept', 'return'])
      .describe(
        'submit = 入力完了（担当課・企画課）、accept = 確認済み、return = 差戻し（企画課）',
      ),
    comment: z.string().max(4000).optional().describe('コメント（差戻しでは必須）'),
    reasons: z
      .object({ figures: z.string().max(4000), result: z.string().max(4000) })
      .partial()
      .strict()
      .optional()
      .describe('入力完了で、予算・決算（figures）または結果▶（result）がない理由（記録されます）'),
  })
  .strict();
export type ProjectStatusBody = z.infer<typeof ProjectStatusBodySchema>;

export const KpiActualBodySchema = z
  .object({
    value: z
      .union([z.number(), z.string().max(50)])
      .describe('実績値（KPI の単位）。数値、または "1,234"・全角数字・△（負）の文字列'),
    asOf: z
      .string()
      .max(50)
      .nullable()
      .optional()
      .describe('実績の時点（2021-03-31、R3.3.31、令和3年3月31日）'),
    source: z.string().max(500).nullable().optional().describe('出典（統計、事業実績など）'),
  })
  .strict();
export type KpiActualBody = z.infer<typeof KpiActualBodySchema>;

// Responses ---------------------------------------------------------------------------------

export const ErrorSchema = z
  .object({
    error: z
      .object({
        code: z.enum(ERROR_CODES).describe('変わらない誤りの種類（HTTP の状態と一対一）'),
        message: z.string().describe('人が読む説明（日本語）'),
        fields: z
          .record(z.string(), z.string())
          .optional()
          .describe('項目ごとの誤り（422）: 項目の場所 → 説明'),
        current: z
          .object({
            version: z.number().int(),
            budget: unitAmount('予算'),
            settlement: unitAmount('決算'),
          })
          .optional()
          .describe('版の競合（409）: いま保存されている値'),
        lastChange: z
          .object({ userName: z.string().nullable(), at: z.string() })
          .nullable()
          .optional()
          .describe('版の競合（409）: 最後に変更した人と日時'),
      })
      .strict(),
  })
  .strict();
export type ApiErrorBody = z.infer<typeof ErrorSchema>;

export const MunicipalitySchema = z
  .object({
    code: z.string().describe('全国地方公共団体コード（6桁、検査数字付き）'),
    name: z.string(),
  })
  .strict();

export const MunicipalityListSchema = z
  .object({ items: z.array(MunicipalitySchema) })
  .strict()
  .describe('計画を公表している団体（トークンの利用者の団体を含む）');

export const YearSchema = z
  .object({
    fiscalYear,
    status: z
      .enum(YEAR_STATUSES)
      .describe('preparing 準備中 / open 入力受付中 / locked 締切 / published 公表済み'),
  })
  .strict();

export const PlanSummarySchema = z
  .object({
    id: z.number().int(),
    municipality: MunicipalitySchema,
    title: z.string(),
    kind: z.string(),
    firstFiscalYear: fiscalYear,
    lastFiscalYear: fiscalYear,
    levels: z.array(z.string()).describe('階層の名前（上から。最後が事業）'),
    amountUnit: z.enum(['円', '千円', '百万円']),
    years: z.array(YearSchema).describe('読める年度（一般には公表済みの年度だけ）'),
  })
  .strict();
export type PlanSummaryBody = z.infer<typeof PlanSummarySchema>;

export const PlanListSchema = z.object({ items: z.array(PlanSummarySchema) }).strict();

export const ProjectFinanceSchema = z
  .object({
    fiscalYear,
    budget: unitAmount('予算'),
    settlement: unitAmount('決算'),
    executionRate: rate('執行率 = 決算 ÷ 予算'),
  })
  .strict();

export const PathStepSchema = z
  .object({ level: z.string().describe('階層の名前'), title: z.string() })
  .strict();

export const ProjectStatusSchema = z
  .object({
    fiscalYear,
    status: z
      .enum(PROJECT_STATUSES)
      .describe(
        'untouched 未着手 / entering 入力中 / submitted 入力完了 / returned 差戻し / accepted 確認済み',
      ),
    comment: z.string().nullable(),
  })
  .strict();

const projectFields = {
  id: z.number().int(),
  no: z.string().describe('事業番号（表記どおり）'),
  name: z.string(),
  notes: z.array(z.string()).describe('※ の注記'),
  department: z.string().nullable().describe('担当課'),
  path: z.array(PathStepSchema).describe('上の階層（基本目標 › 分類 › 具体的な施策）'),
  finances: z.array(ProjectFinanceSchema).describe('読める年度の予算・決算'),
  version: z
    .number()
    .int()
    .optional()
    .describe('版（書き込みの version。団体の利用者のトークンのときだけ）'),
  statuses: z
    .array(ProjectStatusSchema)
    .optional()
    .describe('準備中でない年度ごとの入力状況（団体の利用者のトークンのときだけ）'),
};

export const ProjectItemSchema = z.object(projectFields).strict();
export type ProjectItem = z.infer<typeof ProjectItemSchema>;

export const ProjectDetailSchema = z
  .object({
    ...projectFields,
    amountUnit: z.enum(['円', '千円', '百万円']),
    activities: z.array(ActivitySchema).describe('取組と、読める年度の結果・見直し'),
  })
  .strict();
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;

export const ProjectListSchema = z
  .object({
    planId: z.number().int(),
    amountUnit: z.enum(['円', '千円', '百万円']),
    fiscalYear: fiscalYear.nullable().describe('fiscalYear で絞ったときの年度'),
    total: z.number().int().describe('条件に合う事業の数（ページ分けの前）'),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(ProjectItemSchema),
  })
  .strict();
export type ProjectList = z.infer<typeof ProjectListSchema>;

export const KpiActualItemSchema = z
  .object({
    fiscalYear,
    value: z.number(),
    asOf: z.string().nullable().describe('実績の時点（ISO 日付）'),
    source: z.string().nullable(),
    progressValue: z
      .number()
      .nullable()
      .describe('目標と比べた値（単年度はその年の実績、累計は読める年度の合計）'),
    yearTarget: z
      .number()
      .nullable()
      .describe('その年度の目標（年度目標、なければ按分または最終目標。目標のない指標は null）'),
    yearRate: rate('年度目標に対する達成率'),
    finalRate: rate('最終目標に対する達成率'),
  })
  .strict();

export const KpiItemSchema = z
  .object({
    id: z.number().int(),
    scope: z.enum(['goal', 'measure', 'project']).describe('基本目標・施策・事業'),
    owner: z
      .object({
        id: z.number().int().describe('基本目標・施策の ID、または事業の ID'),
        title: z.string(),
      })
      .strict(),
    name: z.string(),
    unit: z.string(),
    direction: z.enum(['higher', 'lower']),
    kind: z.enum(['annual', 'cumulative']).describe('単年度・累計'),
    baseline: z.object({ value: z.number(), fiscalYear }).strict().nullable(),
    target: z
      .object({ value: z.number(), fiscalYear })
      .strict()
      .nullable()
      .describe('最終目標。目標のない指標（取り込み）は null'),
    yearTargets: z.array(z.object({ fiscalYear, value: z.number() }).strict()),
    actuals: z.array(KpiActualItemSchema).describe('読める年度の実績と計算した達成率'),
  })
  .strict();
export type KpiItem = z.infer<typeof KpiItemSchema>;

export const KpiListSchema = z
  .object({
    planId: z.number().int(),
    fiscalYear: fiscalYear.nullable(),
    items: z.array(KpiItemSchema),
  })
  .strict();
export type KpiList = z.infer<typeof KpiListSchema>;

export const ProjectYearSavedSchema = z
  .object({
    projectId: z.number().int(),
    fiscalYear,
    version: z.number().int().describe('新しい版（次の書き込みに使う）'),
    changes: z.number().int().describe('記録した変更の数（同じ値なら 0）'),
    amountUnit: z.enum(['円', '千円', '百万円']),
    budget: unitAmount('予算'),
    settlement: unitAmount('決算'),
  })
  .strict();
export type ProjectYearSaved = z.infer<typeof ProjectYearSavedSchema>;

export const ProjectStatusChangedSchema = z
  .object({
    projectId: z.number().int(),
    fiscalYear,
    status: z.enum(PROJECT_STATUSES),
  })
  .strict();

export const KpiActualSavedSchema = z
  .object({
    kpiId: z.number().int(),
    fiscalYear,
    value: z.number(),
    asOf: z.string().nullable(),
    source: z.string().nullable(),
  })
  .strict();

/** Component names of the schemas the OpenAPI document lists (requests and responses). */
export const REQUEST_SCHEMAS = new Map<z.core.$ZodType, string>([
  [ProjectYearBodySchema, 'ProjectYearInput'],
  [ProjectStatusBodySchema, 'ProjectStatusInput'],
  [KpiActualBodySchema, 'KpiActualInput'],
]);

export const RESPONSE_SCHEMAS = new Map<z.core.$ZodType, string>([
  [ErrorSchema, 'Error'],
  [MunicipalitySchema, 'Municipality'],
  [MunicipalityListSchema, 'MunicipalityList'],
  [YearSchema, 'Year'],
  [PlanSummarySchema, 'PlanSummary'],
  [PlanListSchema, 'PlanList'],
  [ProjectFinanceSchema, 'ProjectFinance'],
  [PathStepSchema, 'PathStep'],
  [ProjectStatusSchema, 'ProjectStatus'],
  [ProjectItemSchema, 'ProjectItem'],
  [ProjectDetailSchema, 'ProjectDetail'],
  [ProjectListSchema, 'ProjectList'],
  [KpiActualItemSchema, 'KpiActual'],
  [KpiItemSchema, 'Kpi'],
  [KpiListSchema, 'KpiList'],
  [ProjectYearSavedSchema, 'ProjectYearSaved'],
  [ProjectStatusChangedSchema, 'ProjectStatusChanged'],
  [KpiActualSavedSchema, 'KpiActualSaved'],
  [AnalysisItemSchema, 'Analysis'],
  [AnalysisListSchema, 'AnalysisList'],
  [ComparisonSchema, 'Comparison'],
  [CompareRowSchema, 'CompareRow'],
  [CompareYearTotalSchema, 'CompareYearTotal'],
  // The published plan document (docs/json-format.md) and its parts.
  [PlanDocumentSchema, 'PlanDocument'],
  [ConventionsSchema, 'PlanConventions'],
  [GoalSchema, 'PlanGoal'],
  [DirectionSchema, 'PlanDirection'],
  [MeasureSchema, 'PlanMeasure'],
  [NodeSchema, 'PlanNode'],
  [ProjectSchema, 'PlanProject'],
  [FinanceSchema, 'PlanFinance'],
  [ActivitySchema, 'PlanActivity'],
  [EntrySchema, 'PlanEntry'],
  [MetricSchema, 'PlanMetric'],
]);
