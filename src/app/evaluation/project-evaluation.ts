import {
  type Actor,
  type CommentRole,
  canEvaluate,
  commentRoleOf,
} from '../../core/permissions.ts';
import type { YearStatus } from '../../core/workflow.ts';
import type { AppContext } from '../app-context.ts';
import { loadKpis } from '../kpi/kpi-records.ts';
import type { PlanView } from '../views/plan-view.ts';
import { loadProjectView, type ProjectView } from '../views/project-view.ts';
import { type EffectHint, effectHint } from './effect-hint.ts';
import { type Evaluation, loadEvaluations } from './evaluations.ts';
import { loadSettings, type MunicipalitySettings } from './municipality-settings.ts';

/** Everything the evaluation page of one project and year shows, and what the actor may do. */
export interface ProjectEvaluation {
  project: ProjectView;
  fiscalYear: number;
  yearStatus: YearStatus;
  settings: MunicipalitySettings;
  evaluation: Evaluation;
  hint: EffectHint;
  /** Whether the actor sets 事業効果 and 今後の方針 (committee, administrators). */
  canEvaluate: boolean;
  /** The role the actor comments in, or null (an editor on another department's project). */
  commentRole: CommentRole | null;
}

/** A project of a loaded plan view (not found otherwise) with its evaluation of `fiscalYear`. */
export async function loadProjectEvaluation(
  ctx: AppContext,
  actor: Actor,
  view: PlanView,
  projectId: number,
  fiscalYear: number,
): Promise<ProjectEvaluation> {
  const code = view.summary.municipalityCode;
  const planId = view.summary.id;
  const project = await loadProjectView(ctx, actor, view, projectId, fiscalYear);
  const [settings, evaluations, kpis] = await Promise.all([
    loadSettings(ctx, code),
    loadEvaluations(ctx, code, planId, fiscalYear),
    loadKpis(ctx, code, planId),
  ]);
  const yearStatus = view.years.find((y) => y.fiscalYear === fiscalYear)?.status ?? 'preparing';
  // A published year's evaluation is what the public read: nobody changes it (the store refuses).
  const writable = yearStatus !== 'published';
  return {
    project,
    fiscalYear,
    yearStatus,
    settings,
    evaluation: evaluations.get(projectId) ?? {
      projectId,
      fiscalYear,
      effect: null,
      policy: null,
      comments: [],
    },
    hint: effectHint(kpis, projectId, fiscalYear, view.summary.firstFiscalYear, settings.scale),
    canEvaluate: writable && canEvaluate(actor, code),
    commentRole: writable ? commentRoleOf(actor, code, project.ref) : null,
  };
}
