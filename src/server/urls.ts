/**
 * The one URL builder of the web application: every link, redirect and form action is built
 * here, so a route's address is written once. Query values that are undefined or null are left
 * out; values are encoded.
 */
export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A plan's pages below `/m/CODE/plans/ID/`. */
export type PlanPage =
  | 'years'
  | 'history'
  | 'report'
  | 'report.pdf'
  | 'search'
  | 'check'
  | 'check/publish'
  | 'kpis'
  | 'kpis/new'
  | 'kpis/import'
  | 'dashboard'
  | 'evaluations'
  | 'analysis'
  | 'downloads'
  | 'export.json'
  | 'export.xlsx'
  | 'todo'
  | `years/${number}`
  | `history/${number}`
  | `history/${number}/restore`
  | `export/${string}`
  | `dashboard/${string}`
  | `evaluations/${string}`;

/** A municipality's own pages below `/m/CODE/`. */
export type MunicipalityPage =
  | 'users'
  | 'settings'
  | 'import'
  | 'import/mapped'
  | `users/${number}`
  | `users/${number}/disable`
  | `users/${number}/enable`;

export interface PlanAddress {
  code: string;
  planId: number;
}

/** The documentation a page may link to, served by the installation (doc-routes.tsx). */
export type DocName = 'json-format' | 'open-data-csv' | 'compare' | 'mapping' | 'kpi-import';

export const urls = {
  home: () => '/',
  login: (next?: string) => withQuery('/login', { next }),
  municipality: (code: string) => `/m/${code}`,
  municipalityPage: (code: string, page: MunicipalityPage, query?: Query) =>
    withQuery(`/m/${code}/${page}`, query),
  plan: (p: PlanAddress, query?: Query) => withQuery(`/m/${p.code}/plans/${p.planId}`, query),
  planPage: (p: PlanAddress, page: PlanPage, query?: Query) =>
    withQuery(`/m/${p.code}/plans/${p.planId}/${page}`, query),
  project: (p: PlanAddress, projectId: number, query?: Query) =>
    withQuery(`/m/${p.code}/plans/${p.planId}/projects/${projectId}`, query),
  projectPage: (p: PlanAddress, projectId: number, page: string, query?: Query) =>
    withQuery(`/m/${p.code}/plans/${p.planId}/projects/${projectId}/${page}`, query),
  kpi: (p: PlanAddress, kpiId: number, query?: Query) =>
    withQuery(`/m/${p.code}/plans/${p.planId}/kpis/${kpiId}`, query),
  kpiPage: (p: PlanAddress, kpiId: number, page: string, query?: Query) =>
    withQuery(`/m/${p.code}/plans/${p.planId}/kpis/${kpiId}/${page}`, query),
  /** The public cross-municipality view (issue 11) and its CSV, with the same filters. */
  compare: (query?: Query) => withQuery('/compare', query),
  compareCsv: (query?: Query) => withQuery('/compare.csv', query),
  doc: (name: DocName, as?: 'md') => `/docs/${name}${as === 'md' ? '.md' : ''}`,
  account: (page: 'tokens' | 'password' = 'tokens', query?: Query) =>
    withQuery(`/account/${page}`, query),
};
