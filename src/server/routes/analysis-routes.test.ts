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

const EDITED = '基本目標を通じて、事業はおおむね計画どおり進んだ。\n\n来年度は移住相談を強化する。';

/** The committee's analysis over HTTP: edit → approve → the public report shows it (issue 12). */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`the analysis pages on ${dialect}`, () => {
    let server: TestServer;
    let base: string;
    let admin: Session;
    let committee: Session;
    const page = (query = '') => `${base}/analysis?fy=2020${query}`;
    const stored = () =>
      databaseOf(server.ctx.store)
        .selectFrom('analyses')
        .select(['scope', 'text', 'state', 'version'])
        .where('plan_id', '=', server.planId)
        .execute();

    beforeAll(async () => {
      server = await createTestServer(dialect);
      base = `/m/012050/plans/${server.planId}`;
      admin = await server.signIn(DEMO.admin);
      committee = await server.signIn(DEMO.committee);
    });
    afterAll(() => server?.close());

    it('shows 企画課 every scope’s draft, each figure a link to where it came from', async () => {
      const res = await admin.get(page());
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<a href="${base}?fy=2020">70,090千円</a>`);
      expect(html).toContain(`<a href="${base}?fy=2020">74.4%</a>`);
      expect(html).toMatch(
        new RegExp(
          `<a href="${base}/projects/\\d+\\?fy=2020">No.22「まちのイメージづくり・魅力発見事業」</a>`,
        ),
      );
      expect(html).toContain('下書き');
      expect(html).toContain('編集する');
    });

    it('lets the committee read the drafts but not edit them; the public sees nothing unapproved', async () => {
      const read = await (await committee.get(page())).text();
      expect(read).toContain('70,090千円');
      expect(read).not.toContain('編集する');
      const refused = await committee.post(page(), {
        scope: 'plan',
        text: 'x',
        version: '0',
        action: 'save',
      });
      expect(refused.status).toBe(403);
      const pub = await anonymous(server);
      const html = await (await pub.get(page())).text();
      expect(html).toContain('承認された効果検証の文はまだありません');
      expect(html).not.toContain('70,090千円');
      expect((await pub.get(`${base}/analysis?fy=2021`)).status).toBe(404);
      // The public report is rendered once per content version: this one is kept until approval.
      const report = await (await pub.get(`${base}/report?fy=2020&analysis=1`)).text();
      expect(report).toContain('承認された効果検証の文はありません');
      expect(await stored()).toEqual([]);
    });

    it('edits a text, refuses a stale save keeping what was typed, then approves', async () => {
      const form = await (await admin.get(page('&scope=plan'))).text();
      expect(form).toContain('name="text"');
      expect(form).toContain('データからの下書き');
      const save = await admin.post(page('&scope=plan'), {
        scope: 'plan',
        text: EDITED.replaceAll('\n', '\r\n'),
        version: '0',
        action: 'save',
      });
      expect(save.status).toBe(303);
      expect(save.headers.get('location')).toBe(
        `${base}/analysis?fy=2020&saved=save#analysis-plan`,
      );
      expect(await stored()).toEqual([
        { scope: 'plan', text: EDITED, state: 'edited', version: 1 },
      ]);

      const stale = await admin.post(page('&scope=plan'), {
        scope: 'plan',
        text: '古い版からの文',
        version: '0',
        action: 'save',
      });
      expect(stale.status).toBe(409);
      const staleHtml = await stale.text();
      expect(staleHtml).toContain('古い版からの文');
      expect(staleHtml).toContain('来年度は移住相談を強化する。');

      const empty = await admin.post(page('&scope=plan'), {
        scope: 'plan',
        text: '  ',
        version: '1',
        action: 'approve',
      });
      expect(empty.status).toBe(422);
      expect(await empty.text()).toContain('文を入力してください');

      // The public's report of this content version is rendered and kept: edited is not approved.
      const before = await (
        await (await anonymous(server)).get(`${base}/report?fy=2020&analysis=1`)
      ).text();
      expect(before).toContain('承認された効果検証の文はありません');

      const approve = await admin.post(page('&scope=plan'), {
        scope: 'plan',
        text: EDITED,
        version: '1',
        action: 'approve',
      });
      expect(approve.status).toBe(303);
      expect(await stored()).toEqual([
        { scope: 'plan', text: EDITED, state: 'approved', version: 2 },
      ]);
      const history = await (await admin.get(`${base}/history`)).text();
      expect(history).toContain('効果検証の文: 編集済み（未承認） → 承認済み');
      expect(history).toContain('効果検証の文: 下書き → 編集済み（未承認）');
    });

    it('shows the public the approved text on the analysis page and in the report with analysis=1', async () => {
      const pub = await anonymous(server);
      const analysis = await (await pub.get(page())).text();
      expect(analysis).toContain('来年度は移住相談を強化する。');
      expect(analysis).not.toContain('name="text"');
      const report = await (await pub.get(`${base}/report?fy=2020&analysis=1`)).text();
      expect(report).toContain('効果検証（令和2年度 (R2)）');
      expect(report).toContain('基本目標を通じて、事業はおおむね計画どおり進んだ。');
      const plain = await (await pub.get(`${base}/report?fy=2020`)).text();
      expect(plain).not.toContain('基本目標を通じて');
    });

    it('offers a newer draft beside an edited text when the data changed, replacing it only on request', async () => {
      const listing = await (await admin.get(page())).text();
      const scope = /scope=(node-\d+)/.exec(listing)?.[1] as string;
      const saved = await admin.post(page(), {
        scope,
        text: '手で書いた文。',
        version: '0',
        action: 'save',
      });
      expect(saved.status).toBe(303);
      // Project 1's R2 settlement corrected behind the page (its version moves, as every writer's).
      const db = databaseOf(server.ctx.store);
      const project = await db
        .selectFrom('projects')
        .select(['id', 'version'])
        .where('plan_id', '=', server.planId)
        .where('no', '=', '1')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('project_finances')
        .set({ settlement: 590_000 })
        .where('project_id', '=', project.id)
        .where('fiscal_year', '=', 2020)
        .execute();
      await db
        .updateTable('projects')
        .set({ version: project.version + 1 })
        .where('id', '=', project.id)
        .execute();

      const form = await (await admin.get(page(`&scope=${scope}`))).text();
      expect(form).toContain('新しい下書きがあります');
      expect(form).toContain('手で書いた文。');
      expect(form).toContain('33,873千円');
      const rows = async () => (await stored()).filter((r) => r.scope === scope);
      expect((await rows())[0]?.text).toBe('手で書いた文。');

      const adopt = await admin.post(page(), { scope, text: '', version: '1', action: 'adopt' });
      expect(adopt.status).toBe(303);
      const [row] = await rows();
      expect(row?.text).toContain('決算は計33,873千円');
      expect(row?.state).toBe('draft');
      expect(await (await admin.get(page(`&scope=${scope}`))).text()).not.toContain(
        '新しい下書きがあります',
      );
    });

    it('refuses an unknown scope and another city’s administrator', async () => {
      const bad = await admin.post(page(), {
        scope: 'node-999999999',
        text: 'x',
        version: '0',
        action: 'save',
      });
      expect(bad.status).toBe(404);
      const pub = await anonymous(server);
      const post = await pub.post(page(), {
        scope: 'plan',
        text: 'x',
        version: '2',
        action: 'save',
      });
      expect(post.status).toBe(303);
      expect(post.headers.get('location')).toMatch(/^\/login/);
      expect((await stored()).filter((r) => r.scope === 'plan').map((r) => r.text)).toEqual([
        EDITED,
      ]);
    });
  });
}
