import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../core/finding.ts';
import { allNodes, allProjects, MURORAN_CONVENTIONS, type Plan } from '../../core/plan.ts';
import { totalsOfPlan } from '../../core/totals.ts';
import { decodeText } from '../decode-text.ts';
import { type ProgressTableOptions, readProgressTable } from './progress-table-reader.ts';
import { parseTsv } from './tsv-grid.ts';

const FILE = 'muroran-r2-progress.tsv';
const OPTIONS: ProgressTableOptions = {
  file: FILE,
  municipality: { code: '012050', name: '室蘭市' },
  title: '室蘭市まち・ひと・しごと創生総合戦略',
};

function sampleText(): string {
  const bytes = readFileSync(new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url));
  const decoded = decodeText(bytes, FILE);
  if (!decoded.ok) throw new Error(`sample does not decode: ${decoded.finding.code}`);
  return decoded.text;
}

const SAMPLE = sampleText();

function read(text: string, options: Partial<ProgressTableOptions> = {}) {
  return readProgressTable(parseTsv(text), { ...OPTIONS, ...options });
}

function samplePlan(): Plan {
  const { plan } = read(SAMPLE);
  if (!plan) throw new Error('the sample gives no plan');
  return plan;
}

/** The sample with `from` replaced by `to` on 1-based `line`; fails if `from` is not there. */
function editLine(text: string, line: number, from: string, to: string): string {
  const lines = text.split('\n');
  const old = lines[line - 1];
  if (old === undefined || !old.includes(from)) {
    throw new Error(`line ${line} does not contain ${JSON.stringify(from)}`);
  }
  lines[line - 1] = old.replace(from, to);
  return lines.join('\n');
}

/** The sample cut right after the first `marker` found on 1-based `line`. */
function cutAfter(text: string, line: number, marker: string): string {
  const start =
    text
      .split('\n')
      .slice(0, line - 1)
      .join('\n').length + 1;
  const at = text.indexOf(marker, start);
  const end = text.indexOf('\n', start);
  if (at === -1 || (end !== -1 && at > end)) throw new Error(`line ${line} lacks ${marker}`);
  return text.slice(0, at + marker.length);
}

const project = (plan: Plan, no: string) => {
  const p = allProjects(plan).find((x) => x.no === no);
  if (!p) throw new Error(`no project ${no}`);
  return p;
};

