import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  authenticateToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../app/auth/api-tokens.ts';
import { createUser, loadActor } from '../../app/auth/users.ts';
import { importPlan } from '../../app/import-plan.ts';
import { saveKpi, saveKpiActual } from '../../app/kpi/save-kpi.ts';
import { SAMPLE_FILE } from '../../app/load-sample.ts';
import { readImportSettings, settingsPathFor } from '../../app/read-import-settings.ts';
import type { Actor } from '../../core/permissions.ts';
import { PlanDocumentSchema } from '../../formats/json/plan-document-schema.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { createTestServer, DEMO, type Session, type TestServer } from '../test-server.ts';
import { API_OPERATIONS } from './api-operations.ts';
import { apiRoutes } from './api-routes.tsx';
import {
  ErrorSchema,
  KpiActualSavedSchema,
  KpiListSchema,
  MunicipalityListSchema,
  MunicipalitySchema,
  PlanListSchema,
  ProjectDetailSchema,
  ProjectListSchema,
  ProjectStatusChangedSchema,
  ProjectYearSavedSchema,
} from './schemas.ts';

/**
 * The API (issue #5) over HTTP on SQLite and PostgreSQL, on the demo set-up (Muroran's sample,
 * R2 published, R3 open) plus a second municipality (011002, the sample imported again, nothing
 * published). Every read as the public, as members and across municipalities; every write route
 * for every kind of caller, with the database unchanged on each refusal.
 */

const SAPPORO = '011002';
const SAPPORO_ADMIN = 'kikaku@sapporo.example';

