/**
 * Every page of the web application, once, with who opens it: the list the phone-width test
 * (and anything else that must walk the whole site) goes through. Paths are built from the few
 * addresses only a running demo knows (the plan, a project, a KPI, a user), found by the test.
 *
 * A page open to the public is opened by every role too (the header and navigation differ when
 * signed in); staff pages by the roles that may see them. `status` is the answer expected.
 */
export type Who = 'public' | 'admin' | 'editor' | 'committee';

export const EVERYONE: readonly Who[] = ['public', 'admin', 'editor', 'committee'];
const STAFF: readonly Who[] = ['admin', 'editor', 'committee'];

/** The addresses of the demo the paths are built from (paths, without the origin). */
export interface DemoAddresses {
  /** The municipality's page, `/m/CODE`. */
  municipality: string;
  /** The plan, `/m/CODE/plans/ID`. */
  plan: string;
  /** A project of the editor's department, `…/projects/ID`. */
  project: string;
  /** Another project of the editor's, still 入力中 (the first is marked 入力完了). */
  otherProject: string;
  /** A KPI introduced in the published R2, with an actual there, `…/kpis/ID`. */
  kpi: string;
  /** The form adding a KPI to a project, `…/kpis/new?…`. */
  newKpi: string;
  /** Another user than the administrator, by id. */
  userId: number;
}

export interface SitePage {
  /** Short and file-name safe: it names the screenshots. */
  name: string;
  who: readonly Who[];
  path: (a: DemoAddresses) => string;
  status?: number;
}

export const EVERY_PAGE: readonly SitePage[] = [
  { name: 'front', who: ['public'], path: () => '/' },
  { name: 'login', who: ['public'], path: () => '/login' },
  { name: 'municipality', who: EVERYONE, path: (a) => a.municipality },
  { name: 'plan-r2', who: EVERYONE, path: (a) => `${a.plan}?fy=2020` },
  { name: 'plan-r3', who: STAFF, path: (a) => `${a.plan}?fy=2021` },
  { name: 'project-r2', who: EVERYONE, path: (a) => `${a.project}?fy=2020` },
  { name: 'project-r3', who: STAFF, path: (a) => `${a.project}?fy=2021` },
  { name: 'entry-form', who: ['admin'], path: (a) => `${a.project}/edit?fy=2021` },
  { name: 'entry-form-open', who: ['editor'], path: (a) => `${a.otherProject}/edit?fy=2021` },
  { name: 'return-confirm', who: ['admin'], path: (a) => `${a.project}/return?fy=2021` },
  { name: 'report-r2', who: EVERYONE, path: (a) => `${a.plan}/report?fy=2020` },
  {
    name: 'report-r3-evaluation',
    who: ['admin'],
    path: (a) => `${a.plan}/report?fy=2021&evaluation=1`,
  },
  { name: 'search', who: EVERYONE, path: (a) => `${a.plan}/search?q=${encodeURI('移住')}` },
  { name: 'years', who: STAFF, path: (a) => `${a.plan}/years?fy=2021` },
  { name: 'lock-confirm', who: ['admin'], path: (a) => `${a.plan}/years/2021?action=lock` },
  { name: 'history', who: STAFF, path: (a) => `${a.plan}/history` },
  { name: 'todo', who: ['admin', 'editor'], path: (a) => `${a.plan}/todo` },
  { name: 'kpis-r2', who: EVERYONE, path: (a) => `${a.plan}/kpis?fy=2020` },
  { name: 'kpis-r3', who: ['admin', 'editor'], path: (a) => `${a.plan}/kpis?fy=2021` },
  // The KPI is introduced in R2 with an actual there: published, the public sees it too.
  { name: 'kpi-detail-r2', who: EVERYONE, path: (a) => `${a.kpi}?fy=2020` },
  { name: 'kpi-detail-r3', who: STAFF, path: (a) => `${a.kpi}?fy=2021` },
  { name: 'kpi-new', who: ['admin'], path: (a) => a.newKpi },
  { name: 'kpi-edit', who: ['admin'], path: (a) => `${a.kpi}/edit` },
  { name: 'dashboard', who: EVERYONE, path: (a) => `${a.plan}/dashboard?fy=2020` },
  { name: 'check', who: ['admin'], path: (a) => `${a.plan}/check?fy=2020` },
  {
    name: 'evaluations',
    who: ['admin', 'committee'],
    path: (a) => `${a.plan}/evaluations?fy=2020`,
  },
  {
    name: 'evaluation-form',
    who: ['admin', 'committee'],
    path: (a) => `${a.project}/evaluation?fy=2020`,
  },
  { name: 'downloads', who: EVERYONE, path: (a) => `${a.plan}/downloads` },
  { name: 'users', who: ['admin'], path: (a) => `${a.municipality}/users` },
  {
    name: 'user-disable',
    who: ['admin'],
    path: (a) => `${a.municipality}/users/${a.userId}/disable`,
  },
  { name: 'settings', who: ['admin'], path: (a) => `${a.municipality}/settings` },
  { name: 'import', who: ['admin'], path: (a) => `${a.municipality}/import` },
  { name: 'import-mapped', who: ['admin'], path: (a) => `${a.municipality}/import/mapped` },
  { name: 'compare', who: EVERYONE, path: () => '/compare' },
  {
    name: 'compare-by-goal',
    who: ['public'],
    path: () => '/compare?fiscalYear=2020&prefecture=01&kind=city&by=goal',
  },
  { name: 'api-docs', who: EVERYONE, path: () => '/api/docs' },
  { name: 'tokens', who: STAFF, path: () => '/account/tokens' },
  { name: 'password', who: STAFF, path: () => '/account/password' },
  { name: 'forbidden', who: ['editor'], path: (a) => `${a.municipality}/users`, status: 403 },
  { name: 'not-found', who: ['public', 'admin'], path: () => '/nowhere', status: 404 },
];
