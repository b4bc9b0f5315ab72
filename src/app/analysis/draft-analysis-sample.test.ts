import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftAnalysis, type ScopeDraft } from '../../core/analysis/draft-analysis.ts';
import { type DraftSegment, draftText } from '../../core/analysis/draft-segments.ts';
import { figureTrends } from '../../core/analysis/figure-trends.ts';
import { haltStatus } from '../../core/analysis/year-entries.ts';
import type { Metric } from '../../core/figures/metric.ts';
import type { KpiRecord } from '../../core/kpi-record.ts';
import { allProjects, type Plan } from '../../core/plan.ts';
import { inputFor, samplePlan } from './analysis-test-support.ts';

const R2 = 2020;

/**
 * The sample's figures read here on their own, straight from the TSV's cells (not through the
 * importer): each basic goal's budget and settlement in 千円, and the whole plan's.
 */
function sampleFigures() {
  const tsv = readFileSync(
    new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url),
    'utf8',
  );
  const goals: { budget: number; settlement: number }[] = [];
  let measures = 0;
  const overBudget: string[] = [];
  const nothingSettled: string[] = [];
  for (const line of tsv.split(/\r?\n/)) {
    const cells = line.split('\t');
    if (/^\d+\. /.test(cells[0] ?? '') && !cells[1]) goals.push({ budget: 0, settlement: 0 });
    if (!/^\d+$/.test(cells[1] ?? '')) continue;
    // A measure's cell is written on its first project's row only.
    if (cells[0]) measures++;
    const goal = goals.at(-1) as { budget: number; settlement: number };
    const n = (s: string | undefined) => (s && s !== '-' ? Number(s.replaceAll(',', '')) : 0);
    goal.budget += n(cells[3]);
    goal.settlement += n(cells[4]);
    if (cells[3] === '-' || cells[4] === '-') continue;
    if (n(cells[4]) > n(cells[3])) overBudget.push(cells[1] as string);
    if (n(cells[4]) === 0 && n(cells[3]) > 0) nothingSettled.push(cells[1] as string);
  }
  return { goals, measures, overBudget, nothingSettled };
}

const yen = (senYen: number) => `${senYen.toLocaleString('en-US')}千円`;
const pct = (s: number, b: number) => `${((s / b) * 100).toFixed(1)}%`;
const text = (d: ScopeDraft | undefined) => draftText(d?.paragraphs ?? []);
const segments = (d: ScopeDraft | undefined): DraftSegment[] => (d?.paragraphs ?? []).flat();

/** Words holding a quantity; words may hold the year (令和2年度) and a goal's number (基本目標1). */
const unlinkedNumbers = (drafts: readonly ScopeDraft[]) =>
  drafts
    .flatMap(segments)
    .filter((s) => !s.source && /[0-9０-９][0-9,.]*\s*(件|事業|千円|%|ポイント)/.test(s.text));

