import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { addOpenYearResult } from '../test-add-result.ts';
import { createTestServer, DEMO, demoProject, type TestServer } from '../test-server.ts';

/**
 * The sample writes lone figures (`▶R2…41件`): the reader gives them no label, and the
 * activity's name (移住相談) says what is counted. Its results across years form a trend on the
 * project page and the dashboard, without relabelling the stored figures.
 */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`trends of lone figures on ${dialect}`, () => {
    let server: TestServer;
    let page: string;

    beforeAll(async () => {
      server = await createTestServer(dialect);
      let projectId: number;
      ({ id: projectId, page } = await demoProject(server, '1'));
      const first = await addOpenYearResult(server, projectId, '50件');
      expect(first?.title).toBe('移住相談');
    });
    afterAll(() => server?.close());

    it('names the trend after the activity on the project page and the dashboard', async () => {
      const editor = await server.signIn(DEMO.industry);
      const trend = 'R2 41件 → R3 50件';
      const projectPage = await (await editor.get(`${page}?fy=2021`)).text();
      expect(projectPage).toContain(trend);
      const dashboard = `/m/012050/plans/${server.planId}/dashboard?fy=2021`;
      const html = await (await editor.get(dashboard)).text();
      expect(html).toContain(trend);
      expect(html.slice(html.indexOf('section-metric-trends'))).toContain('移住相談');
    });
  });
}