describe('readProgressTable on the Muroran R2 sample', () => {
  it('reads the sample without a single finding', () => {
    const result = read(SAMPLE);
    expect(result.findings).toEqual([]);
    expect(result.plan).not.toBeNull();
    expect(result.fiscalYears).toEqual([2020]);
  });

  it('reads the plan, its levels, its period from the activity header and its unit', () => {
    const plan = samplePlan();
    expect(plan.municipality).toEqual({ code: '012050', name: '室蘭市' });
    expect(plan.plan).toEqual({
      title: '室蘭市まち・ひと・しごと創生総合戦略',
      kind: '総合戦略',
      firstFiscalYear: 2020,
      lastFiscalYear: 2024,
      levels: ['基本目標', '分類', '具体的な施策', '事業'],
    });
    expect(plan.amountUnit).toBe('千円');
    expect(plan.conventions).toEqual(MURORAN_CONVENTIONS);
  });

  it('builds the tree: 3 goals, 6 directions, 9 measures, projects under their measures', () => {
    const outline = allNodes(samplePlan()).map(({ node, depth }) =>
      [depth, node.title, node.projects.map((p) => p.no).join(',')].join(' | '),
    );
    expect(outline).toEqual([
      '0 | 1. まちの特性を活かした産業振興と魅力ある雇用の場の創出 | ',
      '1 | 「働くまち」として室蘭を選んでもらう | ',
      '2 | 地元企業への就職促進とUIターン の推進 | 1,2,3',
      '1 | 「働くまち」の元気を維持する | ',
      '2 | ものづくり産業の基盤強化 | 4,5,6,7,8',
      '2 | 企業誘致の推進や多様な雇用の場の創出 | 9,10',
      '0 | 2. 子育て世代が希望を持って住み続けられるまちづくり | ',
      '1 | 子育て前の世代に住んでもらう | ',
      '2 | 結婚や子育て等の希望を叶える環境づくり | 11,12,13',
      '1 | 子育て世代に住み続けてもらう | ',
      '2 | 安心して子育てできる環境づくり | 14,15,16,17',
      '0 | 3. まちの資源を活かし、新たな「ひと」の流れをつくる | ',
      '1 | 港や観光資源を活かし交流人口を拡大する | ',
      '2 | 国内外の客船誘致等の推進 | 18,19',
      '2 | 地域ごとの魅力向上と稼ぐ観光の推進 | 20',
      '1 | 新たな視点でまちの資源を活用し、交流・関係人口を創出する | ',
      '2 | 新たな視点でのまちの資源の活用と魅力の発信 | 21,22',
      '2 | 地域課題の解決をととした企業等との関係づくり | 23,24',
    ]);
    const depths = allNodes(samplePlan()).map((n) => n.depth);
    expect([0, 1, 2].map((d) => depths.filter((x) => x === d).length)).toEqual([3, 6, 9]);
  });

  it('reads 24 projects numbered 1 to 24 in order', () => {
    const projects = allProjects(samplePlan());
    expect(projects).toHaveLength(24);
    expect(projects.map((p) => p.no)).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1)));
    expect(projects.every((p) => p.department === null)).toBe(true);
  });

  it('reads 49 activities, 46 results and 2 revisions, as many as the file has marks', () => {
    const projects = allProjects(samplePlan());
    const activities = projects.flatMap((p) => p.activities);
    const entries = activities.flatMap((a) => a.entries);
    expect(activities).toHaveLength(49);
    expect(entries.filter((e) => e.kind === 'result')).toHaveLength(46);
    expect(entries.filter((e) => e.kind === 'revision')).toHaveLength(2);
    // Cross-check with the raw text; the header (line 7) explains ▶ and ⇒ once each.
    const body = SAMPLE.split('\n').slice(8).join('\n');
    expect(body.split('<input type="checkbox"/>').length - 1).toBe(49);
    expect(body.split('▶').length - 1).toBe(46);
    expect(body.split('⇒').length - 1).toBe(2);
  });

  it('reads amounts in 千円 as yen; totals computed from the projects equal the stated ones', () => {
    const plan = samplePlan();
    expect(project(plan, '1').finances).toEqual([
      { fiscalYear: 2020, budget: 322_000, settlement: 490_000 },
    ]);
    expect(project(plan, '2').finances).toEqual([
      { fiscalYear: 2020, budget: 2_810_000, settlement: 2_352_000 },
    ]);
    expect(project(plan, '10').finances).toEqual([
      { fiscalYear: 2020, budget: 9_227_000, settlement: 15_476_000 },
    ]);
    const computed = totalsOfPlan(plan.nodes, 2020);
    expect(computed.budget).toBe(70_090_000);
    expect(computed.settlement).toBe(52_139_000);
    expect(plan.statedTotals).toEqual([
      { fiscalYear: 2020, budget: computed.budget, settlement: computed.settlement },
    ]);
  });

  it('reads project 16’s dashes as no amount (null), not 0', () => {
    expect(project(samplePlan(), '16').finances).toEqual([
      { fiscalYear: 2020, budget: null, settlement: null },
    ]);
    // Project 17 really has a settlement of 0: that one stays 0.
    expect(project(samplePlan(), '17').finances).toEqual([
      { fiscalYear: 2020, budget: 300_000, settlement: 0 },
    ]);
  });

  it('reads the other dashes people paste (‐ – —) as no amount too (core/no-value)', () => {
    for (const dash of ['\u2010', '\u2013', '\u2014']) {
      const text = editLine(SAMPLE, 36, '宅地供給\t-\t-', `宅地供給\t${dash}\t${dash}`);
      const { plan, findings } = read(text);
      expect(findings).toEqual([]);
      expect(project(plan as Plan, '16').finances).toEqual([
        { fiscalYear: 2020, budget: null, settlement: null },
      ]);
    }
  });

  it('splits ※ notes off project names', () => {
    const plan = samplePlan();
    expect(project(plan, '6').name).toBe('航空機産業参入支援事業');
    expect(project(plan, '6').notes).toEqual(['地方創生推進交付金事業']);
    expect(project(plan, '7').name).toBe('IoT導入促進事業');
    expect(project(plan, '7').notes).toEqual(['事業費はものづくり創出支援事業の総額']);
    expect(project(plan, '9').name).toBe('「研究開発・IT企業誘致」プロジェクトチームの設置');
    expect(project(plan, '9').notes).toEqual([]);
  });

  it('reads an activity with its words, source and dated result', () => {
    expect(project(samplePlan(), '1').activities[0]).toEqual({
      title: '移住相談',
      text: '移住相談',
      source: '移住相談 ▶R2…41件',
      relistOf: null,
      entries: [{ kind: 'result', fiscalYear: 2020, yearLabel: 'R2…', text: '41件', kpi: false }],
    });
  });

  it('reads project 1’s fifth activity: a revision (⇒) written without a year', () => {
    const activity = project(samplePlan(), '1').activities[4];
    expect(activity?.title).toBe('移住促進動画作成');
    expect(activity?.entries).toEqual([
      {
        kind: 'revision',
        fiscalYear: null,
        yearLabel: null,
        text: 'リーフレット(チラシ)作成からコロナ禍に対応し、WEB上で公開できる動画作成に変更',
        kpi: false,
      },
    ]);
  });

  it('reads project 3’s results written without a year, keeping ※R2：オンライン講義 in the text', () => {
    const activities = project(samplePlan(), '3').activities;
    expect(activities.map((a) => a.title)).toEqual([
      '道内大学・高専が連携し、卒業生の道内就職率向上を図る北海道若者活躍プロジェクト(ポストCOC+)に参画',
      '大学との連携による取り組み',
      '室蘭工業大学講義開講に伴う協力',
      'チャレンジ!!オープンガバナンスへの応募',
      '室工大生による市業務への参加促進',
    ]);
    expect(activities[2]?.entries).toEqual([
      {
        kind: 'result',
        fiscalYear: null,
        yearLabel: null,
        text: '講義「地域社会概論」等への講師派遣 ※R2：オンライン講義',
        kpi: false,
      },
    ]);
    expect(activities[4]?.entries.map((e) => [e.fiscalYear, e.text])).toEqual([
      [null, '室蘭MaaSプロジェクト'],
      [null, 'まちなかオープンスペース有効活用事業(楽しませる会議)'],
    ]);
    expect(activities[1]?.entries.map((e) => [e.fiscalYear, e.text])).toEqual([
      [2020, '50事業(うち、室工大45件)'],
    ]);
  });

  it('keeps project 4’s date R3.3.26 in the result text, dated FY 2020 by its R2… prefix', () => {
    const entry = project(samplePlan(), '4').activities[2]?.entries[0];
    expect(entry).toEqual({
      kind: 'result',
      fiscalYear: 2020,
      yearLabel: 'R2…',
      text: 'R3.3.26実施し、参加者5名。',
      kpi: false,
    });
  });

  it('links project 5’s third activity, a (再掲), to project 1’s sixth and nothing else', () => {
    const plan = samplePlan();
    const relisted = project(plan, '5').activities[2];
    expect(relisted?.title).toBe('移住支援金の助成');
    expect(relisted?.relistOf).toEqual({ projectNo: '1', position: 6 });
    expect(project(plan, '1').activities[5]?.title).toBe('移住支援金の助成');
    const links = allProjects(plan).flatMap((p) =>
      p.activities.flatMap((a, i) => (a.relistOf ? [[p.no, i + 1, a.relistOf]] : [])),
    );
    expect(links).toEqual([['5', 3, { projectNo: '1', position: 6 }]]);
  });

  it('reads project 19’s revision without a year', () => {
    expect(project(samplePlan(), '19').activities[0]?.entries).toEqual([
      {
        kind: 'result',
        fiscalYear: 2020,
        yearLabel: 'R2…',
        text: '宮古市職員の協力のもと、室蘭の特産品販売を通じ観光と物産をPR',
        kpi: false,
      },
      {
        kind: 'revision',
        fiscalYear: null,
        yearLabel: null,
        text: '新型コロナ感染拡大により訪問を中止',
        kpi: false,
      },
    ]);
  });

  it('accepts fiscalYear: 2020 for the R2 table', () => {
    const result = read(SAMPLE, { fiscalYear: 2020 });
    expect(result.findings).toEqual([]);
    expect(result.plan).toEqual(samplePlan());
  });
});

