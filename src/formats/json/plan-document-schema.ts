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

export const ProjectSchema = z
  .object({
    no: z.string().min(1).describe('Project number within the plan, as written'),
    name: z.string().min(1),
    notes: z.array(z.string()).default([]).describe('※ notes, without the mark'),
    department: z.string().nullable().default(null).describe('担当課'),
    finances: z.array(FinanceSchema).default([]),
    activities: z.array(ActivitySchema).default([]),
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
