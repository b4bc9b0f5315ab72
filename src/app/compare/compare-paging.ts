import { SouseiError } from '../../core/errors.ts';
import type { CompareGrouping } from './compare-query.ts';
import type { CompareRow, Comparison } from './load-comparison.ts';

/**
 * Plans a page of /compare holds. The whole country is 1,788 plans (0.8 million characters of
 * HTML) and 8,940 goal rows by goal (4.3 million): a page of 100 plans, or of 20 plans' goals
 * (about 100 rows), stays near 100 rows. A plan's goals are never split between two pages.
 * The CSV and the API are not paged: they answer every row of the filters.
 */
export const PLANS_PER_PAGE: Readonly<Record<CompareGrouping, number>> = {
  municipality: 100,
  goal: 20,
};

export interface ComparePaging {
  /** 1-based. */
  page: number;
  /** At least 1, even with no row. */
  pageCount: number;
  /** Every row of the filters, on every page. */
  rowCount: number;
  /** 1-based positions of this page's first and last rows among them (0 when none). */
  firstRow: number;
  lastRow: number;
}

/** A comparison whose rows are one page's, with where that page is. */
export interface PagedComparison extends Comparison {
  paging: ComparePaging;
}

/** `page` as a link or a person typed it: blank is the first; anything but 1, 2, … is refused. */
export function parseComparePage(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const value = raw.trim();
  const page = /^\d{1,6}$/.test(value) ? Number(value) : 0;
  if (page < 1) throw new SouseiError('usage', 'compare.invalid-page', { value });
  return page;
}

const planKey = (row: CompareRow) => `${row.municipalityCode}/${row.planId}`;

/**
 * One page of the comparison's rows, counted in plans (rows of one plan are next to each other:
 * the store answers in code and plan order). A page past the last is refused with the last's
 * number rather than shown empty: a stale link says why it shows nothing.
 */
export function pageOfComparison(
  comparison: Comparison,
  page: number,
  plansPerPage = PLANS_PER_PAGE[comparison.query.by],
): PagedComparison {
  const { rows } = comparison;
  const starts: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (i === 0 || planKey(rows[i] as CompareRow) !== planKey(rows[i - 1] as CompareRow)) {
      starts.push(i);
    }
  }
  const pageCount = Math.max(1, Math.ceil(starts.length / plansPerPage));
  if (page > pageCount) {
    throw new SouseiError('usage', 'compare.page-out-of-range', { value: page, last: pageCount });
  }
  const from = starts[(page - 1) * plansPerPage] ?? rows.length;
  const to = starts[page * plansPerPage] ?? rows.length;
  const paging = {
    page,
    pageCount,
    rowCount: rows.length,
    firstRow: from < to ? from + 1 : 0,
    lastRow: from < to ? to : 0,
  };
  return { ...comparison, rows: rows.slice(from, to), paging };
}
