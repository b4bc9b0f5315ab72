import type { Project } from '../plan.ts';
import { type ActivityContext, projectName } from './activity-sentences.ts';
import { type DraftParagraph, joinSegments, sourced, words } from './draft-segments.ts';

/**
 * What comes next: the committee's 今後の方針 of the year's projects, grouped in the order the
 * policies first appear (「今後の方針は、No.1「…」、No.2「…」が「継続」、No.3「…」が「改善」と
 * された。」), or counted (「「継続」12事業、「改善」3事業」). Nothing while no project has one.
 */
export function policySentences(
  projects: readonly Project[],
  policies: ReadonlyMap<number, string>,
  c: ActivityContext,
  options: { list: boolean },
): DraftParagraph {
  const groups = new Map<string, Project[]>();
  for (const p of projects) {
    const id = c.projectIds.get(p);
    const policy = id === undefined ? undefined : policies.get(id);
    if (policy) groups.set(policy, [...(groups.get(policy) ?? []), p]);
  }
  if (groups.size === 0) return [];
  const parts = [...groups].map(([policy, list]) =>
    options.list
      ? [...joinSegments(list.map((p) => projectName(p, c))), words(`が「${policy}」`)]
      : [
          words(`「${policy}」`),
          sourced(`${list.length}事業`, { kind: 'report', fiscalYear: c.fiscalYear }),
        ],
  );
  return [words('今後の方針は、'), ...joinSegments(parts), words('とされた。')];
}
