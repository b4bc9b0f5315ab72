import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../app/auth/users.ts';
import { loadSettings } from '../../app/evaluation/municipality-settings.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import {
  anonymous,
  createTestServer,
  DEMO,
  type Session,
  type TestServer,
} from '../test-server.ts';

const OTHER_CITY = 'iin@sapporo.sousei.example';

/** The table row of a project in the queue (rows carry data-project="id"). */
function queueRow(html: string, projectId: number): string | null {
  const start = html.indexOf(`<tr data-project="${projectId}">`);
  if (start < 0) return null;
  return html.slice(start, html.indexOf('</tr>', start));
}

/** The committee's evaluation over HTTP, on SQLite and PostgreSQL (issue #4). */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`the committee's evaluation on ${dialect}`, () => {
    let server: TestServer;
    let base: string;
    const ids: Record<string, number> = {};
    let committee: Session;
    let editor: Session;
    let admin: Session;
    const form = (no: string, fy = 2020) => `${base}/projects/${ids[no]}/evaluation?fy=${fy}`;
    const evaluationOf = (no: string) =>
      databaseOf(server.ctx.store)
        .selectFrom('evaluations')
        .select(['effect', 'policy'])
        .where('project_id', '=', ids[no] ?? -1)
        .where('fiscal_year', '=', 2020)
        .executeTakeFirst();
    const commentsOf = (no: string) =>
      databaseOf(server.ctx.store)
        .selectFrom('evaluation_comments')
        .select(['role', 'text', 'at'])
        .where('project_id', '=', ids[no] ?? -1)
        .orderBy('id')
        .execute();

    beforeAll(async () => {
      server = await createTestServer(dialect);
      base = `/m/012050/plans/${server.planId}`;
      const rows = await databaseOf(server.ctx.store)
        .selectFrom('projects')
        .select(['id', 'no'])
        .execute();
      for (const r of rows) ids[r.no] = r.id;
      committee = await server.signIn(DEMO.committee);
      editor = await server.signIn(DEMO.industry);
      admin = await server.signIn(DEMO.admin);
      await createUser(server.ctx, {
        municipalityCode: '011002',
        municipalityName: '札幌市',
        email: OTHER_CITY,
        name: '札幌 委員',
        role: 'committee',
        password: 'sapporo-committee-password',
      });
      // A KPI of project 1: R2 target 100 件, actual 75 件 → 75 %.
      const now = server.ctx.now();
      const kpi = await databaseOf(server.ctx.store)
        .insertInto('kpis')
        .values({
          municipality_code: '012050',
          plan_id: server.planId,
          scope: 'project',
          node_id: null,
          project_id: ids['1'] ?? -1,
          position: 0,
          name: '相談件数',
          unit: '件',
          direction: 'higher',
          kind: 'annual',
          baseline_value: null,
          baseline_fiscal_year: null,
          target_value: 100,
          target_fiscal_year: 2024,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await databaseOf(server.ctx.store)
        .insertInto('kpi_actuals')
        .values({
          kpi_id: kpi.id,
          municipality_code: '012050',
          fiscal_year: 2020,
          value: 75,
          as_of: null,
          source: null,
          entry_id: null,
          updated_at: now,
          updated_by: null,
        })
        .execute();
    });
    afterAll(() => server?.close());

    beforeAll(async () => {
      // The committee meets after the year has closed: R2 is locked (not yet published), so its
      // evaluation is still open to them. A published year is read-only (issue 8, tested last).
      await databaseOf(server.ctx.store)
        .updateTable('plan_years')
        .set({ status: 'locked' })
        .where('plan_id', '=', server.planId)
        .where('fiscal_year', '=', 2020)
        .execute();
    });

    it('the public is asked to sign in; another municipality finds nothing', async () => {
      const pub = await anonymous(server);
      for (const path of [`${base}/evaluations`, form('1'), '/m/012050/settings']) {
        const r = await pub.get(path);
        expect(r.status, path).toBe(303);
        expect(r.headers.get('location'), path).toMatch(/^\/login\?next=/);
      }
      const post = await pub.post(form('1'), {
        intent: 'evaluate',
        effect: '効果があった',
        policy: '継続',
      });
      expect(post.status).toBe(303);
      expect(post.headers.get('location')).toMatch(/^\/login/);
      expect(await evaluationOf('1')).toBeUndefined();

      const other = await server.signIn(OTHER_CITY);
      expect((await other.get(`${base}/evaluations`)).status).toBe(404);
      expect((await other.get(form('1'))).status).toBe(404);
      expect((await other.post(form('1'), { intent: 'comment', comment: '他市' })).status).toBe(
        404,
      );
      expect((await other.get('/m/012050/settings')).status).toBe(403);
      expect(await commentsOf('1')).toEqual([]);
    });

    it('the committee sees the queue of the closed year, unevaluated only, with the KPI hint', async () => {
      const res = await committee.get(`${base}/evaluations`);
      expect(res.status).toBe(200);
      const html = await res.text();
      // The latest closed year (R2, locked) by default; the national scale named.
      expect(html).toContain('令和2年度');
      expect(html).toContain('事業効果（国の様式の4段階）');
      expect(html).toContain('評価済み 0 件');
      expect(html).toContain('<option value="pending" selected="">未評価のみ</option>');
      const row = queueRow(html, ids['1'] ?? -1);
      expect(row).toContain('未評価');
      // 75 % on the national scale: 相当程度効果があった (≥ 70 %).
      expect(row).toContain('相当程度効果があった（75.0%）');
      expect(html).not.toContain('区分と今後の方針の設定');
    });

    it('the committee saves 事業効果 and 今後の方針 for project 1 R2 and comments as 委員', async () => {
      const page = await (await committee.get(form('1'))).text();
      expect(page).toContain('name="effect"');
      expect(page).toContain('相談件数');
      expect(page).toContain('75.0%');
      // R2 is locked: evaluation stays possible (the committee meets after the year closes).
      expect(page).toContain('評価とコメントは引き続き記録できます');
      const saved = await committee.post(form('1'), {
        intent: 'evaluate',
        effect: '相当程度効果があった',
        policy: '改善',
      });
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toContain('saved=evaluation');
      expect(await evaluationOf('1')).toEqual({ effect: '相当程度効果があった', policy: '改善' });

      const comment = await committee.post(form('1'), {
        intent: 'comment',
        comment: '相談件数は目標に届かないが、\n内容は改善している。',
      });
      expect(comment.status).toBe(303);
      const comments = await commentsOf('1');
      expect(comments.map((c) => [c.role, c.text])).toEqual([
        ['committee', '相談件数は目標に届かないが、\n内容は改善している。'],
      ]);
      const after = await (await committee.get(form('1'))).text();
      expect(after).toMatch(/value="相当程度効果があった" checked=""/);
      expect(after).toMatch(/value="改善" checked=""/);
      expect(after).toContain('委員 三郎');
      // Shown in Japan time.
      const at = new Date(comments[0]?.at ?? '');
      const jst = new Intl.DateTimeFormat('ja-JP', {
        timeZone: 'Asia/Tokyo',
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(at);
      expect(after).toContain(jst);
    });

    it('an empty comment is refused and an invalid 事業効果 is refused, what was typed kept', async () => {
      const empty = await committee.post(form('2'), { intent: 'comment', comment: '   ' });
      expect(empty.status).toBe(422);
      expect(await empty.text()).toContain('コメントを書いてください');
      const bad = await committee.post(form('2'), {
        intent: 'evaluate',
        effect: 'とても良かった',
        policy: '継続',
      });
      expect(bad.status).toBe(422);
      const html = await bad.text();
      expect(html).toContain('事業効果「とても良かった」は選べる区分にありません');
      expect(html).toMatch(/value="継続" checked=""/);
      expect(await evaluationOf('2')).toBeUndefined();
    });

    it('an editor cannot set the evaluation but comments on their own project as 担当課', async () => {
      const page = await (await editor.get(form('1'))).text();
      expect(page).not.toContain('name="effect"');
      expect(page).toContain('相当程度効果があった');
      expect(page).toContain('コメント（担当課として）');
      const refused = await editor.post(form('1'), {
        intent: 'evaluate',
        effect: '非常に効果的であった',
        policy: '発展',
      });
      expect(refused.status).toBe(403);
      expect(await evaluationOf('1')).toEqual({ effect: '相当程度効果があった', policy: '改善' });
      expect(
        (await editor.post(form('2'), { intent: 'evaluate', effect: '', policy: '' })).status,
      ).toBe(403);
      expect(await evaluationOf('2')).toBeUndefined();

      const own = await editor.post(form('1'), { intent: 'comment', comment: '相談体制を見直す' });
      expect(own.status).toBe(303);
      expect((await commentsOf('1')).map((c) => c.role)).toEqual(['committee', 'department']);

      // Project 11 belongs to 子育て支援課: no comment box, and a post is refused.
      const other = await (await editor.get(form('11'))).text();
      expect(other).not.toContain('name="comment"');
      const refusedComment = await editor.post(form('11'), {
        intent: 'comment',
        comment: '他課の事業',
      });
      expect(refusedComment.status).toBe(403);
      expect(await commentsOf('11')).toEqual([]);
    });

    it('the administrator comments as 企画課 and switches to A/B/C/D with A ≥ 110', async () => {
      const comment = await admin.post(form('1'), {
        intent: 'comment',
        comment: '予算の執行を確認',
      });
      expect(comment.status).toBe(303);
      expect((await commentsOf('1')).map((c) => c.role)).toEqual([
        'committee',
        'department',
        'planning',
      ]);
      const page = await (await admin.get(form('1'))).text();
      expect(page).toContain('企画 太郎');
      expect(page).toContain('産業 花子');

      // Editors and the committee cannot change the settings.
      expect((await editor.get('/m/012050/settings')).status).toBe(403);
      expect(
        (await committee.post('/m/012050/settings', { scale: 'abcd', policies: '継続' })).status,
      ).toBe(403);

      const settings = await (await admin.get('/m/012050/settings')).text();
      expect(settings).toMatch(/value="national" checked=""/);
      expect(settings).toContain('発展\n改善\n継続\n中止\n終了');

      const bad = await admin.post('/m/012050/settings', {
        scale: 'abcd',
        threshold_abcd_0: '１１０',
        threshold_abcd_1: '120',
        threshold_abcd_2: 'half',
        policies: '  \n',
      });
      expect(bad.status).toBe(422);
      const badHtml = await bad.text();
      expect(badHtml).toContain('「A」のしきい値より小さい値にしてください');
      expect(badHtml).toContain('数値（%）を入力してください');
      expect(badHtml).toContain('今後の方針を一つ以上');
      expect(badHtml).toContain('value="１１０"');
      expect(badHtml).toContain('value="half"');
      expect((await loadSettings(server.ctx, '012050')).scale.id).toBe('national');

      const ok = await admin.post('/m/012050/settings', {
        scale: 'abcd',
        threshold_abcd_0: '110',
        threshold_abcd_1: '80',
        threshold_abcd_2: '50',
        policies: '拡充\n継続\n縮小\n廃止',
      });
      expect(ok.status).toBe(303);
      const stored = await loadSettings(server.ctx, '012050');
      expect(stored.scale.id).toBe('abcd');
      expect(stored.scale.bands.map((b) => b.min)).toEqual([1.1, 0.8, 0.5, null]);
      expect(stored.policies).toEqual(['拡充', '継続', '縮小', '廃止']);
      const again = await (await admin.get('/m/012050/settings?saved=1')).text();
      expect(again).toContain('設定を保存しました');
      expect(again).toContain('value="110"');
    });

    it('after the switch, the old labels are refused and the hint follows the new scale', async () => {
      const bad = await committee.post(form('3'), {
        intent: 'evaluate',
        effect: '非常に効果的であった',
        policy: '継続',
      });
      expect(bad.status).toBe(422);
      expect(await evaluationOf('3')).toBeUndefined();
      const page = await (await committee.get(form('1'))).text();
      // The stored national label is kept and pointed out; 75 % is C on A ≥ 110, B ≥ 80, C ≥ 50.
      expect(page).toContain(
        '記録済みの事業効果「相当程度効果があった」は、現在の設定の選択肢にありません',
      );
      expect(page).toContain('KPI からの目安: C');
      expect(page).toContain('A 110%以上、B 80%以上、C 50%以上、D それ未満');
      expect(
        (await committee.post(form('1'), { intent: 'evaluate', effect: 'C', policy: '縮小' }))
          .status,
      ).toBe(303);
      expect(await evaluationOf('1')).toEqual({ effect: 'C', policy: '縮小' });
    });

    it('the queue shows project 1 as evaluated and the others as not', async () => {
      const total = Object.keys(ids).length;
      const pending = await (await committee.get(`${base}/evaluations?fy=2020`)).text();
      expect(pending).toContain(`評価済み 1 件・未評価 ${total - 1} 件（全 ${total} 件）`);
      expect(queueRow(pending, ids['1'] ?? -1)).toBeNull();
      expect(queueRow(pending, ids['2'] ?? -1)).toContain('未評価');
      const all = await (await committee.get(`${base}/evaluations?fy=2020&filter=all`)).text();
      const row1 = queueRow(all, ids['1'] ?? -1) ?? '';
      expect(row1).toContain('評価済み');
      expect(row1).toContain('縮小');
      expect(row1).toContain('担当課 1・企画課 1・外部有識者 1');
      for (const no of ['2', '11', '24']) {
        expect(queueRow(all, ids[no] ?? -1), no).toContain('tag--unevaluated');
      }
      expect(all).toContain('達成度 A/B/C/D');
      // Editors see the queue (all projects by default), administrators the settings link.
      const editorQueue = await (await editor.get(`${base}/evaluations?fy=2020`)).text();
      expect(queueRow(editorQueue, ids['1'] ?? -1)).toContain('評価済み');
      expect(await (await admin.get(`${base}/evaluations`)).text()).toContain(
        '区分と今後の方針の設定',
      );
      // A year outside the plan is not found.
      expect((await committee.get(`${base}/evaluations?fy=2030`)).status).toBe(404);
    });

    it('評価を保存 also saves the comment typed in the box: nothing typed is lost', async () => {
      const page = await (await committee.get(form('3', 2021))).text();
      // The comment box is in the same form as 評価を保存, so the browser sends it along.
      const start = page.lastIndexOf('<form', page.indexOf('value="evaluate"'));
      const end = page.indexOf('</form>', start);
      expect(page.slice(start, end)).toContain('name="comment"');
      const text = '目標には届かないが、相談の質は上がっている。';
      const saved = await committee.post(form('3', 2021), {
        intent: 'evaluate',
        effect: 'C',
        policy: '継続',
        comment: text,
      });
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toContain('saved=evaluation-comment');
      const comments = await commentsOf('3');
      expect(comments.map((c) => [c.role, c.text])).toEqual([['committee', text]]);
      const after = await (await committee.get(saved.headers.get('location') ?? '')).text();
      expect(after).toContain('評価を保存し、コメントを追加しました。');
      expect(after).toContain(text);
      // A comment that is too long refuses both, and keeps everything typed.
      const long = 'あ'.repeat(2001);
      const refused = await committee.post(form('3', 2021), {
        intent: 'evaluate',
        effect: 'B',
        policy: '改善',
        comment: long,
      });
      expect(refused.status).toBe(422);
      const html = await refused.text();
      expect(html).toContain(long);
      expect(html).toMatch(/value="B" checked=""/);
      expect(await commentsOf('3')).toHaveLength(1);
    });

    it('the report with ?evaluation=1 shows the columns and the scale; the public never', async () => {
      const plain = await (await admin.get(`${base}/report?fy=2020`)).text();
      expect(plain).toContain('name="evaluation"');
      expect(plain).not.toContain('report__evaluation');
      const res = await admin.get(`${base}/report?fy=2020&evaluation=1`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toMatch(/<th scope="col" rowspan="2" class="report__evaluation">事業効果/);
      expect(html).toMatch(/<th scope="col" rowspan="2" class="report__evaluation">今後の方針/);
      expect(html).toContain('<td class="report__evaluation">C</td>');
      expect(html).toContain('<td class="report__evaluation">縮小</td>');
      expect(html).toContain('事業効果の区分: 達成度 A/B/C/D（A 110%以上');
      expect(html).toMatch(/name="evaluation" value="1" checked=""/);

      const pub = await anonymous(server);
      const pubHtml = await (await pub.get(`${base}/report?fy=2020&evaluation=1`)).text();
      expect(pubHtml).not.toContain('report__evaluation');
      expect(pubHtml).not.toContain('name="evaluation"');
      expect(pubHtml).not.toContain('縮小');
    });

    it('a published year is read-only: no form, and a write is refused (409)', async () => {
      await databaseOf(server.ctx.store)
        .updateTable('plan_years')
        .set({ status: 'published' })
        .where('plan_id', '=', server.planId)
        .where('fiscal_year', '=', 2020)
        .execute();
      const before = await evaluationOf('1');
      const page = await (await committee.get(form('1'))).text();
      expect(page).toMatch(/令和2年度.{0,12} は公表済みです/);
      expect(page).not.toContain('value="evaluate"');
      expect(page).not.toContain('name="comment"');
      const evaluate = await committee.post(form('1'), {
        intent: 'evaluate',
        effect: 'A',
        policy: '継続',
      });
      expect(evaluate.status).toBe(409);
      const comment = await committee.post(form('1'), { intent: 'comment', comment: '公表後' });
      expect(comment.status).toBe(409);
      expect(await evaluationOf('1')).toEqual(before);
      expect((await commentsOf('1')).map((c) => c.text)).not.toContain('公表後');
    });
  });
}
