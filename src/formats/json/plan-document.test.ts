import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '../../core/money.ts';
import { allProjects, MURORAN_CONVENTIONS, type Plan, type Project } from '../../core/plan.ts';
import { decodeText } from '../decode-text.ts';
import { readProgressTable } from '../tsv/progress-table-reader.ts';
import { parseTsv } from '../tsv/tsv-grid.ts';
import { fromPlanDocument, toPlanDocument, usesGoalKeys } from './plan-document.ts';

/** Yen from an amount as a table writes it, so the fixtures read like the source table. */
function yen(text: string, unit: '円' | '千円' | '百万円' = '千円'): number | null {
  const parsed = parseAmount(text, unit);
  if (!parsed.ok) throw new Error(`Bad amount in fixture: ${text}`);
  return parsed.yen;
}

/** The document as it travels: written as JSON text and read back. */
function throughJson(plan: Plan): unknown {
  return JSON.parse(JSON.stringify(toPlanDocument(plan)));
}

function roundTrip(plan: Plan): Plan | null {
  const result = fromPlanDocument(throughJson(plan));
  expect(result.findings).toEqual([]);
  return result.plan;
}

// A small strategy shaped like Muroran's R2 table: 基本目標 → 分類 → 具体的な施策 → 事業.
function strategy(): Plan {
  const iju: Project = {
    no: '1',
    name: '移住推進事業',
    notes: [],
    department: '企画財政部 都市政策推進室',
    finances: [
      { fiscalYear: 2020, budget: yen('322'), settlement: yen('490') },
      // 2,551,010 yen: a decimal 千円 amount, exact to the yen.
      { fiscalYear: 2021, budget: yen('2,551.01'), settlement: yen('-') },
    ],
    activities: [
      {
        title: '移住相談',
        text: '移住相談',
        source: '移住相談 ▶R2…41件',
        relistOf: null,
        entries: [{ kind: 'result', fiscalYear: 2020, yearLabel: 'R2…', text: '41件', kpi: false }],
      },
      {
        title: '移住促進動画作成',
        text: '移住促進動画作成',
        source:
          '移住促進動画作成 ⇒リーフレット(チラシ)作成からコロナ禍に対応し、WEB上で公開できる動画作成に変更',
        relistOf: null,
        entries: [
          {
            kind: 'revision',
            fiscalYear: null,
            yearLabel: null,
            text: 'リーフレット(チラシ)作成からコロナ禍に対応し、WEB上で公開できる動画作成に変更',
            kpi: false,
          },
        ],
      },
      {
        title: '移住支援金の助成',
        text: '移住支援金の助成 北海道と連携して、移住支援金制度を創設。',
        source: null,
        relistOf: null,
        entries: [
          { kind: 'result', fiscalYear: 2020, yearLabel: 'R2…', text: '申請件数0件', kpi: true },
          {
            kind: 'result',
            fiscalYear: 2021,
            yearLabel: '令和3年度…',
            text: '申請件数2件',
            kpi: true,
          },
        ],
      },
    ],
  };
  const hatarakite: Project = {
    no: '5',
    name: '働き手確保支援事業',
    notes: ['地方創生推進交付金事業'],
    department: null,
    finances: [{ fiscalYear: 2020, budget: yen('3,200'), settlement: yen('698') }],
    activities: [
      {
        title: '移住支援金の助成',
        text: '移住支援金の助成(再掲) 北海道と連携して、移住支援金制度を創設。',
        source: '移住支援金の助成(再掲) 北海道と連携して、移住支援金制度を創設。 ▶R2…申請件数0件',
        relistOf: { projectNo: '1', position: 3 },
        entries: [
          { kind: 'result', fiscalYear: 2020, yearLabel: 'R2…', text: '申請件数0件', kpi: false },
        ],
      },
    ],
  };
  const takuchi: Project = {
    no: '16',
    name: '市有地を活用した宅地供給',
    notes: [],
    department: null,
    finances: [{ fiscalYear: 2020, budget: yen('-'), settlement: yen('-') }],
    activities: [],
  };
  const akiya: Project = {
    no: '17',
    name: '「定住・空家活用」プロジェクトチームの設置',
    notes: [],
    department: null,
    finances: [{ fiscalYear: 2020, budget: yen('300'), settlement: yen('0') }],
    activities: [],
  };
  return {
    municipality: { code: '012050', name: '室蘭市' },
    plan: {
      title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
      kind: '総合戦略',
      firstFiscalYear: 2020,
      lastFiscalYear: 2024,
      levels: ['基本目標', '分類', '具体的な施策', '事業'],
    },
    amountUnit: '千円',
    conventions: { ...MURORAN_CONVENTIONS },
    nodes: [
      {
        title: '1. まちの特性を活かした産業振興と魅力ある雇用の場の創出',
        projects: [],
        children: [
          {
            title: '「働くまち」として室蘭を選んでもらう',
            projects: [],
            children: [
              {
                title: '地元企業への就職促進とUIターン の推進',
                children: [],
                projects: [iju],
              },
            ],
          },
          {
            title: '「働くまち」の元気を維持する',
            projects: [],
            children: [
              { title: 'ものづくり産業の基盤強化', children: [], projects: [hatarakite] },
              { title: '企業誘致の推進や多様な雇用の場の創出', children: [], projects: [] },
            ],
          },
        ],
      },
      {
        title: '2. 子育て世代が希望を持って住み続けられるまちづくり',
        projects: [],
        children: [
          {
            title: '子育て世代に住み続けてもらう',
            projects: [],
            children: [
              {
                title: '安心して子育てできる環境づくり',
                children: [],
                projects: [takuchi, akiya],
              },
            ],
          },
        ],
      },
    ],
    statedTotals: [
      { fiscalYear: 2020, budget: yen('3,822'), settlement: yen('1,188') },
      { fiscalYear: 2021, budget: yen('2,551.01'), settlement: yen('-') },
    ],
  };
}

