import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../app/auth/users.ts';
import { importPlan } from '../../app/import-plan.ts';
import { SAMPLE_FILE } from '../../app/load-sample.ts';
import type { ProjectStatus, YearStatus } from '../../core/workflow.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import {
  anonymous,
  createTestServer,
  DEMO,
  type Session,
  type TestServer,
} from '../test-server.ts';

/**
 * The whole access matrix over HTTP, on SQLite and PostgreSQL: every role boundary and the
 * tenancy boundary, one test per (actor × method × route). Two municipalities: 室蘭市 (012050,
 * the demo: R2 published, R3 open) and 札幌市 (011002: the same plan imported again, R3 open,
 * nothing published). Denied writes must leave the database exactly as it was.
 */

// ---------------------------------------------------------------------------------------------
// Actors (the matrix's columns, in this order)

const ACTORS = ['public', 'committee', 'sangyo', 'kosodate', 'admin', 'sapporo'] as const;
type ActorKey = (typeof ACTORS)[number];
// public    anonymous
// committee iin@…      外部有識者 of 012050
// sangyo    sangyo@…   editor of 012050 経済部 産業振興課 (projects 1–10)
// kosodate  kosodate@… editor of 012050 保健福祉部 子育て支援課 (projects 11–15)
// admin     kikaku@…   administrator of 012050
// sapporo   administrator of 011002 (another municipality)

const SAPPORO_ADMIN = 'kikaku@sapporo.sousei.example';
const SAPPORO_PASSWORD = 'sapporo-admin-password';

/** 303 to /login?next=… (the anonymous are asked to sign in, nothing else happens). */
const L = 'login' as const;
/** 303 anywhere but /login: for a write, it succeeded. */
type Want = 200 | 303 | 403 | 404 | 409 | typeof L;
type Row6 = readonly [Want, Want, Want, Want, Want, Want];

// Path templates: `:name` is replaced by the id of that name (see World.ids).
const M = '/m/012050/plans/:plan'; // 室蘭市's plan
const S = '/m/011002/plans/:plan2'; // 札幌市's plan
// p1, p11: 室蘭市's projects No. 1 (産業振興課) and No. 11 (子育て支援課); q1: 札幌市's No. 1.
// change, change2: a restorable change (R3 予算 of p1, resp. q1) of each municipality.

// ---------------------------------------------------------------------------------------------
// GET: what each actor sees. A row naming a route family (the project page, the report, search:
// written after the rest) is skipped while that family's own-city page 404s for everybody.

const PROJECT = `${M}/projects/:p1`;
const REPORT = `${M}/report`;
const SEARCH = `${M}/search?q=移住`;
type Read = readonly [path: string, want: Row6, unlessMissing?: string];

