import { z } from 'zod';
import { isValidMunicipalityCode } from '../../core/municipality-code.ts';

/**
 * The published JSON format of a plan (open data). docs/plan.schema.json is generated from
 * these schemas (`npm run docs:schema`) and docs/json-format.md explains every field; a test
 * keeps the three in step. Amounts are numbers in `amountUnit` (千円 for Muroran), exact to the
 * yen: 2551.01 千円 is 2,551,010 円.
 */

const fiscalYear = z
  .number()
  .int()
  .min(1868)
  .max(2200)
  .describe(
    'Fiscal year as the Gregorian year it starts in (2020 = 令和2年度, April 2020–March 2021)',
  );
const amount = (what: string) =>
  z
    .number()
    .nullable()
    .describe(`${what} in amountUnit; null = none (written "-" in tables), never 0`);

const decimal = z.number().finite();

/** A figure read from a result's words (issue 12): the same record as `sousei figures` prints. */
export const MetricSchema = z
  .object({
    label: z
      .string()
      .describe("What is counted, as the sentence names it (参加者); '' when unnamed"),
    value: decimal.describe('The number, exact (1万2千人 = 12000; 12.5 stays 12.5)'),
    unit: z.string().describe("The counter or unit after the number (名, 社, 件, %, 円), or ''"),
    partOf: z
      .string()
      .nullable()
      .default(null)
      .describe('The label of the figure this one is part of (うち…), or null'),
    cumulative: z.boolean().default(false).describe('A running sum (累計)'),
    total: z.boolean().default(false).describe('A total over occasions (延べ)'),
    approximate: z
      .boolean()
      .default(false)
      .describe("Written as approximate (約50名, 50名程度) or a range's lower end"),
    upTo: decimal.nullable().default(null).describe('The upper end of a range (10～20名: 20)'),
    target: decimal
      .nullable()
      .default(null)
      .describe('The target written before it under the 目標⇒実績 convention, or null'),
    asOf: z.string().nullable().default(null).describe('When it was counted, as written'),
    confirmed: z
      .object({ by: z.string(), at: z.string() })
      .strict()
      .nullable()
      .default(null)
      .describe(
        'Who confirmed or corrected the figure and when; null when only read. Kept on import',
      ),
  })
  .strict();

export const EntrySchema = z
  .object({
    kind: z.enum(['result', 'revision']).describe('result = ▶ 事業の結果; revision = ⇒ 見直し'),
    fiscalYear: fiscalYear
      .nullable()
      .describe('Year the entry was written for (▶R2… = 2020), or null'),
    yearLabel: z
      .string()
      .nullable()
      .default(null)
      .describe('The year prefix as written ("R2…"), kept so an export writes it back as it was'),
    text: z.string().describe('Words after the mark and the year prefix'),
    kpi: z.boolean().default(false).describe('A KPI result (underlined in the source form)'),
    metrics: z
      .array(MetricSchema)
      .optional()
      .describe(
        "A result's figures, read from text; optional on import (read again when absent; confirmed ones kept)",
      ),
    status: z
      .enum(['中止', '延期', '実施なし'])
      .nullable()
      .optional()
      .describe('What a result says happened to the activity, or null; read from text'),
  })
  .strict();

export const ActivitySchema = z
  .object({
    title: z
      .string()
      .describe('Short name: the first phrase of text (up to the first space), without (再掲)'),
    text: z.string().describe("The item's own words before its first ▶ or ⇒, exactly as written"),
    source: z
      .string()
      .nullable()
      .default(null)
      .describe(
        'The item as read from the source table after its ☐ (ends trimmed), or null when typed in the app',
      ),
    relistOf: z
      .object({ projectNo: z.string(), position: z.number().int().min(1) })
      .strict()
      .nullable()
      .default(null)
      .describe(
        'For a (再掲) item: the project number and 1-based position of the item it repeats',
      ),
    entries: z.array(EntrySchema).default([]),
  })
  .strict();

export const FinanceSchema = z
  .object({ fiscalYear, budget: amount('予算 (budget)'), settlement: amount('決算 (settlement)') })
  .strict();

export const FinanceDetailSchema = z
  .object({
    label: z.string().min(1).describe('The line as the source names it (国庫支出金, 人件費, …)'),
    kind: z
      .enum(['source', 'staff', 'total', 'other'])
      .describe('source = 財源; staff = 人件費; total = トータルコスト; other = anything else'),
    amount: amount('The amount'),
  })
  .strict();

/** A project's year: its figures and, when the source has one, the year's cost breakdown. */
export const ProjectFinanceSchema = FinanceSchema.extend({
  details: z
    .array(FinanceDetailSchema)
    .optional()
    .describe(
      "The year's cost breakdown (funding sources, 人件費, トータルコスト) in the source's order; absent when none",
    ),
}).strict();

