import type { Kysely } from 'kysely';
import type { Finding } from '../../core/finding.ts';
import type { Plan } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import { closedYearEntries } from './closed-year-entries.ts';
import { readClosedYearHoldings } from './closed-year-holdings.ts';
import { closedYearRemovals } from './closed-year-removals.ts';

/**
 * What saving `plan` over the stored plan `scope` would do to its locked and published years,
 * before anything is tried (an import's dry run): the findings that refuse it, and the plan the
 * save would write, with the closed years' entries the file leaves out kept as stored, so that
 * what the import says it changes is what it will change. One query when no year is closed.
 */
export async function checkClosedYears(
  db: Kysely<DB>,
  scope: { municipalityCode: string; planId: number },
  plan: Plan,
): Promise<{ findings: Finding[]; plan: Plan }> {
  const holdings = await readClosedYearHoldings(db, scope);
  if (!holdings) return { findings: [], plan };
  return {
    findings: closedYearRemovals(holdings, plan),
    plan: closedYearEntries(holdings, plan).plan,
  };
}
