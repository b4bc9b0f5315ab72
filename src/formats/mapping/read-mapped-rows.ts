import type { Finding, Location } from '../../core/finding.ts';
import { toHalfWidth } from '../../core/half-width.ts';
import type { KpiActual, KpiDefinition } from '../../core/kpi.ts';
import { type AmountUnit, parseAmount, type Yen } from '../../core/money.ts';
import {
  MURORAN_CONVENTIONS,
  type Municipality,
  type Plan,
  type PlanNode,
  type Project,
} from '../../core/plan.ts';
import type { GridRow } from '../tsv/tsv-grid.ts';
import { columnLetters } from '../xlsx/workbook-grid.ts';
import type { AmountRef, ColumnRef, Mapping } from './mapping-schema.ts';

/** A KPI read from a row: its project, definition and actuals. */
export interface MappedKpi {
  projectNo: string;
  definition: KpiDefinition;
  actuals: KpiActual[];
}

export interface MappedEvaluation {
  projectNo: string;
  fiscalYear: number;
  effect: string | null;
  policy: string | null;
  comment: string | null;
}

/** What a dry run shows before anything is written: how many rows map to what. */
export interface MappingSummary {
  rows: number;
  skippedRows: number;
  projects: number;
  /** Nodes per level, top first. */
  nodes: number[];
  financeYears: number;
  indicators: number;
  actuals: number;
  evaluations: number;
}

export interface MappedResult {
  plan: Plan | null;
  kpis: MappedKpi[];
  evaluations: MappedEvaluation[];
  summary: MappingSummary;
  findings: Finding[];
}

const normalise = (text: string) => toHalfWidth(text).replace(/[\s\u3000]+/g, '');

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Reads mapped rows into a plan, its KPIs and evaluations, reporting every cell that cannot be
 * read (sheet, cell address, value, why) — all of them, not the first. Nothing is written here.
 */