// biome-ignore format: the access matrix reads best as an aligned table
const READS: readonly Read[] = [
  //                                               public committee sangyo kosodate admin sapporo
  ['/',                                            [200,   303,      303,   303,     303,  303]],
  ['/m/012050',                                    [200,   200,      200,   200,     200,  200]],
  [`${M}`,                                         [200,   200,      200,   200,     200,  200]],
  [`${M}?fy=2020`,                                 [200,   200,      200,   200,     200,  200]],
  [`${M}?fy=2021`,                                 [404,   200,      200,   200,     200,  404]],
  [`${M}/projects/:p1`,                            [200,   200,      200,   200,     200,  200], PROJECT],
  [`${M}/projects/:p1?fy=2021`,                    [404,   200,      200,   200,     200,  404], PROJECT],
  [`${M}/projects/:p1/edit?fy=2021`,               [L,     403,      200,   403,     200,  403]],
  [`${M}/projects/:p11/edit?fy=2021`,              [L,     403,      403,   200,     200,  403]],
  [`${M}/projects/:p1/edit?fy=2020`,               [L,     403,      409,   403,     409,  403]],
  [`${M}/years`,                                   [L,     200,      200,   200,     200,  404]],
  [`${M}/years?fy=2021`,                           [L,     200,      200,   200,     200,  404]],
  [`${M}/todo`,                                    [L,     403,      200,   200,     200,  404]],
  [`${M}/years/2021?action=lock`,                  [L,     403,      403,   403,     200,  404]],
  [`${M}/projects/:p1/return?fy=2021`,             [L,     403,      403,   403,     200,  403]],
  [`${M}/years/2021?action=publish`,               [L,     403,      403,   403,     200,  404]],
  [`${M}/history`,                                 [L,     200,      200,   200,     200,  404]],
  ['/m/012050/users',                              [L,     403,      403,   403,     200,  403]],
  ['/m/012050/users/:victim/disable',              [L,     403,      403,   403,     200,  403]],
  ['/m/012050/users/:victim/enable',               [L,     403,      403,   403,     200,  403]],
  ['/account/password',                            [L,     200,      200,   200,     200,  200]],
  [`${M}/report`,                                  [200,   200,      200,   200,     200,  200], REPORT],
  [`${M}/report?fy=2021`,                          [404,   200,      200,   200,     200,  404], REPORT],
  [`${M}/report?fy=all`,                           [200,   200,      200,   200,     200,  200], REPORT],
  [`${M}/search?q=移住`,                           [200,   200,      200,   200,     200,  200], SEARCH],
  // 札幌市: nothing published, so nothing of it is visible outside it
  ['/m/011002',                                    [200,   200,      200,   200,     200,  200]],
  [`${S}`,                                         [404,   404,      404,   404,     404,  200]],
  [`${S}?fy=2021`,                                 [404,   404,      404,   404,     404,  200]],
  [`${S}/projects/:q1`,                            [404,   404,      404,   404,     404,  200], PROJECT],
  [`${S}/projects/:q1/edit?fy=2021`,               [L,     404,      404,   404,     404,  200]],
  [`${S}/years`,                                   [L,     404,      404,   404,     404,  200]],
  [`${S}/todo`,                                    [L,     404,      404,   404,     404,  200]],
  [`${S}/years/2021?action=lock`,                  [L,     404,      404,   404,     404,  200]],
  [`${S}/history`,                                 [L,     404,      404,   404,     404,  200]],
  ['/m/011002/users',                              [L,     403,      403,   403,     403,  200]],
  ['/m/011002/users/:victim2/disable',             [L,     403,      403,   403,     403,  200]],
  ['/m/011002/users/:victim2/enable',              [L,     403,      403,   403,     403,  200]],
  [`${S}/report?fy=2021`,                          [404,   404,      404,   404,     404,  200], REPORT],
  [`${S}/search?q=移住`,                           [404,   404,      404,   404,     404,  200], SEARCH],
  // one municipality's code with the other's ids: never resolves
  ['/m/012050/plans/:plan2',                       [404,   404,      404,   404,     404,  404]],
  ['/m/011002/plans/:plan?fy=2020',                [404,   404,      404,   404,     404,  404]],
  [`${M}/projects/:q1/edit?fy=2021`,               [L,     404,      404,   404,     404,  404]],
  [`${S}/projects/:p1/edit?fy=2021`,               [L,     404,      404,   404,     404,  404]],
  [`${M}/projects/:q1`,                            [404,   404,      404,   404,     404,  404], PROJECT],
  ['/m/012050/plans/:plan2/years',                 [L,     404,      404,   404,     404,  404]],
  ['/m/011002/plans/:plan/history',                [L,     404,      404,   404,     404,  404]],
  ['/m/012050/users/:victim2/disable',             [L,     403,      403,   403,     404,  403]],
  ['/m/011002/users/:victim/disable',              [L,     403,      403,   403,     403,  404]],
];

// ---------------------------------------------------------------------------------------------
// POST: before every cell the workflow state is reset to the baseline (both R3 open, p1/p11/q1
// 入力中 with no R3 figures) plus `given`, so each cell is independent of the others and a
// refusal can only come from the permission, not from the state.

type Given = { r3?: YearStatus; s3?: YearStatus; p1?: ProjectStatus; q1?: ProjectStatus };
type Form = Record<string, string>;
type Effect = (w: World) => Promise<void>;
type Write = readonly [path: string, form: Form, given: Given, want: Row6, effect: Effect];

/** The entry form; `:v` is the version of the project in the path. 123 千円 = ¥123,000. */
const EDIT: Form = { version: ':v', a_count: '0', budget: '123', settlement: '45' };
// Issue 8: 入力完了 without figures or a result needs a stated reason.
const SUBMIT: Form = {
  fy: '2021',
  action: 'submit',
  reason_figures: '試験',
  reason_result: '試験',
};
const ACCEPT: Form = { fy: '2021', action: 'accept' };
const RETURN: Form = { fy: '2021', action: 'return', comment: '数字を確かめてください' };
// Issue 8: each year step is confirmed; closing with unfinished projects needs a reason.
const LOCK: Form = { action: 'lock', confirmed: '1', override: '試験のため' };
const PUBLISH: Form = { action: 'publish', confirmed: '1', override: '試験のため' };
const OPEN: Form = { action: 'open', confirmed: '1' };
const NONE: Form = {};
/** R3 results only members may read until R3 is published (the part after 限定 never leaks). */
const SECRET = { '012050': 'R3室蘭限定の成果ひみつ', '011002': 'R3札幌限定の成果ないしょ' };
const withResult = (text: string): Form => ({
  ...EDIT,
  a_count: '1',
  a0_e_count: '0',
  a0_new_kind: 'result',
  a0_new_text: text,
});
const userForm = (email: string): Form => ({
  email,
  name: '新しい 利用者',
  role: 'editor',
  departments: '新しい課',
  password: 'a-long-enough-password',
});
const NEW_MURORAN = userForm('new@muroran.sousei.example');
const NEW_SAPPORO = userForm('new@sapporo.sousei.example');

const figuresSaved =
  (p: IdKey): Effect =>
  async (w) => {
    const row = await w.db
      .selectFrom('project_finances')
      .select(['budget', 'settlement'])
      .where('project_id', '=', w.ids[p])
      .where('fiscal_year', '=', 2021)
      .executeTakeFirstOrThrow();
    expect([Number(row.budget), Number(row.settlement)]).toEqual([123_000, 45_000]);
  };
