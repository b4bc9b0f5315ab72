import { financeFor, type Project } from '../plan.ts';
import { type ActivityContext, projectName } from './activity-sentences.ts';
import { type DraftParagraph, joinSegments, words } from './draft-segments.ts';

/**
 * The projects whose year stands out against its budget: settled above it (「No.8「…」は決算が
 * 予算を上回った。」), or budgeted and settled at nothing (「…は決算額がゼロであった。」, often a
 * cancellation). A missing settlement is not a settlement of nothing: it is left out.
 */
export function budgetNotes(projects: readonly Project[], c: ActivityContext): DraftParagraph {
  const fy = c.fiscalYear;
  const over: Project[] = [];
  const none: Project[] = [];
  for (const p of projects) {
    const f = financeFor(p, fy);
    if (!f || f.budget === null || f.settlement === null) continue;
    if (f.settlement > f.budget) over.push(p);
    else if (f.settlement === 0 && f.budget > 0) none.push(p);
  }
  const out: DraftParagraph = [];
  const names = (list: Project[]) => joinSegments(list.map((p) => projectName(p, c)));
  if (over.length > 0) out.push(...names(over), words('は、決算が予算を上回った。'));
  if (none.length > 0) out.push(...names(none), words('は、予算に対して決算額がゼロであった。'));
  return out;
}
