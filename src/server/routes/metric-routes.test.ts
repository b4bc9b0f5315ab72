import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractMetrics } from '../../core/figures/extract-metrics.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { addOpenYearResult } from '../test-add-result.ts';
import {
  anonymous,
  createTestServer,
  DEMO,
  demoProject,
  type Session,
  type TestServer,
} from '../test-server.ts';

const R3_RESULT = '移住相談 52件';

/** Figures on the project page and their confirmation (issue 12), on SQLite and PostgreSQL. */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`figures of results on ${dialect}`, () => {
    let server: TestServer;
    let page: string;
    let projectId: number;
    let editor: Session;
    let committee: Session;

    /** The stored figure of the R3 result this suite adds, with the project's version. */
    async function r3Figure() {
      const db = databaseOf(server.ctx.store);
      const row = await db
        .selectFrom('entry_metrics as m')
        .innerJoin('activity_entries as e', 'e.id', 'm.entry_id')
        .select(['m.entry_id', 'm.position', 'm.value', 'm.label', 'm.confirmed_by'])
        .where('e.fiscal_year', '=', 2021)
        .where('e.text', '=', R3_RESULT)
        .executeTakeFirstOrThrow();
      const project = await db
        .selectFrom('projects')
        .select('version')
        .where('id', '=', projectId)
        .executeTakeFirstOrThrow();
      return { ...row, version: project.version };
    }

    beforeAll(async () => {
      server = await createTestServer(dialect);
      ({ id: projectId, page } = await demoProject(server, '1'));
      editor = await server.signIn(DEMO.industry);
      committee = await server.signIn(DEMO.committee);
      // An R3 (open year) result of project 1, written as the entry form writes it.
      await addOpenYearResult(server, projectId, R3_RESULT);
    });
    afterAll(() => server?.close());

    it('shows the public the figures of published results only', async () => {
      const html = await (await (await anonymous(server)).get(`${page}?fy=2020`)).text();
      expect(html).toContain('entry-figures');
      expect(html).not.toContain('52件');
      expect(html).not.toContain('確認・訂正する');
    });

    it("lets the project's editor correct a figure of the open year; the history says so", async () => {
      const html = await (await editor.get(`${page}?fy=2021`)).text();
      expect(html).toContain('確認・訂正する');
      const before = await r3Figure();
      expect(Number(before.value)).toBe(extractMetrics(R3_RESULT).metrics[0]?.value);
      const res = await editor.post(`${page}/metrics?fy=2021`, {
        entry: String(before.entry_id),
        position: String(before.position),
        version: String(before.version),
        label: '移住相談',
        value: '５３',
        unit: '件',
      });
      expect(res.status).toBe(303);
      const after = await r3Figure();
      expect([after.label, after.value, after.confirmed_by]).toEqual([
        '移住相談',
        '53',
        '産業 花子',
      ]);
      const shown = await (await editor.get(`${page}?fy=2021&done=metric`)).text();
      expect(shown).toContain('数値を確定しました');
      expect(shown).toContain('数値を確定: ');
    });

    it('shows a label recurring across years as a trend, to the public for published years only', async () => {
      // The published R2 result 41件 of the same activity, labelled as the reader will label it.
      await databaseOf(server.ctx.store)
        .updateTable('entry_metrics')
        .set({ label: '移住相談' })
        .where(
          'entry_id',
          'in',
          databaseOf(server.ctx.store)
            .selectFrom('activity_entries as e')
            .innerJoin('activities as a', 'a.id', 'e.activity_id')
            .select('e.id')
            .where('a.project_id', '=', projectId)
            .where('e.fiscal_year', '=', 2020)
            .where('e.text', '=', '41件'),
        )
        .execute();
      const trend = 'R2 41件 → R3 53件';
      expect(await (await editor.get(`${page}?fy=2021`)).text()).toContain(trend);
      const dashboard = `/m/012050/plans/${server.planId}/dashboard`;
      const inside = await (await editor.get(`${dashboard}?fy=2021`)).text();
      expect(inside).toContain(trend);
      expect(inside).toContain('1. 移住推進事業');
      const outside = await (await (await anonymous(server)).get(`${dashboard}?fy=2020`)).text();
      expect(outside).toContain('section-metric-trends');
      expect(outside).not.toContain('R3 53件');
    });

    it('keeps what was typed when a value is unreadable or the project changed meanwhile', async () => {
      const figure = await r3Figure();
      const form = {
        entry: String(figure.entry_id),
        position: String(figure.position),
        version: String(figure.version),
        label: '移住相談',
        value: 'たくさん',
        unit: '件',
      };
      const invalid = await editor.post(`${page}/metrics?fy=2021`, form);
      expect(invalid.status).toBe(422);
      const invalidHtml = await invalid.text();
      expect(invalidHtml).toContain('value="たくさん"');
      expect(invalidHtml).toContain('数値として読めません');
      const stale = await editor.post(`${page}/metrics?fy=2021`, {
        ...form,
        value: '60',
        version: String(figure.version - 1),
      });
      expect(stale.status).toBe(409);
      const staleHtml = await stale.text();
      expect(staleHtml).toContain('value="60"');
      expect(staleHtml).toContain(`name="version" value="${figure.version}"`);
      expect((await r3Figure()).value).toBe(figure.value);
    });

    it("takes a stored figure of the year as a project KPI's actual, with its source", async () => {
      const kpi = await databaseOf(server.ctx.store)
        .insertInto('kpis')
        .values({
          municipality_code: '012050',
          plan_id: server.planId,
          scope: 'project',
          node_id: null,
          project_id: projectId,
          position: 0,
          name: '移住相談件数',
          unit: '件',
          direction: 'higher',
          kind: 'annual',
          baseline_value: null,
          baseline_fiscal_year: null,
          target_value: 100,
          target_fiscal_year: 2024,
          updated_at: server.ctx.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const kpiPage = `/m/012050/plans/${server.planId}/kpis/${kpi.id}`;
      const figure = await r3Figure();
      const html = await (await editor.get(`${kpiPage}?fy=2021`)).text();
      expect(html).toContain(`value="${figure.entry_id}:${figure.position}"`);
      const res = await editor.post(`${kpiPage}/metric?fy=2021`, {
        metric: `${figure.entry_id}:${figure.position}`,
      });
      expect(res.status).toBe(303);
      const actual = await databaseOf(server.ctx.store)
        .selectFrom('kpi_actuals')
        .select(['value', 'source', 'entry_id'])
        .where('kpi_id', '=', kpi.id)
        .where('fiscal_year', '=', 2021)
        .executeTakeFirstOrThrow();
      expect(actual).toEqual({
        value: Number(figure.value),
        source: `事業の結果の数値: 移住相談 ${figure.value}件`,
        entry_id: figure.entry_id,
      });
      // A figure of another project is not this project KPI's to take.
      const other = await databaseOf(server.ctx.store)
        .selectFrom('entry_metrics as m')
        .innerJoin('activity_entries as e', 'e.id', 'm.entry_id')
        .innerJoin('activities as a', 'a.id', 'e.activity_id')
        .select(['m.entry_id', 'm.position'])
        .where('a.project_id', '!=', projectId)
        .executeTakeFirstOrThrow();
      const refused = await editor.post(`${kpiPage}/metric?fy=2021`, {
        metric: `${other.entry_id}:${other.position}`,
      });
      expect(refused.status).toBe(404);
    });

    it('refuses a member who may not edit the project-year', async () => {
      const figure = await r3Figure();
      const res = await committee.post(`${page}/metrics?fy=2021`, {
        entry: String(figure.entry_id),
        position: String(figure.position),
        version: String(figure.version),
        label: 'x',
        value: '1',
        unit: '件',
      });
      expect(res.status).toBe(403);
    });
  });
}
