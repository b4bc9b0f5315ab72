import { parseActivityCell } from '../../core/activity-notation.ts';
import type { Finding, Location } from '../../core/finding.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { toHalfWidth } from '../../core/half-width.ts';
import { type AmountUnit, parseAmount } from '../../core/money.ts';
import {
  type Conventions,
  MURORAN_CONVENTIONS,
  type Municipality,
  type Plan,
  type PlanNode,
  type Project,
  type StatedTotal,
} from '../../core/plan.ts';
import { resolveRelists } from '../../core/relists.ts';
import { totalsOfPlan } from '../../core/totals.ts';
import { findLayout, type ProgressTableLayout } from './progress-table-layout.ts';
import { type ProgressTableMetadata, splitMetadata } from './progress-table-metadata.ts';
import type { GridRow } from './tsv-grid.ts';

export interface ProgressTableOptions {
  file?: string;
  /** Who and what the plan is: given, else what the table's metadata says (our exports). */
  municipality?: Municipality;
  title?: string;
  kind?: string;
  /** A workbook's metadata sheet; a TSV carries its own in leading `#` lines. */
  metadata?: ProgressTableMetadata | null;
  /** The fiscal year the caller expects the table to report; a different header is an error. */
  fiscalYear?: FiscalYear;
  conventions?: Partial<Conventions>;
}

export interface ProgressTableResult {
  plan: Plan | null;
  fiscalYears: FiscalYear[];
  findings: Finding[];
}

// A top-level title is numbered: `1. まちの特性を活かした…`, `第1章 …`.
const NUMBERED =
  /^\s*(?:[0-9０-９]+\s*[.．。、)）]|第[0-9０-９一二三四五六七八九十]+|基本目標\s*[0-9０-９一二三四五六七八九十①-⑳])/;

/** Reads a progress table laid out like Muroran's into a plan, reporting every problem at once. */
export function readProgressTable(
  rows: readonly GridRow[],
  options: ProgressTableOptions,
): ProgressTableResult {
  const { file } = options;
  const split = splitMetadata(rows, file);
  const metadata = split.metadata ?? options.metadata ?? null;
  const found = findLayout(split.body, file);
  const layout = found.layout;
  if (!layout)
    return { plan: null, fiscalYears: [], findings: [...split.findings, ...found.findings] };
  const findings: Finding[] = [...split.findings, ...found.findings];
  const municipality = options.municipality ?? metadata?.municipality;
  const title = options.title ?? metadata?.title;
  if (!municipality)
    findings.push({ severity: 'error', code: 'municipality.required', location: { file } });
  if (!title) findings.push({ severity: 'error', code: 'plan.title-required', location: { file } });
  const fiscalYears = layout.years.map((y) => y.fiscalYear);
  if (options.fiscalYear !== undefined && !fiscalYears.includes(options.fiscalYear)) {
    findings.push({
      severity: 'error',
      code: 'table.fiscal-year-mismatch',
      location: { file, line: split.body[layout.bodyStart - 2]?.line },
      expected: 'fiscal-year',
      found: layout.years.map((y) => y.label).join(', '),
      params: { fiscalYear: options.fiscalYear },
    });
  }
  const unit: AmountUnit = layout.unit ?? '千円';
  if (layout.unit === null) {
    findings.push({ severity: 'warning', code: 'table.unit-assumed', location: { file } });
  }
  const conventions: Conventions = { ...MURORAN_CONVENTIONS, ...options.conventions };
  const body = new BodyReader(layout, unit, conventions, file, findings, metadata?.outline);
  body.read(split.body.slice(layout.bodyStart));
  if (!municipality || !title) return { plan: null, fiscalYears, findings };
  const period = metadata?.period ?? layout.period;
  const plan: Plan = {
    municipality,
    plan: {
      title,
      kind: options.kind ?? metadata?.kind ?? '総合戦略',
      firstFiscalYear: period?.first ?? fiscalYears.reduce((a, b) => Math.min(a, b)),
      lastFiscalYear: period?.last ?? fiscalYears.reduce((a, b) => Math.max(a, b)),
      levels: layout.levels,
    },
    amountUnit: unit,
    conventions,
    nodes: body.roots,
    // Our export's totals row is its own sum: the plan's stated totals are in the metadata.
    statedTotals: metadata ? metadata.statedTotals : body.totals,
  };
  for (const f of resolveRelists(plan)) findings.push(f);
  return { plan, fiscalYears, findings };
}