// A 総合計画 with a tree of the same depth whose first level is not 基本目標.
function generalPlan(): Plan {
  const project = (no: string, name: string, budget: string, settlement: string): Project => ({
    no,
    name,
    notes: [],
    department: '総務部 企画課',
    finances: [{ fiscalYear: 2023, budget: yen(budget, '円'), settlement: yen(settlement, '円') }],
    activities: [],
  });
  return {
    municipality: { code: '011002', name: '札幌市' },
    plan: {
      title: '総合計画 前期基本計画',
      kind: '総合計画',
      firstFiscalYear: 2023,
      lastFiscalYear: 2027,
      levels: ['政策', '施策', '基本事業', '事務事業'],
    },
    amountUnit: '円',
    conventions: { ...MURORAN_CONVENTIONS, checkbox: '☐' },
    nodes: [
      {
        title: '第1章 安心して暮らせるまち',
        projects: [],
        children: [
          {
            title: '1-1 子育て支援の充実',
            // A project directly under a 施策: the generic form keeps it there.
            projects: [project('01-01-000', '子育て支援総合調整', '1,000', '-')],
            children: [
              {
                title: '1-1-1 保育環境の整備',
                children: [],
                projects: [
                  project('01-01-001', '保育所運営費補助', '12,345,678', '12,000,001'),
                  project('01-01-002', '病児保育事業', '-', '0'),
                ],
              },
            ],
          },
        ],
      },
    ],
    statedTotals: [],
  };
}

