import type { ChangeOrigin } from '../../core/change.ts';
import { SouseiError } from '../../core/errors.ts';
import { type Finding, hasErrors } from '../../core/finding.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { toHalfWidth } from '../../core/half-width.ts';
import { capFindings, findingsOfLimit } from '../../core/input-limits.ts';
import type { KpiScope } from '../../core/kpi.ts';
import { SCOPE_LABELS } from '../../core/kpi-input.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';
import type { YearStatus } from '../../core/workflow.ts';
import { parseCsv } from '../../formats/csv/csv-grid.ts';
import {
  type KpiTable,
  type KpiTableRow,
  readKpiTable,
} from '../../formats/kpi/kpi-table-reader.ts';
import type { GridRow } from '../../formats/tsv/tsv-grid.ts';
import { readWorkbookGrids } from '../../formats/xlsx/workbook-grid.ts';
import { t } from '../../i18n/translate.ts';
import type { PlanSummary } from '../../store/load-plan.ts';
import type { AppContext } from '../app-context.ts';
import { type ImportSource, isZip, readTextSource } from '../import/import-source.ts';
import { resolvePlan } from '../resolve-plan.ts';
import {
  type KpiChange,
  kpiImportDiff,
  matches,
  type Resolved,
  sameActual,
} from './kpi-import-changes.ts';
import { loadKpis } from './kpi-records.ts';
import { KpiInputSchema } from './save-kpi.ts';

/**
 * Imports KPI definitions, year targets and actuals from a table (docs/kpi-import.md): read the
 * whole file, report every bad cell at once, and write in one transaction only when there is no
 * error. A KPI is matched by its scope, owner and name: importing again updates it in place, and
 * importing the same file twice changes nothing. Actuals are written only for years open for
 * entry; those of other years are reported (a warning) and left as they are.
 */
export interface KpiImportInput {
  fileName: string;
  /**
   * The file: at `path` (the upload's temporary file, the CLI's argument) or its `bytes`; a CSV
   * (UTF-8 with or without BOM, Shift_JIS, UTF-16 with BOM) or an xlsx workbook.
   */
  path?: string;
  bytes?: Uint8Array;
  /** Rows of cells already read from another format (an xlsx sheet): used instead of `bytes`. */
  rows?: readonly GridRow[];
  municipalityCode?: string;
  /** The plan: by id (the web page), or by title or as the municipality's only one (the CLI). */
  planId?: number;
  planTitle?: string;
  dryRun?: boolean;
}

/** Who imports: a signed-in person (administrators only), or the operator at the command line. */
export type KpiImporter = { actor: Actor | null } | { operator: true };

export interface KpiImportOutcome {
  /** True when something was written (never on a dry run, with errors, or with no change). */
  written: boolean;
  plan: PlanSummary;
  /** KPI rows read. */
  rows: number;
  findings: Finding[];
  changes: KpiChange[];
}

const normTitle = (text: string) => toHalfWidth(text).replace(/\s+/g, '').trim();

async function findPlan(ctx: AppContext, input: KpiImportInput): Promise<PlanSummary> {
  if (input.planId === undefined) {
    return resolvePlan(ctx, { municipalityCode: input.municipalityCode, title: input.planTitle });
  }
  const plan =
    input.municipalityCode === undefined
      ? undefined
      : await ctx.store.plans.summary(input.municipalityCode, input.planId);
  if (!plan) {
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  }
  return plan;
}