class BodyReader {
  readonly roots: PlanNode[] = [];
  readonly totals: StatedTotal[] = [];
  /** The open node at each depth. */
  private readonly open: (PlanNode | undefined)[] = [];
  private readonly seen = new Map<string, number>();
  private readonly nodeDepths: number;
  private projectCount = 0;
  /** Title rows read so far, the index into the metadata's outline. */
  private titleRows = 0;
  private lastContentIndex = -1;
  private totalsIndex = -1;

  constructor(
    private readonly layout: ProgressTableLayout,
    private readonly unit: AmountUnit,
    private readonly conventions: Conventions,
    private readonly file: string | undefined,
    private readonly findings: Finding[],
    /** Our export's level of each title row (1 = top): depth is then read, not guessed. */
    private readonly outline: readonly number[] | null = null,
  ) {
    this.nodeDepths = layout.levels.length - 1;
  }

  read(rows: readonly GridRow[]): void {
    this.lastContentIndex = rows.findLastIndex((r) => r.cells.some((c) => c.trim() !== ''));
    for (const [index, row] of rows.entries()) this.readRow(row, index);
    const last = rows[this.lastContentIndex];
    if (this.outline && this.titleRows !== this.outline.length) {
      this.findings.push({
        severity: 'error',
        code: 'table.outline-mismatch',
        location: { file: this.file },
        expected: 'outline',
        params: { expected: this.outline.length, found: this.titleRows },
      });
    }
    if (this.projectCount === 0 && !this.outline) {
      this.error('table.no-projects', { file: this.file }, 'project-row', '');
    } else if (this.totals.length === 0) {
      this.error('table.no-totals', { file: this.file, line: last?.line }, 'totals-row', '');
    } else if (last && this.totalsIndex === this.lastContentIndex) {
      this.checkLastTotals(last);
    }
  }

  /**
   * A file cut inside its totals row leaves a short row whose last amount lost digits or is gone
   * ('70,090\t52' for '70,090\t52,139'). A short row whose totals are still those of the projects
   * only lost its empty trailing cell; one whose totals differ was cut.
   */
  private checkLastTotals(row: GridRow): void {
    if (row.cells.length > this.layout.activityColumn) return;
    const cut = this.totals.slice(-this.layout.years.length).some((stated) => {
      const computed = totalsOfPlan(this.roots, stated.fiscalYear);
      return stated.budget !== computed.budget || stated.settlement !== computed.settlement;
    });
    if (cut) this.truncated(row);
  }

  private truncated(row: GridRow): void {
    const lastColumn = row.cells.length - 1;
    this.error(
      'row.truncated',
      this.at(row, lastColumn),
      'cell-count',
      row.cells[lastColumn] ?? '',
    );
  }

  private at(row: GridRow, column: number): Location {
    return {
      file: this.file,
      line: row.line,
      column: column + 1,
      columnName: this.layout.columnNames.get(column),
    };
  }

  private error(code: string, location: Location, expected: string, found: string) {
    this.findings.push({ severity: 'error', code, location, expected, found });
  }

  private readRow(row: GridRow, index: number): void {
    const { layout } = this;
    const cell = (c: number) => row.cells[c] ?? '';
    const tree = cell(layout.treeColumn).trim();
    const no = toHalfWidth(cell(layout.noColumn)).trim();
    const name = cell(layout.nameColumn).trim();
    const activity = cell(layout.activityColumn);
    const amountColumns = layout.years.flatMap((y) => [y.budget, y.settlement]);
    const hasAmounts = amountColumns.some((c) => cell(c).trim() !== '');
    const known = new Set([
      layout.treeColumn,
      layout.noColumn,
      layout.nameColumn,
      layout.activityColumn,
      ...amountColumns,
    ]);
    row.cells.forEach((c, i) => {
      // A cell outside every known column would be lost on export: refuse it.
      if (!known.has(i) && c.trim() !== '') {
        this.error('row.unexpected-cell', this.at(row, i), 'empty-cell', c);
      }
    });
    if (!tree && !no && !name && !hasAmounts && activity.trim() === '') return;

    if (!no && !name && activity.trim() === '') {
      if (tree && hasAmounts) {
        // A subtotal on a title row has no place in the plan: refuse it rather than drop it.
        for (const c of amountColumns) {
          if (cell(c).trim() !== '')
            this.error('row.amount-on-title', this.at(row, c), 'empty-cell', cell(c));
        }
      }
      if (tree) this.readNode(row, tree);
      else this.readTotals(row, index);
      return;
    }
    if (!no) this.error('project.missing-no', this.at(row, layout.noColumn), 'project-no', '');
    if (!name) this.error('project.missing-name', this.at(row, layout.nameColumn), 'name', '');
    const parent = this.parentOfProject(row, tree);
    const project = this.readProject(row, no, name, activity, index);
    if (parent && project) {
      parent.projects.push(project);
      this.projectCount++;
    }
  }

