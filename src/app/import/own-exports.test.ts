import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActivityCell, renderActivityCell } from '../../core/activity-notation.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { AmountUnit, Yen } from '../../core/money.ts';
import {
  type Activity,
  allProjects,
  type Entry,
  MURORAN_CONVENTIONS,
  type Plan,
  type PlanNode,
  type Project,
} from '../../core/plan.ts';
import { totalsOfPlan } from '../../core/totals.ts';
import type { AppContext } from '../app-context.ts';
import { useTestContext } from '../app-test-support.ts';
import { type ExportRequest, exportPlanFile } from '../export-plan.ts';
import { importFile } from './import-file.ts';

/**
 * Every export comes back: a plan of any shape (1–4 levels above its projects, empty nodes,
 * projects on upper levels, numbers such as 0388 and 12-3, null and 0 amounts, notes,
 * activities with results and revisions, stated totals that do or do not add up) is stored,
 * exported, and the file imported with no option at all (dry run, then for real) into another
 * database: the plan stored there is the plan stored here.
 */
const CODE = '012050';
const UPPER_LEVELS = ['基本目標', '政策', '施策', '基本事業'];
const WORDS = ['移住相談', '子育て支援', '創業支援', '観光振興', '防災訓練', '地域交流'];

type Gen = fc.GeneratorValue;

const amount = (g: Gen): Yen | null =>
  g(() => fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 1, max: 99_999_999_999 })));

/** Activities as a table holds them: read from their notation, so each has its source. */
function activities(g: Gen, years: readonly FiscalYear[]): Activity[] {
  const items = g(() =>
    fc.array(
      fc.record({
        word: fc.constantFrom(...WORDS),
        detail: fc.constantFrom('', ' 市内全域', ' 年4回'),
        entries: fc.array(
          fc.record({
            kind: fc.constantFrom<Entry['kind']>('result', 'revision'),
            year: fc.option(fc.constantFrom(...years), { nil: null }),
            text: fc.constantFrom('41件', '参加者12名', '対象を拡大', '中止'),
            kpi: fc.boolean(),
          }),
          { maxLength: 2 },
        ),
      }),
      { maxLength: 3 },
    ),
  );
  const typed: Activity[] = items.map((i) => ({
    title: i.word,
    text: `${i.word}${i.detail}`,
    source: null,
    relistOf: null,
    entries: i.entries.map((e) => ({
      kind: e.kind,
      fiscalYear: e.year,
      yearLabel: null,
      text: e.text,
      kpi: e.kpi,
    })),
  }));
  const cell = renderActivityCell(typed, MURORAN_CONVENTIONS);
  const parsed = parseActivityCell(cell, MURORAN_CONVENTIONS);
  if (parsed.problems.length > 0) throw new Error(`unreadable notation: ${cell}`);
  return parsed.activities;
}

let serial = 0;

/** A plan of any shape; `plain` leaves out what only the JSON carries (departments). */
function drawPlan(g: Gen, plain: boolean): Plan {
  serial++;
  const depth = g(() => fc.integer({ min: 1, max: 4 }));
  const first = g(() => fc.integer({ min: 2015, max: 2024 }));
  const last = first + g(() => fc.integer({ min: 0, max: 4 }));
  const period = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const years = g(() =>
    fc.subarray(period, { minLength: 1, maxLength: Math.min(3, period.length) }),
  );
  const numbering = g(() => fc.constantFrom('count', 'id', 'measure'));
  let projects = 0;
  let nodes = 0;
  const project = (): Project => {
    projects++;
    const no =
      numbering === 'count'
        ? String(projects)
        : numbering === 'id'
          ? String(381 + projects * 7).padStart(4, '0')
          : `${nodes}-${projects}`;
    return {
      no,
      name: `${g(() => fc.constantFrom(...WORDS))}事業${projects}`,
      notes: g(() => fc.subarray(['新規', '国の交付金を活用', '再編予定'])),
      department: plain ? null : g(() => fc.constantFrom(null, '企画課', '商工観光課')),
      finances: years.map((fiscalYear) => ({
        fiscalYear,
        budget: amount(g),
        settlement: amount(g),
      })),
      activities: activities(g, years),
    };
  };
  const node = (level: number): PlanNode => {
    nodes++;
    const numbered = g(() => fc.boolean());
    const word = g(() => fc.constantFrom(...WORDS));
    const title = numbered ? `${nodes}. ${word}のまち` : `${word}を進める${nodes}`;
    const deepest = level === depth - 1;
    // Projects on an upper level are rare, but a plan may have them.
    const own = deepest
      ? g(() => fc.integer({ min: 0, max: 3 }))
      : g(() => fc.constantFrom(0, 0, 0, 1));
    const children = deepest
      ? []
      : Array.from({ length: g(() => fc.integer({ min: 0, max: 3 })) }, () => node(level + 1));
    return { title, projects: Array.from({ length: own }, project), children };
  };
  const roots = Array.from({ length: g(() => fc.integer({ min: 1, max: 3 })) }, () => node(0));
  // At least one project, on a node at the deepest level, so the tree has every level.
  let leaf: PlanNode = roots[0] as PlanNode;
  for (let level = 1; level < depth; level++) {
    const child: PlanNode = { title: `追加の階層${serial}-${level}`, projects: [], children: [] };
    leaf.children.push(child);
    leaf = child;
  }
  leaf.projects.push(project());
  const plan: Plan = {
    municipality: { code: CODE, name: '室蘭市' },
    plan: {
      title: `計画${serial}`,
      kind: g(() => fc.constantFrom('総合戦略', '総合計画', '事務事業評価')),
      firstFiscalYear: first,
      lastFiscalYear: last,
      levels: [...UPPER_LEVELS.slice(0, depth), g(() => fc.constantFrom('事業', '事務事業'))],
    },
    amountUnit: g(() => fc.constantFrom<AmountUnit>('千円', '円', '百万円')),
    conventions: { ...MURORAN_CONVENTIONS },
    nodes: roots,
    statedTotals: [],
  };
  const stated = g(() => fc.constantFrom('none', 'computed', 'other'));
  if (stated !== 'none') {
    plan.statedTotals = years.map((fiscalYear) =>
      stated === 'computed'
        ? { fiscalYear, ...totalsOfPlan(plan.nodes, fiscalYear) }
        : { fiscalYear, budget: amount(g), settlement: amount(g) },
    );
  }
  return plan;
}

