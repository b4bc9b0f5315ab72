import type { FiscalYear } from './fiscal-year.ts';
import type { YearStatus } from './workflow.ts';

/**
 * What a page or command is for: `work` (entering and reading figures: the tree, the report,
 * KPIs, the dashboard, downloads) or `review` (checking and evaluating a closed year: the
 * check page, `sousei check`, the committee's evaluation).
 */
export type YearPurpose = 'work' | 'review';

export interface YearChoice {
  /** Every year of the plan with its status, oldest first. */
  years: readonly { fiscalYear: FiscalYear; status: YearStatus }[];
  /** The years the reader may read (the public: published ones). */
  readable: readonly FiscalYear[];
  /** Years with any figures. */
  withFigures: readonly FiscalYear[];
}

const isClosed = (s: YearStatus) => s === 'locked' || s === 'published';

/**
 * The one rule for the fiscal year a page or command opens on when none is asked for. Work
 * opens on the year open for entry (staff come to work on it), else the latest closed year;
 * review opens on the latest closed year (the committee meets after a year closes; a year is
 * checked before it is published), else the open one. Then the latest readable year with
 * figures, else the latest readable year.
 */
export function defaultFiscalYear(
  choice: YearChoice,
  purpose: YearPurpose,
): FiscalYear | undefined {
  const readable = new Set(choice.readable);
  const years = choice.years.filter((y) => readable.has(y.fiscalYear));
  const open = years.find((y) => y.status === 'open')?.fiscalYear;
  const closed = years.filter((y) => isClosed(y.status)).at(-1)?.fiscalYear;
  const first = purpose === 'work' ? (open ?? closed) : (closed ?? open);
  if (first !== undefined) return first;
  return choice.withFigures.filter((fy) => readable.has(fy)).at(-1) ?? choice.readable.at(-1);
}
