import type { CommentRole } from '../../core/permissions.ts';
import { allProjects } from '../../core/plan.ts';
import type { StatusBand } from '../../core/status-scale.ts';
import type { AppContext } from '../app-context.ts';
import { loadKpis } from '../kpi/kpi-records.ts';
import type { PlanView } from '../views/plan-view.ts';
import { effectHint } from './effect-hint.ts';
import { type Evaluation, isEvaluated, loadEvaluations } from './evaluations.ts';
import { loadSettings, type MunicipalitySettings } from './municipality-settings.ts';

/** Years the committee evaluates: those of the plan's period. */
export function evaluationYears(view: PlanView): number[] {
  return view.years
    .map((y) => y.fiscalYear)
    .filter((fy) => fy >= view.summary.firstFiscalYear && fy <= view.summary.lastFiscalYear);
}

export interface QueueRow {
  projectId: number;
  no: string;
  name: string;
  departmentId: number | null;
  department: string | null;
  effect: string | null;
  policy: string | null;
  evaluated: boolean;
  comments: Record<CommentRole, number>;
  /** The KPI-based suggestion for 事業効果 (null: no KPI with an actual). */
  hint: StatusBand | null;
  hintRate: number | null;
}

export interface EvaluationQueue {
  settings: MunicipalitySettings;
  rows: QueueRow[];
  evaluated: number;
  unevaluated: number;
}

/** Every project of the plan for a year with its evaluation, comment counts and KPI hint. */
export async function loadEvaluationQueue(
  ctx: AppContext,
  view: PlanView,
  fiscalYear: number,
): Promise<EvaluationQueue> {
  const code = view.summary.municipalityCode;
  const planId = view.summary.id;
  const [settings, evaluations, kpis] = await Promise.all([
    loadSettings(ctx, code),
    loadEvaluations(ctx, code, planId, fiscalYear),
    loadKpis(ctx, code, planId),
  ]);
  const rows: QueueRow[] = [];
  for (const project of allProjects(view.plan)) {
    const ref = view.refs.get(project);
    if (!ref) continue;
    const e: Evaluation | undefined = evaluations.get(ref.id);
    const comments: Record<CommentRole, number> = { department: 0, planning: 0, committee: 0 };
    for (const c of e?.comments ?? []) comments[c.role] = (comments[c.role] ?? 0) + 1;
    const hint = effectHint(kpis, ref.id, fiscalYear, view.summary.firstFiscalYear, settings.scale);
    rows.push({
      projectId: ref.id,
      no: project.no,
      name: project.name,
      departmentId: ref.departmentId,
      department:
        ref.departmentId === null ? null : (view.departments.get(ref.departmentId) ?? null),
      effect: e?.effect ?? null,
      policy: e?.policy ?? null,
      evaluated: isEvaluated(e),
      comments,
      hint: hint.band,
      hintRate: hint.rate,
    });
  }
  const evaluated = rows.filter((r) => r.evaluated).length;
  return { settings, rows, evaluated, unevaluated: rows.length - evaluated };
}
