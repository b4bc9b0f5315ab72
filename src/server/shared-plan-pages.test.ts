import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, dialectAvailable } from '../store/test-databases.ts';
import { createTestServer, DEMO, demoProject, type TestServer } from './test-server.ts';

/**
 * Read-only pages share the loaded plan between requests of one content version: a member's
 * save shows on the very next page, as do the public's after a change of theirs.
 */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`pages sharing the loaded plan on ${dialect}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await createTestServer(dialect);
    }, 60_000);
    afterAll(() => server?.close());

    it("an editor's save shows at once on the project page, the plan tree and the API", async () => {
      const editor = await server.signIn(DEMO.industry);
      const { id, page } = await demoProject(server, '1');
      const tree = `/m/012050/plans/${server.planId}?fy=2021`;
      expect(await (await editor.get(`${page}?fy=2021`)).text()).not.toContain('相談 77件');
      expect(await (await editor.get(tree)).text()).not.toContain('>432<');
      const form = await (await editor.get(`${page}/edit?fy=2021`)).text();
      const version = /name="version" value="(\d+)"/.exec(form)?.[1] ?? '';
      const saved = await editor.post(`${page}/edit?fy=2021`, {
        version,
        a_count: '6',
        ...Object.fromEntries([0, 1, 2, 3, 4, 5].map((i) => [`a${i}_e_count`, '0'])),
        budget: '４３２',
        settlement: '３８０',
        a0_new_kind: 'result',
        a0_new_text: '相談 77件',
      });
      expect(saved.status).toBe(303);
      expect(await (await editor.get(`${page}?fy=2021`)).text()).toContain('相談 77件');
      expect(await (await editor.get(tree)).text()).toContain('>432<');
      const api = await server.app.request(`/api/v1/plans/${server.planId}/projects/${id}`);
      expect(await api.text()).not.toContain('相談 77件'); // R3 is not published
    });
  });
}
