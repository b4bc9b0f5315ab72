import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.ts';

/** What a plan's public pages are rendered from, as of now: its municipality and a version. */
export interface PlanContentVersion {
  municipalityCode: string;
  /** Changes whenever anything a reader of the plan can see may have changed. */
  version: string;
}

/**
 * The content version of a plan, read from the database in one statement, so every process
 * serving the same database agrees on it (no counter in memory, no writer has to bump one).
 *
 * It is derived from what the writers already leave behind: the plan row's updated_at (every
 * import), the last history change of the plan (every store writer records one: entry, status,
 * restore, KPIs, evaluations), the years' statuses and times (publish, withdraw: a published
 * year's data cannot change without one of them), the projects' count, versions and department
 * assignments, the KPIs, the municipality's name, departments and status-band settings.
 * Missing a change would serve a stale page, so each part errs towards changing too often.
 */
export async function planContentVersion(
  db: Kysely<DB>,
  planId: number,
): Promise<PlanContentVersion | undefined> {
  const { rows } = await sql<Record<string, string | number | null>>`
    select p.municipality_code as code, p.updated_at as plan_at, p.title as title, m.name as name,
      (select max(c.id) from changes c
        where c.municipality_code = p.municipality_code and c.plan_id = p.id) as change_id,
      (select count(*) from plan_years y where y.plan_id = p.id) as years,
      (select max(y.updated_at) from plan_years y where y.plan_id = p.id) as years_at,
      (select sum(case when y.status = 'published' then y.fiscal_year else 0 end)
        from plan_years y where y.plan_id = p.id) as published,
      (select sum(case y.status when 'open' then 1 when 'locked' then 2 when 'published' then 3
        else 0 end * y.fiscal_year) from plan_years y where y.plan_id = p.id) as statuses,
      (select count(*) from projects j
        where j.municipality_code = p.municipality_code and j.plan_id = p.id) as projects,
      (select count(j.department_id) from projects j
        where j.municipality_code = p.municipality_code and j.plan_id = p.id) as assigned,
      (select max(j.id) from projects j
        where j.municipality_code = p.municipality_code and j.plan_id = p.id) as project_id,
      (select sum(j.version) from projects j
        where j.municipality_code = p.municipality_code and j.plan_id = p.id) as versions,
      (select count(*) from kpis k
        where k.municipality_code = p.municipality_code and k.plan_id = p.id) as kpis,
      (select max(k.id) from kpis k
        where k.municipality_code = p.municipality_code and k.plan_id = p.id) as kpi_id,
      (select max(k.updated_at) from kpis k
        where k.municipality_code = p.municipality_code and k.plan_id = p.id) as kpis_at,
      (select count(*) from departments d where d.municipality_code = p.municipality_code)
        as departments,
      (select max(d.id) from departments d where d.municipality_code = p.municipality_code)
        as department_id,
      (select max(s.updated_at) from municipality_settings s
        where s.municipality_code = p.municipality_code) as settings_at
    from plans p inner join municipalities m on m.code = p.municipality_code
    where p.id = ${planId}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const { code, ...rest } = row;
  return { municipalityCode: String(code), version: JSON.stringify(Object.values(rest)) };
}

/** The store module: content versions for caches of what readers see. */
export function contentVersionStore(db: Kysely<DB>) {
  return { ofPlan: (planId: number) => planContentVersion(db, planId) };
}