export async function readMappedRows(
  rows: AsyncIterable<GridRow & { sheet?: string }> | Iterable<GridRow & { sheet?: string }>,
  mapping: Mapping,
  context: { file?: string; municipality: Municipality; title: string },
): Promise<MappedResult> {
  const findings: Finding[] = [];
  const headers: string[] = [];
  let sheet: string | undefined;
  let resolved: ((ref: ColumnRef) => number | null) | null = null;
  const lastHeader = Math.max(...mapping.headerRows);
  const unit: AmountUnit = mapping.amountUnit;
  const roots: PlanNode[] = [];
  const open: (PlanNode | undefined)[] = [];
  const carried: string[] = [];
  const seen = new Map<string, number>();
  const kpis: MappedKpi[] = [];
  const evaluations: MappedEvaluation[] = [];
  const summary: MappingSummary = {
    rows: 0,
    skippedRows: 0,
    projects: 0,
    nodes: mapping.columns.levels.map(() => 0),
    financeYears: 0,
    indicators: 0,
    actuals: 0,
    evaluations: 0,
  };
  const at = (line: number, column: number): Location => ({
    file: context.file,
    sheet,
    line,
    column: column + 1,
    cell: `${columnLetters(column + 1)}${line}`,
    columnName: headers[column] || undefined,
  });
  const problem = (code: string, location: Location, expected: string, found: string) =>
    findings.push({ severity: 'error', code, location, expected, found, params: { unit } });

  const resolver = (ref: ColumnRef): number | null => {
    if (typeof ref === 'string') return letterIndex(ref);
    if ('header' in ref) {
      const i = headers.findIndex((h) => normalise(h) === normalise(ref.header));
      return i === -1 ? null : i;
    }
    const i = headers.findIndex((h) => normalise(h).includes(normalise(ref.contains)));
    return i === -1 ? null : i;
  };

  const checkColumns = () => {
    const refs: ColumnRef[] = [
      ...mapping.columns.levels,
      mapping.columns.projectNo,
      mapping.columns.projectName,
      ...(mapping.columns.department ? [mapping.columns.department] : []),
      ...(mapping.columns.notes ? [mapping.columns.notes] : []),
      ...mapping.finances.flatMap((f) =>
        [f.budget, f.settlement].flatMap((a) => (a ? amountRefs(a) : [])),
      ),
      ...mapping.indicators.flatMap((k) => [
        ...('text' in Object(k.name) ? [] : [k.name as ColumnRef]),
        ...('text' in Object(k.unit) ? [] : [k.unit as ColumnRef]),
        ...Object.values(k.targets),
        ...Object.values(k.actuals),
      ]),
    ];
    for (const ref of refs) {
      if (resolver(ref) === null) {
        findings.push({
          severity: 'error',
          code: 'mapping.column-not-found',
          location: { file: context.file, sheet, line: lastHeader },
          expected: 'mapped-column',
          found: typeof ref === 'string' ? ref : JSON.stringify(ref),
        });
      }
    }
  };

  for await (const row of rows) {
    sheet = row.sheet ?? sheet;
    if (mapping.headerRows.includes(row.line)) {
      // A merged header cell (令和2年度 over its six funding sources) is read once, in its first
      // column: an upper header row's empty cell carries its left neighbour's text.
      const upper = row.line !== lastHeader;
      let left = '';
      const width = Math.max(row.cells.length, headers.length);
      for (let i = 0; i < width; i++) {
        const text = (row.cells[i] ?? '').trim();
        const own = text || (upper ? left : '');
        if (text) left = text;
        headers[i] = [headers[i], own].filter(Boolean).join('');
      }
    }
    if (row.line === lastHeader) {
      checkColumns();
      // Headers are final now: resolve each reference once, not once per row and cell.
      const cache = new Map<string, number | null>();
      resolved = (ref) => {
        const key = typeof ref === 'string' ? ref : JSON.stringify(ref);
        let index = cache.get(key);
        if (index === undefined) {
          index = resolver(ref);
          cache.set(key, index);
        }
        return index;
      };
    }
    if (row.line < mapping.dataStartRow || !resolved) continue;
    if (findings.some((f) => f.code === 'mapping.column-not-found')) break;
    const col = resolved;
    const cell = (ref: ColumnRef) => {
      const i = col(ref);
      return i === null ? '' : (row.cells[i] ?? '');
    };
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (mapping.requiredColumn && cell(mapping.requiredColumn).trim() === '') {
      summary.skippedRows++;
      continue;
    }
    summary.rows++;
    const no = toHalfWidth(cell(mapping.columns.projectNo)).trim();
    const name = cell(mapping.columns.projectName).trim();
    const noIndex = col(mapping.columns.projectNo) ?? 0;
    if (!no) problem('project.missing-no', at(row.line, noIndex), 'project-no', '');
    if (!name)
      problem(
        'project.missing-name',
        at(row.line, col(mapping.columns.projectName) ?? 0),
        'name',
        '',
      );
    const firstLine = seen.get(no);
    if (no && firstLine !== undefined) {
      findings.push({
        severity: 'error',
        code: 'project.duplicate-no',
        location: at(row.line, noIndex),
        expected: 'unique-project-no',
        found: no,
        params: { firstLine },
      });
    }
    if (no) seen.set(no, row.line);

    // The tree: an empty level cell repeats the one above (merged cells read as empty).
    let parent: PlanNode | undefined;
    mapping.columns.levels.forEach((ref, depth) => {
      const text = cell(ref).trim();
      const title = text || carried[depth] || '';
      if (!title) {
        problem('mapping.level-missing', at(row.line, col(ref) ?? 0), 'level-title', '');
        return;
      }
      const changed = text !== '' && text !== carried[depth];
      if (changed || !open[depth]) {
        const node: PlanNode = { title, children: [], projects: [] };
        if (depth === 0) roots.push(node);
        else open[depth - 1]?.children.push(node);
        open[depth] = node;
        open.length = depth + 1;
        carried[depth] = title;
        carried.length = depth + 1;
        summary.nodes[depth] = (summary.nodes[depth] ?? 0) + 1;
      }
      parent = open[depth];
    });

    const amount = (ref: AmountRef): Yen | null => {
      const refs = amountRefs(ref);
      let total: Yen | null = null;
      for (const r of refs) {
        const text = cell(r);
        const parsed = parseAmount(text, unit);
        if (!parsed.ok) {
          problem(`amount.${parsed.reason}`, at(row.line, col(r) ?? 0), 'amount', text);
          continue;
        }
        if (parsed.yen !== null) total = (total ?? 0) + parsed.yen;
      }
      return total;
    };
    const finances = mapping.finances.map((f) => ({
      fiscalYear: f.fiscalYear,
      budget: f.budget ? amount(f.budget) : null,
      settlement: f.settlement ? amount(f.settlement) : null,
    }));
    summary.financeYears += finances.filter(
      (f) => f.budget !== null || f.settlement !== null,
    ).length;
    const notes = mapping.columns.notes ? cell(mapping.columns.notes).trim() : '';
    const department = mapping.columns.department ? cell(mapping.columns.department).trim() : '';
    const project: Project = {
      no,
      name,
      notes: notes ? [notes] : [],
      department: department || null,
      finances: finances.filter((f) => f.budget !== null || f.settlement !== null),
      activities: [],
    };
    parent?.projects.push(project);
    summary.projects++;

    for (const k of mapping.indicators) {
      const kName =
        'text' in Object(k.name)
          ? (k.name as { text: string }).text
          : cell(k.name as ColumnRef).trim();
      const kUnit =
        'text' in Object(k.unit)
          ? (k.unit as { text: string }).text
          : cell(k.unit as ColumnRef).trim();
      if (!kName) continue;
      const number = (ref: ColumnRef): number | null => {
        const text = toHalfWidth(cell(ref)).replaceAll(',', '').trim();
        if (text === '' || /^[-－―ー]$/.test(text)) return null;
        const value = Number(text);
        if (Number.isFinite(value)) return value;
        problem('mapping.not-a-number', at(row.line, col(ref) ?? 0), 'number', cell(ref));
        return null;
      };
      const targets = Object.entries(k.targets)
        .map(([fy, ref]) => ({ fiscalYear: Number(fy), value: number(ref) }))
        .filter((t): t is { fiscalYear: number; value: number } => t.value !== null);
      const actuals: KpiActual[] = [];
      for (const [fy, ref] of Object.entries(k.actuals)) {
        const value = number(ref);
        if (value !== null)
          actuals.push({ fiscalYear: Number(fy), value, asOf: null, source: null });
      }
      const final = k.targetFiscalYear
        ? targets.find((t) => t.fiscalYear === k.targetFiscalYear)
        : targets.at(-1);
      if (!final) continue;
      kpis.push({
        projectNo: no,
        definition: {
          name: kName,
          unit: kUnit || '—',
          direction: k.direction,
          kind: k.kind,
          baseline: null,
          target: final,
          yearTargets: targets.filter((t) => t !== final),
        },
        actuals,
      });
      summary.indicators++;
      summary.actuals += actuals.length;
    }
    if (mapping.evaluation) {
      const e = mapping.evaluation;
      const effect = e.effect ? cell(e.effect).trim() || null : null;
      const policy = e.policy ? cell(e.policy).trim() || null : null;
      const comment = e.comment ? cell(e.comment).trim() || null : null;
      if (effect || policy || comment) {
        evaluations.push({ projectNo: no, fiscalYear: e.fiscalYear, effect, policy, comment });
        summary.evaluations++;
      }
    }
  }
  if (!resolved) {
    findings.push({
      severity: 'error',
      code: 'mapping.header-not-found',
      location: { file: context.file, sheet, line: lastHeader },
      expected: 'header-row',
      found: '',
    });
  }
  if (summary.projects === 0 && findings.length === 0) {
    findings.push({
      severity: 'error',
      code: 'table.no-projects',
      location: { file: context.file, sheet },
      expected: 'project-row',
    });
  }
  const plan: Plan = {
    municipality: context.municipality,
    plan: {
      title: context.title,
      kind: mapping.plan.kind,
      firstFiscalYear: mapping.plan.firstFiscalYear,
      lastFiscalYear: mapping.plan.lastFiscalYear,
      levels: mapping.plan.levels,
    },
    amountUnit: unit,
    conventions: MURORAN_CONVENTIONS,
    nodes: roots,
    statedTotals: [],
  };
  const ok = !findings.some((f) => f.severity === 'error');
  return { plan: ok ? plan : null, kpis, evaluations, summary, findings };
}

function amountRefs(ref: AmountRef): ColumnRef[] {
  return typeof ref === 'object' && 'sum' in ref ? ref.sum : [ref];
}
