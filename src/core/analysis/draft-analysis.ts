import { extractMetrics } from '../figures/extract-metrics.ts';
import type { KpiRecord } from '../kpi-record.ts';
import { formatRate } from '../money.ts';
import type { PlanNode, Project } from '../plan.ts';
import { projectsUnder, totalsOfNode } from '../totals.ts';
import {
  type ActivityContext,
  doneSentences,
  haltSentences,
  revisionSentences,
  trendSentences,
} from './activity-sentences.ts';
import type { AnalysisInput } from './analysis-input.ts';
import type { AnalysisScope } from './analysis-scope.ts';
import { scopeKey } from './analysis-scope.ts';
import { budgetNotes } from './budget-notes.ts';
import { type DraftParagraph, joinSegments, sourced, words } from './draft-segments.ts';
import { figureTrends } from './figure-trends.ts';
import { bandSummary, type KpiContext, kpiSentence, kpisOfYear } from './kpi-sentences.ts';
import { moneySentence } from './money-sentences.ts';
import { policySentences } from './policy-sentences.ts';

/** The drafted analysis of one scope: its heading and paragraphs. */
export interface ScopeDraft {
  scope: AnalysisScope;
  key: string;
  /** The level's name (基本目標, 具体的な施策), or the plan's kind for the whole plan. */
  level: string;
  title: string;
  paragraphs: DraftParagraph[];
}

interface Context {
  input: AnalysisInput;
  kpis: KpiRecord[];
  kpi: KpiContext;
  activity: ActivityContext;
  policies: ReadonlyMap<number, string>;
}

/** 「基本目標1」 for a numbered title (`1. まちの…`), else 「基本目標「…」」. */
export function scopeName(level: string, title: string): string {
  const numbered = /^\s*([0-9０-９]+)\s*[.．、]/.exec(title);
  return numbered ? `${level}${numbered[1]}` : `${level}「${title.trim()}」`;
}

const nonEmpty = (paragraphs: DraftParagraph[]) => paragraphs.filter((p) => p.length > 0);

function kpisOfProjects(c: Context, projects: readonly Project[]): KpiRecord[] {
  const ids = new Set(projects.map((p) => c.input.projectIds.get(p)));
  return c.kpis.filter((k) => k.scope === 'project' && ids.has(k.projectId ?? undefined));
}