const statusIs =
  (p: IdKey, status: ProjectStatus): Effect =>
  async (w) => {
    const row = await w.db
      .selectFrom('project_years')
      .select('status')
      .where('project_id', '=', w.ids[p])
      .where('fiscal_year', '=', 2021)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe(status);
  };
const yearIs =
  (plan: 'plan' | 'plan2', status: YearStatus): Effect =>
  async (w) => {
    const row = await w.db
      .selectFrom('plan_years')
      .select('status')
      .where('plan_id', '=', w.ids[plan])
      .where('fiscal_year', '=', 2021)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe(status);
  };
const restored =
  (code: string): Effect =>
  async (w) => {
    const last = await w.db
      .selectFrom('changes')
      .select(['origin', 'municipality_code'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ origin: 'restore', municipality_code: code });
  };
const userAdded =
  (email: string, code: string): Effect =>
  async (w) => {
    const row = await w.db
      .selectFrom('users')
      .select('municipality_code')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.municipality_code).toBe(code);
  };
const disabledIs =
  (user: IdKey, disabled: boolean): Effect =>
  async (w) => {
    const row = await w.db
      .selectFrom('users')
      .select('disabled_at')
      .where('id', '=', w.ids[user])
      .executeTakeFirstOrThrow();
    expect(row.disabled_at !== null).toBe(disabled);
  };
const never: Effect = async () => {
  throw new Error('no actor may do this');
};

// biome-ignore format: the access matrix reads best as an aligned table
const WRITES: readonly Write[] = [
  //                                                                          public committee sangyo kosodate admin sapporo
  [`${M}/projects/:p1/edit?fy=2021`,      EDIT,        {},                   [L,     403,      303,   403,     303,  403], figuresSaved('p1')],
  [`${M}/projects/:p11/edit?fy=2021`,     EDIT,        {},                   [L,     403,      403,   303,     303,  403], figuresSaved('p11')],
  [`${M}/projects/:p1/edit?fy=2021`,      EDIT,        { p1: 'submitted' },  [L,     403,      403,   403,     303,  403], figuresSaved('p1')],
  [`${M}/projects/:p1/edit?fy=2021`,      EDIT,        { p1: 'returned' },   [L,     403,      303,   403,     303,  403], figuresSaved('p1')],
  [`${M}/projects/:p1/edit?fy=2021`,      EDIT,        { p1: 'accepted' },   [L,     403,      403,   403,     403,  403], never],
  [`${M}/projects/:p1/edit?fy=2021`,      EDIT,        { r3: 'locked' },     [L,     403,      409,   403,     409,  403], never],
  [`${M}/projects/:p1/edit?fy=2020`,      EDIT,        {},                   [L,     403,      409,   403,     409,  403], never],
  [`${M}/projects/:p1/status`,            SUBMIT,      {},                   [L,     403,      303,   403,     303,  403], statusIs('p1', 'submitted')],
  [`${M}/projects/:p1/status`,            ACCEPT,      { p1: 'submitted' },  [L,     403,      403,   403,     303,  403], statusIs('p1', 'accepted')],
  [`${M}/projects/:p1/status`,            RETURN,      { p1: 'submitted' },  [L,     403,      403,   403,     303,  403], statusIs('p1', 'returned')],
  [`${M}/years/2021`,                     LOCK,        { r3: 'open' },       [L,     403,      403,   403,     303,  403], yearIs('plan', 'locked')],
  [`${M}/years/2021`,                     PUBLISH,     { r3: 'locked' },     [L,     403,      403,   403,     303,  403], yearIs('plan', 'published')],
  [`${M}/years/2021`,                     OPEN,        { r3: 'preparing' },  [L,     403,      403,   403,     303,  403], yearIs('plan', 'open')],
  [`${M}/history/:change/restore`,        NONE,        {},                   [L,     403,      403,   403,     303,  403], restored('012050')],
  ['/m/012050/users',                     NEW_MURORAN, {},                   [L,     403,      403,   403,     303,  403], userAdded(NEW_MURORAN.email ?? '', '012050')],
  ['/m/012050/users/:victim/disable',     NONE,        {},                   [L,     403,      403,   403,     303,  403], disabledIs('victim', true)],
  ['/m/012050/users/:victim/enable',      NONE,        {},                   [L,     403,      403,   403,     303,  403], disabledIs('victim', false)],
  // 札幌市's routes
  [`${S}/projects/:q1/edit?fy=2021`,      EDIT,        {},                   [L,     403,      403,   403,     403,  303], figuresSaved('q1')],
  [`${S}/projects/:q1/status`,            SUBMIT,      {},                   [L,     403,      403,   403,     403,  303], statusIs('q1', 'submitted')],
  [`${S}/projects/:q1/status`,            ACCEPT,      { q1: 'submitted' },  [L,     403,      403,   403,     403,  303], statusIs('q1', 'accepted')],
  [`${S}/projects/:q1/status`,            RETURN,      { q1: 'submitted' },  [L,     403,      403,   403,     403,  303], statusIs('q1', 'returned')],
  [`${S}/years/2021`,                     LOCK,        { s3: 'open' },       [L,     403,      403,   403,     403,  303], yearIs('plan2', 'locked')],
  [`${S}/years/2021`,                     PUBLISH,     { s3: 'locked' },     [L,     403,      403,   403,     403,  303], yearIs('plan2', 'published')],
  [`${S}/years/2021`,                     OPEN,        { s3: 'preparing' },  [L,     403,      403,   403,     403,  303], yearIs('plan2', 'open')],
  [`${S}/history/:change2/restore`,       NONE,        {},                   [L,     403,      403,   403,     403,  303], restored('011002')],
  ['/m/011002/users',                     NEW_SAPPORO, {},                   [L,     403,      403,   403,     403,  303], userAdded(NEW_SAPPORO.email ?? '', '011002')],
  ['/m/011002/users/:victim2/disable',    NONE,        {},                   [L,     403,      403,   403,     403,  303], disabledIs('victim2', true)],
  ['/m/011002/users/:victim2/enable',     NONE,        {},                   [L,     403,      403,   403,     403,  303], disabledIs('victim2', false)],
  // one municipality's code with the other's ids
  [`${M}/projects/:q1/edit?fy=2021`,      EDIT,        {},                   [L,     404,      404,   404,     404,  404], never],
  [`${S}/projects/:p1/edit?fy=2021`,      EDIT,        {},                   [L,     404,      404,   404,     404,  404], never],
  [`${M}/projects/:q1/status`,            SUBMIT,      {},                   [L,     404,      404,   404,     404,  404], never],
  [`${S}/projects/:p1/status`,            SUBMIT,      {},                   [L,     404,      404,   404,     404,  404], never],
  ['/m/012050/plans/:plan2/years/2021',   LOCK,        { s3: 'open' },       [L,     403,      403,   403,     404,  403], never],
  ['/m/011002/plans/:plan/years/2021',    LOCK,        { r3: 'open' },       [L,     403,      403,   403,     403,  404], never],
  [`${M}/history/:change2/restore`,       NONE,        {},                   [L,     403,      403,   403,     404,  403], never],
  [`${S}/history/:change/restore`,        NONE,        {},                   [L,     403,      403,   403,     403,  404], never],
  ['/m/012050/users/:victim2/disable',    NONE,        {},                   [L,     403,      403,   403,     404,  403], never],
  ['/m/011002/users/:victim/disable',     NONE,        {},                   [L,     403,      403,   403,     403,  404], never],
];

