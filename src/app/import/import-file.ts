import { type Finding, hasErrors } from '../../core/finding.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { capFindings, findingsOfLimit } from '../../core/input-limits.ts';
import type { Plan } from '../../core/plan.ts';
import { checkPlan } from '../../core/plan-checks.ts';
import { diffPlans } from '../../core/plan-diff.ts';
import { CLOSED_YEAR_STATUSES } from '../../store/rules/assert-years-writable.ts';
import type { StoreModules } from '../../store/store.ts';
import type { AppContext } from '../app-context.ts';
import type { ImportInput, ImportOutcome, ReadImport } from './import-input.ts';
import { fileMunicipalityFindings } from './import-municipality.ts';
import { sourceOf, sourceSha256 } from './import-source.ts';
import { readMappedFile } from './read-mapped-file.ts';
import { readPlanFile } from './read-plan-file.ts';
import { storedFileName } from './stored-file-name.ts';

/**
 * Imports a file, whatever it is (a progress table, a JSON document, or any city's workbook or
 * CSV through a mapping), by one path for the web, the API and the CLI: read it all, report
 * every problem, and write it in one transaction only when it has none. The store refuses a
 * locked or published year inside that transaction, and any deletion of what such a year holds;
 * both are also reported here as findings (dry run included), next to the other problems.
 * Re-importing the same plan (same municipality and title) updates it in place and says what
 * changed.
 */
export async function importFile(ctx: AppContext, input: ImportInput): Promise<ImportOutcome> {
  const read = withMunicipalityChecked(await readBounded(input), input.fileName);
  const refused = (findings: Finding[]): ImportOutcome => ({
    written: false,
    plan: read.plan,
    fiscalYears: read.fiscalYears,
    findings,
    checks: [],
    changes: [],
    summary: read.summary,
    records: read.records,
  });
  const plan = read.plan;
  if (!plan || hasErrors(read.findings)) return refused(read.findings);
  // What the save will write: a closed year's entries the file leaves out are kept as stored.
  const kept = await ctx.store.plans.closedYearCheck(plan);
  const closed = [
    ...(await closedYears(ctx, plan, writtenYears(read), input.fileName)),
    ...capFindings(kept.findings).map((f) => ({
      ...f,
      location: { file: input.fileName, ...f.location },
    })),
  ];
  if (closed.length > 0) return refused([...read.findings, ...closed]);
  const checks = capFindings(read.fiscalYears.flatMap((fy) => checkPlan(plan, fy)));
  const changesIn = async (store: StoreModules) => {
    const id = await store.plans.findId(plan.municipality.code, plan.plan.title);
    const before =
      id === undefined ? undefined : await store.plans.load(plan.municipality.code, id);
    return diffPlans(before, kept.plan, read.fiscalYears);
  };
  const outcome = { ...refused(read.findings), checks };
  if (input.dryRun) return { ...outcome, changes: await changesIn(ctx.store) };
  const now = ctx.now();
  // Hashed as it streams from the file, before the transaction (no I/O held inside it).
  const sha256 = await sourceSha256(sourceOf(input));
  const changes = await ctx.store.transaction(async (tx) => {
    const diff = await changesIn(tx);
    await tx.plans.save({
      plan,
      fiscalYears: read.fiscalYears,
      now,
      records: read.records,
      run: {
        fileName: storedFileName(input.fileName),
        sha256,
        format: read.format,
        summary: { changes: diff.length, checks: checks.length },
      },
    });
    return diff;
  });
  return { ...outcome, written: true, changes };
}

/**
 * Reads the file; one over a limit of INPUT_LIMITS is refused with that limit's finding, and
 * every reader's findings are capped (the rest counted as "and N more").
 */
async function readBounded(input: ImportInput): Promise<ReadImport> {
  try {
    const read =
      input.mapping === undefined ? await readPlanFile(input) : await readMappedFile(input);
    return { ...read, findings: capFindings(read.findings) };
  } catch (e) {
    const findings = findingsOfLimit(e);
    if (!findings) throw e;
    const format = input.mapping === undefined ? (input.format ?? 'file') : 'mapped';
    return { format, plan: null, fiscalYears: [], findings: [...findings], summary: null };
  }
}

/** The municipality the plan names (the option's, else the file's own) checked against the list. */
function withMunicipalityChecked(read: ReadImport, file: string): ReadImport {
  if (!read.plan) return read;
  const findings = fileMunicipalityFindings(read.plan.municipality, file);
  return findings.length === 0 ? read : { ...read, findings: [...findings, ...read.findings] };
}

/** Every year the import writes: figures, and a mapped file's KPI actuals and evaluations. */
function writtenYears(read: ReadImport): FiscalYear[] {
  const records = read.records;
  const more = records
    ? [
        ...records.kpis.flatMap((k) => k.actuals.map((a) => a.fiscalYear)),
        ...records.evaluations.map((e) => e.fiscalYear),
      ]
    : [];
  return [...new Set([...read.fiscalYears, ...more])].sort((a, b) => a - b);
}

async function closedYears(
  ctx: AppContext,
  plan: Plan,
  years: readonly FiscalYear[],
  file: string,
): Promise<Finding[]> {
  const code = plan.municipality.code;
  const id = await ctx.store.plans.findId(code, plan.plan.title);
  if (id === undefined) return [];
  const statuses = await ctx.store.years.statuses(code, id);
  return years
    .filter((fy) => CLOSED_YEAR_STATUSES.includes(statuses.get(fy) ?? 'preparing'))
    .map((fy) => ({
      severity: 'error',
      code: 'year.locked',
      location: { file, fiscalYear: fy },
      params: { fiscalYear: fy },
    }));
}
