import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import type { Activity, Plan, Project } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import { closedYearEntries } from './closed-year-entries.ts';
import { readClosedYearHoldings } from './closed-year-holdings.ts';
import { closedYearRemovals } from './closed-year-removals.ts';

type Scope = { municipalityCode: string; planId: number; projectId: number };

/**
 * The closed-year rule for a writer of one project's activities (the year's entry form, the API,
 * a restore), inside its transaction: what a plan's import may not do to a locked or published
 * year, this may not either. Refused whole (keep.refused, each item named) when it would drop an
 * activity holding such a year's entries or change or add one; otherwise returns `activities`
 * with the closed years' entries they leave out kept as stored. Nothing more when no year is
 * closed, the common case, after one query.
 */
export async function keepProjectClosedYears(
  trx: Kysely<DB>,
  scope: Scope,
  activities: readonly Activity[],
): Promise<readonly Activity[]> {
  const holdings = await readClosedYearHoldings(trx, scope);
  if (!holdings) return activities;
  const project = await trx
    .selectFrom('projects')
    .select(['no', 'name'])
    .where('id', '=', scope.projectId)
    .where('municipality_code', '=', scope.municipalityCode)
    .executeTakeFirst();
  if (!project) return activities;
  // The project alone, as a plan of one: the plan-wide rules then speak of it only (they read
  // its number, name and activities; its figures are another rule's).
  const alone: Project = {
    ...project,
    notes: [],
    department: null,
    finances: [],
    activities: [...activities],
  };
  const one: Pick<Plan, 'nodes'> = { nodes: [{ title: '', children: [], projects: [alone] }] };
  const findings = closedYearRemovals(holdings, one).filter(
    (f) => f.location?.projectNo === project.no && !f.code.startsWith('keep.project.'),
  );
  if (findings.length > 0) {
    throw new SouseiError('conflict', 'keep.refused', { count: findings.length }, findings);
  }
  return closedYearEntries(holdings, one).plan.nodes[0]?.projects[0]?.activities ?? activities;
}