// ---------------------------------------------------------------------------------------------
// The world a suite runs in

type IdKey = 'plan' | 'plan2' | 'p1' | 'p11' | 'q1' | 'change' | 'change2' | 'victim' | 'victim2';

interface World {
  server: TestServer;
  db: ReturnType<typeof databaseOf>;
  ids: Record<IdKey, number>;
  as: Record<ActorKey, Session>;
}

function resolve(w: World, template: string): string {
  return template.replace(/:([a-z]\w*)/g, (_, name: string) => {
    if (!(name in w.ids)) throw new Error(`unknown id :${name} in ${template}`);
    return String(w.ids[name as IdKey]);
  });
}

/** The form as posted: `:v` becomes the current version of the project named in the path. */
async function fill(w: World, form: Form, path: string): Promise<Form> {
  if (form.version !== ':v') return form;
  const id = Number(/\/projects\/(\d+)/.exec(path)?.[1]);
  const row = await w.db
    .selectFrom('projects')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst();
  return { ...form, version: String(row?.version ?? 1) };
}

/** Baseline workflow state plus `given` (written straight to the database). */
async function reset(w: World, given: Given): Promise<void> {
  const now = new Date().toISOString();
  const years: [IdKey, string, YearStatus][] = [
    ['plan', '012050', given.r3 ?? 'open'],
    ['plan2', '011002', given.s3 ?? 'open'],
  ];
  for (const [plan, code, status] of years) {
    await w.db
      .deleteFrom('plan_years')
      .where('plan_id', '=', w.ids[plan])
      .where('fiscal_year', '=', 2021)
      .execute();
    if (status === 'preparing') continue;
    await w.db
      .insertInto('plan_years')
      .values({
        plan_id: w.ids[plan],
        municipality_code: code,
        fiscal_year: 2021,
        status,
        updated_at: now,
        updated_by: null,
        published_at: status === 'published' ? now : null,
        publish_override: null,
      })
      .execute();
  }
  const projects: [IdKey, string, ProjectStatus][] = [
    ['p1', '012050', given.p1 ?? 'entering'],
    ['p11', '012050', 'entering'],
    ['q1', '011002', given.q1 ?? 'entering'],
  ];
  for (const [p, code, status] of projects) {
    const id = w.ids[p];
    await w.db
      .deleteFrom('project_finances')
      .where('project_id', '=', id)
      .where('fiscal_year', '=', 2021)
      .execute();
    await w.db
      .deleteFrom('project_years')
      .where('project_id', '=', id)
      .where('fiscal_year', '=', 2021)
      .execute();
    if (status === 'entering') continue;
    await w.db
      .insertInto('project_years')
      .values({
        project_id: id,
        municipality_code: code,
        fiscal_year: 2021,
        status,
        comment: null,
        updated_at: now,
        updated_by: null,
      })
      .execute();
  }
}

