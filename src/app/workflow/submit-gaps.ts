import type { Project } from '../../core/plan.ts';

/** Why a project is marked 入力完了 without figures or without a result (recorded). */
export interface SubmitReasons {
  figures?: string;
  result?: string;
}

/**
 * What 入力完了 still lacks for the year: 予算 and 決算 (unless a reason says why there are none)
 * and at least one result ▶ (unless a reason says why). Returns the words of what is missing
 * and the reasons that were actually needed.
 */
export function submitGaps(
  project: Pick<Project, 'finances' | 'activities'>,
  fiscalYear: number,
  given: SubmitReasons,
): { missing: string[]; reasons: SubmitReasons } {
  const finance = project.finances.find((f) => f.fiscalYear === fiscalYear);
  const figuresMissing =
    (finance?.budget ?? null) === null || (finance?.settlement ?? null) === null;
  const resultMissing = !project.activities.some((a) =>
    a.entries.some((e) => e.kind === 'result' && e.fiscalYear === fiscalYear),
  );
  const figures = given.figures?.trim() || undefined;
  const result = given.result?.trim() || undefined;
  const missing: string[] = [];
  const reasons: SubmitReasons = {};
  if (figuresMissing) {
    if (figures) reasons.figures = figures;
    else missing.push('予算・決算');
  }
  if (resultMissing) {
    if (result) reasons.result = result;
    else missing.push('結果（▶）');
  }
  return { missing, reasons };
}