describe('the drafted analysis of the sample, FY R2, against its own figures', () => {
  const plan = samplePlan();
  const drafts = draftAnalysis(inputFor(plan, R2));
  const goals = drafts.filter((d) => d.scope.kind === 'goal');
  const { goals: figures, measures, overBudget, nothingSettled } = sampleFigures();

  it('drafts the plan, each basic goal and each measure, the plan first', () => {
    expect(drafts[0]?.key).toBe('plan');
    expect(goals).toHaveLength(3);
    expect(drafts.filter((d) => d.scope.kind === 'measure')).toHaveLength(measures);
    expect(new Set(drafts.map((d) => d.key)).size).toBe(drafts.length);
  });

  it('states the plan totals 70,090 / 52,139 千円 and 74.4 %, with no change from a year without figures', () => {
    const plan = text(drafts[0]);
    expect(plan).toContain('予算は計70,090千円、決算は計52,139千円で、執行率は74.4%であった。');
    expect(plan).not.toContain('前年度比');
  });

  it('states each goal’s totals as computed here from the TSV', () => {
    expect(figures).toHaveLength(3);
    figures.forEach((f, i) => {
      const body = text(goals[i]);
      expect(body).toContain(
        `基本目標${i + 1}の事業の予算は計${yen(f.budget)}、決算は計${yen(f.settlement)}で、執行率は${pct(f.settlement, f.budget)}であった。`,
      );
      expect(text(drafts[0])).toContain(`基本目標${i + 1}が${pct(f.settlement, f.budget)}`);
    });
  });

  it('links every amount and rate to the tree’s totals of its node and year', () => {
    const goal = goals[1];
    const linked = segments(goal).filter((s) => /千円|%$/.test(s.text));
    expect(linked.length).toBeGreaterThanOrEqual(3);
    for (const s of linked) {
      expect(s.source).toEqual({
        kind: 'totals',
        nodeId: goal?.scope.kind === 'goal' ? goal.scope.nodeId : 'none',
        fiscalYear: R2,
      });
    }
  });

  it('links every count and amount: no number is written without its source', () => {
    expect(unlinkedNumbers(drafts)).toEqual([]);
    const plan = segments(drafts[0]);
    expect(plan.find((s) => s.text === '24事業')?.source).toEqual({
      kind: 'totals',
      nodeId: null,
      fiscalYear: R2,
    });
    expect(plan.find((s) => s.text === '46件')?.source).toEqual({ kind: 'report', fiscalYear: R2 });
  });

  it('names the projects settled above their budget, and those that settled nothing', () => {
    const named = (ending: string) =>
      drafts
        .filter((d) => d.scope.kind === 'measure')
        .flatMap((d) => d.paragraphs)
        .flatMap((p) => {
          const at = p.findIndex((s) => s.text.startsWith(ending));
          // The names are the sourced segments before the ending, back to the previous sentence.
          const before = p.slice(0, Math.max(at, 0));
          const start = before.findLastIndex((s) => !s.source && s.text !== '、');
          return before
            .slice(start + 1)
            .filter((s) => s.source)
            .map((s) => /^No\.(\d+)/.exec(s.text)?.[1]);
        });
    expect(overBudget).toEqual(['1', '8', '10']);
    expect(named('は、決算が予算を上回った。')).toEqual(overBudget);
    expect(nothingSettled).toEqual(['17', '18', '19', '21', '23', '24']);
    expect(named('は、予算に対して決算額がゼロであった。')).toEqual(nothingSettled);
  });

  it('names project 22 as having no R2 result, linked to the project', () => {
    expect(text(drafts[0])).toContain(
      'このうち、No.22「まちのイメージづくり・魅力発見事業」は令和2年度の結果の記載がない。',
    );
    expect(text(goals[0])).not.toContain('結果の記載がない');
    const named = segments(goals[2]).find((s) => s.text.startsWith('No.22'));
    expect(named?.source).toEqual({ kind: 'project', projectId: 22, fiscalYear: R2 });
  });

  it('counts the cancelled activities (中止) and quotes the revisions (⇒)', () => {
    expect(text(drafts[0])).toContain('令和2年度に中止となった取組は4件であった。');
    expect(text(goals[0])).toContain(
      '（No.4「職業理解促進事業」の「教員向けものづくり工場視察会開催」）',
    );
    expect(text(drafts[0])).toContain('令和2年度に行った見直し（⇒）は2件であった。');
    const measure = drafts.find((d) => d.title.startsWith('地元企業への就職促進'));
    expect(text(measure)).toContain(
      'No.1「移住推進事業」の「移住促進動画作成」について、「リーフレット(チラシ)作成からコロナ禍に対応し、WEB上で公開できる動画作成に変更」と見直した。',
    );
  });

  it('says nothing of trends where no figure recurs across years (the sample has one year)', () => {
    expect(drafts.map(text).join('')).not.toContain('推移');
  });
});

