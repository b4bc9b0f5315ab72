import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../../store/raw-database.ts';
import { anonymous, createTestServer, DEMO, demoProject, type TestServer } from '../test-server.ts';

/**
 * A project's tags and the selected year's cost breakdown on its page (issue 10). The demo has
 * R2 published and R3 open: R2's breakdown is public, R3's is for members only, on the page and
 * in the JSON download alike (the public projection decides, core/public-projection.ts).
 */
const SHOWN = '国庫支出金Ｒ２';
const HIDDEN = 'ＬＥＡＫ内訳R3';

describe('the project page: tags and finance details', () => {
  let server: TestServer;
  let page: string;

  beforeAll(async () => {
    server = await createTestServer();
    const db = databaseOf(server.ctx.store);
    const p1 = await demoProject(server);
    page = p1.page;
    await db
      .updateTable('projects')
      .set({ tags: JSON.stringify(['総合戦略', '重点事業']) })
      .where('id', '=', p1.id)
      .execute();
    await db
      .insertInto('project_finances')
      .values({
        project_id: p1.id,
        municipality_code: '012050',
        fiscal_year: 2021,
        budget: 1000,
        settlement: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const detail = (fiscal_year: number, position: number, label: string, kind: string) => ({
      project_id: p1.id,
      municipality_code: '012050',
      fiscal_year,
      position,
      label,
      kind,
      amount: position === 1 ? null : 7_900_001,
    });
    await db
      .insertInto('project_finance_details')
      .values([
        detail(2020, 0, SHOWN, 'source'),
        detail(2020, 1, '一般財源', 'source'),
        detail(2020, 2, '人件費', 'staff'),
        detail(2021, 0, HIDDEN, 'total'),
      ])
      .execute();
  });
  afterAll(async () => server?.close());

  it('shows the tags as labels and the year breakdown as a table with a caption and headers', async () => {
    const pub = await anonymous(server);
    const html = await (await pub.get(`${page}?fy=2020`)).text();
    expect(html).toMatch(
      /<dt>タグ<\/dt><dd><span class="tag">総合戦略<\/span> <span class="tag">重点事業<\/span>/,
    );
    const table = /<table class="finance-details">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toContain('の財源・コストの内訳（単位: 千円）</caption>');
    expect(table).toContain('<th scope="col">区分</th>');
    expect(table).toContain(
      `<th scope="row">${SHOWN}</th><td>財源</td><td class="num">7,900.001</td>`,
    );
    expect(table).toContain('<th scope="row">一般財源</th><td>財源</td><td class="num">-</td>');
    expect(table).toContain('<td>人件費</td>');
  });

  it('never shows the open year breakdown to the public, on the page or in the download', async () => {
    const pub = await anonymous(server);
    for (const path of [
      page,
      `${page}?fy=2021`,
      `/m/012050/plans/${server.planId}/export.json`,
      `/api/v1/plans/${server.planId}/projects`,
    ]) {
      const body = await (await pub.get(path)).text();
      expect(body, path).not.toContain(HIDDEN);
    }
  });

  it('carries the published breakdown, and only it, in the public workbook', async () => {
    const pub = await anonymous(server);
    for (const layout of ['per-year', 'cumulative']) {
      const res = await pub.get(`/m/012050/plans/${server.planId}/export.xlsx?layout=${layout}`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const texts: string[] = [];
      book.eachSheet((sheet) => {
        sheet.eachRow((row) => {
          row.eachCell((cell) => {
            texts.push(String(cell.text ?? ''));
          });
        });
      });
      expect(texts, layout).toContain(SHOWN);
      expect(texts, layout).toContain('総合戦略');
      expect(texts, layout).not.toContain(HIDDEN);
    }
  });

  it('shows it to members in its year', async () => {
    const admin = await server.signIn(DEMO.admin);
    const html = await (await admin.get(`${page}?fy=2021`)).text();
    expect(html).toContain(`<th scope="row">${HIDDEN}</th><td>トータルコスト</td>`);
    expect(html).not.toContain(SHOWN);
  });
});