export const ProjectSchema = z
  .object({
    no: z.string().min(1).describe('Project number within the plan, as written'),
    name: z.string().min(1),
    notes: z.array(z.string()).default([]).describe('※ notes, without the mark'),
    department: z.string().nullable().default(null).describe('担当課'),
    finances: z.array(ProjectFinanceSchema).default([]),
    activities: z.array(ActivitySchema).default([]),
    tags: z
      .array(z.string().min(1))
      .optional()
      .describe('Flags the source sets on the project (総合戦略 ○, …); absent when none'),
  })
  .strict();

const titled = {
  title: z.string().min(1),
  code: z
    .string()
    .min(1)
    .optional()
    .describe("The node's code where the source keys its tree by one"),
};

export const MeasureSchema = z
  .object({ ...titled, projects: z.array(ProjectSchema).default([]) })
  .strict();
export const DirectionSchema = z
  .object({ ...titled, measures: z.array(MeasureSchema).default([]) })
  .strict();
export const GoalSchema = z
  .object({ ...titled, directions: z.array(DirectionSchema).default([]) })
  .strict();

export interface NodeDocument {
  title: string;
  code?: string;
  children: NodeDocument[];
  projects: z.infer<typeof ProjectSchema>[];
}
export const NodeSchema: z.ZodType<NodeDocument, unknown> = z.lazy(() =>
  z
    .object({
      ...titled,
      children: z.array(NodeSchema).default([]),
      projects: z.array(ProjectSchema).default([]),
    })
    .strict(),
);

export const ConventionsSchema = z
  .object({
    checkbox: z.string().describe('Activity mark as the source writes it'),
    resultMark: z.string(),
    arrow: z
      .enum(['revision', 'target-actual'])
      .describe(
        'revision: ⇒ opens a 見直し entry; target-actual: ⇒ reads 目標⇒実績 inside the text',
      ),
    revisionMark: z.string(),
    yearSeparator: z.string(),
  })
  .strict();

export const PlanDocumentSchema = z
  .object({
    format: z.literal('sousei-plan'),
    version: z.literal(1),
    municipality: z
      .object({
        code: z
          .string()
          .regex(/^\d{6}$/)
          .refine(
            (code) => !/^\d{6}$/.test(code) || isValidMunicipalityCode(code),
            'wrong check digit or prefecture for a 全国地方公共団体コード',
          )
          .describe('全国地方公共団体コード with check digit'),
        name: z.string().min(1),
      })
      .strict(),
    plan: z
      .object({
        title: z.string().min(1),
        kind: z.string().min(1),
        firstFiscalYear: fiscalYear,
        lastFiscalYear: fiscalYear,
        levels: z
          .array(z.string().min(1))
          .min(2)
          .describe('Level names from the top; the last names projects'),
      })
      .strict(),
    amountUnit: z.enum(['円', '千円', '百万円']),
    conventions: ConventionsSchema,
    goals: z
      .array(GoalSchema)
      .optional()
      .describe('For plans whose levels are 基本目標 → 分類 → 具体的な施策 → 事業'),
    nodes: z.array(NodeSchema).optional().describe('For any other tree: nodes with children'),
    statedTotals: z
      .array(FinanceSchema)
      .default([])
      .describe('Totals the source table states about itself (checked against computed totals)'),
  })
  .strict()
  // Rules a JSON Schema cannot say: one tree form, years in order, project numbers unique.
  .superRefine((doc, ctx) => {
    if ((doc.goals === undefined) === (doc.nodes === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['goals'], message: 'exactly one of goals and nodes' });
    }
    if (doc.plan.firstFiscalYear > doc.plan.lastFiscalYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['plan', 'lastFiscalYear'],
        message: 'lastFiscalYear is before firstFiscalYear',
      });
    }
    const seen = new Set<string>();
    const visit = (projects: { no: string }[]) => {
      for (const p of projects) {
        if (seen.has(p.no)) {
          ctx.addIssue({
            code: 'custom',
            path: ['projects'],
            message: `duplicate project no ${p.no}`,
          });
        }
        seen.add(p.no);
      }
    };
    const walk = (nodes: NodeDocument[]) => {
      for (const n of nodes) {
        visit(n.projects);
        walk(n.children);
      }
    };
    for (const g of doc.goals ?? [])
      for (const d of g.directions) for (const m of d.measures) visit(m.projects);
    walk(doc.nodes ?? []);
  });

export type PlanDocument = z.infer<typeof PlanDocumentSchema>;
