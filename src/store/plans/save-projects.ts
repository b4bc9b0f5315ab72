import type { Kysely } from 'kysely';
import type { Plan, PlanNode, Project } from '../../core/plan.ts';
import { departmentStore } from '../departments/department-store.ts';
import type { DB } from '../schema.ts';
import { chunksOf } from './chunks.ts';
import type { NewActivities } from './new-activities.ts';
import { newFinances } from './new-finances.ts';
import { writeFinance } from './project-finance.ts';
import { financeUnchanged, recordFinanceChanges } from './record-finance-changes.ts';
import { sameValues } from './same-values.ts';
import { saveActivities } from './save-activities.ts';
import { readStoredActivities, type StoredActivity } from './stored-activities.ts';
import { financeKey, readStoredFinances, type StoredFinance } from './stored-finances.ts';

export interface SaveProjectsOptions {
  fiscalYears: readonly number[];
  now: string;
  introducedIn: number | null;
  /** Where new activities and entries of every project are gathered (flushed by the caller). */
  pending: NewActivities;
}

/** Department ids by name, each name ensured once per save rather than once per project. */
function departmentIds(trx: Kysely<DB>, code: string) {
  const ids = new Map<string, number>();
  return async (name: string | null) => {
    if (name === null) return null;
    const known = ids.get(name);
    if (known !== undefined) return known;
    const id = await departmentStore(trx).ensure(code, name);
    ids.set(name, id);
    return id;
  };
}

/** The plan's projects in tree order, each with the node it sits under. */
function placeProjects(roots: readonly PlanNode[]): { node: PlanNode; project: Project }[] {
  const placed: { node: PlanNode; project: Project }[] = [];
  const walk = (nodes: readonly PlanNode[]) => {
    for (const node of nodes) {
      for (const project of node.projects) placed.push({ node, project });
      walk(node.children);
    }
  };
  walk(roots);
  return placed;
}

/**
 * Writes the plan's projects, their finances and activities; returns project ids by number. A
 * stored project that would not change is not written (nor its version bumped); new projects go
 * in multi-row inserts whose returned ids are mapped back by number (unique in a plan).
 */
export async function saveProjects(
  trx: Kysely<DB>,
  scope: { code: string; planId: number },
  plan: Plan,
  nodeIds: Map<PlanNode, number>,
  options: SaveProjectsOptions,
): Promise<Map<string, number>> {
  const { code, planId } = scope;
  const existing = await trx
    .selectFrom('projects')
    .select(['id', 'no', 'node_id', 'position', 'name', 'notes', 'tags', 'department_id'])
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .execute();
  const storedByNo = new Map(existing.map((p) => [p.no, p]));
  // Read before anything is written: the plan as it was, compared in memory.
  const stored = {
    activities: await readStoredActivities(trx, code, { planId }),
    finances: await readStoredFinances(trx, code, planId, options.fiscalYears),
  };
  const departmentId = departmentIds(trx, code);
  const ids = new Map<string, number>();
  const fresh: (ReturnType<typeof projectValues> & { no: string })[] = [];
  const placed = placeProjects(plan.nodes);
  for (const [position, { node, project }] of placed.entries()) {
    const values = projectValues(project, {
      nodeId: nodeIds.get(node) as number,
      position,
      departmentId: await departmentId(project.department),
    });
    const row = storedByNo.get(project.no);
    if (row === undefined) {
      fresh.push({ ...values, no: project.no });
      continue;
    }
    storedByNo.delete(project.no);
    ids.set(project.no, row.id);
    // An unchanged project is not a change: its row and version stay as they are.
    if (!sameValues(row, values)) {
      await trx
        .updateTable('projects')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('id', '=', row.id)
        .execute();
    }
  }
  for (const chunk of chunksOf(fresh)) {
    const rows = await trx
      .insertInto('projects')
      .values(
        // Every row names every column: a column one row leaves out would be DEFAULT on
        // PostgreSQL but NULL on SQLite (kysely), where tags may not be null.
        chunk.map((v) => ({
          municipality_code: code,
          plan_id: planId,
          version: 1,
          ...v,
          tags: v.tags ?? '[]',
        })),
      )
      .returning(['id', 'no'])
      .execute();
    for (const row of rows) ids.set(row.no, row.id);
  }
  await saveContents(trx, scope, { placed, ids, ...stored }, options);
  const gone = [...storedByNo.values()].map((p) => p.id);
  if (gone.length > 0) await trx.deleteFrom('projects').where('id', 'in', gone).execute();
  return ids;
}

function projectValues(
  project: Project,
  at: { nodeId: number; position: number; departmentId: number | null },
) {
  return {
    node_id: at.nodeId,
    position: at.position,
    name: project.name,
    notes: JSON.stringify(project.notes),
    // A file that does not carry tags (a TSV) keeps the stored ones: nothing is lost silently.
    ...(project.tags === undefined ? {} : { tags: JSON.stringify(project.tags) }),
    department_id: at.departmentId,
  };
}

/** Each project's finances of the written years and its activities. */
async function saveContents(
  trx: Kysely<DB>,
  { code, planId }: { code: string; planId: number },
  saved: {
    placed: readonly { project: Project }[];
    ids: Map<string, number>;
    activities: Map<number, StoredActivity[]>;
    finances: Map<string, StoredFinance>;
  },
  options: SaveProjectsOptions,
): Promise<void> {
  const { placed, ids, activities: storedActivities, finances: storedFinances } = saved;
  const fresh = newFinances(trx, code);
  for (const { project } of placed) {
    const id = ids.get(project.no) as number;
    for (const f of project.finances) {
      if (!options.fiscalYears.includes(f.fiscalYear)) continue;
      // A year the file gives is replaced whole, its breakdown too when the file carries one
      // (`[]`: none); a file that carries no breakdown at all (a TSV) keeps the stored one.
      const amounts = { budget: f.budget, settlement: f.settlement, details: f.details };
      const before = storedFinances.get(financeKey(id, f.fiscalYear));
      if (financeUnchanged(before, f)) continue;
      if (!before) {
        fresh.add({ projectId: id, ...amounts, fiscalYear: f.fiscalYear });
        continue;
      }
      await recordFinanceChanges(trx, { code, planId, projectId: id, now: options.now }, f, before);
      await writeFinance(
        trx,
        { municipalityCode: code, projectId: id, fiscalYear: f.fiscalYear },
        amounts,
      );
    }
    await saveActivities(trx, code, id, project.activities, {
      introducedIn: options.introducedIn,
      stored: storedActivities.get(id) ?? [],
      pending: options.pending,
    });
  }
  await fresh.flush();
}