/** Where two values first differ (`nodes.0.projects.1.no: "0388" ≠ "388"`), or null. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      path === '' ? key : `${path}.${key}`,
    );
    if (found !== null) return found;
  }
  return null;
}

async function storedPlan(ctx: AppContext, title: string): Promise<Plan | undefined> {
  const id = await ctx.store.plans.findId(CODE, title);
  return id === undefined ? undefined : ctx.store.plans.load(CODE, id);
}

const FORMATS: { name: string; request: ExportRequest; file: string; plain: boolean }[] = [
  { name: 'JSON', request: { format: 'json' }, file: 'plan.json', plain: false },
  { name: 'TSV', request: { format: 'tsv' }, file: 'plan.tsv', plain: true },
  {
    name: 'open-data CSV (plan.csv)',
    request: { format: 'csv', table: 'plan' },
    file: 'plan.csv',
    plain: false,
  },
  {
    name: 'xlsx (a sheet a year)',
    request: { format: 'xlsx', layout: 'per-year' },
    file: 'plan.xlsx',
    plain: true,
  },
  {
    name: 'xlsx (one cumulative sheet)',
    request: { format: 'xlsx', layout: 'cumulative' },
    file: 'plan.xlsx',
    plain: true,
  },
];

describe('every export re-imports to the identical plan, with no option', () => {
  const source = useTestContext();
  const target = useTestContext();

  for (const format of FORMATS) {
    it(`${format.name}: stored → exported → imported (dry run, then real) → the same plan`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.gen(), async (g) => {
          const plan = drawPlan(g, format.plain);
          const years = [...new Set(allProjects(plan).flatMap((p) => p.finances))]
            .map((f) => f.fiscalYear)
            .filter((fy, i, all) => all.indexOf(fy) === i);
          await source().store.plans.save({
            plan,
            fiscalYears: years,
            now: '2026-11-30T00:00:00Z',
          });
          const stored = await storedPlan(source(), plan.plan.title);
          expect(allProjects(stored ?? { nodes: [] }).length).toBe(allProjects(plan).length);
          const file = await exportPlanFile(source(), {
            municipalityCode: CODE,
            title: plan.plan.title,
            ...format.request,
          });
          const bytes =
            typeof file.body === 'string' ? new TextEncoder().encode(file.body) : file.body;
          const input = { bytes, fileName: format.file };
          const dry = await importFile(target(), { ...input, dryRun: true });
          expect(JSON.stringify(dry.findings.slice(0, 3))).toBe('[]');
          expect(dry.written).toBe(false);
          expect(firstDifference(dry.plan, stored)).toBeNull();
          expect(await storedPlan(target(), plan.plan.title)).toBeUndefined();
          const real = await importFile(target(), input);
          expect(JSON.stringify(real.findings.slice(0, 3))).toBe('[]');
          expect(real.written).toBe(true);
          expect(firstDifference(real.changes, dry.changes)).toBeNull();
          expect(firstDifference(await storedPlan(target(), plan.plan.title), stored)).toBeNull();
        }),
        // No shrinking: a counterexample is a whole plan, printed by its seed and path.
        { numRuns: 12, endOnFailure: true, verbose: 0 },
      );
    }, 120_000);
  }

  it('tells plan.csv by its header, whatever its name; refuses another CSV without a mapping', async () => {
    const plan = fc.sample(fc.gen(), { numRuns: 1, seed: 7 }).map((g) => drawPlan(g, false))[0];
    if (!plan) throw new Error('no plan drawn');
    await source().store.plans.save({
      plan,
      fiscalYears: [plan.plan.firstFiscalYear],
      now: '2026-11-30T00:00:00Z',
    });
    const file = await exportPlanFile(source(), {
      municipalityCode: CODE,
      title: plan.plan.title,
      format: 'csv',
      table: 'plan',
    });
    const bytes = new TextEncoder().encode(String(file.body));
    const named = await importFile(target(), { bytes, fileName: 'export.txt', dryRun: true });
    expect(named.findings).toEqual([]);
    expect(named.plan?.plan.title).toBe(plan.plan.title);
    const other = await exportPlanFile(source(), {
      municipalityCode: CODE,
      title: plan.plan.title,
      format: 'csv',
      table: 'projects',
    });
    const refused = await importFile(target(), {
      bytes: new TextEncoder().encode(String(other.body)),
      fileName: 'projects.csv',
      dryRun: true,
    });
    expect(refused.findings.map((f) => f.code)).toEqual(['csv.not-a-plan']);
  });
});