function expectSchema<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues, null, 1));
  return parsed.data;
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`the API on ${dialect}`, () => {
    let server: TestServer;
    let planId: number;
    let sapporoPlanId: number;
    const project: Record<string, number> = {};
    const token: Record<
      'admin' | 'industry' | 'childcare' | 'committee' | 'sapporo' | 'revoked',
      string
    > = { admin: '', industry: '', childcare: '', committee: '', sapporo: '', revoked: '' };
    const actors: Record<string, Actor> = {};
    let projectKpi: number;
    let goalKpi: number;
    let industrySession: Session;

    const db = () => databaseOf(server.ctx.store);

    async function actorOf(email: string): Promise<Actor> {
      const user = await db()
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      const actor = await loadActor(server.ctx, user.id);
      if (!actor) throw new Error(`no actor ${email}`);
      return actor;
    }

    function call(
      method: string,
      path: string,
      options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
    ) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      return server.app.request(path, {
        method,
        headers,
        body:
          options.body === undefined
            ? undefined
            : typeof options.body === 'string'
              ? options.body
              : JSON.stringify(options.body),
      });
    }

    const get = (path: string, t?: string, headers?: Record<string, string>) =>
      call('GET', path, { token: t, headers });

    async function json(response: Response, status = 200) {
      const text = await response.text();
      expect(response.status, text).toBe(status);
      return JSON.parse(text);
    }

    /** Every row a write could touch; the tokens' last use aside. */
    async function snapshot() {
      const d = db();
      return JSON.stringify(
        await Promise.all([
          d
            .selectFrom('project_finances')
            .selectAll()
            .orderBy('project_id')
            .orderBy('fiscal_year')
            .execute(),
          d
            .selectFrom('project_years')
            .selectAll()
            .orderBy('project_id')
            .orderBy('fiscal_year')
            .execute(),
          d
            .selectFrom('kpi_actuals')
            .selectAll()
            .orderBy('kpi_id')
            .orderBy('fiscal_year')
            .execute(),
          d.selectFrom('changes').select('id').orderBy('id').execute(),
          d.selectFrom('projects').select(['id', 'version']).orderBy('id').execute(),
          d.selectFrom('activity_entries').select(['id', 'text']).orderBy('id').execute(),
        ]),
      );
    }

    async function versionOf(projectId: number) {
      const row = await db()
        .selectFrom('projects')
        .select('version')
        .where('id', '=', projectId)
        .executeTakeFirstOrThrow();
      return row.version;
    }

    beforeAll(async () => {
      server = await createTestServer(dialect);
      planId = server.planId;
      const ctx = server.ctx;
      const rows = await db()
        .selectFrom('projects')
        .select(['id', 'no'])
        .where('plan_id', '=', planId)
        .execute();
      for (const r of rows) project[r.no] = r.id;

      // The second municipality: the same table, nothing published, one administrator.
      const settings = readImportSettings(settingsPathFor(SAMPLE_FILE), true);
      const imported = await importPlan(ctx, {
        bytes: readFileSync(SAMPLE_FILE),
        fileName: 'sapporo.tsv',
        municipalityCode: SAPPORO,
        municipalityName: '札幌市',
        title: '札幌市の戦略',
        kind: '総合戦略',
        conventions: settings.conventions,
      });
      expect(imported.written).toBe(true);
      sapporoPlanId = (
        await db()
          .selectFrom('plans')
          .select('id')
          .where('municipality_code', '=', SAPPORO)
          .executeTakeFirstOrThrow()
      ).id;
      await createUser(ctx, {
        municipalityCode: SAPPORO,
        email: SAPPORO_ADMIN,
        name: '札幌 管理者',
        role: 'admin',
        password: 'sapporo-password-1234',
      });

      actors.admin = await actorOf(DEMO.admin);
      actors.industry = await actorOf(DEMO.industry);
      actors.childcare = await actorOf(DEMO.childcare);
      actors.committee = await actorOf(DEMO.committee);
      actors.sapporo = await actorOf(SAPPORO_ADMIN);
      for (const who of ['admin', 'industry', 'childcare', 'committee', 'sapporo'] as const) {
        token[who] = (await createApiToken(ctx, actors[who] as Actor, `${who} script`)).secret;
      }
      const revoked = await createApiToken(ctx, actors.industry as Actor, 'old script');
      await revokeApiToken(ctx, actors.industry as Actor, revoked.id);
      token.revoked = revoked.secret;
      industrySession = await server.signIn(DEMO.industry);

      // Unpublished R3 data of Muroran: a figure and a result of project 5.
      await db()
        .insertInto('project_finances')
        .values({
          project_id: project['5'] as number,
          municipality_code: '012050',
          fiscal_year: 2021,
          budget: 777_000,
          settlement: null,
        })
        .execute();
      const activity = await db()
        .selectFrom('activities')
        .select('id')
        .where('project_id', '=', project['5'] as number)
        .orderBy('position')
        .executeTakeFirstOrThrow();
      await db()
        .insertInto('activity_entries')
        .values({
          municipality_code: '012050',
          activity_id: activity.id,
          position: 99,
          kind: 'result',
          fiscal_year: 2021,
          year_label: null,
          text: '非公開のR3結果',
          kpi: 0,
        })
        .execute();

      // KPIs: an annual one of project 1 (経済部 産業振興課), a cumulative one of the first goal.
      const goal = await db()
        .selectFrom('plan_nodes')
        .select('id')
        .where('plan_id', '=', planId)
        .where('depth', '=', 0)
        .orderBy('position')
        .executeTakeFirstOrThrow();
      projectKpi = await saveKpi(ctx, actors.admin as Actor, {
        municipalityCode: '012050',
        planId,
        input: {
          scope: 'project',
          projectId: project['1'],
          name: '移住相談件数',
          unit: '件',
          direction: 'higher',
          kind: 'annual',
          targetValue: 50,
          targetFiscalYear: 2024,
        },
      });
      goalKpi = await saveKpi(ctx, actors.admin as Actor, {
        municipalityCode: '012050',
        planId,
        input: {
          scope: 'goal',
          nodeId: goal.id,
          name: '新規雇用者数（累計）',
          unit: '人',
          direction: 'higher',
          kind: 'cumulative',
          targetValue: 100,
          targetFiscalYear: 2024,
        },
      });
      // The KPIs came with the plan (defined before R3 opened), and R2 is published (closed
      // to every writer): this state is set up in the database directly.
      await db()
        .updateTable('kpis')
        .set({ introduced_in: null })
        .where('id', 'in', [projectKpi, goalKpi])
        .execute();
      for (const [kpiId, value] of [
        [projectKpi, 41],
        [goalKpi, 10],
      ] as const) {
        await db()
          .insertInto('kpi_actuals')
          .values({
            kpi_id: kpiId,
            municipality_code: '012050',
            fiscal_year: 2020,
            value,
            as_of: '2021-03-31',
            source: '事業実績',
            entry_id: null,
            updated_at: ctx.now(),
            updated_by: null,
          })
          .execute();
      }
      await saveKpiActual(ctx, actors.admin as Actor, {
        municipalityCode: '012050',
        kpiId: goalKpi,
        input: { fiscalYear: 2021, value: 5, asOf: null, source: null },
      });
    });
    afterAll(() => server?.close());

    describe('reads as the public', () => {
      it('lists the municipalities that publish, not the one that does not', async () => {
        const body = expectSchema(
          MunicipalityListSchema,
          await json(await get('/api/v1/municipalities')),
        );
        expect(body.items).toEqual([{ code: '012050', name: '室蘭市' }]);
        expectSchema(MunicipalitySchema, await json(await get('/api/v1/municipalities/012050')));
        await json(await get(`/api/v1/municipalities/${SAPPORO}`), 404);
        await json(await get(`/api/v1/municipalities/${SAPPORO}/plans`), 404);
        await json(await get('/api/v1/municipalities/012051'), 404);
      });

      it('shows plans with their published years only', async () => {
        const body = expectSchema(
          PlanListSchema,
          await json(await get('/api/v1/municipalities/012050/plans')),
        );
        expect(body.items).toHaveLength(1);
        expect(body.items[0]?.years).toEqual([{ fiscalYear: 2020, status: 'published' }]);
        expect(body.items[0]?.amountUnit).toBe('千円');
      });

      it('serves the plan document with R2 and without R3', async () => {
        const doc = expectSchema(
          PlanDocumentSchema,
          await json(await get(`/api/v1/plans/${planId}`)),
        );
        const text = JSON.stringify(doc);
        expect(text).toContain('"budget":2810');
        expect(text).not.toContain('"fiscalYear":2021');
        expect(text).not.toContain('非公開のR3結果');
        await json(await get(`/api/v1/plans/${sapporoPlanId}`), 404);
        await json(await get('/api/v1/plans/999999'), 404);
        await json(await get('/api/v1/plans/abc'), 404);
      });

      it('lists projects with R2 figures; R3 is not found', async () => {
        const list = expectSchema(
          ProjectListSchema,
          await json(await get(`/api/v1/plans/${planId}/projects`)),
        );
        expect(list.total).toBe(24);
        expect(list.items).toHaveLength(24);
        expect(list.limit).toBe(50);
        const p5 = list.items.find((p) => p.no === '5');
        expect(p5?.finances.map((f) => f.fiscalYear)).toEqual([2020]);
        expect(p5?.version).toBeUndefined();
        expect(p5?.statuses).toBeUndefined();
        const p2 = list.items.find((p) => p.no === '2');
        expect(p2?.finances).toEqual([
          { fiscalYear: 2020, budget: 2810, settlement: 2352, executionRate: 0.837 },
        ]);
        expect(p2?.path.map((s) => s.level)).toEqual(['基本目標', '分類', '具体的な施策']);
        await json(await get(`/api/v1/plans/${planId}/projects?fiscalYear=2021`), 404);
        await json(await get(`/api/v1/plans/${planId}/projects?fiscalYear=R3`), 404);
        const r2 = await json(await get(`/api/v1/plans/${planId}/projects?fiscalYear=R2`));
        expect(r2.fiscalYear).toBe(2020);
      });

      it('shows a project without its R3 figures and results', async () => {
        const detail = expectSchema(
          ProjectDetailSchema,
          await json(await get(`/api/v1/plans/${planId}/projects/${project['5']}`)),
        );
        expect(detail.finances.map((f) => f.fiscalYear)).toEqual([2020]);
        expect(JSON.stringify(detail)).not.toContain('非公開のR3結果');
        expect(detail.version).toBeUndefined();
        await json(await get(`/api/v1/plans/${planId}/projects/999999`), 404);
      });

      it('lists KPIs with R2 actuals and rates computed from published years only', async () => {
        const body = expectSchema(
          KpiListSchema,
          await json(await get(`/api/v1/plans/${planId}/kpis`)),
        );
        const goal = body.items.find((k) => k.id === goalKpi);
        expect(goal?.actuals).toEqual([
          {
            fiscalYear: 2020,
            value: 10,
            asOf: '2021-03-31',
            source: '事業実績',
            progressValue: 10,
            yearTarget: 20,
            yearRate: 0.5,
            finalRate: 0.1,
          },
        ]);
        const own = body.items.find((k) => k.id === projectKpi);
        expect(own?.owner).toEqual({ id: project['1'], title: '1. 移住推進事業' });
        expect(own?.actuals.map((a) => [a.fiscalYear, a.value, a.yearRate])).toEqual([
          [2020, 41, 0.82],
        ]);
        await json(await get(`/api/v1/plans/${planId}/kpis?fiscalYear=2021`), 404);
        await json(await get(`/api/v1/plans/${sapporoPlanId}/kpis`), 404);
      });

      it('treats a session cookie without a bearer token as the public', async () => {
        const admin = await server.signIn(DEMO.admin);
        const r = await get(`/api/v1/plans/${planId}/projects?fiscalYear=2021`, undefined, {
          cookie: admin.cookie,
        });
        expect(r.status).toBe(404);
        const list = await get(`/api/v1/plans/${planId}/projects`, undefined, {
          cookie: admin.cookie,
        });
        expect(list.headers.get('cache-control')).toBe('public, max-age=60');
        expect(JSON.stringify(await list.json())).not.toContain('"version"');
      });

      it('refuses a wrong, malformed or revoked token instead of reading as the public', async () => {
        for (const t of [token.revoked, 'sousei_nope', `${token.admin}x`]) {
          const r = await get('/api/v1/municipalities', t);
          expect(r.status).toBe(401);
          expect(r.headers.get('www-authenticate')).toContain('invalid_token');
          const body = expectSchema(ErrorSchema, await r.json());
          expect(body.error).toEqual({
            code: 'unauthenticated',
            message: 'API トークンが正しくないか、失効しています',
          });
        }
        const basic = await get('/api/v1/municipalities', undefined, {
          authorization: 'Basic YTpi',
        });
        expect(basic.status).toBe(401);
      });
    });

    describe('reads with a token of 012050', () => {
      it('include the unpublished year, the versions and the entry statuses', async () => {
        const plans = expectSchema(
          PlanListSchema,
          await json(await get('/api/v1/municipalities/012050/plans', token.committee)),
        );
        expect(plans.items[0]?.years.map((y) => [y.fiscalYear, y.status])).toContainEqual([
          2021,
          'open',
        ]);
        const doc = await json(await get(`/api/v1/plans/${planId}`, token.committee));
        expect(JSON.stringify(doc)).toContain('"budget":777');
        const r3 = expectSchema(
          ProjectListSchema,
          await json(
            await get(`/api/v1/plans/${planId}/projects?fiscalYear=2021`, token.committee),
          ),
        );
        const p5 = r3.items.find((p) => p.no === '5');
        expect(p5?.finances).toEqual([
          { fiscalYear: 2021, budget: 777, settlement: null, executionRate: null },
        ]);
        expect(p5?.version).toBe(1);
        expect(p5?.statuses).toEqual([{ fiscalYear: 2021, status: 'untouched', comment: null }]);
        const detail = await json(
          await get(`/api/v1/plans/${planId}/projects/${project['5']}`, token.industry),
        );
        expect(JSON.stringify(detail)).toContain('非公開のR3結果');
      });

      it('compute cumulative KPIs over every year they may read', async () => {
        const body = expectSchema(
          KpiListSchema,
          await json(await get(`/api/v1/plans/${planId}/kpis?fiscalYear=2021`, token.admin)),
        );
        expect(body.fiscalYear).toBe(2021);
        const goal = body.items.find((k) => k.id === goalKpi);
        expect(goal?.actuals.map((a) => [a.fiscalYear, a.value, a.progressValue])).toEqual([
          [2021, 5, 15],
        ]);
      });

      it('are private and list the own municipality', async () => {
        const r = await get('/api/v1/municipalities', token.admin);
        expect(r.headers.get('cache-control')).toBe('private, no-store');
        expect(r.headers.get('vary')).toContain('Authorization');
        expect((await json(r)).items.map((m: { code: string }) => m.code)).toEqual(['012050']);
      });
    });

    describe('reads with a token of another municipality (011002)', () => {
      it('see its own unpublished plan and only what Muroran published', async () => {
        const list = await json(await get('/api/v1/municipalities', token.sapporo));
        expect(list.items.map((m: { code: string }) => m.code)).toEqual([SAPPORO, '012050']);
        const own = expectSchema(
          PlanListSchema,
          await json(await get(`/api/v1/municipalities/${SAPPORO}/plans`, token.sapporo)),
        );
        expect(own.items.map((p) => p.id)).toEqual([sapporoPlanId]);
        await json(await get(`/api/v1/plans/${sapporoPlanId}/projects`, token.sapporo));
        // Muroran's plan: R2 only, everywhere.
        const doc = await json(await get(`/api/v1/plans/${planId}`, token.sapporo));
        expect(JSON.stringify(doc)).not.toContain('"fiscalYear":2021');
        const plans = await json(await get('/api/v1/municipalities/012050/plans', token.sapporo));
        expect(plans.items[0].years).toEqual([{ fiscalYear: 2020, status: 'published' }]);
        await json(
          await get(`/api/v1/plans/${planId}/projects?fiscalYear=2021`, token.sapporo),
          404,
        );
        await json(await get(`/api/v1/plans/${planId}/kpis?fiscalYear=2021`, token.sapporo), 404);
        const detail = await json(
          await get(`/api/v1/plans/${planId}/projects/${project['5']}`, token.sapporo),
        );
        expect(JSON.stringify(detail)).not.toContain('非公開のR3結果');
        expect(detail.version).toBeUndefined();
        const kpis = await json(await get(`/api/v1/plans/${planId}/kpis`, token.sapporo));
        expect(JSON.stringify(kpis)).not.toContain('"fiscalYear":2021,"value"');
        // And Muroran's members cannot read Sapporo's unpublished plan.
        await json(await get(`/api/v1/plans/${sapporoPlanId}`, token.admin), 404);
        await json(await get(`/api/v1/municipalities/${SAPPORO}`, token.admin), 404);
      });
    });

    describe('pagination, filters and caching', () => {
      it('pages with limit and offset, total and Link', async () => {
        const base = `/api/v1/plans/${planId}/projects`;
        const first = await get(`${base}?limit=10`);
        const page1 = expectSchema(ProjectListSchema, await json(first));
        expect([page1.total, page1.items.length, page1.offset]).toEqual([24, 10, 0]);
        expect(page1.items[0]?.no).toBe('1');
        const link = first.headers.get('link') ?? '';
        expect(link).toContain(`<${base}?limit=10&offset=10>; rel="next"`);
        expect(link).not.toContain('rel="prev"');
        const next = /<([^>]+)>; rel="next"/.exec(link)?.[1] ?? '';
        const page2 = await json(await get(next));
        expect(page2.items[0].no).toBe('11');
        const last = await get(`${base}?limit=10&offset=20`);
        const page3 = await json(last);
        expect(page3.items.map((p: { no: string }) => p.no)).toEqual(['21', '22', '23', '24']);
        expect(last.headers.get('link')).not.toContain('rel="next"');
        expect(last.headers.get('link')).toContain('rel="prev"');
        expect((await json(await get(`${base}?offset=100`))).items).toEqual([]);
        for (const bad of ['limit=0', 'limit=201', 'limit=abc', 'offset=-1', 'fiscalYear=xyz']) {
          const r = await get(`${base}?${bad}`);
          expect((await json(r, 400)).error.code, bad).toBe('usage');
        }
        expect((await json(await get(`${base}?limit=200`))).limit).toBe(200);
      });

      it('filters by department (name or id) and by words', async () => {
        const base = `/api/v1/plans/${planId}/projects`;
        const byName = await json(
          await get(`${base}?department=${encodeURIComponent('経済部 産業振興課')}`),
        );
        expect(byName.total).toBe(10);
        const department = await db()
          .selectFrom('departments')
          .select('id')
          .where('name', '=', '経済部 観光課')
          .executeTakeFirstOrThrow();
        const byId = await json(await get(`${base}?department=${department.id}`));
        expect(byId.items.map((p: { no: string }) => p.no)).toEqual([
          '18',
          '19',
          '20',
          '21',
          '22',
          '23',
          '24',
        ]);
        // Full-width letters find half-width ones; every word must occur in the project.
        const iot = await json(await get(`${base}?q=${encodeURIComponent('ＩｏＴ')}`));
        expect(iot.items.map((p: { name: string }) => p.name)).toContain('IoT導入促進事業');
        const narrow = await json(await get(`${base}?q=${encodeURIComponent('ｉｏｔ 補助金')}`));
        expect(narrow.items.map((p: { name: string }) => p.name)).toEqual(['IoT導入促進事業']);
        const both = await json(
          await get(`${base}?q=${encodeURIComponent('移住')}&department=${department.id}&limit=1`),
        );
        expect(both.total).toBe(0);
        // Words in an unpublished result find nothing for the public, the project for members.
        const hidden = `${base}?q=${encodeURIComponent('非公開のR3結果')}`;
        expect((await json(await get(hidden))).total).toBe(0);
        expect((await json(await get(hidden, token.admin))).total).toBe(1);
      });

      it('answers If-None-Match with 304 on every read', async () => {
        const paths = [
          '/api/openapi.json',
          '/api/v1/municipalities',
          '/api/v1/municipalities/012050',
          '/api/v1/municipalities/012050/plans',
          `/api/v1/plans/${planId}`,
          `/api/v1/plans/${planId}/projects?limit=5`,
          `/api/v1/plans/${planId}/projects/${project['2']}`,
          `/api/v1/plans/${planId}/kpis`,
        ];
        for (const path of paths) {
          for (const t of [undefined, token.admin]) {
            const r = await get(path, t);
            expect(r.status, path).toBe(200);
            const etag = r.headers.get('etag') ?? '';
            expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
            const body = await r.text();
            expect(etag).toBe(
              `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
            );
            const again = await get(path, t, { 'if-none-match': `"other", ${etag}` });
            expect(again.status, path).toBe(304);
            expect(await again.text()).toBe('');
            expect(again.headers.get('etag')).toBe(etag);
            expect((await get(path, t, { 'if-none-match': '"other"' })).status).toBe(200);
          }
        }
        // The public's and a member's views differ, and so do their tags.
        const pub = (await get(`/api/v1/plans/${planId}`)).headers.get('etag');
        const member = (await get(`/api/v1/plans/${planId}`, token.admin)).headers.get('etag');
        expect(pub).not.toBe(member);
      });

      it('answers unknown operations in JSON', async () => {
        const r = await get('/api/v1/nothing');
        expect(r.status).toBe(404);
        expect(expectSchema(ErrorSchema, await r.json()).error.code).toBe('not-found');
        expect((await call('DELETE', `/api/v1/plans/${planId}`)).status).toBe(404);
      });
    });

    describe('writes', () => {
      /** The callers every write route refuses, and how. */
      const refusals = () =>
        [
          ['no token', {}, 401],
          [
            'a session cookie without a token',
            { headers: { cookie: industrySession.cookie, 'x-csrf-token': industrySession.csrf } },
            401,
          ],
          ['a revoked token', { token: token.revoked }, 401],
          ['a committee member', { token: token.committee }, 403],
          ['an editor of another department', { token: token.childcare }, 403],
          ['an administrator of 011002', { token: token.sapporo }, 404],
        ] as const;

      async function expectRefusals(method: string, path: string, body: unknown) {
        for (const [who, options, status] of refusals()) {
          const before = await snapshot();
          const r = await call(method, path, { ...options, body });
          const text = await r.text();
          expect(r.status, `${who}: ${text}`).toBe(status);
          expectSchema(ErrorSchema, JSON.parse(text));
          expect(await snapshot(), who).toBe(before);
        }
      }

      it('PUT a project year: refusals, then its editor and an administrator save', async () => {
        const p1 = project['1'] as number;
        const path = `/api/v1/projects/${p1}/years/2021`;
        await expectRefusals('PUT', path, {
          version: await versionOf(p1),
          budget: 400,
          settlement: '380',
        });

        const saved = expectSchema(
          ProjectYearSavedSchema,
          await json(
            await call('PUT', path, {
              token: token.industry,
              body: { version: await versionOf(p1), budget: 400, settlement: '３８０' },
            }),
          ),
        );
        expect(saved).toMatchObject({ budget: 400, settlement: 380, changes: 2 });
        const finance = await db()
          .selectFrom('project_finances')
          .select(['budget', 'settlement'])
          .where('project_id', '=', p1)
          .where('fiscal_year', '=', 2021)
          .executeTakeFirstOrThrow();
        expect(finance).toEqual({ budget: 400_000, settlement: 380_000 });
        // The year's results stay; R2's entries stay.
        const detail = await json(
          await get(`/api/v1/plans/${planId}/projects/${p1}`, token.industry),
        );
        expect(detail.version).toBe(saved.version);
        expect(JSON.stringify(detail)).toContain('41件');

        const admin = expectSchema(
          ProjectYearSavedSchema,
          await json(
            await call('PUT', path, {
              token: token.admin,
              body: { version: saved.version, budget: '2,551.01', settlement: null },
            }),
          ),
        );
        expect(admin).toMatchObject({
          version: saved.version + 1,
          budget: 2551.01,
          settlement: null,
        });
        const history = await db()
          .selectFrom('changes')
          .select(['user_id'])
          .where('project_id', '=', p1)
          .where('fiscal_year', '=', 2021)
          .execute();
        expect(history.map((h) => h.user_id)).toContain(actors.admin?.userId);
      });

      it('PUT a project year: an older version is a conflict with the current values', async () => {
        const p1 = project['1'] as number;
        const path = `/api/v1/projects/${p1}/years/2021`;
        const before = await snapshot();
        const r = await call('PUT', path, {
          token: token.industry,
          body: { version: 1, budget: 999, settlement: 1 },
        });
        const body = expectSchema(ErrorSchema, await json(r, 409));
        expect(body.error.code).toBe('conflict');
        expect(body.error.current).toEqual({
          version: await versionOf(p1),
          budget: 2551.01,
          settlement: null,
        });
        expect(body.error.lastChange?.userName).toBe('企画 太郎');
        expect(await snapshot()).toBe(before);
      });

      it('PUT a project year: field errors, bad JSON and closed years change nothing', async () => {
        const p1 = project['1'] as number;
        const path = `/api/v1/projects/${p1}/years/2021`;
        const version = await versionOf(p1);
        const before = await snapshot();
        const amount = expectSchema(
          ErrorSchema,
          await json(
            await call('PUT', path, {
              token: token.admin,
              body: { version, budget: '４００千円x', settlement: 1.0001 },
            }),
            422,
          ),
        );
        expect(amount.error.fields).toEqual({
          budget: '金額として読めません',
          settlement: '1円未満の端数があります',
        });
        const shape = expectSchema(
          ErrorSchema,
          await json(
            await call('PUT', path, { token: token.admin, body: { version, budjet: 1 } }),
            422,
          ),
        );
        expect(shape.error.fields).toEqual({
          budget: '必須です',
          settlement: '必須です',
          budjet: 'この項目はありません',
        });
        await json(await call('PUT', path, { token: token.admin, body: '{"version":' }), 400);
        // R2 is published: read-only for everybody, and the refusal says so (issue 8: 409).
        await json(
          await call('PUT', `/api/v1/projects/${p1}/years/2020`, {
            token: token.admin,
            body: { version, budget: 1, settlement: 1 },
          }),
          409,
        );
        await json(
          await call('PUT', `/api/v1/projects/999999/years/2021`, {
            token: token.admin,
            body: { version, budget: 1, settlement: 1 },
          }),
          404,
        );
        expect(await snapshot()).toBe(before);
      });

      it('POST a project status: refusals, submit by its editor, accept by an administrator', async () => {
        const p1 = project['1'] as number;
        const path = `/api/v1/projects/${p1}/years/2021/status`;
        await expectRefusals('POST', path, { action: 'submit' });
        const submitted = expectSchema(
          ProjectStatusChangedSchema,
          await json(
            // Issue 8: 入力完了 without figures or a result states why.
            await call('POST', path, {
              token: token.industry,
              body: { action: 'submit', reasons: { figures: '決算は未確定', result: '実施前' } },
            }),
          ),
        );
        expect(submitted.status).toBe('submitted');
        const before = await snapshot();
        // Editors do not accept; a return needs a comment; unknown actions are field errors.
        await json(
          await call('POST', path, { token: token.industry, body: { action: 'accept' } }),
          403,
        );
        await json(
          await call('POST', path, { token: token.admin, body: { action: 'return' } }),
          400,
        );
        const bad = expectSchema(
          ErrorSchema,
          await json(
            await call('POST', path, { token: token.admin, body: { action: 'lock' } }),
            422,
          ),
        );
        expect(bad.error.fields?.action).toContain('submit');
        await json(
          await call('POST', path, { token: token.industry, body: { action: 'submit' } }),
          409,
        );
        expect(await snapshot()).toBe(before);
        const accepted = await json(
          await call('POST', path, { token: token.admin, body: { action: 'accept' } }),
        );
        expect(accepted).toEqual({ projectId: p1, fiscalYear: 2021, status: 'accepted' });
        // Accepted: closed to its editor, and to the administrator too.
        const after = await snapshot();
        for (const t of [token.industry, token.admin]) {
          await json(
            await call('PUT', `/api/v1/projects/${p1}/years/2021`, {
              token: t,
              body: { version: await versionOf(p1), budget: 1, settlement: 1 },
            }),
            403,
          );
        }
        expect(await snapshot()).toBe(after);
      });

      it('PUT a KPI actual: refusals, then its editor and an administrator save', async () => {
        const path = `/api/v1/kpis/${projectKpi}/actuals/2021`;
        await expectRefusals('PUT', path, { value: 1 });
        const saved = expectSchema(
          KpiActualSavedSchema,
          await json(
            await call('PUT', path, {
              token: token.industry,
              body: { value: '１，２３４．５', asOf: 'R4.3.31', source: ' 事業実績 ' },
            }),
          ),
        );
        expect(saved).toEqual({
          kpiId: projectKpi,
          fiscalYear: 2021,
          value: 1234.5,
          asOf: '2022-03-31',
          source: '事業実績',
        });
        await json(
          await call('PUT', `/api/v1/kpis/${projectKpi}/actuals/R3`, {
            token: token.admin,
            body: { value: 52 },
          }),
        );
        const row = await db()
          .selectFrom('kpi_actuals')
          .select(['value', 'updated_by'])
          .where('kpi_id', '=', projectKpi)
          .where('fiscal_year', '=', 2021)
          .executeTakeFirstOrThrow();
        expect(row).toEqual({ value: 52, updated_by: actors.admin?.userId });
        const before = await snapshot();
        // The goal's KPI is the planning division's; R2 is published; values must be numbers.
        await json(
          await call('PUT', `/api/v1/kpis/${goalKpi}/actuals/2021`, {
            token: token.industry,
            body: { value: 1 },
          }),
          403,
        );
        // A closed year is refused as closed (409), not as a missing permission (issue 8).
        await json(
          await call('PUT', `/api/v1/kpis/${projectKpi}/actuals/2020`, {
            token: token.admin,
            body: { value: 1 },
          }),
          409,
        );
        const bad = expectSchema(
          ErrorSchema,
          await json(
            await call('PUT', path, {
              token: token.admin,
              body: { value: 'たくさん', asOf: '昨日' },
            }),
            422,
          ),
        );
        expect(Object.keys(bad.error.fields ?? {})).toEqual(['value', 'asOf']);
        await json(
          await call('PUT', '/api/v1/kpis/999999/actuals/2021', {
            token: token.admin,
            body: { value: 1 },
          }),
          404,
        );
        expect(await snapshot()).toBe(before);
      });
    });

    describe('API tokens', () => {
      it('are stored as hashes only, note their last use and die with a disabled account', async () => {
        const created = await createApiToken(server.ctx, actors.committee as Actor, '  集計  ');
        expect(created.secret).toMatch(/^sousei_[A-Za-z0-9_-]{43}$/);
        expect(created.name).toBe('集計');
        const row = await db()
          .selectFrom('api_tokens')
          .selectAll()
          .where('id', '=', created.id)
          .executeTakeFirstOrThrow();
        expect(row.token_hash).toBe(createHash('sha256').update(created.secret).digest('hex'));
        expect(JSON.stringify(row)).not.toContain(created.secret.slice(7));
        expect(row.last_used_at).toBeNull();
        expect((await authenticateToken(server.ctx, created.secret))?.userId).toBe(
          actors.committee?.userId,
        );
        const used = await db()
          .selectFrom('api_tokens')
          .select('last_used_at')
          .where('id', '=', created.id)
          .executeTakeFirstOrThrow();
        expect(used.last_used_at).not.toBeNull();
        await db()
          .updateTable('users')
          .set({ disabled_at: server.ctx.now() })
          .where('id', '=', actors.committee?.userId ?? -1)
          .execute();
        expect(await authenticateToken(server.ctx, created.secret)).toBeNull();
        expect((await get('/api/v1/municipalities', created.secret)).status).toBe(401);
        await db()
          .updateTable('users')
          .set({ disabled_at: null })
          .where('id', '=', actors.committee?.userId ?? -1)
          .execute();
      });

      it('are revoked by their owner or an administrator of the municipality only', async () => {
        const mine = await createApiToken(server.ctx, actors.childcare as Actor, 'mine');
        await expect(
          revokeApiToken(server.ctx, actors.industry as Actor, mine.id),
        ).rejects.toMatchObject({ code: 'not-found' });
        await expect(
          revokeApiToken(server.ctx, actors.sapporo as Actor, mine.id),
        ).rejects.toMatchObject({ code: 'not-found' });
        await revokeApiToken(server.ctx, actors.admin as Actor, mine.id);
        expect(await authenticateToken(server.ctx, mine.secret)).toBeNull();
        const everyone = await listApiTokens(server.ctx, actors.admin as Actor, { everyone: true });
        expect(everyone.some((tk) => tk.id === mine.id && tk.revokedAt !== null)).toBe(true);
        const own = await listApiTokens(server.ctx, actors.industry as Actor, { everyone: true });
        expect(new Set(own.map((tk) => tk.userId))).toEqual(new Set([actors.industry?.userId]));
        await expect(createApiToken(server.ctx, actors.admin as Actor, ' ')).rejects.toMatchObject({
          code: 'usage',
        });
      });

      it('are managed on /account/tokens: the secret shown once, then revoked', async () => {
        const editor = await server.signIn(DEMO.childcare);
        const page = await editor.get('/account/tokens');
        expect(page.status).toBe(200);
        const created = await editor.post('/account/tokens', {
          action: 'create',
          name: '集計スクリプト',
        });
        expect(created.status).toBe(200);
        expect(created.headers.get('cache-control')).toBe('no-store');
        const html = await created.text();
        const secret =
          /<code id="new-token">(sousei_[A-Za-z0-9_-]{43})<\/code>/.exec(html)?.[1] ?? '';
        expect(secret).not.toBe('');
        expect((await get('/api/v1/municipalities', secret)).status).toBe(200);
        const again = await (await editor.get('/account/tokens')).text();
        expect(again).toContain('集計スクリプト');
        expect(again).not.toContain(secret);
        const id = await db()
          .selectFrom('api_tokens')
          .select('id')
          .where('name', '=', '集計スクリプト')
          .executeTakeFirstOrThrow();
        // Another editor cannot revoke it; its owner can.
        const other = await server.signIn(DEMO.industry);
        expect(
          (await other.post('/account/tokens', { action: 'revoke', id: String(id.id) })).status,
        ).toBe(404);
        const revoked = await editor.post('/account/tokens', {
          action: 'revoke',
          id: String(id.id),
        });
        expect(revoked.status).toBe(303);
        expect(revoked.headers.get('location')).toBe('/account/tokens?revoked=1');
        expect((await get('/api/v1/municipalities', secret)).status).toBe(401);
        const empty = await editor.post('/account/tokens', { action: 'create', name: '' });
        expect(empty.status).toBe(422);
        expect(await empty.text()).toContain('トークンの名前を入力してください');
      });

      it('the token page needs a signed-in person and the CSRF token', async () => {
        const pub = await server.app.request('/account/tokens');
        expect(pub.status).toBe(303);
        const editor = await server.signIn(DEMO.childcare);
        const forged = await server.app.request('/account/tokens', {
          method: 'POST',
          headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'action=create&name=x',
        });
        expect(forged.status).toBe(403);
      });
    });

    describe('the OpenAPI document and its page', () => {
      it('lists exactly the routes the router has, every $ref resolving', async () => {
        const doc = await json(await get('/api/openapi.json'));
        expect(doc.openapi).toBe('3.1.0');
        const documented = Object.entries(doc.paths as Record<string, object>).flatMap(
          ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
        );
        const routed = new Set(
          apiRoutes()
            .routes.filter((r) => r.method !== 'ALL')
            .map((r) => `${r.method} /api${r.path.replace(/:(\w+)/g, '{$1}')}`),
        );
        expect([...routed].sort()).toEqual([...documented].sort());
        expect(routed.size).toBe(14);
        const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
        for (const ref of new Set(refs)) {
          const name = /#\/components\/schemas\/([^"]+)"/.exec(ref)?.[1] ?? '';
          expect(doc.components.schemas[name], ref).toBeDefined();
        }
        // Path parameters are declared, reads take a token optionally, writes require one.
        for (const [path, ops] of Object.entries(
          doc.paths as Record<
            string,
            Record<string, { parameters: { name: string; in: string }[]; security: object[] }>
          >,
        )) {
          for (const [method, op] of Object.entries(ops)) {
            const declared = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
            expect(declared.sort(), path).toEqual(
              [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort(),
            );
            if (path.startsWith('/api/v1/')) {
              expect(op.security, `${method} ${path}`).toEqual(
                method === 'get' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }],
              );
            }
          }
        }
      });

      it('has examples that fit their schemas', () => {
        for (const op of API_OPERATIONS) {
          if (op.requestBody) {
            expectSchema(op.requestBody.schema as z.ZodType, op.requestBody.example);
          }
          for (const [status, r] of Object.entries(op.responses)) {
            if (r.schema && r.example !== undefined) {
              try {
                expectSchema(r.schema as z.ZodType, r.example);
              } catch (error) {
                throw new Error(`${op.operationId} ${status}: ${(error as Error).message}`);
              }
            }
          }
        }
      });

      it('renders the docs page in the layout, without inline script or style', async () => {
        const r = await server.app.request('/api/docs');
        expect(r.status).toBe(200);
        expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
        const html = await r.text();
        expect(html).toContain('<title>API の説明 | 創生 Sousei</title>');
        for (const op of API_OPERATIONS) {
          expect(html).toContain(`${op.method.toUpperCase()} ${op.path}`);
          expect(html).toContain(`id="${op.operationId}"`);
        }
        expect(html).toContain('西いぶり合同企業説明会開催事業');
        expect(html).toContain('If-None-Match');
        expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
        expect(html).not.toMatch(/\sstyle=|<style/);
        // Signed in, the page shows who is.
        const editor = await server.signIn(DEMO.industry);
        expect(await (await editor.get('/api/docs')).text()).toContain('産業 花子');
      });
    });
  });
}
