import { isRelist } from './activity-notation.ts';
import type { Finding } from './finding.ts';
import { allProjects, type Plan } from './plan.ts';

/**
 * Links each (再掲) item to the item it repeats: the first item of another project with the same
 * title that is not itself a re-listing. Muroran's project 5 re-lists 移住支援金の助成 of project 1.
 * An item whose original cannot be found stays unlinked and is reported.
 */
export function resolveRelists(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  const projects = allProjects(plan);
  for (const project of projects) {
    for (const [index, activity] of project.activities.entries()) {
      if (!isRelist(activity.text)) continue;
      let found = false;
      for (const other of projects) {
        if (other === project) continue;
        const position = other.activities.findIndex(
          (a) => a.title === activity.title && !isRelist(a.text),
        );
        if (position !== -1) {
          activity.relistOf = { projectNo: other.no, position: position + 1 };
          found = true;
          break;
        }
      }
      if (!found) {
        activity.relistOf = null;
        findings.push({
          severity: 'warning',
          code: 'relist.original-not-found',
          location: { projectNo: project.no },
          found: activity.title,
          params: { position: index + 1 },
        });
      }
    }
  }
  return findings;
}
