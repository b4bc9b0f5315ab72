import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, openAppContext } from '../../app/app-context.ts';
import { createSession } from '../../app/auth/sessions.ts';
import { createUser, loadActor } from '../../app/auth/users.ts';
import { setUpDemo } from '../../app/demo.ts';
import { importPlan } from '../../app/import-plan.ts';
import { changeProjectStatus } from '../../app/workflow/project-status.ts';
import { saveProjectYear } from '../../app/workflow/save-project-year.ts';
import { allProjects } from '../../core/plan.ts';
import { loadIndexedPlan } from '../../store/load-plan.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { readConfig } from '../config.ts';
import { createServer } from '../create-server.tsx';

const SAMPLE = new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url);
const MURORAN = '012050';
const SAPPORO = '011002';
const SCRIPT = '<script>alert(1)</script>';

/** The page's text without tags (entities of the characters JSX escapes decoded). */
function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');
}

/** The report table alone (the page's frame aside). */
function reportBody(html: string): string {
  const start = html.indexOf('<table class="report"');
  const end = html.indexOf('</table>', start);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, end);
}

describe('read-only pages: project, progress report, search', () => {
  let dir: string;
  let ctx: AppContext;
  let app: ReturnType<typeof createServer>;
  let base: string;
  let sapporoBase: string;
  const ids = new Map<string, number>();
  let sapporoProject1: number;
  const cookies: Record<string, string> = {};

  const get = (path: string, who?: string) =>
    app.request(path, { headers: who ? { cookie: `sousei_session=${cookies[who]}` } : {} });
  const html = async (path: string, who?: string) => {
    const res = await get(path, who);
    expect(res.status, path).toBe(200);
    return res.text();
  };
  const signIn = async (email: string) => {
    const user = await databaseOf(ctx.store)
      .selectFrom('users')
      .select(['id', 'municipality_code'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return (await createSession(ctx, user.id, user.municipality_code)).token;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sousei-read-'));
    ctx = await openAppContext(`sqlite:${join(dir, 'test.db')}`);
    await setUpDemo(ctx); // the sample, R2 published, R3 open, departments, one account per role
    // Another city's plan (never published), with a script typed into a result.
    const edited = readFileSync(SAMPLE, 'utf8').replace('▶R2…41件', `▶R2…41件${SCRIPT}`);
    const outcome = await importPlan(ctx, {
      bytes: new TextEncoder().encode(edited),
      fileName: 'sapporo.tsv',
      municipalityCode: SAPPORO,
      municipalityName: '札幌市',
      title: '札幌市の試験計画',
    });
    expect(outcome.written).toBe(true);
    await createUser(ctx, {
      municipalityCode: SAPPORO,
      email: 'staff@sapporo.example',
      name: '札幌 職員',
      role: 'admin',
      password: 'a-long-enough-password',
    });
    const plans = await databaseOf(ctx.store)
      .selectFrom('plans')
      .select(['id', 'municipality_code'])
      .execute();
    const muroranPlan = plans.find((p) => p.municipality_code === MURORAN)?.id ?? -1;
    const sapporoPlan = plans.find((p) => p.municipality_code === SAPPORO)?.id ?? -1;
    base = `/m/${MURORAN}/plans/${muroranPlan}`;
    sapporoBase = `/m/${SAPPORO}/plans/${sapporoPlan}`;
    const indexed = await loadIndexedPlan(databaseOf(ctx.store), MURORAN, muroranPlan);
    for (const [project, ref] of indexed?.projects ?? []) ids.set(project.no, ref.id);
    const sapporo = await loadIndexedPlan(databaseOf(ctx.store), SAPPORO, sapporoPlan);
    sapporoProject1 = [...(sapporo?.projects ?? [])].find(([p]) => p.no === '1')?.[1].id ?? -1;
    cookies.admin = await signIn('kikaku@demo.sousei.example');
    cookies.industry = await signIn('sangyo@demo.sousei.example');
    cookies.childcare = await signIn('kosodate@demo.sousei.example');
    cookies.committee = await signIn('iin@demo.sousei.example');
    cookies.sapporo = await signIn('staff@sapporo.example');
    app = createServer(ctx, readConfig({ SOUSEI_MODE: 'production' }));
  });
  afterAll(async () => {
    await ctx?.store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const project = (no: string) => `${base}/projects/${ids.get(no)}`;

  describe('the project page', () => {
    it('shows project 1 to the public: figures, path, activities and R2 results', async () => {
      const page = await html(project('1'));
      expect(page).toContain('1. 移住推進事業');
      const figures = text(page.slice(page.indexOf('<table'), page.indexOf('</table>')));
      expect(figures).toContain('令和2年度 (R2)');
      expect(figures).toMatch(/令和2年度 \(R2\).*322.*490.*152\.2%/s);
      expect(figures).not.toContain('令和3年度'); // not published
      expect(page).toMatch(/<td class="num">322<\/td><td class="num">490<\/td>/);
      // Goal › direction › measure with their level names.
      const path = text(page.slice(page.indexOf('class="tree-path"'), page.indexOf('</ol>')));
      expect(path).toContain('基本目標1. まちの特性を活かした産業振興と魅力ある雇用の場の創出');
      expect(path).toContain('分類「働くまち」として室蘭を選んでもらう');
      expect(path).toContain('具体的な施策地元企業への就職促進とUIターン の推進');
      // The first activity, 移住相談, with ▶ 41件 under 令和2年度.
      const first = page.split('class="activity-item"')[1] ?? '';
      expect(text(first)).toContain('☐取組: 移住相談');
      expect(first).toMatch(
        /<dt>令和2年度 \(R2\)<\/dt><dd><ul class="entries"><li><span class="entry-mark" aria-hidden="true">▶<\/span><span class="visually-hidden">結果: <\/span>41件<div class="entry-figures">.*?41件.*?<\/div><\/li>/,
      );
      // 移住促進動画作成: a revision written without a year.
      const fifth = page.split('class="activity-item"')[5] ?? '';
      expect(text(fifth)).toContain('移住促進動画作成');
      expect(text(fifth)).toMatch(/年度の記載なし⇒見直し: リーフレット\(チラシ\)作成から/);
      // Members only: nothing of the workflow for the public.
      expect(page).not.toContain('入力状況');
      expect(page).not.toContain('最近の変更');
      expect(page).not.toContain('/edit?');
    });

    it('shows notes, thousands separators, null as - and links a (再掲) item to its original', async () => {
      const six = await html(project('6'));
      expect(six).toContain('※地方創生推進交付金事業');
      expect(text(six)).toMatch(/4,376\s*3,879/);
      const sixteen = text(await html(project('16')));
      expect(sixteen).toMatch(/令和2年度 \(R2\) 選択中---/);
      const five = await html(project('5'));
      expect(five).toContain(
        `<a href="${base}/projects/${ids.get('1')}">1. 移住推進事業 の取組 6 の再掲</a>`,
      );
    });

    it('is 404 for a project of another municipality, under either city', async () => {
      expect((await get(`${base}/projects/${sapporoProject1}`)).status).toBe(404);
      expect((await get(`${base}/projects/${sapporoProject1}`, 'admin')).status).toBe(404);
      expect((await get(`${sapporoBase}/projects/${sapporoProject1}`)).status).toBe(404);
      expect((await get(`${sapporoBase}/projects/${ids.get('1')}`, 'sapporo')).status).toBe(404);
      expect((await get(`${base}/projects/999999`)).status).toBe(404);
      expect((await get(`${base}/projects/abc`)).status).toBe(404);
    });

    it('is 404 for the public asking an unpublished year', async () => {
      expect((await get(`${project('1')}?fy=2021`)).status).toBe(404);
      expect((await get(`${project('1')}?fy=2021`, 'committee')).status).toBe(200);
    });

    it('offers the entry form only to those who may edit the selected year', async () => {
      const edit = `${project('1')}/edit?fy=2021`;
      const admin = await html(`${project('1')}?fy=2021`, 'admin');
      expect(admin).toContain('令和3年度 (R3) の入力状況');
      expect(text(admin)).toContain('未着手');
      expect(admin).toContain(`<a class="button" href="${edit}">令和3年度 (R3) の入力</a>`);
      // Every year of the plan for members, R3 highlighted.
      expect(admin).toMatch(/<tr class="is-selected"><th scope="row">令和3年度 \(R3\)/);
      expect(text(admin)).toContain('令和6年度 (R6)');
      // The department of project 1 may edit it; another department and the committee may not.
      expect(await html(`${project('1')}?fy=2021`, 'industry')).toContain(edit);
      expect(await html(`${project('1')}?fy=2021`, 'childcare')).not.toContain('/edit?');
      const committee = await html(`${project('1')}?fy=2021`, 'committee');
      expect(committee).toContain('令和3年度 (R3) の入力状況');
      expect(committee).not.toContain('/edit?');
      // R2 is published, so read-only for everybody.
      expect(await html(`${project('1')}?fy=2020`, 'admin')).not.toContain('/edit?');
      // Without ?fy= members land on the year open for entry.
      expect(await html(project('1'), 'admin')).toContain(edit);
    });

    it('lists the recent history for members: finance in 千円, 取組を変更, status changes', async () => {
      const actor = await loadActor(
        ctx,
        (
          await databaseOf(ctx.store)
            .selectFrom('users')
            .select('id')
            .where('email', '=', 'sangyo@demo.sousei.example')
            .executeTakeFirstOrThrow()
        ).id,
      );
      const indexed = await loadIndexedPlan(
        databaseOf(ctx.store),
        MURORAN,
        Number(base.split('/').at(-1)),
      );
      const model = allProjects(indexed?.plan ?? { nodes: [] }).find((p) => p.no === '1');
      const ref = model ? indexed?.projects.get(model) : undefined;
      const saved = await saveProjectYear(ctx, actor, {
        municipalityCode: MURORAN,
        projectId: ids.get('1') ?? -1,
        fiscalYear: 2021,
        form: {
          version: ref?.version ?? -1,
          budget: '1,250',
          settlement: '',
          activities: [{ entries: [{ kind: 'result', text: 'R3の相談 52件', kpi: true }] }],
          newActivity: null,
        },
      });
      expect(saved.ok).toBe(true);
      await changeProjectStatus(ctx, actor, {
        municipalityCode: MURORAN,
        projectId: ids.get('1') ?? -1,
        fiscalYear: 2021,
        action: 'submit',
        // Issue 8: 入力完了 without a settlement or result states why.
        reasons: { figures: '決算は未確定', result: '実施中' },
      });

      const page = await html(`${project('1')}?fy=2021`, 'committee');
      const history = text(page.slice(page.indexOf('最近の変更')));
      expect(history).toContain('産業 花子');
      expect(history).toContain('予算: - → 1,250（千円）');
      expect(history).toContain('取組・結果・見直しを変更');
      expect(history).toContain('入力状況: 入力中 → 入力完了');
      expect(text(page)).toContain('入力完了');
      // The new R3 result, a KPI: underlined and named for screen readers.
      expect(page).toContain(
        '<span class="kpi"><span class="visually-hidden">KPI: </span>R3の相談 52件</span>',
      );
      // Submitted: the department may no longer edit, the administrator still may.
      expect(await html(`${project('1')}?fy=2021`, 'industry')).not.toContain('/edit?');
      expect(await html(`${project('1')}?fy=2021`, 'admin')).toContain('/edit?fy=2021');
      // The public sees neither the R3 result nor the history.
      const pub = await html(project('1'));
      expect(pub).not.toContain('R3の相談');
      expect(pub).not.toContain('1,250');
      expect(pub).not.toContain('産業 花子');
    });
  });

  describe('the progress report', () => {
    it('shows R2 in the source layout: every project, ☐, ▶R2…, totals', async () => {
      const page = await html(`${base}/report?fy=2020`);
      const body = reportBody(page);
      const plan = await loadIndexedPlan(
        databaseOf(ctx.store),
        MURORAN,
        Number(base.split('/').at(-1)),
      );
      const projects = allProjects(plan?.plan ?? { nodes: [] });
      expect(projects).toHaveLength(24);
      for (const p of projects) expect(text(body)).toContain(p.name);
      // The checkbox is ☐, never an element nor its escaped markup.
      expect(body).toContain('☐');
      expect(body).not.toContain('<input type="checkbox"');
      expect(body).not.toMatch(/<input\b/);
      expect(body).not.toContain('&lt;input');
      expect(text(body)).toContain('☐取組: 移住相談 ▶結果: R2…41件');
      expect(text(body)).toContain('⇒見直し: リーフレット(チラシ)作成から');
      // The measure spans its three projects; goals span the whole width (3 + 2 + 1 columns).
      expect(body).toMatch(/<th scope="row" rowspan="3" class="report__measure">/);
      expect(body).toMatch(
        /<th colspan="6" scope="rowgroup"><span class="visually-hidden">基本目標: <\/span>1\. まちの特性/,
      );
      expect(body).toContain('<th colspan="6"><span class="visually-hidden">分類: </span>');
      // Totals last.
      const total = text(body.slice(body.lastIndexOf('<tr class="total">')));
      expect(total).toMatch(/合計\s*70,090\s*52,139/);
      expect(body.lastIndexOf('<tr class="total">')).toBeGreaterThan(body.lastIndexOf('24'));
      // Caption, header repeated in print, the conventions stated.
      expect(text(body)).toContain(
        '室蘭市 第2期室蘭市まち・ひと・しごと創生総合戦略 進捗状況表 令和2年度 (R2)・単位：千円',
      );
      expect(body).toContain('<thead>');
      expect(text(body)).toContain('R2～R6年度の主な事業内容');
      expect(text(page)).toContain('▶ は事業の結果');
      expect(text(page)).toContain('⇒ はその時の事業の見直し内容');
      // The year form is hidden in print (.filters) and the nav marks the report.
      expect(page).toMatch(/<form method="get" action="[^"]+\/report" class="filters">/);
      expect(page).toContain('aria-current="page">進捗状況表</a>');
    });

    it('shows the public a published year and 404 for an unpublished one', async () => {
      expect((await get(`${base}/report?fy=2021`)).status).toBe(404);
      expect((await get(`${base}/report?fy=R3`)).status).toBe(404);
      expect((await get(`${base}/report`)).status).toBe(200);
      expect((await get(`${sapporoBase}/report?fy=2020`)).status).toBe(404);
      expect((await get(`${base}/report?fy=2021`, 'committee')).status).toBe(200);
    });

    it('puts every readable year side by side for ?fy=all', async () => {
      const pub = text(reportBody(await html(`${base}/report?fy=all`)));
      expect(pub).toContain('令和2年度 (R2)・単位：千円');
      expect(pub).not.toContain('令和3年度');
      expect(reportBody(await html(`${base}/report?fy=all`)).match(/report__year/g)).toHaveLength(
        1,
      );
      const member = reportBody(await html(`${base}/report?fy=all`, 'admin'));
      for (const y of ['R2', 'R3', 'R4', 'R5', 'R6']) {
        expect(member).toContain(`<th scope="colgroup" colspan="2" class="report__year">${y}</th>`);
      }
      expect(text(member)).toContain('令和2年度 (R2)～令和6年度 (R6)・累計');
      const total = text(member.slice(member.lastIndexOf('<tr class="total">')));
      expect(total).toMatch(/合計\s*70,090\s*52,139\s*1,250\s*-\s*-\s*-/);
    });

    it('leaves out entries of later years from the report of a year', async () => {
      const r2 = reportBody(await html(`${base}/report?fy=2020`, 'admin'));
      expect(r2).not.toContain('R3の相談');
      const r3 = reportBody(await html(`${base}/report?fy=2021`, 'admin'));
      expect(text(r3)).toContain('▶結果: R3…KPI: R3の相談 52件');
    });

    it('shows a script typed into a result as text', async () => {
      const page = await html(`${sapporoBase}/report?fy=2020`, 'sapporo');
      expect(page).toContain('41件&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page).not.toContain(SCRIPT);
      const one = await html(`${sapporoBase}/projects/${sapporoProject1}`, 'sapporo');
      expect(one).toContain('&lt;script&gt;');
      expect(one).not.toContain(SCRIPT);
      const found = await html(`${sapporoBase}/search?q=alert`, 'sapporo');
      expect(found).toContain('<mark>alert</mark>');
      expect(found).not.toContain(SCRIPT);
    });
  });

  describe('search', () => {
    const hits = (page: string) =>
      [...page.matchAll(/<h3><a href="[^"]+\/projects\/(\d+)">(\d+)\. /g)].map((m) => m[2]);

    it('finds 移住 in projects 1 and 5, the word marked', async () => {
      const page = await html(`${base}/search?q=${encodeURIComponent('移住')}`);
      expect(hits(page)).toEqual(['1', '5']);
      expect(page).toContain(`href="${base}/projects/${ids.get('5')}"`);
      expect(page).toContain('<mark>移住</mark>');
      expect(text(page)).toContain('「移住」を含む事業: 2 件');
    });

    it('matches full-width letters and needs every word', async () => {
      expect(hits(await html(`${base}/search?q=${encodeURIComponent('ＩｏＴ')}`))).toEqual([
        '6',
        '7',
      ]);
      expect(await html(`${base}/search?q=${encodeURIComponent('ＩｏＴ')}`)).toContain(
        '<mark>IoT</mark>',
      );
      const both = await html(`${base}/search?q=${encodeURIComponent('移住　オンライン')}`);
      expect(hits(both)).toEqual(['1']);
    });

    it('says so when q is empty or nothing matches, the query escaped', async () => {
      expect(text(await html(`${base}/search`))).toContain('探す語を入力してください');
      expect(text(await html(`${base}/search?q=+`))).toContain('探す語を入力してください');
      const none = await html(`${base}/search?q=${encodeURIComponent('<b>該当なし')}`);
      expect(hits(none)).toEqual([]);
      expect(none).toContain('「&lt;b&gt;該当なし」を含む事業は見つかりませんでした');
      expect(none).toContain('value="&lt;b&gt;該当なし"');
    });

    it('searches only the years the actor may read', async () => {
      const q = `${base}/search?q=${encodeURIComponent('R3の相談')}`;
      expect(hits(await html(q))).toEqual([]);
      expect(hits(await html(q, 'committee'))).toEqual(['1']);
      expect((await get(`${sapporoBase}/search?q=x`)).status).toBe(404);
    });
  });
});
