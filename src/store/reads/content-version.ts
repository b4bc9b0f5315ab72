import { type Kysely, sql } from 'kysely';
import type { WriteMarks } from '../database.ts';
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
  // One aggregate per table, joined as text (cast: PostgreSQL's || wants text on both sides).
  const { rows } = await sql<Record<string, string | number | null>>`
    select p.municipality_code as code, p.updated_at as plan_at, p.title as title, m.name as name,
      (select max(c.id) from changes c
        where c.municipality_code = p.municipality_code and c.plan_id = p.id) as change_id,
      (select cast(count(*) as text) || ':' || coalesce(max(y.updated_at), '') || ':' ||
          cast(coalesce(sum(case y.status when 'open' then 1 when 'locked' then 2
            when 'published' then 3 else 0 end * y.fiscal_year), 0) as text)
        from plan_years y where y.plan_id = p.id) as years,
      (select cast(count(*) as text) || ':' || cast(count(j.department_id) as text) || ':' ||
          cast(coalesce(max(j.id), 0) as text) || ':' || cast(coalesce(sum(j.version), 0) as text)
        from projects j
        where j.municipality_code = p.municipality_code and j.plan_id = p.id) as projects,
      (select cast(count(*) as text) || ':' || cast(coalesce(max(k.id), 0) as text) || ':' ||
          coalesce(max(k.updated_at), '')
        from kpis k where k.municipality_code = p.municipality_code and k.plan_id = p.id) as kpis,
      (select cast(count(*) as text) || ':' || cast(coalesce(max(d.id), 0) as text)
        from departments d where d.municipality_code = p.municipality_code) as departments,
      (select max(s.updated_at) from municipality_settings s
        where s.municipality_code = p.municipality_code) as settings_at
    from plans p inner join municipalities m on m.code = p.municipality_code
    where p.id = ${planId}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const { code, ...rest } = row;
  return { municipalityCode: String(code), version: JSON.stringify(Object.values(rest)) };
}

/**
 * The store module: content versions for caches of what readers see. A version is read again
 * only after something was written since it was last read (the database's write mark,
 * database.ts): by this process at once, by another from the next turn of the event loop on
 * (SQLite) or once its notice has arrived (PostgreSQL). The mark is taken before the version,
 * so a write in between only makes the next call read it again. Where there is no mark (no
 * marks given, or PostgreSQL's listener not connected) the version is read every time.
 */
export function contentVersionStore(db: Kysely<DB>, marks?: WriteMarks) {
  const known = new Map<number, { mark: string; version: PlanContentVersion | undefined }>();
  return {
    /**
     * A value that changes whenever anything is written to the database, by any process, for
     * caches of other reads (sessions): it reflects every commit finished before the call.
     * Undefined where there is none just now: look the data up.
     */
    writeMark: async (): Promise<string | undefined> => marks?.writeMark(),
    /**
     * Makes every commit that finished before this call, in any process, count for the
     * versions read after it (PostgreSQL: the strict mark's shared round trip on the listener;
     * SQLite's marks already do). For readers who may have just written through another
     * process (an API client saving on one and reading on another).
     */
    catchUp: async (): Promise<void> => {
      await marks?.writeMark();
    },
    async ofPlan(planId: number): Promise<PlanContentVersion | undefined> {
      const mark = marks?.turnWriteMark();
      if (mark === undefined) return planContentVersion(db, planId);
      const last = known.get(planId);
      if (last?.mark === mark) return last.version;
      const version = await planContentVersion(db, planId);
      if (known.size >= MAX_KNOWN_PLANS) known.clear();
      known.set(planId, { mark, version });
      return version;
    },
  };
}

/** Plans whose version is remembered between writes; ids come from addresses, so bounded. */
const MAX_KNOWN_PLANS = 10_000;
