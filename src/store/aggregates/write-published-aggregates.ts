import { type Kysely, sql } from 'kysely';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Yen } from '../../core/money.ts';
import { municipalityKind } from '../../core/municipality-kind.ts';
import { publicKpis } from '../../core/public-projection.ts';
import { dialectOf } from '../database.ts';
import { listKpis } from '../kpis/list-kpis.ts';
import type { DB } from '../schema.ts';
import { aggregateRows, planRows } from './aggregate-rows.ts';
import { goalIndexOf } from './goal-index.ts';
import { forgetStalePlan } from './stale-plans.ts';
import { storedScale } from './stored-scale.ts';

// The first key of the advisory locks that take turns over a plan's aggregates (the plan's id
// is the second): 11 after the issue; no other lock of the two-key form uses it.
const LOCK_SPACE = 11;

// Rows (plan-years) per insert: well under SQLite's bound-parameter limit (19 columns a row).
const CHUNK = 500;

/**
 * Rewrites a plan's published aggregates from what the public may see: called inside the
 * transaction that publishes or withdraws one of its years (so the view never shows a year
 * that is not published, nor misses one that is), and by the backfill. Every published year is
 * recomputed, since a cumulative KPI's achievement depends on the other published years. Also
 * called at the end of every transaction that changed what they summarise (fresh-aggregates.ts).
 */
export async function writePublishedAggregates(
  trx: Kysely<DB>,
  code: string,
  planId: number,
): Promise<void> {
  forgetStalePlan(trx, code, planId);
  await takeTurn(trx, planId);
  await trx
    .deleteFrom('published_aggregates')
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .execute();
  const years = await trx
    .selectFrom('plan_years')
    .select('fiscal_year')
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .where('status', '=', 'published')
    .orderBy('fiscal_year')
    .execute();
  const plan = await trx
    .selectFrom('plans')
    .innerJoin('municipalities', 'municipalities.code', 'plans.municipality_code')
    .select(['plans.first_fiscal_year', 'municipalities.name'])
    .where('plans.id', '=', planId)
    .where('plans.municipality_code', '=', code)
    .executeTakeFirst();
  if (!plan || years.length === 0) return;
  const publishedYears = years.map((y) => y.fiscal_year);
  const rows = planRows(
    aggregateRows({
      municipalityCode: code,
      kind: municipalityKind(code, plan.name),
      planId,
      planFirstYear: plan.first_fiscal_year,
      publishedYears,
      ...(await readPlanParts(trx, code, planId, publishedYears)),
    }),
  );
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('published_aggregates')
      .values(rows.slice(i, i + CHUNK))
      // A concurrent backfill of the same plan computes the same rows from the same data. The
      // target is the municipality-led key: the only unique key left once the schema is
      // distributed by municipality (scripts/distribution-keys.ts).
      .onConflict((oc) => oc.columns(['municipality_code', 'plan_id', 'fiscal_year']).doNothing())
      .execute();
  }
}

/**
 * On PostgreSQL, transactions writing one plan's aggregates take turns until commit. Without
 * it two writers (another editor's save, a publish) each read the plan before the other
 * committed, and the one committing second kept the first one's rows (its delete does not see
 * rows inserted after it began; its insert then conflicts and does nothing): a change went
 * missing. Waiting here, the second reads the plan as the first committed it. The lock is
 * taken at the end of a change (after its other writes; several plans by id), so a holder does
 * not go on to wait for rows another writer holds.
 */
async function takeTurn(trx: Kysely<DB>, planId: number): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(${LOCK_SPACE}, ${planId})`.execute(trx);
}

async function readPlanParts(
  trx: Kysely<DB>,
  code: string,
  planId: number,
  publishedYears: FiscalYear[],
) {
  const [nodes, projects, finances, kpis, scale] = await Promise.all([
    trx
      .selectFrom('plan_nodes')
      .select(['id', 'parent_id', 'title'])
      .where('plan_id', '=', planId)
      .where('municipality_code', '=', code)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('projects')
      .select(['id', 'node_id'])
      .where('plan_id', '=', planId)
      .where('municipality_code', '=', code)
      .execute(),
    trx
      .selectFrom('project_finances as f')
      .innerJoin('projects as p', 'p.id', 'f.project_id')
      .select(['f.project_id', 'f.fiscal_year', 'f.budget', 'f.settlement'])
      .where('p.plan_id', '=', planId)
      .where('f.municipality_code', '=', code)
      .where('f.fiscal_year', 'in', publishedYears)
      .execute(),
    listKpis(trx, code, planId),
    storedScale(trx, code),
  ]);
  const roots = nodes.filter((n) => n.parent_id === null);
  const goalOf = goalIndexOf(
    nodes.map((n) => ({ id: n.id, parentId: n.parent_id })),
    roots.map((n) => n.id),
  );
  const financesOf = new Map<
    number,
    Map<FiscalYear, { budget: Yen | null; settlement: Yen | null }>
  >();
  for (const f of finances) {
    const byYear = financesOf.get(f.project_id) ?? new Map();
    byYear.set(f.fiscal_year, { budget: f.budget, settlement: f.settlement });
    financesOf.set(f.project_id, byYear);
  }
  const nodeOfProject = new Map(projects.map((p) => [p.id, p.node_id]));
  return {
    goals: roots.map((n) => n.title),
    projects: projects.map((p) => ({
      goal: goalOf(p.node_id),
      finances: financesOf.get(p.id) ?? new Map(),
    })),
    // The public's KPIs: introduced in a published year (or with the plan), published actuals.
    kpis: publicKpis(kpis, new Set(publishedYears)).map((k) => ({
      goal: goalOf(
        k.scope === 'project' ? (nodeOfProject.get(k.projectId ?? -1) ?? null) : k.nodeId,
      ),
      definition: k.definition,
      actuals: k.actuals,
    })),
    scale,
  };
}
