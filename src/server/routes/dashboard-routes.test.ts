import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../app/auth/sessions.ts';
import { createUser } from '../../app/auth/users.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import {
  anonymous,
  createTestServer,
  DEMO,
  type Session,
  type TestServer,
} from '../test-server.ts';

const MURORAN = '012050';
const SCRIPT = '</script><script>alert(1)</script><!--';

/** Text without tags, the entities JSX writes decoded, whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Block {
  id: string;
  raw: string;
  data: {
    id: string;
    title: string;
    columns: { key: string; label: string }[];
    rows: Record<string, string | number | null>[];
    total: Record<string, string | number | null> | null;
    series: { key: string; label: string; colour: string }[];
  };
}

/** Every JSON data block of a page, parsed. */
function dataBlocks(html: string): Block[] {
  const re = /<script type="application\/json" id="chart-data-([a-z-]+)">([\s\S]*?)<\/script>/g;
  return [...html.matchAll(re)].map((m) => ({
    id: m[1] ?? '',
    raw: m[2] ?? '',
    data: JSON.parse(m[2] ?? ''),
  }));
}

/** The rows of a figure's table as cell texts (header row first). */
function tableOf(html: string, id: string): string[][] {
  const start = html.indexOf(`<figure class="chart-figure" id="figure-${id}">`);
  expect(start, id).toBeGreaterThan(-1);
  const table = html.slice(html.indexOf('<table', start), html.indexOf('</table>', start));
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1] ?? '')),
  );
}