// Three levels, amounts in 百万円, and the older convention where ⇒ reads 目標⇒実績.
function threeLevelPlan(): Plan {
  return {
    municipality: { code: '012301', name: '登別市' },
    plan: {
      title: '総合戦略',
      kind: '総合戦略',
      firstFiscalYear: 2015,
      lastFiscalYear: 2019,
      levels: ['基本目標', '施策', '事業'],
    },
    amountUnit: '百万円',
    conventions: { ...MURORAN_CONVENTIONS, arrow: 'target-actual' },
    nodes: [
      {
        title: '1. しごとをつくる',
        projects: [],
        children: [
          {
            title: '地元就職の促進',
            children: [],
            projects: [
              {
                no: '3',
                name: '就職支援事業',
                notes: [],
                department: null,
                finances: [
                  // 1,234,567 yen = 1.234567 百万円.
                  {
                    fiscalYear: 2015,
                    budget: yen('1.234567', '百万円'),
                    settlement: yen('1', '百万円'),
                  },
                ],
                activities: [
                  {
                    title: '合同就職面接会',
                    text: '合同就職面接会',
                    source: '合同就職面接会 ▶H27…就職決定者数10名⇒3名',
                    relistOf: null,
                    entries: [
                      {
                        kind: 'result',
                        fiscalYear: 2015,
                        yearLabel: 'H27…',
                        text: '就職決定者数10名⇒3名',
                        kpi: true,
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
    statedTotals: [{ fiscalYear: 2015, budget: yen('1.234567', '百万円'), settlement: null }],
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests reach into parsed, untyped JSON.
type Json = any;

function firstProject(doc: Json): Json {
  return doc.goals[0].directions[0].measures[0].projects[0];
}

describe('usesGoalKeys', () => {
  it('is true only for four levels starting with 基本目標', () => {
    expect(usesGoalKeys(['基本目標', '分類', '具体的な施策', '事業'])).toBe(true);
    expect(usesGoalKeys(['基本目標', '基本的方向', '具体的な施策', '事業'])).toBe(true);
    expect(usesGoalKeys(['政策', '施策', '基本事業', '事務事業'])).toBe(false);
    expect(usesGoalKeys(['基本目標', '施策', '事業'])).toBe(false);
    expect(usesGoalKeys(['基本目標', '分類', '具体的な施策', '事業', '細事業'])).toBe(false);
  });
});

describe('toPlanDocument / fromPlanDocument', () => {
  it('writes a 基本目標 plan with goals → directions → measures → projects', () => {
    const doc: Json = throughJson(strategy());
    expect(doc.format).toBe('sousei-plan');
    expect(doc.version).toBe(1);
    expect(doc.nodes).toBeUndefined();
    expect(doc.goals).toHaveLength(2);
    expect(doc.goals[0].directions[1].measures.map((m: Json) => m.title)).toEqual([
      'ものづくり産業の基盤強化',
      '企業誘致の推進や多様な雇用の場の創出',
    ]);
    expect(firstProject(doc).no).toBe('1');
  });

  it('writes amounts as numbers in amountUnit, exact to the yen, null for none', () => {
    const plan = strategy();
    const text = JSON.stringify(toPlanDocument(plan));
    const doc: Json = JSON.parse(text);
    expect(doc.amountUnit).toBe('千円');
    expect(firstProject(doc).finances).toEqual([
      { fiscalYear: 2020, budget: 322, settlement: 490 },
      { fiscalYear: 2021, budget: 2551.01, settlement: null },
    ]);
    expect(text).toContain('"budget":2551.01,');
    const projects = doc.goals[1].directions[0].measures[0].projects;
    // '-' is null and 0 stays 0: none and zero are different facts.
    expect(projects[0].finances[0]).toEqual({ fiscalYear: 2020, budget: null, settlement: null });
    expect(projects[1].finances[0]).toEqual({ fiscalYear: 2020, budget: 300, settlement: 0 });
    expect(doc.statedTotals[1]).toEqual({ fiscalYear: 2021, budget: 2551.01, settlement: null });
  });

  it('writes activities, entries, relists and KPI flags as the model has them', () => {
    const doc: Json = throughJson(strategy());
    const [soudan, douga, shienkin] = firstProject(doc).activities;
    expect(soudan).toEqual({
      title: '移住相談',
      text: '移住相談',
      source: '移住相談 ▶R2…41件',
      relistOf: null,
      entries: [{ kind: 'result', fiscalYear: 2020, yearLabel: 'R2…', text: '41件', kpi: false }],
    });
    expect(douga.entries[0]).toMatchObject({ kind: 'revision', fiscalYear: null, yearLabel: null });
    expect(shienkin.entries.map((e: Json) => e.kpi)).toEqual([true, true]);
    const relisted = doc.goals[0].directions[1].measures[0].projects[0].activities[0];
    expect(relisted.relistOf).toEqual({ projectNo: '1', position: 3 });
  });

  it('reads back, through JSON text, the plan it wrote', () => {
    const plan = strategy();
    expect(roundTrip(plan)).toStrictEqual(plan);
  });

  it('keeps 2,551,010 yen exact through 2551.01 千円', () => {
    const back = roundTrip(strategy());
    const project = back && allProjects(back).find((p) => p.no === '1');
    expect(project?.finances[1]?.budget).toBe(2_551_010);
    expect(formatAmount(project?.finances[1]?.budget ?? null, '千円')).toBe('2,551.01');
  });

  it('uses nodes for a four-level plan whose first level is not 基本目標', () => {
    const plan = generalPlan();
    const doc: Json = throughJson(plan);
    expect(doc.goals).toBeUndefined();
    expect(doc.nodes[0].title).toBe('第1章 安心して暮らせるまち');
    expect(doc.nodes[0].children[0].projects[0].no).toBe('01-01-000');
    expect(doc.nodes[0].children[0].children[0].projects[0].finances[0]).toEqual({
      fiscalYear: 2023,
      budget: 12_345_678,
      settlement: 12_000_001,
    });
    expect(roundTrip(plan)).toStrictEqual(plan);
  });

  it('keeps node codes (a tree keyed by code) through JSON, and writes none where there is none', () => {
    const plan = generalPlan();
    const [first] = plan.nodes;
    if (!first) throw new Error('no node');
    first.code = '01';
    const doc: Json = throughJson(plan);
    expect(doc.nodes[0].code).toBe('01');
    expect('code' in doc.nodes[0].children[0]).toBe(false);
    expect(roundTrip(plan)).toStrictEqual(plan);
  });

  it('uses nodes for a three-level plan, in 百万円 with the target⇒actual convention', () => {
    const plan = threeLevelPlan();
    const doc: Json = throughJson(plan);
    expect(doc.goals).toBeUndefined();
    expect(doc.conventions.arrow).toBe('target-actual');
    expect(doc.nodes[0].children[0].projects[0].finances[0]).toEqual({
      fiscalYear: 2015,
      budget: 1.234567,
      settlement: 1,
    });
    expect(roundTrip(plan)).toStrictEqual(plan);
  });

  it('fills in the defaults a hand-written document may leave out', () => {
    const result = fromPlanDocument({
      format: 'sousei-plan',
      version: 1,
      municipality: { code: '012050', name: '室蘭市' },
      plan: {
        title: '総合戦略',
        kind: '総合戦略',
        firstFiscalYear: 2020,
        lastFiscalYear: 2024,
        levels: ['政策', '事業'],
      },
      amountUnit: '千円',
      conventions: MURORAN_CONVENTIONS,
      nodes: [
        {
          title: '政策1',
          projects: [
            {
              no: '1',
              name: '事業A',
              activities: [
                {
                  title: 'A',
                  text: 'A',
                  entries: [{ kind: 'result', fiscalYear: null, text: 'x' }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(result.findings).toEqual([]);
    expect(result.plan?.statedTotals).toEqual([]);
    expect(result.plan?.nodes[0]?.children).toEqual([]);
    expect(result.plan?.nodes[0]?.projects[0]).toEqual({
      no: '1',
      name: '事業A',
      notes: [],
      department: null,
      finances: [],
      activities: [
        {
          title: 'A',
          text: 'A',
          source: null,
          relistOf: null,
          entries: [{ kind: 'result', fiscalYear: null, yearLabel: null, text: 'x', kpi: false }],
        },
      ],
    });
  });
});

describe('fromPlanDocument: invalid documents', () => {
  const valid = (): Json => throughJson(strategy());
  const PROJECT = 'goals.0.directions.0.measures.0.projects.0';

  function invalid(doc: Json) {
    const result = fromPlanDocument(doc, 'plan.json');
    expect(result.plan).toBeNull();
    expect(result.findings.length).toBeGreaterThan(0);
    for (const f of result.findings) {
      expect(f).toMatchObject({ severity: 'error', code: 'json.invalid', expected: 'json-plan' });
      expect(f.location?.file).toBe('plan.json');
    }
    return result.findings.map((f) => ({ path: f.location?.path, found: f.found }));
  }

  it('refuses a budget written as a string, naming its path', () => {
    const doc = valid();
    firstProject(doc).finances[0].budget = '322';
    expect(invalid(doc)).toEqual([
      { path: `${PROJECT}.finances.0.budget`, found: expect.any(String) },
    ]);
  });

  it('refuses a document without a municipality code', () => {
    const doc = valid();
    delete doc.municipality.code;
    expect(invalid(doc).map((f) => f.path)).toEqual(['municipality.code']);
  });

  it('refuses a municipality code that is not six digits', () => {
    const doc = valid();
    doc.municipality.code = '01205';
    expect(invalid(doc).map((f) => f.path)).toEqual(['municipality.code']);
  });

  it('refuses a municipality code whose check digit is wrong', () => {
    const doc = valid();
    doc.municipality.code = '012051';
    expect(invalid(doc).map((f) => [f.path, f.found])).toEqual([
      ['municipality.code', 'wrong check digit or prefecture for a 全国地方公共団体コード'],
    ]);
  });

  it('refuses an unknown property, naming it and the object that has it', () => {
    const doc = valid();
    firstProject(doc).budgetTotal = 812;
    const [finding] = invalid(doc);
    expect(finding?.path).toBe(PROJECT);
    expect(finding?.found).toContain('budgetTotal');
  });

  it('refuses an unknown property at the top level', () => {
    const doc = valid();
    doc.projects = [];
    const [finding] = invalid(doc);
    expect(finding?.path).toBe('');
    expect(finding?.found).toContain('projects');
  });

  it('refuses another format or version', () => {
    const doc = valid();
    doc.format = 'sousei-plan-v2';
    doc.version = 2;
    expect(invalid(doc).map((f) => f.path)).toEqual(['format', 'version']);
  });

  it('refuses an unknown amount unit and an unknown entry kind', () => {
    const doc = valid();
    doc.amountUnit = '万円';
    firstProject(doc).activities[0].entries[0].kind = 'target';
    expect(invalid(doc).map((f) => f.path)).toEqual([
      'amountUnit',
      `${PROJECT}.activities.0.entries.0.kind`,
    ]);
  });

  it('reports every problem at once', () => {
    const doc = valid();
    firstProject(doc).finances[0].budget = '322';
    firstProject(doc).finances[0].fiscalYear = 'R2';
    delete doc.municipality.code;
    expect(invalid(doc)).toHaveLength(3);
  });
});

describe('fromPlanDocument: amounts', () => {
  it('refuses an amount more precise than a yen', () => {
    const doc: Json = throughJson(strategy());
    firstProject(doc).finances[0].budget = 0.0001;
    const result = fromPlanDocument(doc, 'plan.json');
    expect(result.plan).toBeNull();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      severity: 'error',
      code: 'amount.too-many-decimals',
      location: { file: 'plan.json', path: expect.stringContaining('finances.0.budget') },
      found: '0.0001',
      params: { unit: '千円' },
    });
  });

  it('refuses fractions of a yen in every unit, stated totals included', () => {
    const doc: Json = throughJson(generalPlan());
    doc.nodes[0].children[0].projects[0].finances[0].budget = 1000.5;
    doc.statedTotals = [{ fiscalYear: 2023, budget: 0.25, settlement: null }];
    const result = fromPlanDocument(doc);
    expect(result.findings.map((f) => [f.code, f.location?.path])).toEqual([
      ['amount.too-many-decimals', expect.stringContaining('finances.0.budget')],
      ['amount.too-many-decimals', 'statedTotals.0.budget'],
    ]);
  });

  it('accepts 0.001 千円 (one yen) and reads spreadsheet float noise as the decimal typed', () => {
    const doc: Json = throughJson(strategy());
    firstProject(doc).finances[0].budget = 0.001;
    firstProject(doc).finances[0].settlement = 2551.0100000000002;
    const result = fromPlanDocument(doc);
    expect(result.findings).toEqual([]);
    const project = result.plan && allProjects(result.plan)[0];
    expect(project?.finances[0]).toEqual({ fiscalYear: 2020, budget: 1, settlement: 2_551_010 });
  });
});

describe('the Muroran R2 sample', () => {
  function muroran(): Plan {
    const bytes = readFileSync(
      new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url),
    );
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new Error('sample is not text');
    const result = readProgressTable(parseTsv(decoded.text), {
      municipality: { code: '012050', name: '室蘭市' },
      title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
    });
    expect(result.findings).toEqual([]);
    if (!result.plan) throw new Error('sample did not read');
    return result.plan;
  }

  // The examples docs/json-format.md quotes from this sample.
  it('gives the document the format page quotes', () => {
    const doc: Json = throughJson(muroran());
    expect(doc.plan).toMatchObject({
      firstFiscalYear: 2020,
      lastFiscalYear: 2024,
      levels: ['基本目標', '分類', '具体的な施策', '事業'],
    });
    expect(doc.amountUnit).toBe('千円');
    expect(doc.conventions).toEqual({
      checkbox: '<input type="checkbox"/>',
      resultMark: '▶',
      arrow: 'revision',
      revisionMark: '⇒',
      yearSeparator: '…',
    });
    expect(doc.nodes).toBeUndefined();
    const projects: Json[] = doc.goals.flatMap((g: Json) =>
      g.directions.flatMap((d: Json) => d.measures.flatMap((m: Json) => m.projects)),
    );
    const byNo = (no: string) => projects.find((p) => p.no === no);
    expect(projects).toHaveLength(24);
    expect(byNo('1')).toMatchObject({
      name: '移住推進事業',
      notes: [],
      department: null,
      finances: [{ fiscalYear: 2020, budget: 322, settlement: 490 }],
    });
    expect(byNo('1').activities[0]).toEqual({
      title: '移住相談',
      text: '移住相談',
      source: '移住相談 ▶R2…41件',
      relistOf: null,
      entries: [{ kind: 'result', fiscalYear: 2020, yearLabel: 'R2…', text: '41件', kpi: false }],
    });
    expect(byNo('1').activities[4].entries).toEqual([
      {
        kind: 'revision',
        fiscalYear: null,
        yearLabel: null,
        text: 'リーフレット(チラシ)作成からコロナ禍に対応し、WEB上で公開できる動画作成に変更',
        kpi: false,
      },
    ]);
    expect(byNo('5').activities[2]).toMatchObject({
      title: '移住支援金の助成',
      relistOf: { projectNo: '1', position: 6 },
    });
    expect(byNo('5').activities[2].text).toMatch(/^移住支援金の助成\(再掲\) /);
    expect(byNo('6')).toMatchObject({
      name: '航空機産業参入支援事業',
      notes: ['地方創生推進交付金事業'],
    });
    expect(byNo('16').finances).toEqual([{ fiscalYear: 2020, budget: null, settlement: null }]);
    expect(byNo('17').finances).toEqual([{ fiscalYear: 2020, budget: 300, settlement: 0 }]);
    expect(byNo('3').activities[4].entries.map((e: Json) => [e.fiscalYear, e.text])).toEqual([
      [null, '室蘭MaaSプロジェクト'],
      [null, 'まちなかオープンスペース有効活用事業(楽しませる会議)'],
    ]);
    expect(doc.statedTotals).toEqual([{ fiscalYear: 2020, budget: 70090, settlement: 52139 }]);
  });

  it('reads back, through JSON text, the plan it wrote', () => {
    const plan = muroran();
    expect(roundTrip(plan)).toStrictEqual(plan);
  });
});
