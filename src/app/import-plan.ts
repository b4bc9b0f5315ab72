import { createHash } from 'node:crypto';
import { SouseiError } from '../core/errors.ts';
import { type Finding, hasErrors } from '../core/finding.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import { parseMunicipalityCode } from '../core/municipality-code.ts';
import type { Conventions, Plan } from '../core/plan.ts';
import { checkPlan } from '../core/plan-checks.ts';
import { diffPlans, type PlanChange } from '../core/plan-diff.ts';
import { decodeText } from '../formats/decode-text.ts';
import { fromPlanDocument } from '../formats/json/plan-document.ts';
import { readProgressTable } from '../formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../formats/tsv/tsv-grid.ts';
import { readProgressWorkbook } from '../formats/xlsx/progress-workbook-reader.ts';
import { findPlanId, loadPlan } from '../store/load-plan.ts';
import { savePlan } from '../store/save-plan.ts';
import type { AppContext } from './app-context.ts';
import { fiscalYearsWithFigures } from './resolve-plan.ts';
import { yearStatuses } from './workflow/year-status.ts';

export type ImportFormat = 'tsv' | 'json' | 'xlsx';

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  format?: ImportFormat;
  municipalityCode?: string;
  municipalityName?: string;
  title?: string;
  kind?: string;
  fiscalYear?: FiscalYear;
  conventions?: Partial<Conventions>;
  dryRun?: boolean;
}

export interface ImportOutcome {
  /** True when the plan was written (never on a dry run or with errors). */
  written: boolean;
  plan: Plan | null;
  fiscalYears: FiscalYear[];
  /** Problems reading the file; any error means nothing was written. */
  findings: Finding[];
  /** Content checks of the imported years (totals, settlements, results): reported, not blocking. */
  checks: Finding[];
  changes: PlanChange[];
}

export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  // xlsx is a zip archive: PK\x03\x04.
  if (
    /\.xlsx$/i.test(fileName) ||
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
  ) {
    return 'xlsx';
  }
  if (/\.(tsv|txt|tab)$/i.test(fileName)) return 'tsv';
  const first = bytes.find(
    (b) =>
      b !== 0x20 &&
      b !== 0x0a &&
      b !== 0x0d &&
      b !== 0x09 &&
      b !== 0xef &&
      b !== 0xbb &&
      b !== 0xbf,
  );
  return first === 0x7b ? 'json' : 'tsv';
}

/**
 * Imports a plan file: read it whole, report every problem, and write it in one transaction
 * only when it has none. Re-importing the same plan (same municipality and title) updates it in
 * place and says what changed.
 */
export async function importPlan(ctx: AppContext, input: ImportInput): Promise<ImportOutcome> {
  const read = await readPlanFile(ctx, input);
  const empty = {
    written: false,
    plan: read.plan,
    fiscalYears: read.fiscalYears,
    checks: [],
    changes: [],
  };
  if (!read.plan || hasErrors(read.findings)) return { ...empty, findings: read.findings };
  const plan = read.plan;
  const checks = read.fiscalYears.flatMap((fy) => checkPlan(plan, fy));
  const db = ctx.store.db;
  // Locked and published years are read-only for everybody, imports included (issue #3).
  const existingId = await findPlanId(db, plan.municipality.code, plan.plan.title);
  if (existingId !== undefined) {
    const statuses = await yearStatuses(db, plan.municipality.code, existingId);
    const closed: Finding[] = read.fiscalYears
      .filter((fy) => ['locked', 'published'].includes(statuses.get(fy) ?? 'preparing'))
      .map((fy) => ({
        severity: 'error',
        code: 'year.locked',
        location: { file: input.fileName, fiscalYear: fy },
        params: { fiscalYear: fy },
      }));
    if (closed.length > 0) return { ...empty, findings: [...read.findings, ...closed] };
  }
  const changesAgainst = async (tx: typeof db) => {
    const id = await findPlanId(tx, plan.municipality.code, plan.plan.title);
    const before = id === undefined ? undefined : await loadPlan(tx, plan.municipality.code, id);
    return diffPlans(before, plan, read.fiscalYears);
  };
  if (input.dryRun) {
    return { ...empty, findings: read.findings, checks, changes: await changesAgainst(db) };
  }
  const now = ctx.now();
  const changes = await db.transaction().execute(async (trx) => {
    const diff = await changesAgainst(trx);
    const planId = await savePlan(trx, plan, { fiscalYears: read.fiscalYears, now });
    await trx
      .insertInto('import_runs')
      .values({
        municipality_code: plan.municipality.code,
        plan_id: planId,
        file_name: input.fileName,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        format: read.format,
        fiscal_years: JSON.stringify(read.fiscalYears),
        summary: JSON.stringify({ changes: diff.length, checks: checks.length }),
        imported_at: now,
      })
      .execute();
    return diff;
  });
  return {
    written: true,
    plan,
    fiscalYears: read.fiscalYears,
    findings: read.findings,
    checks,
    changes,
  };
}

async function municipalityFor(ctx: AppContext, input: ImportInput) {
  if (input.municipalityCode === undefined) {
    throw new SouseiError('usage', 'municipality.required');
  }
  const code = parseMunicipalityCode(input.municipalityCode);
  if (code === null) {
    throw new SouseiError('usage', 'municipality.invalid-code', { code: input.municipalityCode });
  }
  const stored = await ctx.store.db
    .selectFrom('municipalities')
    .select('name')
    .where('code', '=', code)
    .executeTakeFirst();
  const name = stored?.name ?? input.municipalityName;
  if (!name) throw new SouseiError('usage', 'municipality.name-required', { code });
  return { code, name };
}

async function readPlanFile(ctx: AppContext, input: ImportInput) {
  const format = input.format ?? detectFormat(input.fileName, input.bytes);
  if (format === 'xlsx') {
    const municipality = await municipalityFor(ctx, input);
    if (input.title === undefined) throw new SouseiError('usage', 'plan.title-required');
    const book = await readProgressWorkbook(input.bytes, {
      file: input.fileName,
      municipality,
      title: input.title,
      kind: input.kind,
      fiscalYear: input.fiscalYear,
      conventions: input.conventions,
    });
    return { format, plan: book.plan, fiscalYears: book.fiscalYears, findings: book.findings };
  }
  const decoded = decodeText(input.bytes, input.fileName);
  if (!decoded.ok) return { format, plan: null, fiscalYears: [], findings: [decoded.finding] };
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(decoded.text);
    } catch (e) {
      const detail = e instanceof Error ? e.message : '';
      const finding: Finding = {
        severity: 'error',
        code: 'json.syntax',
        location: { file: input.fileName },
        params: { detail },
      };
      return { format, plan: null, fiscalYears: [], findings: [finding] };
    }
    const result = fromPlanDocument(value, input.fileName);
    if (result.plan) {
      if (input.municipalityCode !== undefined)
        result.plan.municipality = await municipalityFor(ctx, input);
      if (input.title !== undefined) result.plan.plan.title = input.title;
    }
    const fiscalYears = result.plan ? fiscalYearsWithFigures(result.plan) : [];
    return { format, plan: result.plan, fiscalYears, findings: result.findings };
  }
  const municipality = await municipalityFor(ctx, input);
  if (input.title === undefined) throw new SouseiError('usage', 'plan.title-required');
  const table = readProgressTable(parseTsv(decoded.text), {
    file: input.fileName,
    municipality,
    title: input.title,
    kind: input.kind,
    fiscalYear: input.fiscalYear,
    conventions: input.conventions,
  });
  return { format, plan: table.plan, fiscalYears: table.fiscalYears, findings: table.findings };
}