/** The sample with an R1 year: project 1 had 1,000 千円 budgeted and 500 settled. */
function withPreviousYear(plan: Plan): Plan {
  const copy = structuredClone(plan);
  const first = allProjects(copy)[0];
  first?.finances.push({ fiscalYear: 2019, budget: 1_000_000, settlement: 500_000 });
  return copy;
}

describe('the change from the previous year and missing figures', () => {
  it('gives the change of execution rate in percentage points, linked to the previous year', () => {
    const drafts = draftAnalysis(inputFor(withPreviousYear(samplePlan()), R2));
    // 52,139 / 70,090 = 74.388…% against 50.0%: +24.4 points.
    expect(text(drafts[0])).toContain('執行率は74.4%（前年度比 +24.4ポイント）であった。');
    const change = segments(drafts[0]).find((s) => s.text.endsWith('ポイント'));
    expect(change?.source).toEqual({ kind: 'totals', nodeId: null, fiscalYear: 2019 });
  });

  it('says amounts are missing, never 0, for a year without figures', () => {
    const drafts = draftAnalysis(inputFor(samplePlan(), 2021, { yearClosed: false }));
    expect(text(drafts[0])).toContain('総合戦略全体の予算・決算の記載はない。');
    expect(text(drafts[0])).toContain('令和3年度の結果（▶）の記載はまだない。');
    expect(drafts.map(text).join('')).not.toMatch(/計0千円|0\.0%/);
  });
});

const kpi = (over: Partial<KpiRecord> & Pick<KpiRecord, 'id' | 'scope'>): KpiRecord => ({
  nodeId: null,
  projectId: null,
  position: 0,
  introducedIn: null,
  actuals: [],
  ...over,
  definition: {
    name: `指標${over.id}`,
    unit: '件',
    direction: 'higher',
    kind: 'annual',
    baseline: null,
    target: { value: 50, fiscalYear: 2024 },
    yearTargets: [],
    ...over.definition,
  },
});

const actual = (value: number) => ({
  fiscalYear: R2,
  value,
  asOf: null,
  source: null,
  entryId: null,
});

describe('KPIs in the municipality’s bands, and why one has no achievement', () => {
  const plan = samplePlan();
  // Nodes 101 (goal 1), 103 (its first measure); project 1 is under measure 103.
  const kpis = [
    kpi({ id: 1, scope: 'goal', nodeId: 101, actuals: [actual(45)] }),
    kpi({ id: 2, scope: 'measure', nodeId: 103 }),
    kpi({ id: 3, scope: 'project', projectId: 1, actuals: [actual(41)] }),
    kpi({
      id: 4,
      scope: 'project',
      projectId: 1,
      actuals: [actual(7)],
      definition: { target: null } as never,
    }),
    kpi({ id: 5, scope: 'project', projectId: 2, introducedIn: 2022 }),
  ];
  const drafts = draftAnalysis(inputFor(plan, R2, { kpis }));
  const goal = drafts.find((d) => d.key === 'node-101');
  const measure = drafts.find((d) => d.key === 'node-103');

  it('gives a goal’s 数値目標 with its rate and band, and the KPIs below it by band', () => {
    expect(text(goal)).toContain(
      '数値目標「指標1」は実績45件、目標50件に対し達成率90.0%（B）であった。',
    );
    expect(text(goal)).toContain(
      '施策・事業のKPI 3件の達成状況は、達成度 A/B/C/Dで「B」1件、「達成率を算出できないもの」2件であった。',
    );
  });

  it('links each KPI figure to the KPI', () => {
    expect(unlinkedNumbers(drafts)).toEqual([]);
    const target = segments(measure).find((s) => s.text === '50件');
    expect(target?.source).toEqual({ kind: 'kpi', kpiId: 3, fiscalYear: R2 });
  });

  it('gives the reason a KPI has no achievement: no actual recorded, no target', () => {
    expect(text(measure)).toContain('KPI「指標2」は、令和2年度の実績値が記録されていない。');
    expect(text(measure)).toContain(
      'KPI「指標3」は実績41件、目標50件に対し達成率82.0%（B）であった。',
    );
    expect(text(measure)).toContain(
      'KPI「指標4」は実績7件であった（目標値が設定されていないため、達成率は算出できない）。',
    );
    expect(text(measure)).not.toContain('指標5');
    const link = segments(measure).find((s) => s.text === '82.0%');
    expect(link?.source).toEqual({ kind: 'kpi', kpiId: 3, fiscalYear: R2 });
  });

  it('says an open year’s actual is not yet final', () => {
    const open = draftAnalysis(inputFor(plan, R2, { kpis, yearClosed: false }));
    expect(text(open.find((d) => d.key === 'node-103'))).toContain(
      'KPI「指標2」は、令和2年度がまだ締め切られていないため、実績値が未確定である。',
    );
    const unrated = draftAnalysis(
      inputFor(plan, R2, { kpis: [kpis[1] as KpiRecord], yearClosed: false }),
    );
    expect(text(unrated[0])).toContain(
      'KPI（数値目標を含む）1件は、令和2年度がまだ締め切られていないため、達成率を算出できない。',
    );
  });
});

