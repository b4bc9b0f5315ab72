import { SouseiError } from '../../core/errors.ts';
import { countRows } from '../../store/copy/copy-database.ts';
import { copiedTables } from '../../store/copy/copy-tables.ts';
import type { PlanSummary } from '../../store/load-plan.ts';
import type { AppContext } from '../app-context.ts';
import { type ExportRequest, exportPlanView } from '../export-plan.ts';
import { operatorOf } from '../operator.ts';
import { resolvePlan } from '../resolve-plan.ts';
import { loadPlanView, type PlanView } from '../views/plan-view.ts';

export type CopyDifference =
  | { kind: 'rows'; table: string; source: number; target: number }
  | { kind: 'export'; municipality: string; plan: string; file: string };

/** The exports compared per plan: the JSON document, the progress table, every open-data CSV. */
const EXPORTS: readonly { file: string; request: ExportRequest }[] = [
  { file: 'plan.json', request: { format: 'json' } },
  { file: 'progress.tsv', request: { format: 'tsv' } },
  { file: 'projects.csv', request: { format: 'csv', table: 'projects' } },
  { file: 'entries.csv', request: { format: 'csv', table: 'entries' } },
  { file: 'figures.csv', request: { format: 'csv', table: 'figures' } },
  { file: 'kpis.csv', request: { format: 'csv', table: 'kpis' } },
  { file: 'plan.csv', request: { format: 'csv', table: 'plan' } },
];

export interface Verification {
  plans: number;
  differences: CopyDifference[];
}

/**
 * Compares a copy with its source through what users get out of it: row counts of every copied
 * table, and every plan's exports, made by the one export use case on each side, byte for byte.
 */
export async function verifyCopy(source: AppContext, target: AppContext): Promise<Verification> {
  const differences: CopyDifference[] = [];
  const [sourceCounts, targetCounts] = [
    await countRows(source.store),
    await countRows(target.store),
  ];
  for (const { name } of copiedTables()) {
    const s = sourceCounts.find((c) => c.table === name)?.rows ?? 0;
    const t = targetCounts.find((c) => c.table === name)?.rows ?? 0;
    if (s !== t) differences.push({ kind: 'rows', table: name, source: s, target: t });
  }
  const plans = await source.store.plans.list();
  for (const plan of plans) {
    const [a, b] = [await planExports(source, plan), await planExports(target, plan)];
    for (const [file, body] of a) {
      if (b.get(file) === body) continue;
      differences.push({
        kind: 'export',
        municipality: plan.municipalityCode,
        plan: plan.title,
        file,
      });
    }
  }
  return { plans: plans.length, differences };
}

/**
 * Every compared export of the plan with the same title in the same municipality, as the
 * operator sees it (every year), by file name; the plan is loaded once for all of them.
 */
async function planExports(ctx: AppContext, plan: PlanSummary): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  let view: PlanView;
  try {
    const { id } = await resolvePlan(ctx, {
      municipalityCode: plan.municipalityCode,
      title: plan.title,
    });
    view = await loadPlanView(ctx, operatorOf(plan.municipalityCode), plan.municipalityCode, id);
  } catch (error) {
    if (!(error instanceof SouseiError)) throw error;
    return bodies; // no such plan on this side: every export differs
  }
  for (const { file, request } of EXPORTS) {
    bodies.set(file, await exported(ctx, view, request));
  }
  return bodies;
}

/** An export's bytes, or the stable code of its refusal (a plan without figures has no TSV). */
async function exported(ctx: AppContext, view: PlanView, request: ExportRequest): Promise<string> {
  try {
    const { body } = await exportPlanView(ctx, view, request);
    return typeof body === 'string' ? body : Buffer.from(body).toString('base64');
  } catch (error) {
    if (error instanceof SouseiError) return `refused: ${error.messageKey}`;
    throw error;
  }
}