describe('readProgressTable on bad input', () => {
  it('refuses a non-numeric amount, pointing at its cell', () => {
    const text = editLine(SAMPLE, 12, '\t2,810\t', '\tabc\t');
    const result = read(text);
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'amount.not-a-number',
        location: { file: FILE, line: 12, column: 4, columnName: 'R2 予算' },
        expected: 'amount',
        found: 'abc',
        params: { unit: '千円' },
      },
    ]);
    // The rest of the row still reads; the bad amount is not guessed.
    expect(result.plan && project(result.plan, '2').finances).toEqual([
      { fiscalYear: 2020, budget: null, settlement: 2_352_000 },
    ]);
  });

  it('refuses a non-numeric amount in the totals row', () => {
    const text = editLine(SAMPLE, 50, '\t52,139', '\t52.139.0');
    expect(read(text).findings).toEqual([
      {
        severity: 'error',
        code: 'amount.not-a-number',
        location: { file: FILE, line: 50, column: 5, columnName: 'R2 決算' },
        expected: 'amount',
        found: '52.139.0',
        params: { unit: '千円' },
      },
    ]);
  });

  it('refuses a project row that comes before any goal', () => {
    // Project 2's row (line 12) moved up to just under the header, before goal 1 (line 9).
    const lines = SAMPLE.split('\n');
    const [moved] = lines.splice(11, 1);
    lines.splice(8, 0, moved as string);
    expect(lines[8]?.startsWith('\t2\t西いぶり合同企業説明会開催事業')).toBe(true);
    const result = read(lines.join('\n'));
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'row.project-before-goal',
        location: { file: FILE, line: 9, column: 1, columnName: '具体的な施策' },
        expected: '基本目標',
        found: '',
      },
    ]);
    expect(hasErrors(result.findings)).toBe(true);
  });

  it('refuses every row of a goal whose title row is missing, and only those', () => {
    // Goal 1's title (line 9) blanked: its direction, measures and projects have no parent.
    const text = editLine(SAMPLE, 9, '1. まちの特性を活かした産業振興と魅力ある雇用の場の創出', '');
    const result = read(text);
    expect(result.findings.slice(0, 3)).toEqual([
      {
        severity: 'error',
        code: 'row.node-before-parent',
        location: { file: FILE, line: 10, column: 1, columnName: '具体的な施策' },
        expected: '基本目標',
        found: '「働くまち」として室蘭を選んでもらう',
      },
      {
        severity: 'error',
        code: 'row.node-before-parent',
        location: { file: FILE, line: 11, column: 1, columnName: '具体的な施策' },
        expected: '分類',
        found: '地元企業への就職促進とUIターン の推進',
      },
      {
        severity: 'error',
        code: 'row.project-before-goal',
        location: { file: FILE, line: 12, column: 1, columnName: '具体的な施策' },
        expected: '基本目標',
        found: '',
      },
    ]);
    // Goal 1's rows run from line 10 to line 22; every one is reported, nothing after them.
    expect(result.findings.map((f) => f.location?.line)).toEqual([
      10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22,
    ]);
    expect(result.plan?.nodes.map((n) => n.title.slice(0, 2))).toEqual(['2.', '3.']);
  });

  it('refuses a duplicate project number, naming the line of the first', () => {
    const text = editLine(SAMPLE, 13, '\t3\t大学連携推進事業', '\t2\t大学連携推進事業');
    expect(read(text).findings).toEqual([
      {
        severity: 'error',
        code: 'project.duplicate-no',
        location: { file: FILE, line: 13, column: 2, columnName: 'No.' },
        expected: 'unique-project-no',
        found: '2',
        params: { firstLine: 12 },
      },
    ]);
  });

  it('refuses a project row without number or name', () => {
    const text = editLine(
      editLine(SAMPLE, 13, '\t3\t', '\t\t'),
      16,
      '\t働き手確保支援事業\t',
      '\t\t',
    );
    expect(read(text).findings).toEqual([
      {
        severity: 'error',
        code: 'project.missing-no',
        location: { file: FILE, line: 13, column: 2, columnName: 'No.' },
        expected: 'project-no',
        found: '',
      },
      {
        severity: 'error',
        code: 'project.missing-name',
        location: { file: FILE, line: 16, column: 3, columnName: '事業名' },
        expected: 'name',
        found: '',
      },
    ]);
  });

  it('refuses text before the first checkbox of an activity cell', () => {
    const text = editLine(
      SAMPLE,
      36,
      '\t<input type="checkbox"/> 居住用途',
      '\tメモ <input type="checkbox"/> 居住用途',
    );
    expect(read(text).findings).toEqual([
      {
        severity: 'error',
        code: 'activity.text-before-checkbox',
        location: { file: FILE, line: 36, column: 6, columnName: 'R2～R6年度の主な事業内容' },
        expected: 'checkbox',
        found: 'メモ',
      },
    ]);
  });

  it('refuses a value in a column without a header, which an export would lose', () => {
    const text = editLine(SAMPLE, 16, '助成件数1件', '助成件数1件\t要確認');
    expect(read(text).findings).toEqual([
      {
        severity: 'error',
        code: 'row.unexpected-cell',
        location: { file: FILE, line: 16, column: 7 },
        expected: 'empty-cell',
        found: '要確認',
      },
    ]);
  });

  it('refuses a file without a header row', () => {
    // Lines 5–8 (level names, header and 予算/決算 row) deleted.
    const lines = SAMPLE.split('\n');
    expect(lines.slice(4, 8).map((l) => l.split('\t')[0])).toEqual([
      '基本目標',
      '分類',
      '具体的な施策',
      '',
    ]);
    lines.splice(4, 4);
    const result = read(lines.join('\n'));
    expect(result).toEqual({
      plan: null,
      fiscalYears: [],
      findings: [
        {
          severity: 'error',
          code: 'table.header-not-found',
          location: { file: FILE },
          expected: 'header-row',
          found: '',
        },
      ],
    });
  });

  it('refuses a header without 予算/決算 under its year', () => {
    const text = editLine(SAMPLE, 8, '\t\t\t予算\t決算\t', '\t\t\t\t\t');
    const result = read(text);
    expect(result.plan).toBeNull();
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'table.header-column-missing',
        location: { file: FILE, line: 8, column: 4 },
        expected: 'header-budget-settlement',
        found: ' | ',
      },
    ]);
  });

  it('refuses the R2 table when FY 2021 is asked for', () => {
    const result = read(SAMPLE, { fiscalYear: 2021 });
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'table.fiscal-year-mismatch',
        location: { file: FILE, line: 7 },
        expected: 'fiscal-year',
        found: 'R2',
        params: { fiscalYear: 2021 },
      },
    ]);
    expect(result.fiscalYears).toEqual([2020]);
  });

  it('assumes 千円 with a warning when the preamble names no unit', () => {
    const text = editLine(SAMPLE, 3, '(単位：千円)', '');
    const result = read(text);
    expect(result.findings).toEqual([
      { severity: 'warning', code: 'table.unit-assumed', location: { file: FILE } },
    ]);
    expect(result.plan).toEqual(samplePlan());
  });

  it('reports every problem of a file at once', () => {
    let text = editLine(SAMPLE, 12, '\t2,810\t', '\tabc\t');
    text = editLine(text, 13, '\t3\t大学連携推進事業', '\t2\t大学連携推進事業');
    text = editLine(text, 16, '助成件数1件', '助成件数1件\t要確認');
    const findings = read(text).findings;
    expect(findings.map((f) => [f.code, f.severity, f.location?.line, f.found])).toEqual([
      ['amount.not-a-number', 'error', 12, 'abc'],
      ['project.duplicate-no', 'error', 13, '2'],
      ['row.unexpected-cell', 'error', 16, '要確認'],
    ]);
  });
});