describe('what comes next: the committee’s 今後の方針', () => {
  it('lists the measure’s projects by policy and counts them for the goal and the plan', () => {
    const input = inputFor(samplePlan(), R2);
    const policies = new Map([
      [1, '継続'],
      [2, '継続'],
      [3, '改善'],
    ]);
    const drafts = draftAnalysis({ ...input, policies });
    expect(text(drafts.find((d) => d.key === 'node-103'))).toContain(
      '今後の方針は、No.1「移住推進事業」、No.2「西いぶり合同企業説明会開催事業」が「継続」、No.3「大学連携推進事業」が「改善」とされた。',
    );
    expect(text(drafts[0])).toContain('今後の方針は、「継続」2事業、「改善」1事業とされた。');
    expect(draftAnalysis(input).map(text).join('')).not.toContain('今後の方針');
  });
});

describe('recurring figures and halted activities', () => {
  it('groups figures by label and unit across years into a trend reaching the year', () => {
    const plan = samplePlan();
    const project = structuredClone(allProjects(plan)[0]);
    if (!project) throw new Error('no project');
    project.activities = [
      {
        title: '移住相談',
        text: '移住相談',
        source: null,
        relistOf: null,
        entries: [
          { kind: 'result', fiscalYear: 2020, yearLabel: 'R2', text: '41件', kpi: false },
          { kind: 'result', fiscalYear: 2021, yearLabel: 'R3', text: '50件', kpi: false },
        ],
      },
    ];
    // A reader that labels every figure 移住相談: the grouping is what is tested here.
    const read = (t: string): Metric[] => [
      {
        label: '移住相談',
        value: Number.parseInt(t, 10),
        unit: '件',
        partOf: null,
        cumulative: false,
        total: false,
        approximate: false,
        upTo: null,
        target: null,
        asOf: null,
      },
    ];
    const trends = figureTrends([project], 2020, 2021, read);
    expect(trends.map((t) => [t.label, t.unit, t.points])).toEqual([
      [
        '移住相談',
        '件',
        [
          { fiscalYear: 2020, value: 41 },
          { fiscalYear: 2021, value: 50 },
        ],
      ],
    ]);
    expect(figureTrends([project], 2020, 2020, read)).toEqual([]);
  });

  it('reads 中止 and 延期 from the words while the figures reader gives no status', () => {
    expect(haltStatus('新型コロナウイルス感染拡大により中止')).toBe('中止');
    expect(haltStatus('台風のため翌年度に延期')).toBe('延期');
    expect(haltStatus('参加者78名')).toBeNull();
  });
});
