import type { Kysely } from 'kysely';
import type { ChangeTarget } from '../../core/change.ts';
import type { DB } from '../schema.ts';

export interface HistoryItem {
  id: number;
  projectId: number | null;
  projectNo: string | null;
  projectName: string | null;
  fiscalYear: number | null;
  target: ChangeTarget;
  before: unknown;
  after: unknown;
  userName: string | null;
  origin: string;
  at: string;
}

export interface StoredChange {
  id: number;
  planId: number;
  projectId: number | null;
  fiscalYear: number | null;
  target: ChangeTarget;
  before: unknown;
}

const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

/** The history (changes): read here, written by every store writer through `recordChange`. */
export function historyStore(db: Kysely<DB>) {
  return {
    /** Every change of a plan (or one project), newest first. */
    async list(input: {
      municipalityCode: string;
      planId: number;
      projectId?: number;
      limit?: number;
    }): Promise<HistoryItem[]> {
      let q = db
        .selectFrom('changes')
        .leftJoin('users', 'users.id', 'changes.user_id')
        .leftJoin('projects', 'projects.id', 'changes.project_id')
        .select([
          'changes.id',
          'changes.project_id',
          'projects.no',
          'projects.name as project_name',
          'changes.fiscal_year',
          'changes.target',
          'changes.before',
          'changes.after',
          'users.name as user_name',
          'changes.origin',
          'changes.at',
        ])
        .where('changes.municipality_code', '=', input.municipalityCode)
        .where('changes.plan_id', '=', input.planId)
        .orderBy('changes.id', 'desc')
        .limit(input.limit ?? 200);
      if (input.projectId !== undefined) q = q.where('changes.project_id', '=', input.projectId);
      const rows = await q.execute();
      return rows.map((r) => ({
        id: r.id,
        projectId: r.project_id,
        projectNo: r.no,
        projectName: r.project_name,
        fiscalYear: r.fiscal_year,
        target: JSON.parse(r.target) as ChangeTarget,
        before: parse(r.before),
        after: parse(r.after),
        userName: r.user_name,
        origin: r.origin,
        at: r.at,
      }));
    },

    /** One change of the municipality, for restoring it. */
    async find(municipalityCode: string, changeId: number): Promise<StoredChange | undefined> {
      const row = await db
        .selectFrom('changes')
        .selectAll()
        .where('id', '=', changeId)
        .where('municipality_code', '=', municipalityCode)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        planId: row.plan_id,
        projectId: row.project_id,
        fiscalYear: row.fiscal_year,
        target: JSON.parse(row.target) as ChangeTarget,
        before: parse(row.before),
      };
    },

    /** Who last changed a project, and when (shown when their save wins over another's). */
    async lastChange(
      municipalityCode: string,
      projectId: number,
    ): Promise<{ userName: string | null; at: string } | null> {
      const last = await db
        .selectFrom('changes')
        .leftJoin('users', 'users.id', 'changes.user_id')
        .select(['users.name', 'changes.at'])
        .where('changes.project_id', '=', projectId)
        .where('changes.municipality_code', '=', municipalityCode)
        .orderBy('changes.id', 'desc')
        .executeTakeFirst();
      return last ? { userName: last.name, at: last.at } : null;
    },
  };
}

export type HistoryStore = ReturnType<typeof historyStore>;
