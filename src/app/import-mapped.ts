import { SouseiError } from '../core/errors.ts';
import { type Finding, hasErrors } from '../core/finding.ts';
import { parseMunicipalityCode } from '../core/municipality-code.ts';
import { diffPlans, type PlanChange } from '../core/plan-diff.ts';
import { parseCsv } from '../formats/csv/csv-grid.ts';
import { decodeText } from '../formats/decode-text.ts';
import { type Mapping, MappingSchema } from '../formats/mapping/mapping-schema.ts';
import { type MappedResult, readMappedRows } from '../formats/mapping/read-mapped-rows.ts';
import { xlsxRows } from '../formats/mapping/row-sources.ts';
import { findPlanId, loadPlan } from '../store/load-plan.ts';
import { savePlan } from '../store/save-plan.ts';
import { storeModules } from '../store/store.ts';
import type { AppContext } from './app-context.ts';

export interface MappedImportInput {
  bytes: Uint8Array;
  fileName: string;
  mapping: unknown;
  municipalityCode?: string;
  municipalityName?: string;
  title?: string;
  dryRun?: boolean;
  onProgress?: (read: number, total: number) => void;
}

export interface MappedImportOutcome {
  written: boolean;
  summary: MappedResult['summary'] | null;
  findings: Finding[];
  changes: PlanChange[];
}

export function parseMapping(value: unknown, path: string): Mapping {
  const parsed = MappingSchema.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new SouseiError('invalid-input', 'mapping.invalid', { path, detail });
  }
  return parsed.data;
}

/**
 * Imports any city's workbook or CSV through a column mapping: reads every row (streaming an
 * xlsx), reports every unreadable cell at once, and writes the plan, its KPIs and evaluations in
 * one transaction only when nothing is wrong. A dry run stops before writing and shows counts.
 */
export async function importMapped(
  ctx: AppContext,
  input: MappedImportInput,
): Promise<MappedImportOutcome> {
  const mapping = parseMapping(input.mapping, 'mapping');
  const code = parseMunicipalityCode(input.municipalityCode ?? '');
  if (!code)
    throw new SouseiError('usage', 'municipality.invalid-code', {
      code: input.municipalityCode ?? '',
    });
  const stored = await ctx.store.db
    .selectFrom('municipalities')
    .select('name')
    .where('code', '=', code)
    .executeTakeFirst();
  const name = stored?.name ?? input.municipalityName;
  if (!name) throw new SouseiError('usage', 'municipality.name-required', { code });
  const title = input.title ?? mapping.plan.title;
  if (!title) throw new SouseiError('usage', 'plan.title-required');
  const isXlsx = input.bytes[0] === 0x50 && input.bytes[1] === 0x4b;
  let rows:
    | AsyncIterable<{ line: number; cells: string[]; sheet?: string }>
    | Iterable<{ line: number; cells: string[] }>;
  if (isXlsx) {
    rows = xlsxRows(input.bytes, mapping.sheet, input.onProgress);
  } else {
    const decoded = decodeText(input.bytes, input.fileName);
    if (!decoded.ok)
      return { written: false, summary: null, findings: [decoded.finding], changes: [] };
    rows = parseCsv(decoded.text);
  }
  let result: MappedResult;
  try {
    result = await readMappedRows(rows, mapping, {
      file: input.fileName,
      municipality: { code, name },
      title,
    });
  } catch {
    return {
      written: false,
      summary: null,
      findings: [
        {
          severity: 'error',
          code: 'xlsx.unreadable',
          location: { file: input.fileName },
          expected: 'xlsx',
        },
      ],
      changes: [],
    };
  }
  const plan = result.plan;
  if (!plan || hasErrors(result.findings)) {
    return { written: false, summary: result.summary, findings: result.findings, changes: [] };
  }
  const years = [...new Set(mapping.finances.map((f) => f.fiscalYear))];
  const db = ctx.store.db;
  const diff = async (tx: typeof db) => {
    const id = await findPlanId(tx, code, title);
    return diffPlans(id === undefined ? undefined : await loadPlan(tx, code, id), plan, years);
  };
  if (input.dryRun)
    return {
      written: false,
      summary: result.summary,
      findings: result.findings,
      changes: await diff(db),
    };
  const now = ctx.now();
  const changes = await db.transaction().execute(async (trx) => {
    const d = await diff(trx);
    const planId = await savePlan(trx, plan, { fiscalYears: years, now });
    const projects = await trx
      .selectFrom('projects')
      .select(['id', 'no'])
      .where('plan_id', '=', planId)
      .execute();
    const projectId = new Map(projects.map((p) => [p.no, p.id]));
    // KPIs and evaluations go through their store modules, whose rules (closed years, published
    // evaluations, history) hold for this importer as for every other writer.
    const tx = storeModules(trx);
    const writer = { userId: null, origin: 'import' as const, now };
    for (const k of result.kpis) {
      const pid = projectId.get(k.projectNo);
      if (pid === undefined) continue;
      await tx.kpis.replaceImported(
        {
          municipalityCode: code,
          planId,
          fields: {
            scope: 'project',
            nodeId: null,
            projectId: pid,
            name: k.definition.name,
            unit: k.definition.unit,
            direction: k.definition.direction,
            kind: k.definition.kind,
            baselineValue: null,
            baselineFiscalYear: null,
            targetValue: k.definition.target.value,
            targetFiscalYear: k.definition.target.fiscalYear,
            yearTargets: k.definition.yearTargets,
          },
          actuals: k.actuals.map((a) => ({
            fiscalYear: a.fiscalYear,
            value: a.value,
            asOf: null,
            source: input.fileName,
          })),
        },
        writer,
      );
    }
    for (const e of result.evaluations) {
      const pid = projectId.get(e.projectNo);
      if (pid === undefined) continue;
      const key = { municipalityCode: code, planId, projectId: pid, fiscalYear: e.fiscalYear };
      await tx.evaluations.save(key, { effect: e.effect, policy: e.policy }, writer);
      if (e.comment) {
        await tx.evaluations.addComment(key, { role: 'department', text: e.comment }, writer);
      }
    }
    return d;
  });
  return { written: true, summary: result.summary, findings: result.findings, changes };
}
