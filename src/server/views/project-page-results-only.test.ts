import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../../store/raw-database.ts';
import { anonymous, createTestServer, demoProject, type TestServer } from '../test-server.ts';

/**
 * Results read from a city's 前年度実績 column have no activity of their own (mapping v2
 * "texts", kind result): the page, the report and the committee's form show their ▶ lines
 * without an empty ☐ line above them.
 */
describe('an activity without words (results read from a text column)', () => {
  let server: TestServer;
  let projectPage: string;

  beforeAll(async () => {
    server = await createTestServer();
    const db = databaseOf(server.ctx.store);
    const p1 = await demoProject(server);
    projectPage = p1.page;
    const first = await db
      .selectFrom('activities')
      .select('id')
      .where('project_id', '=', p1.id)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('activities')
      .set({ title: '', text: '' })
      .where('id', '=', first.id)
      .execute();
  });
  afterAll(() => server?.close());

  it('shows no empty ☐ line on the project page', async () => {
    const html = await (await anonymous(server)).get(projectPage).then((r) => r.text());
    expect(html).toContain('41件');
    expect(html).not.toContain('<strong></strong></p>');
  });

  it('shows no empty ☐ in the report', async () => {
    const html = await (await anonymous(server))
      .get(`/m/012050/plans/${server.planId}/report?fy=2020`)
      .then((r) => r.text());
    expect(html).toContain('R2…41件');
    expect(html).not.toMatch(
      /<div class="report__activity"><span class="activity-mark" aria-hidden="true">☐<\/span><span class="visually-hidden">[^<]*<\/span>\s*<span class="report__entry">/,
    );
  });
});
