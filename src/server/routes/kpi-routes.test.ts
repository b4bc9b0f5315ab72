import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import {
  anonymous,
  createTestServer,
  DEMO,
  type Session,
  type TestServer,
} from '../test-server.ts';

/** KPI entry over HTTP by the right roles only, on SQLite and PostgreSQL (issue #4). */

const MEASURE = '地元企業への就職促進とUIターン の推進';
const GOAL = '1. まちの特性を活かした産業振興と魅力ある雇用の場の創出';
const SAMPLE_CSV = readFileSync(new URL('../../../samples/muroran-kpis.csv', import.meta.url));

interface Ids {
  p1: number;
  p14: number;
  measure: number;
  goal: number;
}

async function ids(server: TestServer): Promise<Ids> {
  const db = databaseOf(server.ctx.store);
  const projects = await db.selectFrom('projects').select(['id', 'no']).execute();
  const nodes = await db.selectFrom('plan_nodes').select(['id', 'title']).execute();
  return {
    p1: projects.find((r) => r.no === '1')?.id ?? -1,
    p14: projects.find((r) => r.no === '14')?.id ?? -1,
    measure: nodes.find((n) => n.title === MEASURE)?.id ?? -1,
    goal: nodes.find((n) => n.title === GOAL)?.id ?? -1,
  };
}

const definition = (over: Record<string, string> = {}) => ({
  name: '移住相談の件数',
  unit: '件',
  direction: 'higher',
  kind: 'annual',
  baselineValue: '30',
  baselineYear: 'R1',
  targetValue: '60',
  targetYear: 'R6',
  ...over,
});

/** The id in a redirect to a KPI's page. */
const kpiIdOf = (res: Response) =>
  Number(/\/kpis\/(\d+)\?/.exec(res.headers.get('location') ?? '')?.[1]);

/** The table row (tr) of the page that contains `text`. */
function rowOf(html: string, text: string): string {
  const at = html.indexOf(text);
  const start = html.lastIndexOf('<tr', at);
  return html.slice(start, html.indexOf('</tr>', at));
}

async function kpiCount(server: TestServer): Promise<number> {
  const rows = await databaseOf(server.ctx.store).selectFrom('kpis').select('id').execute();
  return rows.length;
}