/** Everything a write could touch. */
async function snapshot(w: World) {
  const db = w.db;
  return {
    project_finances: await db
      .selectFrom('project_finances')
      .selectAll()
      .orderBy('project_id')
      .orderBy('fiscal_year')
      .execute(),
    project_years: await db
      .selectFrom('project_years')
      .selectAll()
      .orderBy('project_id')
      .orderBy('fiscal_year')
      .execute(),
    plan_years: await db
      .selectFrom('plan_years')
      .selectAll()
      .orderBy('plan_id')
      .orderBy('fiscal_year')
      .execute(),
    users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    user_departments: await db
      .selectFrom('user_departments')
      .selectAll()
      .orderBy('user_id')
      .orderBy('department_id')
      .execute(),
    departments: await db.selectFrom('departments').selectAll().orderBy('id').execute(),
    changes: await db.selectFrom('changes').selectAll().orderBy('id').execute(),
    versions: await db.selectFrom('projects').select(['id', 'version']).orderBy('id').execute(),
    activity_entries: await db.selectFrom('activity_entries').selectAll().orderBy('id').execute(),
  };
}

function expectStatus(res: Response, want: Want): void {
  const location = res.headers.get('location') ?? '';
  if (want === L) {
    expect(res.status).toBe(303);
    expect(location).toMatch(/^\/login\?next=%2F/);
  } else if (want === 303) {
    expect(res.status).toBe(303);
    expect(location).not.toMatch(/^\/login/);
  } else {
    expect(res.status).toBe(want);
  }
}

/** A POST with the session's cookie and the given form as is (no `_csrf` added). */
function rawPost(
  w: World,
  path: string,
  cookie: string,
  form: Form,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    w.server.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
      body: new URLSearchParams(form).toString(),
    }),
  );
}

async function sapporoSetUp(server: TestServer): Promise<void> {
  const outcome = await importPlan(server.ctx, {
    bytes: readFileSync(SAMPLE_FILE),
    fileName: 'muroran-r2-progress.tsv',
    municipalityCode: '011002',
    municipalityName: '札幌市',
    title: '第2期さっぽろ未来創生プラン',
    kind: '総合戦略',
    conventions: { arrow: 'revision' },
  });
  expect(outcome.written).toBe(true);
  await createUser(server.ctx, {
    municipalityCode: '011002',
    email: SAPPORO_ADMIN,
    name: '札幌 企画',
    role: 'admin',
    password: SAPPORO_PASSWORD,
  });
}

const victimOf = (municipalityCode: string, email: string) => ({
  municipalityCode,
  email,
  role: 'committee',
  password: 'a-long-enough-password',
});

const label = (path: string, form: Form) =>
  `${path}${form.action ? ` [${form.action}]` : ''}${form.email ? ` [${form.email}]` : ''}`;

