import type { Kysely } from 'kysely';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { KpiActual, KpiDefinition } from '../../core/kpi.ts';
import type { DB } from '../schema.ts';

/** KPIs and evaluations a column-mapped import read along with its plan, by project number. */
export interface ImportedRecords {
  /** Where the actuals come from (the file's name). */
  source: string;
  kpis: { projectNo: string; definition: KpiDefinition; actuals: KpiActual[] }[];
  evaluations: {
    projectNo: string;
    fiscalYear: FiscalYear;
    effect: string | null;
    policy: string | null;
    comment: string | null;
  }[];
}

/**
 * Writes an import's KPIs and evaluations inside the plan's save (the caller checked their
 * years are writable). The mapped KPIs replace those an earlier import of the file wrote.
 * Transitional: these tables get their own modules (kpis, evaluations); this writer then calls
 * them instead.
 */
export async function saveImportedRecords(
  trx: Kysely<DB>,
  scope: { code: string; planId: number; now: string },
  records: ImportedRecords,
): Promise<void> {
  const { code, planId, now } = scope;
  const projects = await trx
    .selectFrom('projects')
    .select(['id', 'no'])
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .execute();
  const projectId = new Map(projects.map((p) => [p.no, p.id]));
  for (const k of records.kpis) {
    const pid = projectId.get(k.projectNo);
    if (pid === undefined) continue;
    await trx
      .deleteFrom('kpis')
      .where('project_id', '=', pid)
      .where('municipality_code', '=', code)
      .where('name', '=', k.definition.name)
      .execute();
    const row = await trx
      .insertInto('kpis')
      .values({
        municipality_code: code,
        plan_id: planId,
        scope: 'project',
        node_id: null,
        project_id: pid,
        position: 0,
        name: k.definition.name,
        unit: k.definition.unit,
        direction: k.definition.direction,
        kind: k.definition.kind,
        baseline_value: null,
        baseline_fiscal_year: null,
        target_value: k.definition.target.value,
        target_fiscal_year: k.definition.target.fiscalYear,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const t of k.definition.yearTargets) {
      await trx
        .insertInto('kpi_year_targets')
        .values({
          kpi_id: row.id,
          municipality_code: code,
          fiscal_year: t.fiscalYear,
          value: t.value,
        })
        .execute();
    }
    for (const a of k.actuals) {
      await trx
        .insertInto('kpi_actuals')
        .values({
          kpi_id: row.id,
          municipality_code: code,
          fiscal_year: a.fiscalYear,
          value: a.value,
          as_of: null,
          source: records.source,
          entry_id: null,
          updated_at: now,
          updated_by: null,
        })
        .execute();
    }
  }
  for (const e of records.evaluations) {
    const pid = projectId.get(e.projectNo);
    if (pid === undefined) continue;
    const values = { effect: e.effect, policy: e.policy, updated_at: now, updated_by: null };
    await trx
      .insertInto('evaluations')
      .values({ project_id: pid, municipality_code: code, fiscal_year: e.fiscalYear, ...values })
      .onConflict((oc) => oc.columns(['project_id', 'fiscal_year']).doUpdateSet(values))
      .execute();
    if (e.comment) {
      await trx
        .insertInto('evaluation_comments')
        .values({
          municipality_code: code,
          project_id: pid,
          fiscal_year: e.fiscalYear,
          role: 'department',
          user_id: null,
          text: e.comment,
          at: now,
        })
        .execute();
    }
  }
}