function upload(
  server: TestServer,
  session: Session,
  path: string,
  file: { name: string; bytes: Uint8Array | string },
  extra: Record<string, string> = {},
) {
  const form = new FormData();
  form.append('_csrf', session.csrf);
  form.append('file', new File([file.bytes], file.name, { type: 'text/csv' }));
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  return server.app.request(path, {
    method: 'POST',
    headers: { cookie: session.cookie },
    body: form,
  });
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`KPI pages over HTTP on ${dialect}`, () => {
    let server: TestServer;
    let base: string;
    let id: Ids;
    beforeAll(async () => {
      server = await createTestServer(dialect);
      base = `/m/012050/plans/${server.planId}`;
      id = await ids(server);
    });
    afterAll(() => server?.close());

    it('an editor defines a KPI for their own project and enters the R3 actual', async () => {
      const editor = await server.signIn(DEMO.industry);
      const list = await (await editor.get(`${base}/kpis?fy=2021`)).text();
      expect(list).toContain(`kpis/new?scope=project&amp;project=${id.p1}&amp;fy=2021`);
      // Only their own projects offer to add a KPI.
      expect(list).not.toContain(`project=${id.p14}`);
      expect(list).not.toContain('scope=measure');
      const newUrl = `${base}/kpis/new?scope=project&project=${id.p1}&fy=2021`;
      const form = await editor.get(newUrl);
      expect(form.status).toBe(200);
      expect(await form.text()).toContain('<label for="name">指標名</label>');

      const bad = await editor.post(
        newUrl,
        definition({ name: '', targetValue: '６０件', baselineYear: '' }),
      );
      expect(bad.status).toBe(422);
      const badHtml = await bad.text();
      expect(badHtml).toContain('入力に問題があります');
      expect(badHtml).toContain('数値として読めません');
      expect(badHtml).toContain('基準値と基準年度は両方入力するか');
      expect(badHtml).toContain('value="６０件"');
      expect(await kpiCount(server)).toBe(0);

      const ok = await editor.post(
        newUrl,
        definition({ baselineValue: '３０', targetValue: '６０', target_2021: '４０' }),
      );
      expect(ok.status).toBe(303);
      const kpiId = kpiIdOf(ok);
      const row = await databaseOf(server.ctx.store)
        .selectFrom('kpis')
        .selectAll()
        .where('id', '=', kpiId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        scope: 'project',
        project_id: id.p1,
        baseline_value: 30,
        baseline_fiscal_year: 2019,
        target_value: 60,
        target_fiscal_year: 2024,
      });

      const actuals = `${base}/kpis/${kpiId}/actuals?fy=2021`;
      const badActual = await editor.post(actuals, {
        fy: '2021',
        value: '五十二',
        asOf: '2022-02-30',
        source: '',
      });
      expect(badActual.status).toBe(422);
      const badActualHtml = await badActual.text();
      expect(badActualHtml).toContain('value="五十二"');
      expect(badActualHtml).toContain('日付として読めません');
      const saved = await editor.post(actuals, {
        fy: '2021',
        value: '５２',
        asOf: 'R4.3.31',
        source: '事業実績',
      });
      expect(saved.status).toBe(303);
      const actual = await databaseOf(server.ctx.store)
        .selectFrom('kpi_actuals')
        .selectAll()
        .where('kpi_id', '=', kpiId)
        .executeTakeFirstOrThrow();
      expect([actual.fiscal_year, Number(actual.value), actual.as_of, actual.source]).toEqual([
        2021,
        52,
        '2022-03-31',
        '事業実績',
      ]);
      const detail = await (await editor.get(saved.headers.get('location') ?? '')).text();
      expect(detail).toContain('令和3年度 (R3) の実績を保存しました');
      expect(detail).toContain('令和4年3月31日時点');
      // 52 against the R3 target of 40 from a baseline of 30: (52−30)/(40−30) = 220 %.
      expect(rowOf(detail, '令和3年度 (R3)</a>')).toContain('220.0%');
      // The published year is closed to entry.
      expect((await editor.post(actuals, { fy: '2020', value: '1' })).status).toBe(403);
    });

    it("refuses an editor another department's project and a measure KPI (403, nothing written)", async () => {
      const editor = await server.signIn(DEMO.industry);
      const before = await kpiCount(server);
      const other = `${base}/kpis/new?scope=project&project=${id.p14}`;
      const measure = `${base}/kpis/new?scope=measure&node=${id.measure}`;
      expect((await editor.get(other)).status).toBe(403);
      expect((await editor.post(other, definition())).status).toBe(403);
      expect((await editor.get(measure)).status).toBe(403);
      expect((await editor.post(measure, definition())).status).toBe(403);
      expect(await kpiCount(server)).toBe(before);
      // Nor may they touch another department's KPI.
      const childcare = await server.signIn(DEMO.childcare);
      const theirs = kpiIdOf(
        await childcare.post(other, definition({ name: '保育士の登録数', unit: '人' })),
      );
      expect((await editor.get(`${base}/kpis/${theirs}/edit`)).status).toBe(403);
      expect(
        (await editor.post(`${base}/kpis/${theirs}/edit`, definition({ name: '乗っ取り' }))).status,
      ).toBe(403);
      expect(
        (await editor.post(`${base}/kpis/${theirs}/actuals`, { fy: '2021', value: '1' })).status,
      ).toBe(403);
      const row = await databaseOf(server.ctx.store)
        .selectFrom('kpis')
        .select('name')
        .where('id', '=', theirs)
        .executeTakeFirstOrThrow();
      expect(row.name).toBe('保育士の登録数');
      expect(
        await databaseOf(server.ctx.store)
          .selectFrom('kpi_actuals')
          .selectAll()
          .where('kpi_id', '=', theirs)
          .execute(),
      ).toEqual([]);
    });

    it('the administrator defines a measure KPI and a goal KPI', async () => {
      const admin = await server.signIn(DEMO.admin);
      const list = await (await admin.get(`${base}/kpis?fy=2021`)).text();
      expect(list).toContain(`scope=goal&amp;node=${id.goal}`);
      expect(list).toContain(`scope=measure&amp;node=${id.measure}`);
      const measure = await admin.post(
        `${base}/kpis/new?scope=measure&node=${id.measure}&fy=2021`,
        definition({ name: 'UIターン就職者数', unit: '人' }),
      );
      expect(measure.status).toBe(303);
      const goal = await admin.post(
        `${base}/kpis/new?scope=goal&node=${id.goal}&fy=2021`,
        definition({ name: '市内の従業者数', unit: '人', kind: 'cumulative' }),
      );
      expect(goal.status).toBe(303);
      const rows = await databaseOf(server.ctx.store)
        .selectFrom('kpis')
        .select(['id', 'scope', 'node_id', 'kind'])
        .where('id', 'in', [kpiIdOf(measure), kpiIdOf(goal)])
        .orderBy('id')
        .execute();
      expect(rows.map((r) => [r.scope, r.node_id, r.kind])).toEqual([
        ['measure', id.measure, 'annual'],
        ['goal', id.goal, 'cumulative'],
      ]);
      // A goal KPI on a node that is not a basic goal is not found.
      expect((await admin.get(`${base}/kpis/new?scope=goal&node=${id.measure}`)).status).toBe(404);
      // Editing keeps the owner and changes the definition.
      const edit = await admin.post(
        `${base}/kpis/${kpiIdOf(measure)}/edit?fy=2021`,
        definition({ name: 'UIターン就職者数', unit: '人', targetValue: '80', target_2022: '50' }),
      );
      expect(edit.status).toBe(303);
      const page = await (await admin.get(`${base}/kpis?fy=2021`)).text();
      expect(rowOf(page, 'UIターン就職者数')).toContain('80（R6）');
      expect(rowOf(page, 'UIターン就職者数')).toContain('年度目標: R4 50');
    });

    it('a lower-is-better 待機児童数 from 10 (R1) to 0 (R6) with an R3 actual of 0 is 100.0 % and the top band', async () => {
      const childcare = await server.signIn(DEMO.childcare);
      const created = await childcare.post(
        `${base}/kpis/new?scope=project&project=${id.p14}&fy=2021`,
        definition({
          name: '待機児童数',
          unit: '人',
          direction: 'lower',
          baselineValue: '10',
          baselineYear: 'R1',
          targetValue: '0',
          targetYear: 'R6',
        }),
      );
      expect(created.status).toBe(303);
      const kpiId = kpiIdOf(created);
      expect(
        (await childcare.post(`${base}/kpis/${kpiId}/actuals`, { fy: '2021', value: '０' })).status,
      ).toBe(303);
      const html = await (await childcare.get(`${base}/kpis?fy=2021`)).text();
      expect(html).toContain('区分: 事業効果（国の様式の4段階）');
      const row = rowOf(html, '待機児童数');
      expect(row).toContain('低いほどよい・単年度');
      expect(row.match(/100\.0%/g)).toHaveLength(2);
      expect(row).toContain('非常に効果的であった');
    });

    it('shows an imported 成果指標 without a target, and an edit in the form keeps its category', async () => {
      const kpiId = await server.ctx.store.kpis.save(
        {
          municipalityCode: '012050',
          planId: server.planId,
          fields: {
            scope: 'project',
            nodeId: null,
            projectId: id.p14,
            name: '保育満足度',
            unit: '%',
            direction: 'higher',
            kind: 'annual',
            baselineValue: null,
            baselineFiscalYear: null,
            targetValue: null,
            targetFiscalYear: null,
            yearTargets: [],
            category: 'outcome',
          },
        },
        { userId: null, origin: 'import', now: server.ctx.now() },
      );
      const admin = await server.signIn(DEMO.admin);
      const row = rowOf(await (await admin.get(`${base}/kpis?fy=2021`)).text(), '保育満足度');
      expect(row).toContain('高いほどよい・単年度・成果指標');
      expect(row).toContain('<span class="muted">-</span>');
      const edit = await admin.post(
        `${base}/kpis/${kpiId}/edit?fy=2021`,
        definition({ name: '保育満足度', unit: '%', baselineValue: '', baselineYear: '' }),
      );
      expect(edit.status).toBe(303);
      const [stored] = (await server.ctx.store.kpis.list('012050', server.planId)).filter(
        (k) => k.id === kpiId,
      );
      expect(stored?.definition).toMatchObject({ category: 'outcome', target: { value: 60 } });
    });

    it('marking a result as a KPI result takes its number as the actual', async () => {
      const editor = await server.signIn(DEMO.industry);
      const formHtml = await (await editor.get(`${base}/projects/${id.p1}/edit?fy=2021`)).text();
      const version = /name="version" value="(\d+)"/.exec(formHtml)?.[1] ?? '';
      const counts = Object.fromEntries([0, 1, 2, 3, 4, 5].map((i) => [`a${i}_e_count`, '0']));
      const entry = await editor.post(`${base}/projects/${id.p1}/edit?fy=2021`, {
        version,
        a_count: '6',
        ...counts,
        budget: '400',
        settlement: '380',
        a0_new_kind: 'result',
        a0_new_text: '相談 52件',
      });
      expect(entry.status).toBe(303);
      const kpiId = kpiIdOf(
        await editor.post(
          `${base}/kpis/new?scope=project&project=${id.p1}&fy=2021`,
          definition({ name: '移住相談件数', baselineValue: '', baselineYear: '' }),
        ),
      );
      const detail = await (await editor.get(`${base}/kpis/${kpiId}?fy=2021`)).text();
      expect(detail).toContain('▶相談 52件');
      expect(detail).toContain('読み取れる数値: 52件');
      const entryId = /name="entry" value="(\d+)"[^>]*>\s*<label[^>]*>[^<]*▶相談 52件/.exec(
        detail,
      )?.[1];
      expect(entryId).toBeDefined();
      // The committee and other departments may not mark it.
      const committee = await server.signIn(DEMO.committee);
      const link = `${base}/kpis/${kpiId}/link?fy=2021`;
      expect(
        (await committee.post(link, { entry: entryId ?? '', take: '1', action: 'link' })).status,
      ).toBe(403);
      const linked = await editor.post(link, { entry: entryId ?? '', take: '1', action: 'link' });
      expect(linked.status).toBe(303);
      const db = databaseOf(server.ctx.store);
      const actual = await db
        .selectFrom('kpi_actuals')
        .selectAll()
        .where('kpi_id', '=', kpiId)
        .executeTakeFirstOrThrow();
      expect([actual.fiscal_year, Number(actual.value), actual.entry_id]).toEqual([
        2021,
        52,
        Number(entryId),
      ]);
      const marked = await db
        .selectFrom('activity_entries')
        .select(['kpi', 'kpi_id'])
        .where('id', '=', Number(entryId))
        .executeTakeFirstOrThrow();
      expect(marked).toEqual({ kpi: 1, kpi_id: kpiId });
      const after = await (await editor.get(linked.headers.get('location') ?? '')).text();
      expect(after).toContain('52 を 令和3年度 (R3) の実績にしました');
      expect(after).toContain('この KPI の結果');
      // The report underlines it as a KPI result.
      const project = await (await editor.get(`${base}/projects/${id.p1}?fy=2021`)).text();
      expect(project).toMatch(/<span class="kpi">[\s\S]*?相談 52件/);
    });

    it('the committee reads but does not write', async () => {
      const committee = await server.signIn(DEMO.committee);
      const list = await committee.get(`${base}/kpis?fy=2021`);
      expect(list.status).toBe(200);
      const html = await list.text();
      expect(html).toContain('待機児童数');
      expect(html).not.toContain('kpis/new');
      expect(html).not.toContain('定義を編集');
      expect(html).not.toContain('CSV から取り込む');
      const kpi = await databaseOf(server.ctx.store)
        .selectFrom('kpis')
        .select('id')
        .where('name', '=', '待機児童数')
        .executeTakeFirstOrThrow();
      const detail = await committee.get(`${base}/kpis/${kpi.id}?fy=2021`);
      expect(detail.status).toBe(200);
      expect(await detail.text()).not.toContain('実績を保存');
      const before = await kpiCount(server);
      expect((await committee.get(`${base}/kpis/new?scope=project&project=${id.p14}`)).status).toBe(
        403,
      );
      expect(
        (await committee.post(`${base}/kpis/new?scope=measure&node=${id.measure}`, definition()))
          .status,
      ).toBe(403);
      expect((await committee.get(`${base}/kpis/${kpi.id}/edit`)).status).toBe(403);
      expect((await committee.post(`${base}/kpis/${kpi.id}/edit`, definition())).status).toBe(403);
      expect(
        (await committee.post(`${base}/kpis/${kpi.id}/actuals`, { fy: '2021', value: '5' })).status,
      ).toBe(403);
      expect(
        (
          await upload(server, committee, `${base}/kpis/import`, {
            name: 'k.csv',
            bytes: SAMPLE_CSV,
          })
        ).status,
      ).toBe(403);
      expect(await kpiCount(server)).toBe(before);
      const actual = await databaseOf(server.ctx.store)
        .selectFrom('kpi_actuals')
        .select('value')
        .where('kpi_id', '=', kpi.id)
        .executeTakeFirstOrThrow();
      expect(Number(actual.value)).toBe(0);
    });

    it('a KPI and an actual added in the open R3 reach no public page, download or API read', async () => {
      const admin = await server.signIn(DEMO.admin);
      const kpiId = kpiIdOf(
        await admin.post(
          `${base}/kpis/new?scope=measure&node=${id.measure}`,
          definition({ name: '公表前の相談件数' }),
        ),
      );
      expect(
        (await admin.post(`${base}/kpis/${kpiId}/actuals`, { fy: '2021', value: '987654' })).status,
      ).toBe(303);
      // Members see it; the public sees nothing of it on any surface (issue 8).
      expect(await (await admin.get(`${base}/kpis?fy=2021`)).text()).toContain('公表前の相談件数');
      const pub = await anonymous(server);
      expect((await pub.get(`${base}/kpis?fy=2021`)).status).toBe(404);
      expect((await pub.get(`${base}/kpis/${kpiId}?fy=2021`)).status).toBe(404);
      expect((await pub.get(`${base}/kpis/${kpiId}?fy=2020`)).status).toBe(404);
      for (const path of [
        `${base}/kpis?fy=2020`,
        `${base}/dashboard`,
        `${base}/dashboard?fy=2020`,
        `${base}/export/kpis.csv`,
        `/api/v1/plans/${server.planId}/kpis`,
        `/api/v1/plans/${server.planId}/kpis?fiscalYear=2020`,
      ]) {
        const r = await pub.get(path);
        expect(r.status, path).toBe(200);
        const body = await r.text();
        expect(body, path).not.toContain('公表前の相談件数');
        expect(body, path).not.toMatch(/987,?654/);
      }
    });

    it("the public sees R2 actuals only after publication, and never R3's", async () => {
      const admin = await server.signIn(DEMO.admin);
      const kpiId = kpiIdOf(
        await admin.post(
          `${base}/kpis/new?scope=measure&node=${id.measure}`,
          definition({ name: '計画当初からの相談件数' }),
        ),
      );
      // A KPI that came with the plan (defined before any year's work) is public with it.
      await databaseOf(server.ctx.store)
        .updateTable('kpis')
        .set({ introduced_in: null })
        .where('id', '=', kpiId)
        .execute();
      expect(
        (await admin.post(`${base}/kpis/${kpiId}/actuals`, { fy: '2021', value: '987654' })).status,
      ).toBe(303);
      const pub = await anonymous(server);
      expect((await pub.get(`${base}/kpis?fy=2021`)).status).toBe(404);
      expect((await pub.get(`${base}/kpis/${kpiId}?fy=2021`)).status).toBe(404);
      const r2 = await pub.get(`${base}/kpis?fy=2020`);
      expect(r2.status).toBe(200);
      const r2Html = await r2.text();
      expect(r2Html).toContain('計画当初からの相談件数');
      expect(r2Html).not.toMatch(/987,?654/);
      expect(await (await pub.get(`${base}/kpis/${kpiId}`)).text()).not.toMatch(/987,?654/);
      // Writing is for members: the public is asked to sign in.
      const write = await pub.post(`${base}/kpis/${kpiId}/actuals`, { fy: '2021', value: '1' });
      expect(write.status).toBe(303);
      expect(write.headers.get('location')).toMatch(/^\/login/);

      // R2 reopened, its actual entered: nothing of it is public until it is published again.
      for (const action of ['unpublish', 'unlock']) {
        const confirmed = { action, confirmed: '1' };
        expect((await admin.post(`${base}/years/2020`, confirmed)).status).toBe(303);
      }
      expect(
        (await admin.post(`${base}/kpis/${kpiId}/actuals`, { fy: '2020', value: '123457' })).status,
      ).toBe(303);
      expect((await pub.get(`${base}/kpis?fy=2020`)).status).toBe(404);
      for (const action of ['lock', 'publish']) {
        const form = { action, confirmed: '1', override: '試験のため' };
        const r = await admin.post(`${base}/years/2020`, form);
        expect(r.status).toBe(303);
      }
      const published = await (await pub.get(`${base}/kpis?fy=2020`)).text();
      expect(rowOf(published, '計画当初からの相談件数')).toContain('123,457');
      expect(published).not.toMatch(/987,?654/);
      const detail = await (await pub.get(`${base}/kpis/${kpiId}?fy=2020`)).text();
      expect(detail).toContain('123,457');
      expect(detail).not.toMatch(/987,?654/);
      expect(detail).not.toContain('令和3年度');
    });
  });

  describe.skipIf(!dialectAvailable(dialect))(`KPI import over HTTP on ${dialect}`, () => {
    let server: TestServer;
    let base: string;
    beforeAll(async () => {
      server = await createTestServer(dialect);
      base = `/m/012050/plans/${server.planId}`;
    });
    afterAll(() => server?.close());

    const snapshot = async () => {
      const db = databaseOf(server.ctx.store);
      return {
        kpis: await db.selectFrom('kpis').selectAll().orderBy('id').execute(),
        targets: await db
          .selectFrom('kpi_year_targets')
          .selectAll()
          .orderBy('kpi_id')
          .orderBy('fiscal_year')
          .execute(),
        actuals: await db
          .selectFrom('kpi_actuals')
          .selectAll()
          .orderBy('kpi_id')
          .orderBy('fiscal_year')
          .execute(),
      };
    };

    it('only administrators see and use the upload form', async () => {
      const editor = await server.signIn(DEMO.industry);
      expect(await (await editor.get(`${base}/kpis?fy=2021`)).text()).not.toContain(
        'CSV から取り込む',
      );
      const r = await upload(server, editor, `${base}/kpis/import?fy=2021`, {
        name: 'muroran-kpis.csv',
        bytes: SAMPLE_CSV,
      });
      expect(r.status).toBe(403);
      expect(await kpiCount(server)).toBe(0);
      const admin = await server.signIn(DEMO.admin);
      const page = await (await admin.get(`${base}/kpis?fy=2021`)).text();
      expect(page).toContain('enctype="multipart/form-data"');
    });

    it('reports every bad cell at once and writes nothing', async () => {
      const admin = await server.signIn(DEMO.admin);
      const bad = [
        '区分,対象,指標名,単位,方向,種類,基準値,基準年度,目標値,目標年度,実績_R3',
        '施策,存在しない施策,相談件数,件,高,単年度,30,R1,60件,R6,52',
        '事業,1,相談件数,件,高いか低いか,累計,,,60,令和6年度,abc',
      ].join('\n');
      const r = await upload(server, admin, `${base}/kpis/import?fy=2021`, {
        name: 'bad.csv',
        bytes: bad,
      });
      expect(r.status).toBe(422);
      const html = await r.text();
      expect(html).toContain('取り込めません。問題が 4 件あります（何も書き込んでいません）');
      expect(html).toContain('bad.csv 2 行目 2 列目（対象）: この施策は計画にありません');
      expect(html).toContain('bad.csv 2 行目 9 列目（目標値）: 読めません');
      expect(html).toContain('実際: 「60件」');
      expect(html).toContain('bad.csv 3 行目 5 列目（方向）: 読めません。期待: 高 または 低');
      expect(html).toContain('bad.csv 3 行目 11 列目（実績_R3）');
      expect(html).not.toContain('3 行目 2 列目');
      expect(await kpiCount(server)).toBe(0);
    });

    it('a good file imports, and importing it again changes nothing', async () => {
      const admin = await server.signIn(DEMO.admin);
      const dry = await upload(
        server,
        admin,
        `${base}/kpis/import?fy=2021`,
        { name: 'muroran-kpis.csv', bytes: SAMPLE_CSV },
        { dryRun: '1' },
      );
      expect(dry.status).toBe(200);
      expect(await dry.text()).toContain('確認のみ: 書き込んでいません（変更 7 件）');
      expect(await kpiCount(server)).toBe(0);

      const r = await upload(server, admin, `${base}/kpis/import?fy=2021`, {
        name: 'muroran-kpis.csv',
        bytes: SAMPLE_CSV,
      });
      expect(r.status).toBe(200);
      const html = await r.text();
      expect(html).toContain('取り込みました（変更 7 件）');
      expect(html).toContain('KPI「待機児童数」（人）を追加');
      expect(html).toContain('令和2年度 (R2) は「公表済み」のため、この実績は取り込みません');
      // The list below the report shows what was imported, with computed rates.
      expect(rowOf(html, '>待機児童数</a>')).toContain('100.0%');
      expect(await kpiCount(server)).toBe(4);
      const before = await snapshot();
      const again = await upload(server, admin, `${base}/kpis/import?fy=2021`, {
        name: 'muroran-kpis.csv',
        bytes: SAMPLE_CSV,
      });
      expect(again.status).toBe(200);
      const againHtml = await again.text();
      expect(againHtml).toContain('取り込みました（変更 0 件）');
      expect(againHtml).toContain('変更はありません');
      expect(await snapshot()).toEqual(before);
    });
  });
}
