import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStoredPlan } from '../../app/check-stored-plan.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { createTestServer, DEMO, type TestServer } from '../test-server.ts';

/** The year a page's year selector marks as chosen. */
const selectedYear = (html: string) =>
  Number(html.match(/<option value="(\d{4})" selected=""/)?.[1] ?? Number.NaN);

/**
 * Issue 8, "two answers to one question": the default fiscal year is one rule. In the demo R2
 * is published and R3 open: the check (page and `sousei check`) and the committee review R2;
 * work pages open R3 for staff; the public gets the latest published year, R2.
 */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`the default fiscal year on ${dialect}`, () => {
    let server: TestServer;
    let base: string;
    beforeAll(async () => {
      server = await createTestServer(dialect);
      base = `/m/012050/plans/${server.planId}`;
    });
    afterAll(() => server.close());

    it('`sousei check` and the check page open the same year', async () => {
      const admin = await server.signIn(DEMO.admin);
      const page = await (await admin.get(`${base}/check`)).text();
      const cli = await checkStoredPlan(server.ctx, { municipalityCode: '012050' });
      expect(selectedYear(page)).toBe(cli.fiscalYear);
      expect(cli.fiscalYear).toBe(2020);
    });

    it('work pages open the year open for entry for staff, the published year for the public', async () => {
      const editor = await server.signIn(DEMO.industry);
      const staff = await (await editor.get(base)).text();
      expect(staff).toContain('令和3年度 (R3)・入力受付中');
      const pub = await (await server.app.request(base)).text();
      expect(pub).toContain('令和2年度 (R2)・公表済み');
    });
  });
}
