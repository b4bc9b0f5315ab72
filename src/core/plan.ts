import type { EntryStatus, Metric } from './figures/metric.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { AmountUnit, Yen } from './money.ts';

/**
 * The plan model: one municipality's plan (総合戦略, 総合計画, …) as a tree whose level names
 * belong to the plan, with projects (事業) on its nodes. Plain data, no identity: the store
 * gives rows their ids, formats read and write this shape.
 */

export interface Municipality {
  /** 全国地方公共団体コード, 6 digits with its check digit (室蘭市 = 012050). */
  code: string;
  name: string;
}

export interface PlanInfo {
  title: string;
  /** 総合戦略, 総合計画, 事務事業評価, … (free text: cities name their plans differently). */
  kind: string;
  firstFiscalYear: FiscalYear;
  lastFiscalYear: FiscalYear;
  /**
   * Names of the tree's levels from the top down; the last one names the projects.
   * Muroran's strategy: 基本目標 → 分類 → 具体的な施策 → 事業; a 総合計画: 政策 → 施策 → 基本事業 → 事務事業.
   */
  levels: string[];
}

/** How a table writes its marks. A table's conventions belong to its import settings (domain notes). */
export interface Conventions {
  /** The activity mark as the source writes it (Muroran's export: `<input type="checkbox"/>`; ☐ is read too). */
  checkbox: string;
  /** ▶ opens a result (事業の結果). */
  resultMark: string;
  /**
   * What ⇒ means. Muroran's R2 table: a revision (見直し). Its H27 table wrote `就職決定者数10名⇒3名`,
   * where ⇒ reads target ⇒ actual and is part of the text, not an entry mark.
   */
  arrow: 'revision' | 'target-actual';
  revisionMark: string;
  /** Separator between an entry's era year and its text: `▶R2…41件`. */
  yearSeparator: string;
}

export const MURORAN_CONVENTIONS: Conventions = {
  checkbox: '<input type="checkbox"/>',
  resultMark: '▶',
  arrow: 'revision',
  revisionMark: '⇒',
  yearSeparator: '…',
};

export type EntryKind = 'result' | 'revision';

export interface Entry {
  kind: EntryKind;
  /** Fiscal year the entry was written for (`▶R2…` = 2020), or null when written without one. */
  fiscalYear: FiscalYear | null;
  /** The year prefix exactly as written (`R2…`), so an export writes it back as it was. */
  yearLabel: string | null;
  /** The words after the mark and the year prefix. */
  text: string;
  /** A KPI result (underlined in the source's paper form). */
  kpi: boolean;
  /**
   * The figures read from a result's words (issue 12), when the plan was read with them (the
   * JSON format); a confirmed one carries who confirmed it and is kept on import.
   */
  metrics?: EntryMetric[];
  /** What a result says happened to the activity (中止, 延期, 実施なし), when read. */
  status?: EntryStatus | null;
}

/** A figure of an entry as the plan's documents carry it. */
export interface EntryMetric extends Metric {
  confirmed: { by: string; at: string } | null;
}

/** Points at an activity of another project: its project number and 1-based position. */
export interface ActivityRef {
  projectNo: string;
  position: number;
}

export interface Activity {
  /** Short name: the first phrase of `text`, without the (再掲) mark. */
  title: string;
  /** The item's own words before its first ▶ or ⇒, exactly as written. */
  text: string;
  /** The whole item (its words and entries) exactly as read, or null for an item typed in the app. */
  source: string | null;
  /** For a (再掲) item: the item it repeats. */
  relistOf: ActivityRef | null;
  entries: Entry[];
  /**
   * The fiscal year the item was added in (typed in the app or first imported for that year);
   * absent or null when it came with the plan. The public sees it once that year is published.
   */
  introducedIn?: FiscalYear | null;
}

/**
 * What a line of a year's cost breakdown is: a funding source (国庫支出金, 地方債, 一般財源, …),
 * staff cost (人件費), a total (トータルコスト), or anything else a city lists.
 */
export type FinanceDetailKind = 'source' | 'staff' | 'total' | 'other';

export const FINANCE_DETAIL_KINDS: readonly FinanceDetailKind[] = [
  'source',
  'staff',
  'total',
  'other',
];

/** One line of a year's cost breakdown, in the order the source lists them. */
export interface FinanceDetail {
  label: string;
  kind: FinanceDetailKind;
  /** In yen; null when the source has none, never 0. */
  amount: Yen | null;
}

export interface Finance {
  fiscalYear: FiscalYear;
  /** 予算 in yen; null when the table has none (`-`), never 0. */
  budget: Yen | null;
  /** 決算 in yen; null when none. Never 人件費 or トータルコスト: those are details. */
  settlement: Yen | null;
  /**
   * The year's breakdown (funding sources, 人件費, トータルコスト), when the source has one.
   * Absent when there is none, so plans read from tables without a breakdown stay as they were.
   */
  details?: FinanceDetail[];
}

export interface Project {
  /** The project's number within the plan, as written (`1`, `12`, `01-02-003`). */
  no: string;
  name: string;
  /** ※ notes attached to the name, without the mark. */
  notes: string[];
  /** 担当課, when the source names one. */
  department: string | null;
  finances: Finance[];
  activities: Activity[];
  /**
   * Flags the source sets on the project (総合戦略 ○, 重点, …), in the order first met.
   * Absent when there are none, so plans read from tables without flags stay as they were.
   */
  tags?: string[];
}

export interface PlanNode {
  /** The title exactly as written, numbering included (`1. まちの特性を活かした…`). */
  title: string;
  /** The node's code where the source keys its tree by one (政策コード `01`); absent otherwise. */
  code?: string | null;
  children: PlanNode[];
  projects: Project[];
}

/** Totals a source table states about itself, kept to be checked against computed ones. */
export interface StatedTotal {
  fiscalYear: FiscalYear;
  budget: Yen | null;
  settlement: Yen | null;
}

export interface Plan {
  municipality: Municipality;
  plan: PlanInfo;
  /** The unit amounts are shown in (the source's is 千円); amounts themselves are yen. */
  amountUnit: AmountUnit;
  conventions: Conventions;
  nodes: PlanNode[];
  statedTotals: StatedTotal[];
}

/**
 * Every project of the plan in tree order. Iterative, and without spreading a node's projects
 * into one call's arguments: a node may hold hundreds of thousands (issue 9).
 */
export function allProjects(plan: Pick<Plan, 'nodes'>): Project[] {
  const out: Project[] = [];
  for (const { node } of allNodes(plan)) {
    for (const project of node.projects) out.push(project);
  }
  return out;
}

/** Every node with its depth (0 = top level) in tree order; iterative, whatever the depth. */
export function allNodes(plan: Pick<Plan, 'nodes'>): { node: PlanNode; depth: number }[] {
  const out: { node: PlanNode; depth: number }[] = [];
  const stack: { node: PlanNode; depth: number }[] = [];
  const pushChildren = (nodes: readonly PlanNode[], depth: number) => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i] as PlanNode, depth });
  };
  pushChildren(plan.nodes, 0);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    out.push(next);
    pushChildren(next.node.children, next.depth + 1);
  }
  return out;
}

export function financeFor(project: Project, fiscalYear: FiscalYear): Finance | undefined {
  return project.finances.find((f) => f.fiscalYear === fiscalYear);
}