describe('readProgressTable on a truncated file', () => {
  it('reports a file cut inside the last project’s activity cell as lacking its totals', () => {
    const text = cutAfter(SAMPLE, 49, '西いぶり・首都圏学生インターンシップ推進事業 ▶R2…新型');
    const result = read(text);
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'table.no-totals',
        location: { file: FILE, line: 49 },
        expected: 'totals-row',
        found: '',
      },
    ]);
  });

  it('reports a checkbox cut in the middle (<input type="chec) and the missing totals', () => {
    const text = cutAfter(SAMPLE, 35, '累計登録件数245件 <input type="chec');
    expect(read(text).findings).toEqual([
      {
        severity: 'error',
        code: 'activity.broken-checkbox',
        location: { file: FILE, line: 35, column: 6, columnName: 'R2～R6年度の主な事業内容' },
        expected: 'checkbox',
        found: '<input type="chec',
      },
      {
        severity: 'error',
        code: 'table.no-totals',
        location: { file: FILE, line: 35 },
        expected: 'totals-row',
        found: '',
      },
    ]);
  });

  it('reports a last project row cut before its activity cell as truncated', () => {
    const text = cutAfter(SAMPLE, 49, '\t24\t西いぶり・首都圏');
    expect(read(text).findings).toEqual([
      {
        severity: 'error',
        code: 'row.truncated',
        location: { file: FILE, line: 49, column: 3, columnName: '事業名' },
        expected: 'cell-count',
        found: '西いぶり・首都圏',
      },
      {
        severity: 'error',
        code: 'table.no-totals',
        location: { file: FILE, line: 49 },
        expected: 'totals-row',
        found: '',
      },
    ]);
  });

  it('reports a totals row cut inside its last amount (52 of 52,139) as truncated', () => {
    const text = cutAfter(SAMPLE, 50, '\t\t\t70,090\t52');
    expect(read(text).findings).toEqual([
      {
        severity: 'error',
        code: 'row.truncated',
        location: { file: FILE, line: 50, column: 5, columnName: 'R2 決算' },
        expected: 'cell-count',
        found: '52',
      },
    ]);
  });

  it('reports a totals row cut before its settlement as truncated', () => {
    for (const [marker, column, found] of [
      ['\t\t\t70,090\t', 5, ''],
      ['\t\t\t70,090', 4, '70,090'],
      ['\t\t\t70', 4, '70'],
    ] as const) {
      const findings = read(cutAfter(SAMPLE, 50, marker)).findings;
      expect(findings.map((f) => [f.code, f.location?.line, f.location?.column, f.found])).toEqual([
        ['row.truncated', 50, column, found],
      ]);
    }
  });

  it('accepts a totals row that lost only its empty trailing cell', () => {
    const text = cutAfter(SAMPLE, 50, '\t\t\t70,090\t52,139');
    expect(text.length).toBe(SAMPLE.length - 1);
    const result = read(text);
    expect(result.findings).toEqual([]);
    expect(result.plan).toEqual(samplePlan());
  });

  it('never accepts a file cut anywhere without an error', () => {
    // Every prefix of the sample, except the one that lost only the final (empty) cell's tab.
    const silent: number[] = [];
    for (let length = 0; length < SAMPLE.length - 1; length++) {
      if (!hasErrors(read(SAMPLE.slice(0, length)).findings)) silent.push(length);
    }
    expect(silent).toEqual([]);
  });
});
