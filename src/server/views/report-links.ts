import type { ReportLinks } from '../../app/reports/report-page.tsx';
import { type PlanAddress, urls } from '../urls.ts';

/** The report page's links on the web, from the one URL builder. */
export function reportLinks(p: PlanAddress): ReportLinks {
  return {
    pdf: (fy) => urls.planPage(p, 'report.pdf', { fy }),
    xlsx: (query) => urls.planPage(p, 'export.xlsx', query),
    downloads: urls.planPage(p, 'downloads'),
    report: urls.planPage(p, 'report'),
    project: (projectId, fy) => urls.project(p, projectId, { fy }),
  };
}
