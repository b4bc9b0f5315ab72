import { SouseiError } from '../../core/errors.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import type { YearStatus } from '../../core/workflow.ts';

/**
 * A closed (locked or published) year refuses every edit with the reason itself, not as a
 * missing permission: the person may well have the right, the year is what is closed.
 */
export function assertEntryOpen(year: YearStatus, fiscalYear: number): void {
  if (year === 'locked' || year === 'published') {
    throw new SouseiError('conflict', 'year.locked', {
      fiscalYear: formatFiscalYear(fiscalYear, 'long'),
    });
  }
}

/**
 * The order of refusals for a write to a project's year: someone who could not do it even in an
 * open year is refused as such (no word about the year, nor to another city); someone who could
 * is told the year is closed; anything else (a year not yet open) is refused as not allowed.
 */
export function assertMayWrite(
  allowedIfOpen: boolean,
  allowedNow: boolean,
  year: YearStatus,
  fiscalYear: number,
): void {
  if (!allowedIfOpen) throw new SouseiError('forbidden', 'auth.forbidden');
  assertEntryOpen(year, fiscalYear);
  if (!allowedNow) throw new SouseiError('forbidden', 'auth.forbidden');
}
