import { describe, expect, it } from 'vitest';
import { SouseiError } from '../../core/errors.ts';
import { NATIONAL_SCALE } from '../../core/status-scale.ts';
import { pageOfComparison, parseComparePage } from './compare-paging.ts';
import type { CompareGrouping } from './compare-query.ts';
import type { CompareRow, Comparison } from './load-comparison.ts';

/** `plans` plans of `goals` goal rows each (1 goal: rows by municipality). */
function comparison(plans: number, goals: number, by: CompareGrouping = 'goal'): Comparison {
  const rows: CompareRow[] = [];
  for (let p = 0; p < plans; p++) {
    for (let g = 0; g < goals; g++) {
      rows.push({
        fiscalYear: 2022,
        municipalityCode: String(10000 + p),
        municipalityName: `団体${p}`,
        prefecture: null,
        kind: 'city',
        planId: p + 1,
        planTitle: '総合戦略',
        goal: by === 'goal' ? { position: g + 1, title: `目標${g + 1}` } : null,
        projectCount: 1,
        projectsWithFigures: 1,
        budget: 1000,
        settlement: 900,
        executionRate: 0.9,
        kpiCount: 0,
        kpiBands: [0, 0, 0, 0],
        kpiNoActual: 0,
        kpiAchieved: 0,
        scale: NATIONAL_SCALE,
      });
    }
  }
  const query = { fiscalYear: 2022, prefecture: null, kind: null, by };
  return { query, years: [2022], rows, totals: [] };
}

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof SouseiError ? [error.code, error.messageKey, error.params] : error;
  }
  return null;
};

describe('paging the comparison', () => {
  it('reads a page number, refusing anything but 1, 2, …', () => {
    expect(parseComparePage(undefined)).toBe(1);
    expect(parseComparePage(' ')).toBe(1);
    expect(parseComparePage('3')).toBe(3);
    for (const value of ['0', '-1', '1.5', 'abc', '1e3', '9999999']) {
      expect(refusal(() => parseComparePage(value))).toEqual([
        'usage',
        'compare.invalid-page',
        { value },
      ]);
    }
  });

  it('counts pages in plans and never splits a plan’s goals', () => {
    const all = comparison(7, 3);
    const pages = [1, 2, 3].map((n) => pageOfComparison(all, n, 3));
    expect(pages.map((p) => p.rows.length)).toEqual([9, 9, 3]);
    expect(pages.map((p) => p.paging)).toEqual([
      { page: 1, pageCount: 3, rowCount: 21, firstRow: 1, lastRow: 9 },
      { page: 2, pageCount: 3, rowCount: 21, firstRow: 10, lastRow: 18 },
      { page: 3, pageCount: 3, rowCount: 21, firstRow: 19, lastRow: 21 },
    ]);
    expect(pages.flatMap((p) => p.rows)).toEqual(all.rows);
    for (const p of pages) {
      const first = p.rows[0];
      expect(p.rows.filter((r) => r.planId === first?.planId)).toHaveLength(3);
    }
    // The rest of the comparison (filters, years, totals) is every page's.
    expect(pages[2]?.query).toBe(all.query);
  });

  it('holds 100 plans a page by municipality and 20 by goal unless told', () => {
    expect(pageOfComparison(comparison(250, 1, 'municipality'), 3).rows).toHaveLength(50);
    expect(pageOfComparison(comparison(250, 5), 1).rows).toHaveLength(100);
    expect(pageOfComparison(comparison(250, 5), 13).paging).toMatchObject({
      pageCount: 13,
      firstRow: 1201,
      lastRow: 1250,
    });
  });

  it('has one empty page without rows, and refuses a page past the last', () => {
    expect(pageOfComparison(comparison(0, 1), 1).paging).toEqual({
      page: 1,
      pageCount: 1,
      rowCount: 0,
      firstRow: 0,
      lastRow: 0,
    });
    expect(refusal(() => pageOfComparison(comparison(7, 3), 4, 3))).toEqual([
      'usage',
      'compare.page-out-of-range',
      { value: 4, last: 3 },
    ]);
  });
});
