import type { SourceLink } from '../../app/analysis/analysis-section.tsx';
import { type PlanAddress, urls } from '../urls.ts';

/** Where each number of a drafted analysis comes from, as an address of the plan's pages. */
export function analysisSourceLink(plan: PlanAddress): SourceLink {
  return (source) => {
    const fy = source.fiscalYear;
    switch (source.kind) {
      case 'project':
        return urls.project(plan, source.projectId, { fy });
      case 'kpi':
        return urls.kpi(plan, source.kpiId, { fy });
      case 'kpis':
        return urls.planPage(plan, 'kpis', { fy });
      case 'report':
        return urls.planPage(plan, 'report', { fy });
      case 'totals':
        return urls.plan(plan, { fy });
    }
  };
}
