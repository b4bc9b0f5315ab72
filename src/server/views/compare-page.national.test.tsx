import { describe, expect, it } from 'vitest';
import { pageOfComparison } from '../../app/compare/compare-paging.ts';
import type { CompareRow, Comparison } from '../../app/compare/load-comparison.ts';
import { generateNationalSet } from '../../app/generate/national-set.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { prefectureOf } from '../../core/municipality-code.ts';
import { municipalityKind } from '../../core/municipality-kind.ts';
import { financeFor, type PlanNode, type Project } from '../../core/plan.ts';
import { NATIONAL_SCALE } from '../../core/status-scale.ts';
import { ComparePage } from './compare-page.tsx';

const YEAR = 2022 as FiscalYear;
const KB = 1024;

function projectsUnder(node: PlanNode): Project[] {
  return [...node.projects, ...node.children.flatMap(projectsUnder)];
}

const sum = (values: (number | undefined)[]) =>
  values.some((v) => v !== undefined) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null;

/**
 * The whole country as the comparison reads it, by goal: every body of the national set
 * (`sousei generate`: 1,788 plans, their real names and generated goal titles), one row per
 * basic goal with its projects' sums. The KPI counts are made up (the page's size does not
 * depend on their values, only on how many digits they have).
 */
function nationalByGoal(): Comparison {
  const rows: CompareRow[] = [];
  let planId = 0;
  for (const g of generateNationalSet({ seed: 1 })) {
    const { code, name } = g.plan.municipality;
    planId++;
    g.plan.nodes.forEach((goal, i) => {
      const projects = projectsUnder(goal);
      const finances = projects.map((p) => financeFor(p, YEAR));
      const budget = sum(finances.map((f) => f?.budget ?? undefined));
      const settlement = sum(finances.map((f) => f?.settlement ?? undefined));
      rows.push({
        fiscalYear: YEAR,
        municipalityCode: code,
        municipalityName: name,
        prefecture: prefectureOf(code),
        kind: municipalityKind(code, name),
        planId,
        planTitle: g.plan.plan.title,
        goal: { position: i, title: goal.title },
        projectCount: projects.length,
        projectsWithFigures: finances.filter((f) => f?.budget != null && f.settlement != null)
          .length,
        budget,
        settlement,
        executionRate: budget && settlement !== null ? settlement / budget : null,
        kpiCount: 10,
        kpiBands: [3, 3, 2, 1],
        kpiNoActual: 1,
        kpiAchieved: 4,
        scale: NATIONAL_SCALE,
      });
    });
  }
  const query = { fiscalYear: YEAR, prefecture: null, kind: null, by: 'goal' as const };
  return { query, years: [2020, 2021, YEAR], rows, totals: [] };
}

const bytesOf = (html: string) => Buffer.byteLength(html, 'utf8');
const render = (c: ReturnType<typeof pageOfComparison>) => String(<ComparePage comparison={c} />);

/**
 * Issue 11: /compare?by=goal for the whole country was 4.3 million characters in one page.
 * A page of it is now bounded (the layout around it adds a few KB); the pages together hold
 * every row, and their links keep the filters.
 */
describe('the comparison page at national size', () => {
  const national = nationalByGoal();

  it('is the whole country by goal (the generated national set)', () => {
    expect(new Set(national.rows.map((r) => r.municipalityCode)).size).toBe(1788);
    expect(national.rows.length).toBeGreaterThan(5000);
    // One page holding every row is what the page was before it was paged: far over the bound.
    const everything = pageOfComparison(national, 1, national.rows.length);
    expect(bytesOf(render(everything))).toBeGreaterThan(2000 * KB);
  });

  it('is under 300 KB a page, the pages together holding every row once', () => {
    const first = pageOfComparison(national, 1);
    const { pageCount } = first.paging;
    expect(pageCount).toBe(Math.ceil(1788 / 20));
    let largest = 0;
    const seen: CompareRow[] = [];
    for (let n = 1; n <= pageCount; n++) {
      const page = pageOfComparison(national, n);
      largest = Math.max(largest, bytesOf(render(page)));
      seen.push(...page.rows);
    }
    expect(largest).toBeLessThan(300 * KB);
    expect(seen).toEqual(national.rows);
  });

  it('is under 300 KB a page by municipality too (100 plans a page)', () => {
    const plans = national.rows.filter((r) => r.goal?.position === 0);
    const byPlan = {
      ...national,
      query: { ...national.query, by: 'municipality' as const },
      rows: plans.map((r) => ({ ...r, goal: null })),
    };
    const first = pageOfComparison(byPlan, 1);
    expect(first.paging).toMatchObject({ pageCount: 18, rowCount: 1788, lastRow: 100 });
    expect(bytesOf(render(first))).toBeLessThan(300 * KB);
  });

  it('links the other pages, keeping the filters, and says which rows it shows', () => {
    const html = render(pageOfComparison(national, 2));
    // 20 plans of 3 goals a page (the generated plans have three basic goals).
    expect(html).toContain(
      `令和4年度 (R4) の基本目標別の集計（${national.rows.length} 行のうち 61～120 行目）`,
    );
    expect(html).toContain('<nav aria-label="表のページ">');
    expect(html).toContain('href="/compare?fiscalYear=2022&amp;by=goal" rel="prev"');
    expect(html).toContain('href="/compare?fiscalYear=2022&amp;by=goal&amp;page=3" rel="next"');
    expect(html).toContain('<strong aria-current="page">2 / 90 ページ</strong>');
    expect(html).toContain('aria-label="90 ページ">90</a>');
    // The CSV links are the whole table's, not the page's.
    expect(html).toContain('href="/compare.csv?fiscalYear=2022&amp;by=goal"');
    const tokyo = { ...national, query: { ...national.query, prefecture: '13' } };
    expect(render(pageOfComparison(tokyo, 1))).toContain(
      'href="/compare?fiscalYear=2022&amp;prefecture=13&amp;by=goal&amp;page=2"',
    );
  });
});
