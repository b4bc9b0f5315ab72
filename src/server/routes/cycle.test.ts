import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStoredPlan } from '../../app/check-stored-plan.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { createTestServer, DEMO, type Session, type TestServer } from '../test-server.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, '').slice(0, 2000);

/** Issue 8: a cycle that neither loses work nor closes a year behind anyone's back. */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`a cycle people can trust on ${dialect}`, () => {
    let server: TestServer;
    let base: string;
    let ids: Map<string, number>;
    let editor: Session;
    let admin: Session;
    const id = (no: string) => ids.get(no) ?? -1;
    beforeAll(async () => {
      server = await createTestServer(dialect);
      base = `/m/012050/plans/${server.planId}`;
      const rows = await databaseOf(server.ctx.store)
        .selectFrom('projects')
        .select(['id', 'no'])
        .execute();
      ids = new Map(rows.map((r) => [r.no, r.id]));
      editor = await server.signIn(DEMO.industry);
      admin = await server.signIn(DEMO.admin);
    });
    afterAll(() => server?.close());

    const statusOf = async (projectNo: string) =>
      (
        await databaseOf(server.ctx.store)
          .selectFrom('project_years')
          .select('status')
          .where('project_id', '=', id(projectNo))
          .where('fiscal_year', '=', 2021)
          .executeTakeFirst()
      )?.status;
    const financeOf = (projectNo: string) =>
      databaseOf(server.ctx.store)
        .selectFrom('project_finances')
        .select(['budget', 'settlement'])
        .where('project_id', '=', id(projectNo))
        .where('fiscal_year', '=', 2021)
        .executeTakeFirst();
    const yearStatus = async () =>
      (
        await databaseOf(server.ctx.store)
          .selectFrom('plan_years')
          .select('status')
          .where('plan_id', '=', server.planId)
          .where('fiscal_year', '=', 2021)
          .executeTakeFirst()
      )?.status;
    async function formFields(session: Session, projectNo: string) {
      const html = await (
        await session.get(`${base}/projects/${id(projectNo)}/edit?fy=2021`)
      ).text();
      const count = Number(/name="a_count" value="(\d+)"/.exec(html)?.[1] ?? '0');
      return {
        version: /name="version" value="(\d+)"/.exec(html)?.[1] ?? '',
        a_count: String(count),
        ...Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${i}_e_count`, '0'])),
      };
    }

    it('a project nobody touched in the open year is 未着手, not 入力中', async () => {
      const html = await (await admin.get(`${base}/years?fy=2021`)).text();
      const row = html.slice(html.indexOf('移住推進事業'));
      expect(row.slice(0, row.indexOf('</tr>'))).toContain('未着手');
      expect(html).not.toContain('入力中');
    });

    it('a published year never shows 入力中', async () => {
      const html = await (await admin.get(`${base}/years?fy=2020`)).text();
      expect(html).not.toContain('入力中');
    });

    it('入力完了 after typing (without 保存) saves what was typed, then submits', async () => {
      const fields = await formFields(editor, '1');
      const res = await editor.post(`${base}/projects/${id('1')}/edit?fy=2021`, {
        ...fields,
        budget: '400',
        settlement: '380',
        a0_new_kind: 'result',
        a0_new_text: '相談 52件',
        intent: 'submit',
      });
      expect(res.status).toBe(303);
      expect(await financeOf('1')).toEqual({ budget: 400_000, settlement: 380_000 });
      expect(await statusOf('1')).toBe('submitted');
    });

    it('入力完了 without 予算・決算 or a result is refused, keeping what was typed', async () => {
      const fields = await formFields(editor, '2');
      const res = await editor.post(`${base}/projects/${id('2')}/edit?fy=2021`, {
        ...fields,
        budget: '1,200',
        settlement: '',
        a0_new_kind: 'revision',
        a0_new_text: '対象を見直す',
        intent: 'submit',
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('value="1,200"');
      expect(html).toContain('対象を見直す');
      expect(html).toContain('予算・決算');
      expect(await statusOf('2')).not.toBe('submitted');
      expect(await financeOf('2')).toBeUndefined();
      // The plain status action refuses it as well: figures and a result, or a reason.
      const direct = await editor.post(`${base}/projects/${id('2')}/status`, {
        fy: '2021',
        action: 'submit',
      });
      expect(direct.status).toBe(409);
      expect(await statusOf('2')).not.toBe('submitted');
    });

    it('入力完了 with stated reasons goes through and records them', async () => {
      const fields = await formFields(editor, '2');
      const res = await editor.post(`${base}/projects/${id('2')}/edit?fy=2021`, {
        ...fields,
        budget: '',
        settlement: '',
        reason_figures: '今年度は予算措置なし',
        reason_result: '事業休止のため',
        intent: 'submit',
      });
      expect(res.status).toBe(303);
      expect(await statusOf('2')).toBe('submitted');
      const history = await (await admin.get(`${base}/history`)).text();
      expect(history).toContain('今年度は予算措置なし');
    });

    it("an editor's to-do page lists their projects, returned ones first with the comment", async () => {
      // 差戻し is confirmed on its own page, where the comment is written.
      const confirm = await admin.get(`${base}/projects/${id('2')}/return?fy=2021`);
      expect(confirm.status).toBe(200);
      expect(await confirm.text()).toContain('name="comment"');
      const returned = await admin.post(`${base}/projects/${id('2')}/status`, {
        fy: '2021',
        action: 'return',
        comment: '決算の内訳を添えてください',
        back: 'years',
      });
      expect(returned.status).toBe(303);
      expect(await (await admin.get(returned.headers.get('location') ?? '')).text()).toContain(
        '差し戻しました',
      );
      const res = await editor.get(`${base}/todo`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('決算の内訳を添えてください');
      const rows = [...html.matchAll(/<tr><td(?: class="no")?>(\d+)<\/td>/g)].map((m) => m[1]);
      expect(rows[0]).toBe('2');
      expect(rows).toContain('1');
      // Only the editor's own department's projects; each links to its entry form.
      expect(rows).not.toContain('11');
      expect(html).toContain(`${base}/projects/${id('2')}/edit?fy=2021`);
      expect(html).toContain('未着手');
      expect(await (await editor.get(`${base}/years`)).text()).toContain(`href="${base}/todo"`);
    });

    it('the check counts unfinished and empty projects as errors in the open year', async () => {
      const html = await (await admin.get(`${base}/check?fy=2021`)).text();
      const notReady = (no: string) =>
        new RegExp(`finding--error" data-code="project\\.not-ready" data-project="${no}"`);
      // 3 is untouched and empty; 1 was submitted with figures and a result: ready.
      expect(html).toMatch(notReady('3'));
      expect(html).not.toMatch(notReady('1'));
      expect(text(html.slice(html.search(notReady('3'))))).toContain(
        '入力完了・予算・決算・結果（▶）',
      );
      // `sousei check` runs the same use case: the same findings for the same year.
      const cli = await checkStoredPlan(server.ctx, {
        municipalityCode: '012050',
        fiscalYear: 2021,
      });
      const onPage = [...html.matchAll(/<li class="finding finding--(\w+)" data-code="([^"]+)"/g)];
      expect(onPage.map((m) => `${m[1]} ${m[2]}`).sort()).toEqual(
        cli.findings.map((f) => `${f.severity} ${f.code}`).sort(),
      );
    });

    it('締め切る asks for confirmation, lists unfinished projects and needs a reason', async () => {
      // A bare post (an old page, a double click) changes nothing: it leads to the confirmation.
      const bare = await admin.post(`${base}/years/2021`, { action: 'lock' });
      expect(bare.status).toBe(303);
      expect(await yearStatus()).toBe('open');
      const confirm = await admin.get(`${base}/years/2021?action=lock`);
      expect(confirm.status).toBe(200);
      const html = await confirm.text();
      expect(html).toContain('未完了の事業');
      expect(html).toContain('11.');
      const noReason = await admin.post(`${base}/years/2021`, { action: 'lock', confirmed: '1' });
      expect(noReason.status).toBe(409);
      expect(await yearStatus()).toBe('open');
      const ok = await admin.post(`${base}/years/2021`, {
        action: 'lock',
        confirmed: '1',
        override: '残りは委員会後に入力',
      });
      expect(ok.status).toBe(303);
      expect(await yearStatus()).toBe('locked');
      const after = await (await admin.get(ok.headers.get('location') ?? '')).text();
      expect(after).toContain('締め切りました');
      expect(await (await admin.get(`${base}/history`)).text()).toContain('残りは委員会後に入力');
    });

    it('a locked year refuses an edit saying it is closed, not 権限がありません', async () => {
      // Project 3 is the editor's and untouched: open, they could edit it.
      const res = await editor.get(`${base}/projects/${id('3')}/edit?fy=2021`);
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(html).toContain('締め切り');
      expect(html).not.toContain('権限がありません');
    });

    it('公表する shows the check with unfinished projects as errors and needs a reason', async () => {
      const html = await (await admin.get(`${base}/years/2021?action=publish`)).text();
      expect(html).toContain('検査のエラー');
      expect(html).toContain('data-code="project.not-ready"');
      expect(html).toContain('name="override"');
      const bare = await admin.post(`${base}/years/2021`, { action: 'publish', confirmed: '1' });
      expect(bare.status).toBe(409);
      expect(await yearStatus()).toBe('locked');
      const ok = await admin.post(`${base}/years/2021`, {
        action: 'publish',
        confirmed: '1',
        override: '速報値として公表',
      });
      expect(ok.status).toBe(303);
      expect(await yearStatus()).toBe('published');
      expect(await (await admin.get(ok.headers.get('location') ?? '')).text()).toContain(
        '公表しました',
      );
    });

    it('公表を取り下げる asks for confirmation first', async () => {
      const bare = await admin.post(`${base}/years/2021`, { action: 'unpublish' });
      expect(bare.status).toBe(303);
      expect(bare.headers.get('location')).toContain('action=unpublish');
      expect(await yearStatus()).toBe('published');
      const ok = await admin.post(`${base}/years/2021`, { action: 'unpublish', confirmed: '1' });
      expect(ok.status).toBe(303);
      expect(await yearStatus()).toBe('locked');
    });
  });
}
