import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfBrowser } from '../app/reports/report-pdf.tsx';
import { saveProjectYear } from '../app/workflow/save-project-year.ts';
import type { Actor } from '../core/permissions.ts';
import { databaseOf } from '../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../store/test-databases.ts';
import { browserAvailable } from './browser/test-browser.ts';
import { anonymous, createTestServer, DEMO, type Session, type TestServer } from './test-server.ts';

/**
 * What is public is one rule (core/public-projection.ts): the demo has R2 published and R3 open.
 * An editor plants markers in R3 (a new activity, a result on an existing one, distinctive
 * figures; the KPI engineer's parts: a KPI defined in R3, an R3 actual, an R3 evaluation
 * comment). Signed out, no public page, download or API read may show any of them.
 */

const NEW_ACTIVITY = 'ＬＥＡＫ新規取組R3';
const NEW_RESULT = 'ＬＥＡＫ新規結果R3';
const OLD_RESULT = 'ＬＥＡＫ既存結果R3';
// 98,765 / 87,654 千円: as the pages show them and as yen in JSON and CSV.
const AMOUNTS = ['98,765', '98765', '87,654', '87654'];
const KPI_NAME = 'ＬＥＡＫ指標R3';
const KPI_ACTUAL = 4242.5;
const COMMENT = 'ＬＥＡＫ講評R3';

const M = '/m/012050/plans/:plan';
/** Every public read of a plan: pages, downloads, API. `:plan`, `:p1` are replaced by ids. */
const SURFACES = [
  '/m/012050',
  M,
  `${M}?fy=2020`,
  `${M}/projects/:p1`,
  `${M}/report`,
  `${M}/report?fy=2020`,
  `${M}/report?fy=all`,
  `${M}/search?q=ＬＥＡＫ`,
  `${M}/downloads`,
  `${M}/export.json`,
  `${M}/export.xlsx`,
  `${M}/export.xlsx?layout=cumulative`,
  `${M}/export/projects.csv`,
  `${M}/export/entries.csv`,
  `${M}/export/kpis.csv`,
  `${M}/export/plan.csv`,
  `${M}/kpis`,
  `${M}/dashboard`,
  '/api/v1/municipalities',
  '/api/v1/municipalities/012050',
  '/api/v1/municipalities/012050/plans',
  '/api/v1/plans/:plan',
  '/api/v1/plans/:plan/projects',
  '/api/v1/plans/:plan/projects?q=ＬＥＡＫ',
  '/api/v1/plans/:plan/projects/:p1',
  '/api/v1/plans/:plan/kpis',
  // Issue 11: the cross-municipality view, also asked for the open year by name.
  '/compare',
  '/compare?by=goal',
  '/compare?fiscalYear=2021&prefecture=01&by=goal',
  '/compare.csv',
  '/compare.csv?fiscalYear=2021&by=goal',
  '/api/v1/compare',
  '/api/v1/compare?fiscalYear=2021&by=goal',
] as const;
const PDFS = [`${M}/report.pdf?fy=2020`, `${M}/report.pdf?fy=all`] as const;

