import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { KpiActual, KpiDefinition } from '../../core/kpi.ts';
import type { KpiFields } from '../../core/kpi-record.ts';
import { evaluationStore } from '../evaluations/evaluation-store.ts';
import { kpiStore } from '../kpis/kpi-store.ts';
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
 * Writes an import's KPIs and evaluations inside the plan's save, through the KPI and
 * evaluation modules: their rules (closed years, published evaluations, history) hold for this
 * importer as for every other writer. The mapped KPIs replace those an earlier import wrote;
 * re-importing the same file writes nothing (no KPI change, no second copy of a comment).
 */
export async function saveImportedRecords(
  trx: Kysely<DB>,
  scope: { code: string; planId: number; now: string },
  records: ImportedRecords,
): Promise<void> {
  const { code, planId, now } = scope;
  refuseDuplicateKpis(records);
  const projects = await trx
    .selectFrom('projects')
    .select(['id', 'no'])
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .execute();
  const projectId = new Map(projects.map((p) => [p.no, p.id]));
  const kpis = kpiStore(trx);
  const writer = { userId: null, origin: 'import' as const, now };
  const kpiItems = records.kpis.flatMap((k) => {
    const pid = projectId.get(k.projectNo);
    if (pid === undefined) return [];
    const fields: KpiFields = {
      scope: 'project',
      nodeId: null,
      projectId: pid,
      name: k.definition.name,
      unit: k.definition.unit,
      direction: k.definition.direction,
      kind: k.definition.kind,
      baselineValue: null,
      baselineFiscalYear: null,
      targetValue: k.definition.target?.value ?? null,
      targetFiscalYear: k.definition.target?.fiscalYear ?? null,
      yearTargets: k.definition.yearTargets,
      category: k.definition.category ?? null,
    };
    const actuals = k.actuals.map((a) => ({
      fiscalYear: a.fiscalYear,
      value: a.value,
      asOf: null,
      source: records.source,
    }));
    return [{ fields, actuals }];
  });
  await kpis.replaceImportedAll({ municipalityCode: code, planId, items: kpiItems }, writer);
  const items = records.evaluations.flatMap((e) => {
    const pid = projectId.get(e.projectNo);
    if (pid === undefined) return [];
    const { fiscalYear, effect, policy, comment } = e;
    return [{ projectId: pid, fiscalYear, effect, policy, comment }];
  });
  await evaluationStore(trx).saveImported({ municipalityCode: code, planId, items }, writer);
}

/**
 * An imported KPI replaces the project's KPI of the same name, so two of one import with one
 * name would silently leave one (the 966 indicators read, 910 stored): refused here,
 * whatever the reader, inside the plan's transaction.
 */
function refuseDuplicateKpis(records: ImportedRecords): void {
  const seen = new Set<string>();
  for (const k of records.kpis) {
    const key = JSON.stringify([k.projectNo, k.definition.name]);
    if (seen.has(key)) {
      throw new SouseiError('invalid-input', 'kpi.import.duplicate-name', {
        projectNo: k.projectNo,
        name: k.definition.name,
      });
    }
    seen.add(key);
  }
}