/** A CSV body (BOM removed) as rows of fields (RFC 4180 quoting). */
function csvRows(body: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = body.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && input[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Dashboard and validation page over HTTP, on SQLite and PostgreSQL. */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`dashboard and check pages on ${dialect}`, () => {
    let server: TestServer;
    let base: string;
    let pub: Session;
    let committee: Session;
    let admin: Session;
    let editor: Session;
    let sapporo: Session;
    const ids = new Map<string, number>();

    beforeAll(async () => {
      server = await createTestServer(dialect);
      base = `/m/${MURORAN}/plans/${server.planId}`;
      const rows = await databaseOf(server.ctx.store)
        .selectFrom('projects')
        .select(['id', 'no'])
        .execute();
      for (const r of rows) ids.set(r.no, r.id);
      pub = await anonymous(server);
      committee = await server.signIn(DEMO.committee);
      admin = await server.signIn(DEMO.admin);
      editor = await server.signIn(DEMO.industry);
      const userId = await createUser(server.ctx, {
        municipalityCode: '011002',
        municipalityName: '札幌市',
        email: 'staff@sapporo.example',
        name: '札幌 職員',
        role: 'admin',
        password: 'a-long-enough-password',
      });
      const s = await createSession(server.ctx, userId, '011002');
      sapporo = {
        ...pub,
        cookie: `sousei_session=${s.token}`,
        csrf: s.csrfToken,
        get: async (path) =>
          server.app.request(path, { headers: { cookie: `sousei_session=${s.token}` } }),
      };
    });
    afterAll(() => server?.close());

    describe('the validation page', () => {
      it('is for members only', async () => {
        const res = await pub.get(`${base}/check?fy=2020`);
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toMatch(/^\/login\?next=/);
        expect((await sapporo.get(`${base}/check?fy=2020`)).status).toBe(404);
        expect((await committee.get(`${base}/check?fy=2020`)).status).toBe(200);
        expect((await editor.get(`${base}/check?fy=2020`)).status).toBe(200);
      });

      it("lists exactly the sample's R2 findings, grouped and linked to each project", async () => {
        const res = await committee.get(`${base}/check?fy=2020`);
        const html = await res.text();
        const items = [
          ...html.matchAll(
            /<li class="finding finding--(\w+)" data-code="([^"]+)" data-project="([^"]*)">/g,
          ),
        ].map((m) => [m[1], m[2], m[3]]);
        const warn = (code: string, nos: string[]) => nos.map((no) => ['warning', code, no]);
        expect(items.sort()).toEqual(
          [
            ...warn('settlement.over-budget', ['1', '8', '10']),
            ...warn('settlement.zero', ['17', '18', '19', '21', '23', '24']),
            ...warn('results.missing', ['22']),
          ].sort(),
        );
        expect(text(html)).toContain('エラー 0 件、警告 10 件');
        expect(text(html)).toContain('エラー（0 件）');
        expect(text(html)).toContain('警告（10 件）');
        // Each with its message and a link to the project's page for the year.
        const first = html.slice(html.indexOf('data-project="1"'));
        expect(first).toContain(
          `<a href="${base}/projects/${ids.get('1')}?fy=2020">1. 移住推進事業</a>`,
        );
        expect(text(first.slice(0, first.indexOf('</li>')))).toContain(
          '決算 490 千円 が予算 322 千円 を上回っています',
        );
        const zero = html.slice(html.indexOf('data-project="18"'));
        expect(text(zero.slice(0, zero.indexOf('</li>')))).toContain(
          '予算 2,077 千円 に対し決算が 0 です',
        );
        // R2 is published: no publish form, and no reason was needed.
        expect(html).not.toContain('name="override"');
        expect(text(html)).toContain('この年度は公表済みです。');
      });
    });

    describe('the dashboard', () => {
      it('the public reads published years only; members read any year', async () => {
        const r2 = await pub.get(`${base}/dashboard?fy=2020`);
        expect(r2.status).toBe(200);
        expect((await pub.get(`${base}/dashboard`)).status).toBe(200);
        expect((await pub.get(`${base}/dashboard?fy=2021`)).status).toBe(404);
        expect((await sapporo.get(`${base}/dashboard?fy=2021`)).status).toBe(404);
        const r3 = await committee.get(`${base}/dashboard?fy=2021`);
        expect(r3.status).toBe(200);
        // No R3 figures yet: the goal chart is its table (all "-") and a sentence, not empty axes.
        const r3Html = await r3.text();
        expect(dataBlocks(r3Html).map((b) => b.id)).toEqual(['budget-by-year', 'execution-rates']);
        expect(text(r3Html)).toContain('この年度の予算・決算はまだありません。');
        expect(tableOf(r3Html, 'budget-by-goal').at(-1)).toEqual(['合計', '-', '-', '-']);
        expect((await pub.get(`/m/${MURORAN}/plans/999999/dashboard`)).status).toBe(404);
        // The public's by-year chart has the published year only; a member's, the whole period.
        const byYear = (html: string) =>
          dataBlocks(html)
            .find((b) => b.id === 'budget-by-year')
            ?.data.rows.map((r) => r.label);
        expect(byYear(await r2.text())).toEqual(['令和2年度 (R2)']);
        expect(byYear(await (await committee.get(`${base}/dashboard?fy=2020`)).text())).toEqual([
          '令和2年度 (R2)',
          '令和3年度 (R3)',
          '令和4年度 (R4)',
          '令和5年度 (R5)',
          '令和6年度 (R6)',
        ]);
      });

      it('every chart is a figure with a caption, a table of the same rows and a CSV link', async () => {
        const html = await (await pub.get(`${base}/dashboard?fy=2020`)).text();
        const blocks = dataBlocks(html);
        expect(blocks.map((b) => b.id)).toEqual([
          'budget-by-goal',
          'budget-by-year',
          'execution-rates',
        ]);
        for (const block of blocks) {
          const table = tableOf(html, block.id);
          const rows = block.data.total ? [...block.data.rows, block.data.total] : block.data.rows;
          expect(table[0]).toEqual(block.data.columns.map((c) => c.label));
          expect(table.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r.label));
          expect(html).toContain(`href="${base}/dashboard/${block.id}.csv?fy=2020"`);
          expect(html).toContain(
            `<div class="chart" id="chart-${block.id}" data-chart="${block.id}"`,
          );
        }
        expect(tableOf(html, 'budget-by-goal')[1]).toEqual([
          '1. まちの特性を活かした産業振興と魅力ある雇用の場の創出',
          '33,758',
          '33,773',
          '100.0%',
        ]);
        expect(tableOf(html, 'budget-by-goal').at(-1)).toEqual([
          '合計',
          '70,090',
          '52,139',
          '74.4%',
        ]);
        expect(tableOf(html, 'execution-rates')[1]).toEqual(['0%', '6', '17、18、19、21、23、24']);
        expect(html).toMatch(/<figcaption[^>]*>令和2年度 \(R2\) の目標別の予算と決算（千円）/);
        // Issue #11: the charts are drawn on the server, inline SVG in two variants (the
        // narrow one for phones), each an image named by its title; their tables fold under them.
        // The CSP allows no inline style: no style attribute, no <style> element anywhere.
        for (const id of ['budget-by-goal', 'budget-by-year', 'execution-rates']) {
          const figure = html.slice(html.indexOf(`id="figure-${id}"`));
          expect(figure).toMatch(
            new RegExp(
              `^[^]*?<div class="chart" id="chart-${id}" data-chart="${id}"><svg role="img" aria-label="[^"]+" class="chart__svg chart__svg--wide" [^>]*width="760"[^]*?</svg><svg role="img" aria-label="[^"]+" class="chart__svg chart__svg--narrow" [^>]*width="360"[^]*?</svg></div>`,
            ),
          );
        }
        expect(html.match(/<svg role="img"/g)).toHaveLength(6);
        expect(html).toContain('aria-label="令和2年度 (R2) の目標別の予算と決算（千円）"');
        expect(html).not.toMatch(/\sstyle=|<style/i);
        expect(html).not.toContain('<details class="chart-table" open');
        expect(html).toContain('<script src="/assets/dashboard.js" defer="">');
        expect(html).not.toMatch(/echarts/i);
        // No KPIs yet: a clear empty state instead of the KPI charts.
        expect(text(html)).toContain('この計画には KPI がまだ登録されていません。');
        expect(text(html)).toContain('KPI がまだ登録されていないため、推移を表示できません。');
        expect(text(html)).toContain('評価の段階: 事業効果（国の様式の4段階）');
      });

      it('CSV: BOM, Japanese headers, the rows of the table, the same access rules', async () => {
        const res = await pub.get(`${base}/dashboard/budget-by-goal.csv?fy=2020`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(res.headers.get('content-disposition')).toBe(
          'attachment; filename="budget-by-goal-2020.csv"',
        );
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        expect(body.includes('\r\n')).toBe(true);
        const rows = csvRows(body);
        expect(rows[0]).toEqual(['基本目標', '予算（千円）', '決算（千円）', '執行率（%）']);
        expect(rows[1]).toEqual([
          '1. まちの特性を活かした産業振興と魅力ある雇用の場の創出',
          '33758',
          '33773',
          '100.0',
        ]);
        expect(rows.at(-1)).toEqual(['合計', '70090', '52139', '74.4']);
        // The same rows as the page's table and data block.
        const html = await (await pub.get(`${base}/dashboard?fy=2020`)).text();
        for (const id of ['budget-by-goal', 'budget-by-year', 'execution-rates']) {
          const csv = csvRows(await (await pub.get(`${base}/dashboard/${id}.csv?fy=2020`)).text());
          const table = tableOf(html, id);
          expect(csv.length, id).toBe(table.length);
          expect(csv.map((r) => r[0])).toEqual(table.map((r) => r[0]));
        }
        const rates = csvRows(
          await (await pub.get(`${base}/dashboard/execution-rates.csv?fy=2020`)).text(),
        );
        expect(rates.slice(1).map((r) => Number(r[1]))).toEqual([6, 3, 4, 7, 1, 2, 1, 0, 24]);

        expect((await pub.get(`${base}/dashboard/budget-by-goal.csv?fy=2021`)).status).toBe(404);
        expect((await committee.get(`${base}/dashboard/budget-by-goal.csv?fy=2021`)).status).toBe(
          200,
        );
        expect((await pub.get(`${base}/dashboard/nothing.csv?fy=2020`)).status).toBe(404);
        expect((await pub.get(`${base}/dashboard/budget-by-goal.json?fy=2020`)).status).toBe(404);
        expect((await pub.get(`${base}/dashboard/kpi-bands.csv?fy=2020`)).status).toBe(404);
      });
    });

    describe('KPI charts', () => {
      let goalKpi: number;
      let scriptKpi: number;

      beforeAll(async () => {
        const db = databaseOf(server.ctx.store);
        const nodes = await db
          .selectFrom('plan_nodes')
          .select(['id', 'parent_id', 'depth', 'position'])
          .where('plan_id', '=', server.planId)
          .orderBy('depth')
          .orderBy('position')
          .execute();
        const goals = nodes.filter((n) => n.depth === 0);
        const measureOfGoal2 = nodes.find((n) => n.depth === 1 && n.parent_id === goals[1]?.id);
        const now = new Date().toISOString();
        const add = async (values: {
          scope: string;
          node_id: number | null;
          project_id: number | null;
          name: string;
          direction?: string;
          baseline: [number, number] | null;
          target: [number, number];
          position: number;
        }) =>
          (
            await db
              .insertInto('kpis')
              .values({
                municipality_code: MURORAN,
                plan_id: server.planId,
                scope: values.scope,
                node_id: values.node_id,
                project_id: values.project_id,
                position: values.position,
                name: values.name,
                unit: '人',
                direction: values.direction ?? 'higher',
                kind: 'annual',
                baseline_value: values.baseline?.[1] ?? null,
                baseline_fiscal_year: values.baseline?.[0] ?? null,
                target_value: values.target[1],
                target_fiscal_year: values.target[0],
                updated_at: now,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        goalKpi = await add({
          scope: 'goal',
          node_id: goals[0]?.id ?? -1,
          project_id: null,
          name: '社会増減数',
          baseline: [2019, 10],
          target: [2024, 20],
          position: 0,
        });
        scriptKpi = await add({
          scope: 'measure',
          node_id: measureOfGoal2?.id ?? -1,
          project_id: null,
          name: `婚姻数${SCRIPT}`,
          baseline: null,
          target: [2024, 300],
          position: 1,
        });
        await add({
          scope: 'project',
          node_id: null,
          project_id: ids.get('18') ?? -1,
          name: '寄港数',
          baseline: [2019, 10],
          target: [2024, 20],
          position: 2,
        });
        const actual = (kpiId: number, fiscalYear: number, value: number) =>
          db
            .insertInto('kpi_actuals')
            .values({
              kpi_id: kpiId,
              municipality_code: MURORAN,
              fiscal_year: fiscalYear,
              value,
              as_of: null,
              source: null,
              entry_id: null,
              updated_at: now,
              updated_by: null,
            })
            .execute();
        await actual(goalKpi, 2020, 18); // 80 % of the way: 相当程度効果があった
        await actual(goalKpi, 2021, 19); // R3 is open: members only
      });

      it("counts KPIs per goal in the municipality's bands, with their colours", async () => {
        const html = await (await committee.get(`${base}/dashboard?fy=2020`)).text();
        const bands = dataBlocks(html).find((b) => b.id === 'kpi-bands')?.data;
        expect(bands?.series.map((s) => s.label)).toEqual([
          '非常に効果的であった',
          '相当程度効果があった',
          '効果があった',
          '効果がなかった',
          '実績なし',
        ]);
        expect(new Set(bands?.series.map((s) => s.colour)).size).toBe(5);
        expect(
          bands?.rows.map((r) => [r.band0, r.band1, r.band2, r.band3, r.none, r.total]),
        ).toEqual([
          [0, 1, 0, 0, 0, 1],
          [0, 0, 0, 0, 1, 1],
          [0, 0, 0, 0, 1, 1],
        ]);
        expect(tableOf(html, 'kpi-bands')[0]).toEqual([
          '基本目標',
          '非常に効果的であった（件）',
          '相当程度効果があった（件）',
          '効果があった（件）',
          '効果がなかった（件）',
          '実績なし（件）',
          'KPI 数',
        ]);
        expect(text(html)).not.toContain('KPI がまだ登録されていません');
        const csv = await committee.get(`${base}/dashboard/kpi-bands.csv?fy=2020`);
        expect(csvRows(await csv.text()).at(-1)).toEqual(['合計', '0', '1', '0', '0', '2', '3']);
      });

      it('the trend of the KPI chosen; the public sees actuals of published years only', async () => {
        const member = await (
          await committee.get(`${base}/dashboard?fy=2020&kpi=${goalKpi}`)
        ).text();
        expect(member).toContain(
          `<option value="${goalKpi}" selected="">社会増減数（人）</option>`,
        );
        const trend = dataBlocks(member).find((b) => b.id === 'kpi-trend')?.data;
        expect(trend?.rows.map((r) => [r.label, r.baseline, r.target, r.actual])).toEqual([
          ['令和元年度 (R1)', 10, null, null],
          ['令和2年度 (R2)', null, 20, 18],
          ['令和3年度 (R3)', null, 20, 19],
          ['令和4年度 (R4)', null, 20, null],
          ['令和5年度 (R5)', null, 20, null],
          ['令和6年度 (R6)', null, 20, null],
        ]);
        expect(member).toContain(
          `href="${base}/dashboard/kpi-trend.csv?fy=2020&amp;kpi=${goalKpi}"`,
        );
        const memberCsv = csvRows(
          await (
            await committee.get(`${base}/dashboard/kpi-trend.csv?fy=2020&kpi=${goalKpi}`)
          ).text(),
        );
        expect(memberCsv[0]).toEqual([
          '年度',
          '基準値（人）',
          '目標値（人）',
          '実績（人）',
          '達成度（%）',
        ]);
        expect(memberCsv[3]).toEqual(['令和3年度 (R3)', '', '20', '19', '90.0']);

        const publicPage = await (await pub.get(`${base}/dashboard?fy=2020&kpi=${goalKpi}`)).text();
        const publicTrend = dataBlocks(publicPage).find((b) => b.id === 'kpi-trend')?.data;
        expect(publicTrend?.rows.map((r) => r.actual)).toEqual([null, 18, null, null, null, null]);
        const publicCsv = csvRows(
          await (await pub.get(`${base}/dashboard/kpi-trend.csv?fy=2020&kpi=${goalKpi}`)).text(),
        );
        expect(publicCsv[3]).toEqual(['令和3年度 (R3)', '', '20', '', '']);
      });

      it('embedded JSON cannot end its script element: < is written \\u003c', async () => {
        const html = await (
          await committee.get(`${base}/dashboard?fy=2020&kpi=${scriptKpi}`)
        ).text();
        const blocks = dataBlocks(html);
        expect(blocks.map((b) => b.id)).toEqual([
          'budget-by-goal',
          'budget-by-year',
          'execution-rates',
          'kpi-bands',
          'kpi-trend',
        ]);
        for (const block of blocks) {
          expect(block.raw).not.toMatch(/<|>/);
          expect(block.raw.toLowerCase()).not.toContain('</script');
        }
        const trend = blocks.find((b) => b.id === 'kpi-trend');
        expect(trend?.raw).toContain('婚姻数\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
        expect(trend?.data.title).toContain(`婚姻数${SCRIPT}`);
        // Exactly the page's own scripts: app.js, the five data blocks and dashboard.js.
        expect(html.match(/<script/g)).toHaveLength(7);
        expect(html).not.toContain('<script>alert(1)');
      });
    });

    describe('publishing from the validation page', () => {
      beforeAll(async () => {
        // A stated total for R3 that the projects' figures do not add up to: two errors; and
        // (issue 8) each of the 24 projects, neither finished nor filled in: 26 errors.
        await databaseOf(server.ctx.store)
          .insertInto('stated_totals')
          .values({
            plan_id: server.planId,
            municipality_code: MURORAN,
            fiscal_year: 2021,
            budget: 1_000_000,
            settlement: 900_000,
          })
          .execute();
        const lock = { action: 'lock', confirmed: '1', override: '試験のため' };
        expect((await admin.post(`${base}/years/2021`, lock)).status).toBe(303);
      });

      it('shows the errors and asks administrators for a reason', async () => {
        const html = await (await admin.get(`${base}/check?fy=2021`)).text();
        expect(text(html)).toContain('エラー（26 件）');
        expect(html.match(/data-code="project.not-ready"/g)).toHaveLength(24);
        expect(html.match(/data-code="totals.mismatch"/g)).toHaveLength(2);
        expect(text(html)).toContain(
          '合計が一致しません（予算: 表の記載 1,000 千円、事業の合計 -）',
        );
        expect(html).toContain(`<a href="${base}?fy=2021">体系と予算・決算</a>`);
        expect(html).toMatch(/<textarea id="override" name="override" required=""/);
        expect(text(html)).toContain('検査エラー 26 件のまま公表する理由');
        // Other members see the findings, not the action.
        const committeeHtml = await (await committee.get(`${base}/check?fy=2021`)).text();
        expect(committeeHtml).not.toContain('name="override"');
      });

      it('refuses to publish without a reason, keeping the page and what was typed', async () => {
        const none = await admin.post(`${base}/check/publish`, { fy: '2021' });
        expect(none.status).toBe(409);
        const html = await none.text();
        expect(html).toContain('role="alert"');
        expect(text(html)).toContain(
          '検査でエラーが 26 件あります。公表するには理由を記入してください（記録されます）',
        );
        const blank = await admin.post(`${base}/check/publish`, { fy: '2021', override: '   ' });
        expect(blank.status).toBe(409);
        expect(await blank.text()).toContain('aria-invalid="true"');
        expect(
          (await committee.post(`${base}/check/publish`, { fy: '2021', override: 'x' })).status,
        ).toBe(403);
        expect(
          (await editor.post(`${base}/check/publish`, { fy: '2021', override: 'x' })).status,
        ).toBe(403);
        const status = await databaseOf(server.ctx.store)
          .selectFrom('plan_years')
          .select('status')
          .where('plan_id', '=', server.planId)
          .where('fiscal_year', '=', 2021)
          .executeTakeFirstOrThrow();
        expect(status.status).toBe('locked');
      });

      it('publishes with a reason and records it in the history', async () => {
        const reason = '決算の確定値は9月の議会後に差し替える（企画課）';
        const res = await admin.post(`${base}/check/publish`, { fy: '2021', override: reason });
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe(`${base}/check?fy=2021&published=1`);
        const html = await (await admin.get(`${base}/check?fy=2021&published=1`)).text();
        expect(text(html)).toContain('令和3年度 (R3) を公表しました。');
        expect(text(html)).toContain(`検査エラーのまま公表した理由: ${reason}`);
        const db = databaseOf(server.ctx.store);
        const year = await db
          .selectFrom('plan_years')
          .select(['status', 'publish_override'])
          .where('plan_id', '=', server.planId)
          .where('fiscal_year', '=', 2021)
          .executeTakeFirstOrThrow();
        expect(year).toEqual({ status: 'published', publish_override: reason });
        const changes = await db
          .selectFrom('changes')
          .select(['target', 'before', 'after'])
          .where('plan_id', '=', server.planId)
          .where('fiscal_year', '=', 2021)
          .orderBy('id', 'desc')
          .execute();
        expect(JSON.parse(changes[0]?.target ?? '')).toEqual({ type: 'year-status' });
        expect(JSON.parse(changes[0]?.before ?? '')).toBe('locked');
        expect(JSON.parse(changes[0]?.after ?? '')).toEqual({
          status: 'published',
          override: reason,
        });
        // Now the public reads R3 on the dashboard too.
        expect((await pub.get(`${base}/dashboard?fy=2021`)).status).toBe(200);
      });
    });
  });
}