async function readGrid(
  input: KpiImportInput,
): Promise<{ grid: readonly GridRow[]; findings: Finding[] }> {
  if (input.rows) return { grid: input.rows, findings: [] };
  const source: ImportSource =
    input.path !== undefined ? { path: input.path } : { bytes: input.bytes ?? new Uint8Array() };
  // An xlsx workbook (a zip: PK\x03\x04): the first sheet, read as the same rows of cells.
  if (await isZip(source)) {
    try {
      const [first] = await readWorkbookGrids(source, input.fileName);
      return { grid: first?.rows ?? [], findings: [] };
    } catch (e) {
      const limit = findingsOfLimit(e);
      if (limit) return { grid: [], findings: [...limit] };
      const finding: Finding = {
        severity: 'error',
        code: 'xlsx.unreadable',
        location: { file: input.fileName },
        expected: 'xlsx',
      };
      return { grid: [], findings: [finding] };
    }
  }
  try {
    // A CSV is parsed whole: read only after its size passed the bound.
    const decoded = await readTextSource(source, input.fileName);
    if (!decoded.ok) return { grid: [], findings: [decoded.finding] };
    return { grid: parseCsv(decoded.text, input.fileName), findings: [] };
  } catch (e) {
    const findings = findingsOfLimit(e);
    if (!findings) throw e;
    return { grid: [], findings: [...findings] };
  }
}