// ---------------------------------------------------------------------------------------------

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`access matrix over HTTP on ${dialect}`, () => {
    const w = {} as World;

    beforeAll(async () => {
      w.server = await createTestServer(dialect);
      w.db = databaseOf(w.server.ctx.store);
      await sapporoSetUp(w.server);
      const plans = await w.db.selectFrom('plans').select(['id', 'municipality_code']).execute();
      const planOf = (code: string) => plans.find((p) => p.municipality_code === code)?.id ?? -1;
      const projects = await w.db
        .selectFrom('projects')
        .select(['id', 'no', 'municipality_code'])
        .execute();
      const project = (code: string, no: string) =>
        projects.find((p) => p.municipality_code === code && p.no === no)?.id ?? -1;
      w.ids = {
        plan: planOf('012050'),
        plan2: planOf('011002'),
        p1: project('012050', '1'),
        p11: project('012050', '11'),
        q1: project('011002', '1'),
        change: -1,
        change2: -1,
        // An account of each municipality for the disable and enable rows.
        victim: await createUser(w.server.ctx, victimOf('012050', 'victim@muroran.sousei.example')),
        victim2: await createUser(
          w.server.ctx,
          victimOf('011002', 'victim@sapporo.sousei.example'),
        ),
      };
      expect(w.ids.plan).toBe(w.server.planId);
      w.as = {
        public: await anonymous(w.server),
        committee: await w.server.signIn(DEMO.committee),
        sangyo: await w.server.signIn(DEMO.industry),
        kosodate: await w.server.signIn(DEMO.childcare),
        admin: await w.server.signIn(DEMO.admin),
        sapporo: await w.server.signIn(SAPPORO_ADMIN),
      };
      // 札幌市 opens R3 and each administrator enters R3 figures and a result: restorable changes.
      await reset(w, { s3: 'preparing' });
      expectStatus(await w.as.sapporo.post(resolve(w, `${S}/years/2021`), OPEN), 303);
      for (const [who, path, text] of [
        ['admin', `${M}/projects/:p1/edit?fy=2021`, SECRET['012050']],
        ['sapporo', `${S}/projects/:q1/edit?fy=2021`, SECRET['011002']],
      ] as const) {
        const url = resolve(w, path);
        expectStatus(await w.as[who].post(url, await fill(w, withResult(text), url)), 303);
      }
      const change = async (code: string) =>
        (
          await w.db
            .selectFrom('changes')
            .select('id')
            .where('municipality_code', '=', code)
            .where('target', 'like', '%finance%')
            .orderBy('id')
            .executeTakeFirstOrThrow()
        ).id;
      w.ids.change = await change('012050');
      w.ids.change2 = await change('011002');
      await reset(w, {});
    });
    afterAll(() => w.server?.close());

    describe('GET', () => {
      const exists = new Map<string, Promise<boolean>>();
      /** Whether anybody gets something other than 404 (a route not written yet 404s for all). */
      const routeExists = (path: string) => {
        let known = exists.get(path);
        if (!known) {
          known = Promise.all(ACTORS.map((a) => w.as[a].get(resolve(w, path)))).then((rs) =>
            rs.some((r) => r.status !== 404),
          );
          exists.set(path, known);
        }
        return known;
      };
      for (const [path, want, family] of READS) {
        ACTORS.forEach((actor, i) => {
          const expected = want[i] as Want;
          it(`${actor.padEnd(9)} GET  ${path} → ${expected}`, async (ctx) => {
            if (family && !(await routeExists(family)))
              ctx.skip(`${family} is not implemented yet: 404 for everybody`);
            expectStatus(await w.as[actor].get(resolve(w, path)), expected);
          });
        });
      }
    });

    describe('tenancy seen from the pages', () => {
      it('札幌市 is listed to nobody but its own members while nothing is published', async () => {
        const link = `/m/011002/plans/${w.ids.plan2}`;
        for (const actor of ACTORS) {
          const html = await (await w.as[actor].get('/m/011002')).text();
          if (actor === 'sapporo') expect(html).toContain(link);
          else expect(html).not.toContain(link);
        }
        const home = await (await w.as.public.get('/')).text();
        expect(home).toContain('/m/012050');
        expect(home).not.toContain('/m/011002');
      });

      it('unpublished R3 results appear on no page the public or another city can open', async () => {
        // They are there: the entry forms show them.
        const form = (who: ActorKey, path: string) => w.as[who].get(resolve(w, path));
        const own = await form('admin', `${M}/projects/:p1/edit?fy=2021`);
        expect(await own.text()).toContain(SECRET['012050']);
        const theirs = await form('sapporo', `${S}/projects/:q1/edit?fy=2021`);
        expect(await theirs.text()).toContain(SECRET['011002']);
        const pages = [
          '/',
          '/m/012050',
          M,
          `${M}?fy=2020`,
          PROJECT,
          `${PROJECT}?fy=2020`,
          REPORT,
          `${REPORT}?fy=all`,
          `${M}/search?q=${encodeURIComponent('R3室蘭限定')}`,
          `${M}/search?q=${encodeURIComponent('R3札幌限定')}`,
        ];
        for (const actor of ['public', 'sapporo'] as const) {
          for (const path of pages) {
            const html = await (await w.as[actor].get(resolve(w, path))).text();
            expect(html, `${actor} GET ${path}`).not.toContain('ひみつ');
          }
        }
        // Members find them (so the search above could have).
        const found = await form('committee', `${M}/search?q=${encodeURIComponent('R3室蘭限定')}`);
        expect(await found.text()).toContain('ひみつ');
        // Nor does 札幌市's show anywhere in 室蘭市, for its administrator.
        for (const path of [...pages, `${PROJECT}?fy=2021`, `${M}/history`, `${M}/years`]) {
          const html = await (await w.as.admin.get(resolve(w, path))).text();
          expect(html, `admin GET ${path}`).not.toContain('ないしょ');
        }
      });

      it("another city's administrator reads 室蘭市's R2 as the public does", async () => {
        for (const actor of ['public', 'sapporo'] as const) {
          const html = await (await w.as[actor].get(resolve(w, `${M}?fy=2020`))).text();
          expect(html).toContain('70,090');
          expect(html).not.toContain('入力状況');
          expect(html).not.toContain(resolve(w, `${M}/years`));
          expect(html).not.toContain(resolve(w, `${M}/history`));
          expect(html).not.toContain('/m/012050/users');
        }
      });
    });

    describe('POST', () => {
      for (const [path, form, given, want, effect] of WRITES) {
        ACTORS.forEach((actor, i) => {
          const expected = want[i] as Want;
          it(`${actor.padEnd(9)} POST ${label(path, form)} ${JSON.stringify(given)} → ${expected}`, async () => {
            await reset(w, given);
            const url = resolve(w, path);
            const before = await snapshot(w);
            const res = await w.as[actor].post(url, await fill(w, form, url));
            expectStatus(res, expected);
            if (expected === 303) await effect(w);
            else expect(await snapshot(w)).toEqual(before);
          });
        });
      }
    });

    describe('CSRF', () => {
      // Every write row, by an actor allowed to make it (so only the token can refuse it).
      const allowed = WRITES.flatMap(([path, form, given, want]) => {
        const i = want.indexOf(303);
        return i < 0 ? [] : [{ path, form, given, actor: ACTORS[i] as ActorKey }];
      });
      const cases: [string, (s: Session) => Form, Record<string, string>][] = [
        ['without _csrf', () => ({}), {}],
        ['with a wrong _csrf', () => ({ _csrf: 'x'.repeat(43) }), {}],
        ['with the token of another session', () => ({ _csrf: w.as.committee.csrf }), {}],
        [
          'with an empty _csrf and a wrong X-CSRF-Token',
          () => ({ _csrf: '' }),
          { 'x-csrf-token': 'x' },
        ],
        [
          'without _csrf, with Basic credentials',
          () => ({}),
          { authorization: 'Basic dXNlcjpwYXNz' },
        ],
        ['without _csrf, with a bearer token', () => ({}), { authorization: 'Bearer abc' }],
      ];
      for (const { path, form, given, actor } of allowed) {
        for (const [name, token, headers] of cases) {
          it(`${actor} POST ${label(path, form)} ${name} → 403, nothing changes`, async () => {
            await reset(w, given);
            const url = resolve(w, path);
            const session = w.as[actor];
            const before = await snapshot(w);
            const body = { ...(await fill(w, form, url)), ...token(session) };
            const res = await rawPost(w, url, session.cookie, body, headers);
            expect(res.status).toBe(403);
            expect(await snapshot(w)).toEqual(before);
          });
        }
      }

      it('logging out needs the token too', async () => {
        const admin = await w.server.signIn(DEMO.admin);
        expect((await rawPost(w, '/logout', admin.cookie, {})).status).toBe(403);
        expect((await admin.get(resolve(w, `${M}/years`))).status).toBe(200);
        expect((await admin.post('/logout', {})).status).toBe(303);
        expectStatus(await admin.get(resolve(w, `${M}/years`)), L);
      });

      it('the login form needs the token too', async () => {
        const pub = await anonymous(w.server);
        const res = await rawPost(w, '/login', pub.cookie, {
          email: SAPPORO_ADMIN,
          password: SAPPORO_PASSWORD,
        });
        expect(res.status).toBe(403);
        expect(res.headers.get('set-cookie') ?? '').not.toContain('sousei_session=');
      });
    });

    describe('sessions', () => {
      const forged = [
        ['a made-up token', `sousei_session=${'A'.repeat(43)}`],
        ['an empty token', 'sousei_session='],
        ['a valid token with one character changed', null],
        ['the stored session id (the token hash)', null],
      ] as const;
      const cookieFor = async (kind: string, literal: string | null) => {
        if (literal) return literal;
        const real = await w.server.signIn(DEMO.admin);
        const token = real.cookie.slice('sousei_session='.length);
        if (kind.startsWith('a valid'))
          return `sousei_session=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
        const id = createHash('sha256').update(token).digest('hex');
        const stored = await w.db
          .selectFrom('sessions')
          .select('id')
          .where('id', '=', id)
          .execute();
        expect(stored).toHaveLength(1);
        return `sousei_session=${id}`;
      };
      for (const [kind, literal] of forged) {
        it(`a session cookie with ${kind} is treated as anonymous`, async () => {
          const pub = await anonymous(w.server);
          const cookie = `${await cookieFor(kind, literal)}; ${pub.cookie}`;
          const get = (path: string) =>
            Promise.resolve(w.server.app.request(resolve(w, path), { headers: { cookie } }));
          expect((await get('/')).status).toBe(200);
          expect((await get(`${M}?fy=2020`)).status).toBe(200);
          expect((await get(`${M}?fy=2021`)).status).toBe(404);
          expectStatus(await get(`${M}/years`), L);
          expectStatus(await get('/m/012050/users'), L);
          await reset(w, {});
          const before = await snapshot(w);
          // With the anonymous CSRF token that goes with the cookie: still only the public.
          expectStatus(
            await rawPost(w, resolve(w, `${M}/years/2021`), cookie, { ...LOCK, _csrf: pub.csrf }),
            L,
          );
          expect(await snapshot(w)).toEqual(before);
        });
      }
    });

    describe('security headers', () => {
      const responses: [string, () => Promise<Response>][] = [
        ['the public front page', () => w.as.public.get('/')],
        ['the login form', () => w.as.public.get('/login')],
        ['a member page', () => w.as.admin.get(resolve(w, `${M}/years`))],
        ['a redirect to login', () => w.as.public.get(resolve(w, `${M}/years`))],
        ['a 403 page', () => w.as.committee.get('/m/012050/users')],
        ['a 404 page', () => w.as.public.get('/no/such/page')],
        ['a refused POST', () => rawPost(w, resolve(w, `${M}/years/2021`), '', LOCK)],
        ['an asset', () => w.as.public.get('/assets/app.css')],
      ];
      for (const [name, get] of responses) {
        it(`${name} carries CSP, no framing and nosniff`, async () => {
          const res = await get();
          const csp = res.headers.get('content-security-policy') ?? '';
          expect(csp).toMatch(/default-src 'self'/);
          expect(csp).toMatch(/frame-ancestors 'none'/);
          expect(csp).not.toContain('unsafe-inline');
          expect(csp).not.toContain('unsafe-eval');
          expect(res.headers.get('x-frame-options')).toBe('DENY');
          expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        });
      }
    });
  });

  describe.skipIf(!dialectAvailable(dialect))(`login on ${dialect}`, () => {
    // A fresh server: throttling counts failures in the database.
    let server: TestServer;
    const password = (email: string) =>
      server.accounts.find((a) => a.email === email)?.password ?? '';
    beforeAll(async () => {
      server = await createTestServer(dialect);
      await sapporoSetUp(server);
    });
    afterAll(() => server?.close());

    it('the 6th attempt after 5 failures for the same e-mail is refused, right password or not', async () => {
      const pub = await anonymous(server);
      for (let i = 0; i < 5; i++) {
        const r = await pub.post('/login', { email: DEMO.admin, password: `wrong-${i}` });
        expect(r.status).toBe(401);
      }
      const sixth = await pub.post('/login', { email: DEMO.admin, password: password(DEMO.admin) });
      expect(sixth.status).toBe(429);
      expect(sixth.headers.get('set-cookie') ?? '').not.toContain('sousei_session=');
      // The same e-mail in another case or with spaces is the same account.
      const variant = await pub.post('/login', {
        email: ` ${DEMO.admin.toUpperCase()} `,
        password: password(DEMO.admin),
      });
      expect(variant.status).toBe(429);
      // Other accounts are not locked out.
      const other = await pub.post('/login', {
        email: DEMO.committee,
        password: password(DEMO.committee),
      });
      expect(other.status).toBe(303);
    });

    it('a wrong password and an unknown e-mail get the same answer', async () => {
      const pub = await anonymous(server);
      const known = DEMO.industry;
      const unknown = 'nobody@demo.sousei.example';
      const a = await pub.post('/login', { email: known, password: 'not-the-password' });
      const b = await pub.post('/login', { email: unknown, password: 'not-the-password' });
      expect(a.status).toBe(401);
      expect(b.status).toBe(a.status);
      const textA = (await a.text()).replaceAll(known, 'EMAIL');
      const textB = (await b.text()).replaceAll(unknown, 'EMAIL');
      expect(textA).toContain('ログインできませんでした');
      expect(textB).toBe(textA);
    });

    it('the session cookie is HttpOnly and SameSite, and opens the session', async () => {
      const pub = await anonymous(server);
      const res = await pub.post('/login', {
        email: SAPPORO_ADMIN,
        password: SAPPORO_PASSWORD,
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/');
      const cookie = (res.headers.get('set-cookie') ?? '')
        .split(/,(?=\s*\w+=)/)
        .find((c) => c.trim().startsWith('sousei_session='));
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
      expect(cookie).toMatch(/;\s*Path=\//i);
      const session = (cookie ?? '').split(';')[0] ?? '';
      const plan2 = await databaseOf(server.ctx.store)
        .selectFrom('plans')
        .select('id')
        .where('municipality_code', '=', '011002')
        .executeTakeFirstOrThrow();
      const years = await server.app.request(`/m/011002/plans/${plan2.id}/years`, {
        headers: { cookie: session },
      });
      expect(years.status).toBe(200);
      // The anonymous CSRF cookie is HttpOnly and SameSite as well.
      const first = (await server.app.request('/login')).headers.get('set-cookie') ?? '';
      expect(first).toMatch(/^sousei_csrf=/);
      expect(first).toMatch(/;\s*HttpOnly/i);
      expect(first).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    });

    it("a member starts where their work is: an editor on the open year's to-do page", async () => {
      const editor = await server.signIn(DEMO.childcare);
      const editorHome = await editor.get('/');
      expect(editorHome.status).toBe(303);
      expect(editorHome.headers.get('location')).toBe(`/m/012050/plans/${server.planId}/todo`);
      for (const email of [DEMO.admin, DEMO.committee]) {
        const home = await (await server.signIn(email)).get('/');
        expect(home.headers.get('location')).toBe('/m/012050');
      }
    });

    it('the login form never carries an off-site next', async () => {
      for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
        const html = await (
          await server.app.request(`/login?next=${encodeURIComponent(next)}`)
        ).text();
        expect(html).toContain('name="next" value="/"');
        expect(html).not.toContain('evil.example');
      }
    });

    it('an open redirect via next is not followed after login', async () => {
      const pub = await anonymous(server);
      const email = DEMO.childcare;
      for (const next of [
        '//evil.example',
        '//evil.example/m/012050',
        'https://evil.example/',
        '/\\evil.example',
        '\\\\evil.example',
        '/\t/evil.example',
        ' //evil.example',
        'javascript:alert(1)',
      ]) {
        const res = await pub.post('/login', { email, password: password(email), next });
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe('/');
      }
      // A same-site path is followed.
      const ok = await pub.post('/login', {
        email,
        password: password(email),
        next: '/m/012050/users',
      });
      expect(ok.headers.get('location')).toBe('/m/012050/users');
    });
  });
}