  private readNode(row: GridRow, title: string): void {
    const level = this.outline?.[this.titleRows++];
    if (this.outline) {
      if (level === undefined || level > this.nodeDepths) {
        this.error('table.outline-level', this.at(row, this.layout.treeColumn), 'outline', title);
        return;
      }
      this.addNode(row, title, level - 1);
      return;
    }
    // Rows holding only a title are the levels above the one written beside each project.
    const depth = this.nodeDepths <= 1 || NUMBERED.test(title) ? 0 : 1;
    this.addNode(row, title, Math.min(depth, this.nodeDepths - 1));
  }

  private addNode(row: GridRow, title: string, depth: number): PlanNode | undefined {
    const node: PlanNode = { title, children: [], projects: [] };
    if (depth === 0) {
      this.roots.push(node);
    } else {
      const parent = this.open[depth - 1];
      if (!parent) {
        const level = this.layout.levels[depth - 1] ?? '';
        this.error('row.node-before-parent', this.at(row, this.layout.treeColumn), level, title);
        return undefined;
      }
      parent.children.push(node);
    }
    this.open[depth] = node;
    this.open.length = depth + 1;
    return node;
  }

  private parentOfProject(row: GridRow, tree: string): PlanNode | undefined {
    const deepest = this.nodeDepths - 1;
    if (tree) return this.addNode(row, tree, deepest);
    // With an outline, projects may stand on any level: under the title row above them.
    const node = this.outline ? this.open.at(-1) : this.open[deepest];
    if (!node) {
      const level = this.layout.levels[this.open.length] ?? this.layout.levels[0] ?? '';
      const code = this.open[0] ? 'row.project-before-node' : 'row.project-before-goal';
      this.error(code, this.at(row, this.layout.treeColumn), level, '');
    }
    return node;
  }

  private readProject(
    row: GridRow,
    no: string,
    nameCell: string,
    activityCell: string,
    index: number,
  ): Project | undefined {
    const { layout } = this;
    const first = this.seen.get(no);
    if (no && first !== undefined) {
      this.findings.push({
        severity: 'error',
        code: 'project.duplicate-no',
        location: this.at(row, layout.noColumn),
        expected: 'unique-project-no',
        found: no,
        params: { firstLine: first },
      });
    } else if (no) {
      this.seen.set(no, row.line);
    }
    const finances = layout.years.map((y) => ({
      fiscalYear: y.fiscalYear,
      budget: this.amount(row, y.budget),
      settlement: this.amount(row, y.settlement),
    }));
    // The last row of a cut-off file lacks its last cells: nothing tells it from a short row
    // but its position, so only the last row of the body is held to the full width.
    if (index === this.lastContentIndex && row.cells.length <= layout.activityColumn) {
      this.truncated(row);
    }
    const parsed = parseActivityCell(activityCell, this.conventions);
    for (const p of parsed.problems)
      this.error(p.code, this.at(row, layout.activityColumn), 'checkbox', p.found);
    const [name, ...notes] = nameCell.split('※').map((s) => s.trim());
    return {
      no,
      name: name ?? '',
      notes: notes.filter((n) => n !== ''),
      department: null,
      finances,
      activities: parsed.activities,
    };
  }

  private amount(row: GridRow, column: number): number | null {
    const text = row.cells[column] ?? '';
    const parsed = parseAmount(text, this.unit);
    if (parsed.ok) return parsed.yen;
    this.findings.push({
      severity: 'error',
      code: `amount.${parsed.reason}`,
      location: this.at(row, column),
      expected: 'amount',
      found: text,
      params: { unit: this.unit },
    });
    return null;
  }

  private readTotals(row: GridRow, index: number): void {
    if (this.totals.length > 0) {
      const first = this.layout.years[0];
      this.error(
        'row.duplicate-totals',
        this.at(row, first?.budget ?? 0),
        'totals-row',
        row.cells.join(' ').trim(),
      );
      return;
    }
    this.totalsIndex = index;
    for (const y of this.layout.years) {
      this.totals.push({
        fiscalYear: y.fiscalYear,
        budget: this.amount(row, y.budget),
        settlement: this.amount(row, y.settlement),
      });
    }
  }
}
