import type { AppContext } from '../app-context.ts';
import type { PlanView } from '../views/plan-view.ts';
import { loadEvaluations } from './evaluations.ts';
import { loadSettings } from './municipality-settings.ts';
import { describeScale } from './settings-form.ts';

/** The evaluation columns of the progress report: one year's 事業効果 and 今後の方針 per project. */
export interface ReportEvaluation {
  fiscalYear: number;
  scaleName: string;
  /** The scale's bands as they read: `A 100%以上、B 80%以上、…`. */
  scaleText: string;
  byProject: Map<number, { effect: string | null; policy: string | null }>;
}

export async function loadReportEvaluation(
  ctx: AppContext,
  view: PlanView,
  fiscalYear: number,
): Promise<ReportEvaluation> {
  const code = view.summary.municipalityCode;
  const [settings, evaluations] = await Promise.all([
    loadSettings(ctx, code),
    loadEvaluations(ctx, code, view.summary.id, fiscalYear),
  ]);
  return {
    fiscalYear,
    scaleName: settings.scale.name,
    scaleText: describeScale(settings.scale),
    byProject: new Map(
      [...evaluations].map(([id, e]) => [id, { effect: e.effect, policy: e.policy }]),
    ),
  };
}