function nodeIdsUnder(c: Context, node: PlanNode): Set<number | undefined> {
  const out = new Set<number | undefined>();
  const walk = (n: PlanNode) => {
    out.add(c.input.nodeIds.get(n));
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

/** The store id of a node: every node of the input has one (the caller's contract). */
function idOf(c: Context, node: PlanNode): number {
  const id = c.input.nodeIds.get(node);
  if (id === undefined) throw new RangeError(`No id for the node ${node.title}`);
  return id;
}

function measureDraft(c: Context, node: PlanNode, level: string): ScopeDraft {
  const nodeId = idOf(c, node);
  const projects = node.projects;
  const own = c.kpis.filter((k) => k.scope !== 'project' && k.nodeId === nodeId);
  const kpis = [...own, ...kpisOfProjects(c, projects)];
  const read = (text: string) => extractMetrics(text, { arrow: c.activity.arrow }).metrics;
  const trends = figureTrends(projects, c.activity.firstFiscalYear, c.input.fiscalYear, read);
  return {
    scope: { kind: 'measure', nodeId },
    key: scopeKey({ kind: 'measure', nodeId }),
    level,
    title: node.title,
    paragraphs: nonEmpty([
      doneSentences(projects, `${level}「${node.title.trim()}」`, c.activity, nodeId),
      [
        ...moneySentence(projects, 'これらの事業', {
          fiscalYear: c.input.fiscalYear,
          unit: c.input.plan.amountUnit,
          nodeId,
        }),
        ...budgetNotes(projects, c.activity),
      ],
      kpis.flatMap((k) => kpiSentence(k, c.kpi)),
      trendSentences(trends, c.activity),
      haltSentences(projects, c.activity, { list: true }),
      revisionSentences(projects, c.activity, { list: true }),
      policySentences(projects, c.policies, c.activity, { list: true }),
    ]),
  };
}

function goalDraft(c: Context, node: PlanNode, level: string): ScopeDraft {
  const nodeId = idOf(c, node);
  const projects = projectsUnder(node);
  const name = scopeName(level, node.title);
  const under = nodeIdsUnder(c, node);
  const own = c.kpis.filter((k) => k.scope === 'goal' && k.nodeId === nodeId);
  const below = [
    ...c.kpis.filter((k) => k.scope === 'measure' && under.has(k.nodeId ?? undefined)),
    ...kpisOfProjects(c, projects),
  ];
  return {
    scope: { kind: 'goal', nodeId },
    key: scopeKey({ kind: 'goal', nodeId }),
    level,
    title: node.title,
    paragraphs: nonEmpty([
      doneSentences(projects, name, c.activity, nodeId),
      moneySentence(projects, `${name}の事業`, {
        fiscalYear: c.input.fiscalYear,
        unit: c.input.plan.amountUnit,
        nodeId,
      }),
      [
        ...own.flatMap((k) => kpiSentence(k, c.kpi)),
        ...bandSummary(below, c.kpi, '施策・事業のKPI '),
      ],
      haltSentences(projects, c.activity, { list: true }),
      revisionSentences(projects, c.activity, { list: false }),
      policySentences(projects, c.policies, c.activity, { list: false }),
    ]),
  };
}

/** 「基本目標別の執行率は、基本目標1が100.0%、…であった。」 */
function ratesByGoal(c: Context, level: string): DraftParagraph {
  const fy = c.input.fiscalYear;
  const parts = c.input.plan.nodes.flatMap((goal) => {
    const { rate } = totalsOfNode(goal, fy);
    if (rate === null) return [];
    const nodeId = idOf(c, goal);
    return [
      [
        words(`${scopeName(level, goal.title)}が`),
        sourced(formatRate(rate), { kind: 'totals', nodeId, fiscalYear: fy }),
      ],
    ];
  });
  if (parts.length < 2) return [];
  return [words(`${level}別の執行率は、`), ...joinSegments(parts), words('であった。')];
}

function planDraft(c: Context): ScopeDraft {
  const { plan } = c.input;
  const goalLevel = plan.plan.levels[0] ?? '基本目標';
  const projects = plan.nodes.flatMap(projectsUnder);
  const whole = `${plan.plan.kind || '計画'}全体`;
  return {
    scope: { kind: 'plan' },
    key: 'plan',
    level: plan.plan.kind || '計画',
    title: plan.plan.title,
    paragraphs: nonEmpty([
      doneSentences(projects, whole, c.activity, null),
      [
        ...moneySentence(projects, `${whole}`, {
          fiscalYear: c.input.fiscalYear,
          unit: plan.amountUnit,
          nodeId: null,
        }),
        ...ratesByGoal(c, goalLevel),
      ],
      bandSummary(c.kpis, c.kpi, 'KPI（数値目標を含む）'),
      haltSentences(projects, c.activity, { list: false }),
      revisionSentences(projects, c.activity, { list: false }),
      policySentences(projects, c.policies, c.activity, { list: false }),
    ]),
  };
}

/**
 * The drafted 効果検証 of a plan's year, deterministic from its data: the whole plan first, then
 * each basic goal followed by its measures (the nodes holding projects), in tree order.
 */
export function draftAnalysis(input: AnalysisInput): ScopeDraft[] {
  const { plan, fiscalYear } = input;
  const c: Context = {
    input,
    policies: input.policies ?? new Map(),
    kpis: kpisOfYear(input.kpis, fiscalYear),
    kpi: {
      fiscalYear,
      planFirstYear: plan.plan.firstFiscalYear,
      scale: input.scale,
      yearClosed: input.yearClosed,
    },
    activity: {
      fiscalYear,
      firstFiscalYear: plan.plan.firstFiscalYear,
      projectIds: input.projectIds,
      arrow: input.arrow ?? plan.conventions.arrow,
      halts: new Map(),
    },
  };
  const levels = plan.plan.levels;
  const out: ScopeDraft[] = [planDraft(c)];
  const measures = (node: PlanNode, depth: number) => {
    if (depth > 0 && node.projects.length > 0) out.push(measureDraft(c, node, levels[depth] ?? ''));
    for (const child of node.children) measures(child, depth + 1);
  };
  for (const goal of plan.nodes) {
    out.push(goalDraft(c, goal, levels[0] ?? '基本目標'));
    measures(goal, 0);
  }
  return out;
}

/** The heading of a scope's draft: 「基本目標 1. まちの…」, or the plan's title for the whole plan. */
export function scopeHeading(d: ScopeDraft): string {
  return d.scope.kind === 'plan' ? `${d.title}（全体）` : `${d.level} ${d.title}`;
}
