import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allProjects, type Plan } from '../../core/plan.ts';
import { readProgressTable } from '../tsv/progress-table-reader.ts';
import { parseTsv } from '../tsv/tsv-grid.ts';
import { parseCsv } from './csv-grid.ts';
import { type KpiRow, OPEN_DATA_COLUMNS, openDataCsv } from './open-data-csv.ts';

const SAMPLE = readFileSync(
  new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url),
  'utf8',
);
const R2 = new Set([2020]);
const LINK = '=HYPERLINK("http://evil.example","click")';

function samplePlan(): Plan {
  const { plan, findings } = readProgressTable(parseTsv(SAMPLE), {
    file: 'muroran-r2-progress.tsv',
    municipality: { code: '012050', name: '室蘭市' },
    title: '室蘭市まち・ひと・しごと創生総合戦略',
  });
  if (!plan || findings.length > 0) throw new Error('the sample does not read cleanly');
  return plan;
}

/** The sample with hostile text planted in project 1: its name, department and first result. */
function plantedPlan(): Plan {
  const plan = samplePlan();
  const [first] = allProjects(plan);
  if (!first) throw new Error('the sample has no project');
  first.name = '＋cmd|"/c calc"!A1';
  first.department = '@SUM(1+1)*cmd|"/c calc"!A0';
  const entry = first.activities[0]?.entries.find((e) => e.fiscalYear === 2020);
  if (!entry) throw new Error('project 1 has no R2 entry');
  entry.text = LINK;
  const finance = first.finances.find((f) => f.fiscalYear === 2020);
  if (!finance) throw new Error('project 1 has no R2 figures');
  finance.settlement = -123000;
  return plan;
}

const KPI: KpiRow = {
  scope: 'project',
  owner: '-1',
  definition: {
    name: '\tリンク=1+1',
    unit: '－',
    direction: 'lower',
    kind: 'annual',
    baseline: { value: -3, fiscalYear: 2019 },
    target: { value: -1.5, fiscalYear: 2024 },
    yearTargets: [],
  },
  actuals: [{ fiscalYear: 2020, value: -2.5, asOf: '2021-03-31', source: '\r=1+1' }],
};

/** Rows of a CSV as read back (BOM dropped), header first. */
function rows(csv: string): string[][] {
  return parseCsv(csv.replace(/^\uFEFF/, '')).map((r) => r.cells);
}

function cell(csv: string, table: keyof typeof OPEN_DATA_COLUMNS, column: string, row = 1) {
  const index = OPEN_DATA_COLUMNS[table].indexOf(column);
  return rows(csv)[row]?.[index];
}

describe('open-data CSV: formulas in the variant meant for Excel', () => {
  const plan = plantedPlan();
  const excel = (table: keyof typeof OPEN_DATA_COLUMNS) =>
    openDataCsv(table, plan, R2, { bom: true, kpis: [KPI] });
  const plain = (table: keyof typeof OPEN_DATA_COLUMNS) =>
    openDataCsv(table, plan, R2, { bom: false, kpis: [KPI] });

  it('neutralises a result that is a formula with a quote when written for Excel', () => {
    const entries = rows(excel('entries'));
    const text = OPEN_DATA_COLUMNS.entries.indexOf('記載');
    const planted = entries.filter((r) => r[text]?.includes('HYPERLINK'));
    expect(planted.map((r) => r[text])).toEqual([`'${LINK}`]);
  });

  it('keeps the raw text in the plain UTF-8 variant meant for programs', () => {
    const entries = rows(plain('entries'));
    const text = OPEN_DATA_COLUMNS.entries.indexOf('記載');
    expect(entries.filter((r) => r[text] === LINK)).toHaveLength(1);
    expect(cell(plain('projects'), 'projects', '事業名')).toBe('＋cmd|"/c calc"!A1');
  });

  it('neutralises every text column, full-width marks, tabs and carriage returns', () => {
    const projects = excel('projects');
    expect(cell(projects, 'projects', '事業名')).toBe(`'＋cmd|"/c calc"!A1`);
    expect(cell(projects, 'projects', '担当課')).toBe(`'@SUM(1+1)*cmd|"/c calc"!A0`);
    const kpis = excel('kpis');
    expect(cell(kpis, 'kpis', '指標名')).toBe("'\tリンク=1+1");
    expect(cell(kpis, 'kpis', '単位')).toBe("'－");
    expect(cell(kpis, 'kpis', '出典')).toBe("'\r=1+1");
  });

  it('leaves negative amounts and other plain numbers as numbers', () => {
    const projects = excel('projects');
    expect(cell(projects, 'projects', '決算（円）')).toBe('-123000');
    expect(cell(projects, 'projects', '執行率（%）')).toBe('-38.2');
    expect(projects.split('\r\n')[1]).toMatch(/,322000,-123000,-38\.2,$/);
    const kpis = excel('kpis');
    expect(cell(kpis, 'kpis', '対象')).toBe('-1');
    expect(cell(kpis, 'kpis', '基準値')).toBe('-3');
    expect(cell(kpis, 'kpis', '目標値')).toBe('-1.5');
    expect(cell(kpis, 'kpis', '実績値')).toBe('-2.5');
  });

  it('changes nothing else: the sample reads the same in both variants but for the BOM', () => {
    const sample = samplePlan();
    for (const table of ['projects', 'entries'] as const) {
      const withBom = openDataCsv(table, sample, R2, { bom: true });
      expect(withBom).toBe(`\uFEFF${openDataCsv(table, sample, R2, { bom: false })}`);
    }
  });
});

describe('open-data CSV: the tree', () => {
  it('names the levels above each project in tree order, deeper levels joined with " / "', () => {
    const plan = samplePlan();
    const [first, second] = allProjects(plan);
    if (!first || !second) throw new Error('the sample has two projects');
    const leaf = (title: string, project: typeof first) => ({
      title,
      children: [],
      projects: [project],
    });
    plan.nodes = [
      {
        title: 'A',
        projects: [],
        children: [
          {
            title: 'B',
            projects: [],
            children: [{ title: 'C', projects: [], children: [leaf('D', first)] }],
          },
        ],
      },
      leaf('E', second),
    ];
    const csv = rows(openDataCsv('projects', plan, R2, { bom: false }));
    const columns = ['階層1', '階層2', '階層3', '事業番号'].map((c) =>
      OPEN_DATA_COLUMNS.projects.indexOf(c),
    );
    expect(csv.slice(1).map((r) => columns.map((i) => r[i]))).toEqual([
      ['A', 'B', 'C / D', first.no],
      ['E', '', '', second.no],
    ]);
  });

  it('writes a project tags in the last column, joined, and leaves it empty without', () => {
    const plan = samplePlan();
    const [first] = allProjects(plan);
    if (!first) throw new Error('no project');
    first.tags = ['総合戦略', '重点'];
    const csv = rows(openDataCsv('projects', plan, R2, { bom: false }));
    expect(csv[0]?.at(-1)).toBe('タグ');
    expect(cell(openDataCsv('projects', plan, R2, { bom: false }), 'projects', 'タグ')).toBe(
      '総合戦略、重点',
    );
    expect(csv[2]?.at(-1)).toBe('');
  });
});
