import type { Finding } from '../../core/finding.ts';
import { limitFinding } from '../../core/input-limits.ts';
import { type AmountUnit, amountFromNumber, formatAmount, type Yen } from '../../core/money.ts';
import type { Entry, Finance, FinanceDetail, Plan, PlanNode, Project } from '../../core/plan.ts';
import { tooDeepAt } from './json-depth.ts';
import {
  type NodeDocument,
  type PlanDocument,
  PlanDocumentSchema,
} from './plan-document-schema.ts';

/** The strategy's own nesting gets named keys; any other tree the generic nodes/children form. */
export function usesGoalKeys(levels: readonly string[]): boolean {
  return levels.length === 4 && levels[0] === '基本目標';
}

/** The goals form holds projects on measures only; any other shape takes the generic form. */
function fitsGoalKeys(nodes: readonly PlanNode[]): boolean {
  return nodes.every(
    (g) =>
      g.projects.length === 0 &&
      g.children.every(
        (d) => d.projects.length === 0 && d.children.every((m) => m.children.length === 0),
      ),
  );
}

/** A node's code, written and read only where it has one. */
const codeOf = (n: { code?: string | null }) => (n.code ? { code: n.code } : {});

function toUnit(yen: Yen | null, unit: AmountUnit): number | null {
  return yen === null ? null : Number(formatAmount(yen, unit).replaceAll(',', ''));
}

type EntryDocument = NodeDocument['projects'][number]['activities'][number]['entries'][number];

/**
 * An entry as imported: figures and status are read again from its words when it is stored;
 * only a document's confirmed figures are kept, with the others of the entry for their places.
 */
function entryOf(e: EntryDocument): Entry {
  const { metrics, status, ...entry } = e;
  return metrics?.some((m) => m.confirmed !== null) ? { ...entry, metrics } : entry;
}

export function toPlanDocument(plan: Plan): PlanDocument {
  const unit = plan.amountUnit;
  const finance = (f: Finance) => ({
    fiscalYear: f.fiscalYear,
    budget: toUnit(f.budget, unit),
    settlement: toUnit(f.settlement, unit),
  });
  // Tags and a breakdown are written only when there are some: documents without stay as they were.
  const details = (list: readonly FinanceDetail[] | undefined) =>
    list && list.length > 0
      ? { details: list.map((d) => ({ ...d, amount: toUnit(d.amount, unit) })) }
      : {};
  const project = (p: Project) => ({
    no: p.no,
    name: p.name,
    notes: p.notes,
    department: p.department,
    finances: p.finances.map((f) => ({ ...finance(f), ...details(f.details) })),
    activities: p.activities.map((a) => ({
      title: a.title,
      text: a.text,
      source: a.source,
      relistOf: a.relistOf,
      entries: a.entries.map((e) => ({ ...e })),
    })),
    ...(p.tags && p.tags.length > 0 ? { tags: [...p.tags] } : {}),
  });
  const node = (n: PlanNode): NodeDocument => ({
    title: n.title,
    ...codeOf(n),
    children: n.children.map(node),
    projects: n.projects.map(project),
  });
  const tree =
    usesGoalKeys(plan.plan.levels) && fitsGoalKeys(plan.nodes)
      ? {
          goals: plan.nodes.map((g) => ({
            title: g.title,
            ...codeOf(g),
            directions: g.children.map((d) => ({
              title: d.title,
              ...codeOf(d),
              measures: d.children.map((m) => ({
                title: m.title,
                ...codeOf(m),
                projects: m.projects.map(project),
              })),
            })),
          })),
        }
      : { nodes: plan.nodes.map(node) };
  return {
    format: 'sousei-plan',
    version: 1,
    municipality: { ...plan.municipality },
    plan: { ...plan.plan, levels: [...plan.plan.levels] },
    amountUnit: unit,
    conventions: { ...plan.conventions },
    ...tree,
    statedTotals: plan.statedTotals.map(finance),
  };
}

export type PlanDocumentResult =
  | { plan: Plan; findings: Finding[] }
  | { plan: null; findings: Finding[] };

/** Validates a parsed JSON value against the schema and turns it into a plan. */
export function fromPlanDocument(value: unknown, file?: string): PlanDocumentResult {
  const deep = tooDeepAt(value);
  if (deep !== null) {
    return { plan: null, findings: [limitFinding('tree-depth', { file, path: deep })] };
  }
  const parsed = PlanDocumentSchema.safeParse(value);
  if (!parsed.success) {
    return {
      plan: null,
      findings: parsed.error.issues.map((issue) => ({
        severity: 'error' as const,
        code: 'json.invalid',
        location: { file, path: issue.path.join('.') },
        expected: 'json-plan',
        found: issue.message,
      })),
    };
  }
  const doc = parsed.data;
  const findings: Finding[] = [];
  const unit = doc.amountUnit;
  const yen = (value: number | null, path: string): Yen | null => {
    if (value === null) return null;
    const r = amountFromNumber(value, unit);
    if (r.ok) return r.yen;
    findings.push({
      severity: 'error',
      code: `amount.${r.reason}`,
      location: { file, path },
      expected: 'amount',
      found: String(value),
      params: { unit },
    });
    return null;
  };
  type DocFinance = { fiscalYear: number; budget: number | null; settlement: number | null };
  const finance = (f: DocFinance, path: string): Finance => ({
    fiscalYear: f.fiscalYear,
    budget: yen(f.budget, `${path}.budget`),
    settlement: yen(f.settlement, `${path}.settlement`),
  });
  type DocDetail = { label: string; kind: FinanceDetail['kind']; amount: number | null };
  const projectFinance = (f: DocFinance & { details?: DocDetail[] }, path: string): Finance => {
    const read = finance(f, path);
    if (f.details === undefined || f.details.length === 0) return read;
    const details = f.details.map((d, i) => ({
      ...d,
      amount: yen(d.amount, `${path}.details.${i}.amount`),
    }));
    return { ...read, details };
  };
  const project = (p: NodeDocument['projects'][number]): Project => ({
    no: p.no,
    name: p.name,
    notes: p.notes,
    department: p.department,
    finances: p.finances.map((f, i) => projectFinance(f, `projects[no=${p.no}].finances.${i}`)),
    activities: p.activities.map((a) => ({ ...a, entries: a.entries.map(entryOf) })),
    ...(p.tags && p.tags.length > 0 ? { tags: [...p.tags] } : {}),
  });
  const node = (n: NodeDocument): PlanNode => ({
    title: n.title,
    ...codeOf(n),
    children: n.children.map(node),
    projects: n.projects.map(project),
  });
  const nodes: PlanNode[] = doc.goals
    ? doc.goals.map((g) => ({
        title: g.title,
        ...codeOf(g),
        projects: [],
        children: g.directions.map((d) => ({
          title: d.title,
          ...codeOf(d),
          projects: [],
          children: d.measures.map((m) => ({
            title: m.title,
            ...codeOf(m),
            children: [],
            projects: m.projects.map(project),
          })),
        })),
      }))
    : (doc.nodes ?? []).map(node);
  const plan: Plan = {
    municipality: doc.municipality,
    plan: doc.plan,
    amountUnit: unit,
    conventions: doc.conventions,
    nodes,
    statedTotals: doc.statedTotals.map((f, i) => finance(f, `statedTotals.${i}`)),
  };
  return findings.length > 0 ? { plan: null, findings } : { plan, findings };
}
