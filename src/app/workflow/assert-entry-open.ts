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
