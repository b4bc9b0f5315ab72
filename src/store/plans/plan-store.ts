import type { Kysely } from 'kysely';
import type { Finding } from '../../core/finding.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Plan } from '../../core/plan.ts';
import { planAggregatesStale } from '../aggregates/fresh-aggregates.ts';
import { inTransaction } from '../in-transaction.ts';
import {
  findPlanId,
  type IndexedPlan,
  listPlans,
  loadIndexedPlan,
  type PlanSummary,
} from '../load-plan.ts';
import { checkClosedYears } from '../rules/closed-year-entries-check.ts';
import { findClosedYearRemovals } from '../rules/closed-year-removals.ts';
import { savePlan } from '../save-plan.ts';
import type { DB } from '../schema.ts';
import { withFreshStatistics } from './refresh-statistics.ts';
import { type ImportedRecords, saveImportedRecords } from './save-imported-records.ts';

/** What an import run was, kept with the plan it wrote (import_runs). */
export interface ImportRun {
  fileName: string;
  sha256: string;
  format: string;
  summary: Record<string, unknown>;
}

export interface SavePlanInput {
  plan: Plan;
  /** Finances and stated totals are written for these years only; each must be writable. */
  fiscalYears: readonly FiscalYear[];
  now: string;
  run?: ImportRun;
  /** KPIs and evaluations a mapped import read with the plan. */
  records?: ImportedRecords;
}

/**
 * Plans and their tree (plan_nodes, projects, project_finances, activities, activity_entries,
 * stated_totals, import_runs). Every read is bounded by the municipality; a save refuses a
 * locked or published year inside its own transaction, so every importer is held to it.
 */
export function planStore(db: Kysely<DB>) {
  return {
    /** The plans of one municipality, or of all when no code is given (operators, the CLI). */
    list(municipalityCode?: string): Promise<PlanSummary[]> {
      return listPlans(db, municipalityCode);
    },

    async summary(municipalityCode: string, planId: number): Promise<PlanSummary | undefined> {
      return (await listPlans(db, municipalityCode)).find((p) => p.id === planId);
    },

    findId(municipalityCode: string, title: string): Promise<number | undefined> {
      return findPlanId(db, municipalityCode, title);
    },

    /** The municipality a plan belongs to (for addresses that carry only the plan's id). */
    async municipalityOf(planId: number): Promise<string | undefined> {
      const row = await db
        .selectFrom('plans')
        .select('municipality_code')
        .where('id', '=', planId)
        .executeTakeFirst();
      return row?.municipality_code;
    },

    async hasAny(): Promise<boolean> {
      return (await db.selectFrom('plans').select('id').limit(1).executeTakeFirst()) !== undefined;
    },

    async load(municipalityCode: string, planId: number): Promise<Plan | undefined> {
      return (await loadIndexedPlan(db, municipalityCode, planId))?.plan;
    },

    /** The plan with the store ids of its projects and activities. */
    loadIndexed(municipalityCode: string, planId: number): Promise<IndexedPlan | undefined> {
      return loadIndexedPlan(db, municipalityCode, planId);
    },

    /** A project's 予算 and 決算 of one year as stored; undefined when it has no row. */
    async finance(
      municipalityCode: string,
      projectId: number,
      fiscalYear: FiscalYear,
    ): Promise<{ budget: number | null; settlement: number | null } | undefined> {
      return db
        .selectFrom('project_finances')
        .select(['budget', 'settlement'])
        .where('project_id', '=', projectId)
        .where('municipality_code', '=', municipalityCode)
        .where('fiscal_year', '=', fiscalYear)
        .executeTakeFirst();
    },

    /** Titles of the plan's nodes and numbers of its projects, by id (open data, KPI owners). */
    async names(
      municipalityCode: string,
      planId: number,
    ): Promise<{ nodeTitles: Map<number, string>; projectNos: Map<number, string> }> {
      const [nodes, projects] = await Promise.all([
        db
          .selectFrom('plan_nodes')
          .select(['id', 'title'])
          .where('plan_id', '=', planId)
          .where('municipality_code', '=', municipalityCode)
          .execute(),
        db
          .selectFrom('projects')
          .select(['id', 'no'])
          .where('plan_id', '=', planId)
          .where('municipality_code', '=', municipalityCode)
          .execute(),
      ]);
      return {
        nodeTitles: new Map(nodes.map((n) => [n.id, n.title])),
        projectNos: new Map(projects.map((p) => [p.id, p.no])),
      };
    },

    /** Gives the numbered projects that have no department yet this one (the demo set-up). */
    async assignDepartment(
      municipalityCode: string,
      planId: number,
      projectNos: readonly string[],
      departmentId: number,
    ): Promise<void> {
      if (projectNos.length === 0) return;
      await inTransaction(db, (trx) =>
        trx
          .updateTable('projects')
          .set({ department_id: departmentId })
          .where('plan_id', '=', planId)
          .where('municipality_code', '=', municipalityCode)
          .where('no', 'in', [...projectNos])
          .where('department_id', 'is', null)
          .execute(),
      );
    },

    /**
     * What saving `plan` would delete of a locked or published year, as findings (a dry run
     * reports them; the save itself refuses them).
     */
    async closedYearRemovals(plan: Plan): Promise<Finding[]> {
      const code = plan.municipality.code;
      const planId = await findPlanId(db, code, plan.plan.title);
      if (planId === undefined) return [];
      return findClosedYearRemovals(db, { municipalityCode: code, planId }, plan);
    },

    /**
     * The findings of `closedYearRemovals` with the plan the save would write (closed years'
     * entries left out of `plan` kept as stored): what an import reports before writing.
     */
    async closedYearCheck(plan: Plan): Promise<{ findings: Finding[]; plan: Plan }> {
      const code = plan.municipality.code;
      const planId = await findPlanId(db, code, plan.plan.title);
      if (planId === undefined) return { findings: [], plan };
      return checkClosedYears(db, { municipalityCode: code, planId }, plan);
    },

    /**
     * Writes a plan in place (matched by municipality and title) and what came with it, in one
     * transaction: refused whole when a year it writes is locked or published.
     */
    async save(input: SavePlanInput): Promise<number> {
      return withFreshStatistics(db, (tallied) =>
        inTransaction(tallied, async (trx) => {
          const code = input.plan.municipality.code;
          const planId = await savePlan(trx, input.plan, {
            fiscalYears: input.fiscalYears,
            now: input.now,
            alsoWrites: input.records ? recordYears(input.records) : [],
          });
          // The tree, projects and first year may change while a year is published.
          await planAggregatesStale(trx, code, planId);
          if (input.records) {
            await saveImportedRecords(trx, { code, planId, now: input.now }, input.records);
          }
          if (input.run) {
            await trx
              .insertInto('import_runs')
              .values({
                municipality_code: code,
                plan_id: planId,
                file_name: input.run.fileName,
                sha256: input.run.sha256,
                format: input.run.format,
                fiscal_years: JSON.stringify(input.fiscalYears),
                summary: JSON.stringify(input.run.summary),
                imported_at: input.now,
              })
              .execute();
          }
          return planId;
        }),
      );
    },
  };
}

/** The years an import's KPI actuals and evaluations write: each must be writable too. */
function recordYears(records: ImportedRecords): FiscalYear[] {
  return [
    ...records.kpis.flatMap((k) => k.actuals.map((a) => a.fiscalYear)),
    ...records.evaluations.map((e) => e.fiscalYear),
  ];
}

export type PlanStore = ReturnType<typeof planStore>;