export async function importKpis(
  ctx: AppContext,
  by: KpiImporter,
  input: KpiImportInput,
): Promise<KpiImportOutcome> {
  const plan = await findPlan(ctx, input);
  const code = plan.municipalityCode;
  if (!('operator' in by) && !isAdmin(by.actor, code)) {
    throw new SouseiError('forbidden', 'auth.forbidden');
  }
  const userId = 'operator' in by ? null : (by.actor?.userId ?? null);
  const read = await readGrid(input);
  if (read.findings.length > 0) {
    return { written: false, plan, rows: 0, findings: read.findings, changes: [] };
  }
  const table = readKpiTable(read.grid, { file: input.fileName });
  const statuses = await ctx.store.years.statuses(code, plan.id);
  const resolved = await resolveRows(ctx, plan, table, statuses, input.fileName);
  // In the file's order, as a person goes through it.
  const findings = capFindings(
    [...table.findings, ...resolved.findings].sort(
      (a, b) =>
        (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
        (a.location?.column ?? 0) - (b.location?.column ?? 0),
    ),
  );
  const outcome = { plan, rows: table.rows.length, findings };
  if (hasErrors(findings)) return { ...outcome, written: false, changes: [] };
  if (input.dryRun) {
    const existing = await loadKpis(ctx, code, plan.id);
    return { ...outcome, written: false, changes: kpiImportDiff(resolved.rows, existing).changes };
  }
  const writer = {
    userId,
    origin: ('operator' in by ? 'cli' : 'import') as ChangeOrigin,
    now: ctx.now(),
  };
  // One transaction: the store's rules (closed years, history) run for every row, and one
  // refusal leaves the whole file unwritten.
  const changes = await ctx.store.transaction(async (tx) => {
    const existing = await tx.kpis.list(code, plan.id);
    const planned = kpiImportDiff(resolved.rows, existing);
    for (const op of planned.ops) {
      let kpiId = op.kpiId;
      if (op.writeDefinition) {
        kpiId = await tx.kpis.save(
          { municipalityCode: code, planId: plan.id, kpiId: op.kpiId, fields: op.resolved.input },
          writer,
        );
      }
      if (kpiId === undefined) continue;
      for (const actual of op.actuals) {
        await tx.kpis.saveActual(
          {
            municipalityCode: code,
            kpiId,
            actual: {
              fiscalYear: actual.fiscalYear,
              value: actual.value,
              asOf: actual.asOf,
              source: actual.source,
            },
          },
          writer,
        );
      }
    }
    return planned.changes;
  });
  return { ...outcome, written: changes.length > 0, changes };
}

/** Finds each row's goal, measure or project, and sorts its actuals by the years' status. */
async function resolveRows(
  ctx: AppContext,
  plan: PlanSummary,
  table: KpiTable,
  statuses: Map<number, YearStatus>,
  file: string,
): Promise<{ rows: Resolved[]; findings: Finding[] }> {
  const code = plan.municipalityCode;
  const [tree, existing] = await Promise.all([
    ctx.store.kpis.tree(code, plan.id),
    loadKpis(ctx, code, plan.id),
  ]);
  const { nodes, projects } = tree;
  const findings: Finding[] = [];
  /** The goal, measure or project a row names, or a finding at its 対象 cell. */
  const ownerOf = (ref: { line: number; scope: KpiScope; owner: string; column: number }) => {
    const location = { file, line: ref.line, column: ref.column, columnName: '対象' };
    const scope = SCOPE_LABELS[ref.scope];
    if (ref.scope === 'project') {
      const no = toHalfWidth(ref.owner).trim();
      const p = projects.find((x) => x.no === no);
      if (p) return { id: p.id, label: `${p.no}. ${p.name}` };
    } else {
      const candidates = nodes.filter(
        (n) =>
          (ref.scope === 'goal') === (n.depth === 0) && normTitle(n.title) === normTitle(ref.owner),
      );
      const [only] = candidates;
      if (candidates.length > 1) {
        findings.push({
          severity: 'error',
          code: 'kpi.import.owner-ambiguous',
          location,
          found: ref.owner,
          params: { scope, count: candidates.length },
        });
        return null;
      }
      if (only) return { id: only.id, label: only.title };
    }
    findings.push({
      severity: 'error',
      code: 'kpi.import.owner-not-found',
      location,
      expected: `kpi-owner-${ref.scope}`,
      found: ref.owner,
      params: { scope },
    });
    return null;
  };
  for (const ref of table.partial) ownerOf(ref);
  const out: Resolved[] = [];
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const at = (column: keyof KpiTableRow['columns'], columnName: string) => ({
      file,
      line: row.line,
      column: row.columns[column],
      columnName,
    });
    const owner = ownerOf({ ...row, column: row.columns.owner });
    if (!owner) continue;
    const key = `${row.scope}\u0000${owner.id}\u0000${row.name}`;
    const first = firstLine.get(key);
    if (first !== undefined) {
      findings.push({
        severity: 'error',
        code: 'kpi.import.duplicate-row',
        location: at('name', '指標名'),
        found: row.name,
        params: { firstLine: first },
      });
      continue;
    }
    firstLine.set(key, row.line);
    const parsed = KpiInputSchema.safeParse({
      scope: row.scope,
      nodeId: row.scope === 'project' ? null : owner.id,
      projectId: row.scope === 'project' ? owner.id : null,
      name: row.name,
      unit: row.unit,
      direction: row.direction,
      kind: row.kind,
      baselineValue: row.baseline?.value ?? null,
      baselineFiscalYear: row.baseline?.fiscalYear ?? null,
      targetValue: row.target.value,
      targetFiscalYear: row.target.fiscalYear,
      yearTargets: row.yearTargets,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        findings.push({
          severity: 'error',
          code: 'kpi.import.invalid',
          location: { file, line: row.line },
          params: { detail: `${issue.path.join('.')}: ${t(issue.message)}` },
        });
      }
      continue;
    }
    const stored = existing.find((k) => matches(k, row.scope, owner.id, row.name));
    const actuals: KpiTableRow['actuals'] = [];
    for (const a of row.actuals) {
      const status = statuses.get(a.fiscalYear) ?? 'preparing';
      if (status === 'open') {
        actuals.push(a);
        continue;
      }
      const same = stored?.actuals.find((s) => s.fiscalYear === a.fiscalYear);
      if (same && sameActual(same, a)) continue;
      findings.push({
        severity: 'warning',
        code: 'kpi.import.actual-not-open',
        location: { file, line: row.line, column: a.column, columnName: a.columnName },
        found: String(a.value),
        params: {
          fiscalYear: formatFiscalYear(a.fiscalYear, 'both'),
          status: t(`status.year.${status}`),
        },
      });
    }
    out.push({ ownerId: owner.id, ownerLabel: owner.label, input: parsed.data, actuals });
  }
  return { rows: out, findings };
}