async function xlsxText(bytes: ArrayBuffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const out: string[] = [];
  book.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        out.push(String(cell.text ?? ''), JSON.stringify(cell.value));
      });
    });
  });
  return out.join('\n');
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`public surfaces (${dialect})`, () => {
    let server: TestServer;
    let pub: Session;
    let ids: Record<string, number>;
    const dir = mkdtempSync(join(tmpdir(), 'sousei-public-'));
    const path = (p: string) => p.replace(/:(plan|p1)\b/g, (_, k: string) => String(ids[k]));

    beforeAll(async () => {
      server = await createTestServer(dialect);
      pub = await anonymous(server);
      const db = databaseOf(server.ctx.store);
      const p1 = await db
        .selectFrom('projects')
        .select(['id', 'version', 'department_id'])
        .where('plan_id', '=', server.planId)
        .where('no', '=', '1')
        .executeTakeFirstOrThrow();
      ids = { plan: server.planId, p1: p1.id };
      const editor = await db
        .selectFrom('users')
        .select(['id'])
        .where('email', '=', DEMO.industry)
        .executeTakeFirstOrThrow();
      const actor: Actor = {
        userId: editor.id,
        municipalityCode: '012050',
        role: 'editor',
        departmentIds: p1.department_id === null ? [] : [p1.department_id],
      };
      const saved = await saveProjectYear(server.ctx, actor, {
        municipalityCode: '012050',
        projectId: p1.id,
        fiscalYear: 2021,
        form: {
          version: p1.version,
          budget: '98,765',
          settlement: '87,654',
          activities: [{ entries: [{ kind: 'result', text: OLD_RESULT, kpi: false }] }],
          newActivity: { text: NEW_ACTIVITY, result: NEW_RESULT },
        },
      });
      expect(saved.ok).toBe(true);
    });
    afterAll(async () => {
      await closePdfBrowser();
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('members see what was planted (the markers are real)', async () => {
      const admin = await server.signIn(DEMO.admin);
      const page = await (await admin.get(path(`${M}/projects/:p1?fy=2021`))).text();
      for (const marker of [NEW_ACTIVITY, NEW_RESULT, OLD_RESULT, '98,765']) {
        expect(page).toContain(marker);
      }
    });

    for (const surface of SURFACES) {
      it(`signed out, ${surface} shows nothing of the open year`, async () => {
        const r = await pub.get(path(surface));
        expect(r.status).toBe(200);
        const body = surface.includes('.xlsx')
          ? await xlsxText(await r.arrayBuffer())
          : await r.text();
        for (const marker of [NEW_ACTIVITY, NEW_RESULT, OLD_RESULT, ...AMOUNTS]) {
          expect(body, marker).not.toContain(marker);
        }
      });
    }

    for (const surface of PDFS) {
      it.skipIf(!browserAvailable())(
        `signed out, ${surface} shows nothing of the open year`,
        async () => {
          const r = await pub.get(path(surface));
          expect(r.status).toBe(200);
          const file = join(dir, `${surface.length}.pdf`);
          writeFileSync(file, Buffer.from(await r.arrayBuffer()));
          const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
          expect(text).toContain('室蘭');
          for (const marker of [NEW_ACTIVITY, NEW_RESULT, OLD_RESULT, '98,765', '87,654']) {
            expect(text, marker).not.toContain(marker);
          }
        },
      );
    }

    // KPIs and evaluations belong to other modules (another branch fixes them): kept apart so the
    // plan and activity parts above stand on their own.
    describe('KPI and evaluation markers of the open year', () => {
      beforeAll(async () => {
        const db = databaseOf(server.ctx.store);
        const now = server.ctx.now();
        const kpi = await db
          .insertInto('kpis')
          .values({
            municipality_code: '012050',
            plan_id: server.planId,
            scope: 'project',
            node_id: null,
            project_id: ids.p1 as number,
            position: 99,
            name: KPI_NAME,
            unit: '件',
            direction: 'higher',
            kind: 'annual',
            baseline_value: null,
            baseline_fiscal_year: null,
            target_value: 10,
            target_fiscal_year: 2024,
            updated_at: now,
            introduced_in: 2021,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const existing = await db
          .selectFrom('kpis')
          .select('id')
          .where('plan_id', '=', server.planId)
          .where('id', '!=', kpi.id)
          .orderBy('id')
          .executeTakeFirst();
        for (const id of [kpi.id, ...(existing ? [existing.id] : [])]) {
          await db
            .insertInto('kpi_actuals')
            .values({
              kpi_id: id,
              municipality_code: '012050',
              fiscal_year: 2021,
              value: KPI_ACTUAL,
              as_of: null,
              source: null,
              entry_id: null,
              updated_at: now,
              updated_by: null,
            })
            .execute();
        }
        await db
          .insertInto('evaluation_comments')
          .values({
            municipality_code: '012050',
            project_id: ids.p1 as number,
            fiscal_year: 2021,
            role: 'committee',
            user_id: null,
            text: COMMENT,
            at: now,
          })
          .execute();
      });

      for (const surface of SURFACES) {
        it(`signed out, ${surface} shows no R3 KPI, actual or comment`, async () => {
          const r = await pub.get(path(surface));
          expect(r.status).toBe(200);
          const body = surface.includes('.xlsx')
            ? await xlsxText(await r.arrayBuffer())
            : await r.text();
          for (const marker of [KPI_NAME, '4242.5', '4,242.5', COMMENT]) {
            expect(body, marker).not.toContain(marker);
          }
        });
      }
    });
  });
}
