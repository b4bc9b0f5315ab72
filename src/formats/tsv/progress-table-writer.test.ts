import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allProjects, type Plan } from '../../core/plan.ts';
import { type ProgressTableOptions, readProgressTable } from './progress-table-reader.ts';
import { activityHeader, writeProgressTable } from './progress-table-writer.ts';
import { formatTsv, parseTsv } from './tsv-grid.ts';

const SAMPLE = readFileSync(
  new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url),
  'utf8',
);
const OPTIONS: ProgressTableOptions = {
  file: 'muroran-r2-progress.tsv',
  municipality: { code: '012050', name: '室蘭市' },
  title: '室蘭市まち・ひと・しごと創生総合戦略',
};

function read(text: string) {
  return readProgressTable(parseTsv(text), OPTIONS);
}

function samplePlan(): Plan {
  const { plan, findings } = read(SAMPLE);
  if (!plan || findings.length > 0) throw new Error('the sample does not read cleanly');
  return plan;
}

const exportTsv = (plan: Plan, years = [2020], lineBreak = '\n') =>
  formatTsv(writeProgressTable(plan, years), lineBreak);

/** The table's rows, without the export's leading `#` metadata lines. */
const tableRows = (text: string) => parseTsv(text).filter((r) => !r.cells[0]?.startsWith('#'));

/** Every non-blank row's cells of the table, trimmed, without trailing empty cells. */
function contentCells(text: string): string[][] {
  return tableRows(text)
    .map((row) => {
      const cells = row.cells.map((c) => c.trim());
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      return cells;
    })
    .filter((cells) => cells.length > 0);
}

describe('writeProgressTable: lossless round trip of the Muroran R2 sample', () => {
  it('writes the same cells as the source, row for row', () => {
    const exported = contentCells(exportTsv(samplePlan()));
    const source = contentCells(SAMPLE);
    expect(source).toHaveLength(39);
    expect(exported).toEqual(source);
  });

  it('opens with what the file is: municipality, plan, stated totals, title rows’ levels', () => {
    const rows = writeProgressTable(samplePlan(), [2020]);
    expect(rows.slice(0, 5)).toEqual([
      ['#sousei', '進捗状況表', '1'],
      ['#自治体', '012050', '室蘭市'],
      ['#計画', '室蘭市まち・ひと・しごと創生総合戦略', '総合戦略', 'R2', 'R6'],
      ['#記載合計', 'R2', '70090000', '52139000'],
      ['#見出し行の階層', '1', '2', '2', '1', '2', '2', '1', '2', '2'],
    ]);
    // Read back with no option at all: the file says whose plan it is.
    const again = readProgressTable(parseTsv(exportTsv(samplePlan())), {});
    expect(again.findings).toEqual([]);
    expect(again.plan).toEqual(samplePlan());
  });

  it('reads its own export back to a deep-equal plan, without findings', () => {
    const plan = samplePlan();
    const again = read(exportTsv(plan));
    expect(again.findings).toEqual([]);
    expect(again.fiscalYears).toEqual([2020]);
    expect(again.plan).toEqual(plan);
  });

  it('round-trips with Excel’s CRLF line breaks too', () => {
    const plan = samplePlan();
    const text = exportTsv(plan, [2020], '\r\n');
    expect(text.includes('\r\n')).toBe(true);
    expect(read(text).plan).toEqual(plan);
  });

  it('writes the same file again from the re-read plan', () => {
    const once = exportTsv(samplePlan());
    const { plan } = read(once);
    expect(plan && exportTsv(plan)).toBe(once);
  });

  it('writes the header the sample has, legend included', () => {
    const plan = samplePlan();
    expect(activityHeader(plan)).toBe(
      'R2～R6年度の主な事業内容 ※▶は、事業の結果 ※⇒は、その時の事業の見直し内容 ※_は、KPIに位置付けているもの',
    );
    const rows = writeProgressTable(plan, [2020]).filter((r) => !r[0]?.startsWith('#'));
    expect(rows.slice(0, 6)).toEqual([
      ['(単位：千円)'],
      [],
      ['基本目標', '', '', '', '', ''],
      ['分類', '', '', '', '', ''],
      ['具体的な施策', 'No.', '事業名', 'R2', '', activityHeader(plan)],
      ['', '', '', '予算', '決算', ''],
    ]);
    expect(rows.at(-1)).toEqual(['', '', '', '70,090', '52,139', '']);
  });

  it('writes a missing amount as - and reads it back as null', () => {
    const rows = writeProgressTable(samplePlan(), [2020]);
    const row16 = rows.find((r) => r[1] === '16');
    expect(row16?.slice(1, 5)).toEqual(['16', '市有地を活用した宅地供給', '-', '-']);
  });

  it('writes totals computed from the projects, not the ones the table stated', () => {
    const plan = samplePlan();
    plan.statedTotals = [{ fiscalYear: 2020, budget: 1_000, settlement: null }];
    const totals = writeProgressTable(plan, [2020]).at(-1);
    expect(totals).toEqual(['', '', '', '70,090', '52,139', '']);
  });

  it('writes one 予算/決算 pair per fiscal year asked for', () => {
    const plan = samplePlan();
    const text = exportTsv(plan, [2020, 2021]);
    const rows = tableRows(text);
    expect(rows[4]?.cells.slice(0, 7)).toEqual([
      '具体的な施策',
      'No.',
      '事業名',
      'R2',
      '',
      'R3',
      '',
    ]);
    expect(rows[5]?.cells.slice(3, 7)).toEqual(['予算', '決算', '予算', '決算']);
    const again = read(text);
    expect(again.findings).toEqual([]);
    expect(again.fiscalYears).toEqual([2020, 2021]);
    const first = again.plan && allProjects(again.plan)[0];
    expect(first?.finances).toEqual([
      { fiscalYear: 2020, budget: 322_000, settlement: 490_000 },
      { fiscalYear: 2021, budget: null, settlement: null },
    ]);
  });
});

describe('writeProgressTable: KPI results', () => {
  it('round-trips an entry marked kpi:true through <u>…</u>', () => {
    const plan = samplePlan();
    const activity = allProjects(plan)[0]?.activities[0];
    const entry = activity?.entries[0];
    if (!activity || !entry) throw new Error('project 1 has no first result');
    entry.kpi = true;

    const text = exportTsv(plan);
    const row = tableRows(text).find((r) => r.cells[1] === '1');
    expect(row?.cells[5]?.startsWith('<input type="checkbox"/> 移住相談 ▶R2…<u>41件</u> ')).toBe(
      true,
    );

    const again = read(text);
    expect(again.findings).toEqual([]);
    const reread = again.plan && allProjects(again.plan)[0]?.activities[0];
    expect(reread?.entries).toEqual([
      { kind: 'result', fiscalYear: 2020, yearLabel: 'R2…', text: '41件', kpi: true },
    ]);
    // The item's source is now what was written; everything else is the plan as changed.
    expect(reread?.source).toBe('移住相談 ▶R2…<u>41件</u>');
    activity.source = '移住相談 ▶R2…<u>41件</u>';
    expect(again.plan).toEqual(plan);
    // And the export of the re-read plan is the same file.
    expect(again.plan && exportTsv(again.plan)).toBe(text);
  });

  it('writes an activity typed in the app (no source) with its year and KPI mark', () => {
    const plan = samplePlan();
    const project = allProjects(plan)[23];
    if (!project) throw new Error('no project 24');
    project.activities.push({
      title: 'オンライン説明会',
      text: 'オンライン説明会 首都圏の学生向け',
      source: null,
      relistOf: null,
      entries: [
        { kind: 'result', fiscalYear: 2020, yearLabel: null, text: '参加者12名', kpi: true },
        { kind: 'revision', fiscalYear: null, yearLabel: null, text: '対面に戻す', kpi: false },
      ],
    });
    const text = exportTsv(plan);
    const row = tableRows(text).find((r) => r.cells[1] === '24');
    expect(
      row?.cells[5]?.endsWith(
        '<input type="checkbox"/> オンライン説明会 首都圏の学生向け ▶R2…<u>参加者12名</u> ⇒対面に戻す',
      ),
    ).toBe(true);
    const reread = read(text).plan;
    const added = reread && allProjects(reread)[23]?.activities.at(-1);
    expect(added).toEqual({
      title: 'オンライン説明会',
      text: 'オンライン説明会 首都圏の学生向け',
      source: 'オンライン説明会 首都圏の学生向け ▶R2…<u>参加者12名</u> ⇒対面に戻す',
      relistOf: null,
      entries: [
        { kind: 'result', fiscalYear: 2020, yearLabel: 'R2…', text: '参加者12名', kpi: true },
        { kind: 'revision', fiscalYear: null, yearLabel: null, text: '対面に戻す', kpi: false },
      ],
    });
  });
});
