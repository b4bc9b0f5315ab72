import { describe, expect, it } from 'vitest';
import { allProjects, type Plan } from '../../core/plan.ts';
import { t } from '../../i18n/translate.ts';
import { useTestContext } from '../app-test-support.ts';
import { importFile } from '../import/import-file.ts';
import { parseMapping } from '../import/read-mapped-file.ts';
import { suggestMapping } from './suggest-mapping.ts';
import { suggestMappingForFile } from './suggest-mapping-for-file.ts';
import { jimuSettlements, jimuWorkbook, strategyCsv } from './suggest-test-support.ts';

const said = (questions: { code: string; params: Record<string, string | number> }[]) =>
  questions.map((q) => t(q.code, q.params));

function totalsByYear(plan: Plan | null, what: 'budget' | 'settlement') {
  const totals = new Map<number, number>();
  for (const p of allProjects(plan ?? { nodes: [] }))
    for (const f of p.finances)
      if (f[what] !== null)
        totals.set(f.fiscalYear, (totals.get(f.fiscalYear) ?? 0) + (f[what] ?? 0));
  return totals;
}

describe('suggesting a mapping from the headers and first rows', () => {
  const ctx = useTestContext();
  const base = { municipalityCode: '131016', municipalityName: '千代田区', dryRun: true };

  it('reads example 1 (事務事業評価): finds the table sheet, header rows past furigana, the tree, sums of sources', async () => {
    const s = await suggestMappingForFile({ bytes: await jimuWorkbook(), fileName: 'hyoka.xlsx' });
    const m = parseMapping(s.mapping, 'suggested');
    expect(m.sheet).toBe('事務事業評価集計表');
    expect([m.headerRows, m.dataStartRow]).toEqual([[3, 4], 6]);
    expect(m.plan.levels).toEqual(['政策', '施策', '基本事業', '事務事業']);
    expect(m.columns.projectNo).toEqual({ header: '事務事業番号' });
    expect(m.finances.map((f) => f.fiscalYear)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    // 人件費 is a detail of the year, never part of the settlement.
    expect(JSON.stringify(m.finances[1]?.settlement)).not.toContain('人件費');
    expect(m.indicators.map((k) => Object.keys(k.actuals))).toEqual([
      ['2020', '2021', '2022'],
      ['2020', '2021', '2022'],
      ['2020', '2021', '2022'],
    ]);
    expect(said(s.questions)).toContain(
      'シート「事務事業評価集計表」を読みました（ほかのシート: 表紙。違うときは --sheet）',
    );
    expect(said(s.questions).join('\n')).toContain('評価の年度を 2023 年度としました');
  });

  it('imports example 1 correctly with the suggestion: projects and every year total', async () => {
    const bytes = await jimuWorkbook();
    const s = await suggestMappingForFile({ bytes, fileName: 'hyoka.xlsx' });
    const r = await importFile(ctx(), {
      ...base,
      bytes,
      fileName: 'hyoka.xlsx',
      mapping: s.mapping,
    });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.summary?.projects).toBe(3);
    expect(r.summary?.nodes).toEqual([2, 2, 2]);
    expect(totalsByYear(r.plan, 'settlement')).toEqual(jimuSettlements());
  });

  it('reads example 2 (a Shift_JIS strategy CSV) as version 1 and asks for the unit and title', async () => {
    const bytes = strategyCsv();
    const s = await suggestMappingForFile({ bytes, fileName: 'strategy.csv' });
    const m = parseMapping(s.mapping, 'suggested');
    expect(m.version).toBe(1);
    expect(m.columns.levels).toEqual([{ header: '基本目標' }, { header: '施策' }]);
    expect(m.finances).toEqual([
      { fiscalYear: 2021, budget: { header: 'R3予算' }, settlement: { header: 'R3決算' } },
    ]);
    expect(said(s.questions)).toEqual([
      '金額の単位が見つかりません（千円としました。違うときは amountUnit）',
      '指標 1 件は「高いほど良い」「単年度」としました（違うときは direction・kind を変えてください）',
      '計画名が分かりません（plan.title に書くか、取り込むときに計画名を指定してください）',
      '計画の種類を「総合戦略」としました（題名にありません。違うときは plan.kind）',
    ]);
    const r = await importFile(ctx(), {
      ...base,
      bytes,
      fileName: 'strategy.csv',
      mapping: s.mapping,
      title: '総合戦略',
    });
    expect(r.findings).toEqual([]);
    expect(r.summary?.projects).toBe(3);
    expect(r.summary?.indicators).toBe(3);
    expect(totalsByYear(r.plan, 'budget')).toEqual(new Map([[2021, 2_022_000]]));
    expect(totalsByYear(r.plan, 'settlement')).toEqual(new Map([[2021, 1_470_000]]));
  });

  it('names unlabelled repeated year blocks by nth and asks their years', () => {
    const blocks = ['事業費計（A）', '人件費（B）', 'トータルコスト（A+B）'];
    const rows = [
      { line: 1, cells: ['令和6年度 事務事業評価（単位：円）'] },
      { line: 2, cells: ['事業名', '事業番号', '担当課', ...blocks, ...blocks] },
      {
        line: 3,
        cells: ['除雪事業', '0388', '道路課', '1000', '200', '1200', '1100', '210', '1310'],
      },
      {
        line: 4,
        cells: ['公園管理事業', '0389', '公園課', '500', '100', '600', '-', '100', '100'],
      },
    ];
    const s = suggestMapping(rows);
    const m = s.mapping as { version: number; amountUnit: string; finances: unknown[] };
    expect(m.version).toBe(2);
    expect(m.amountUnit).toBe('円');
    // 人件費 and トータルコスト are never taken for the settlement: they are the year's details.
    const details = (nth: number) => [
      { label: '人件費', kind: 'staff', amount: { header: '人件費（B）', nth } },
      { label: 'トータルコスト', kind: 'total', amount: { header: 'トータルコスト（A+B）', nth } },
    ];
    expect(m.finances).toEqual([
      {
        fiscalYear: 2023,
        settlement: { header: '事業費計（A）', nth: 1 },
        details: details(1),
      },
      {
        fiscalYear: 2024,
        settlement: { header: '事業費計（A）', nth: 2 },
        details: details(2),
      },
    ]);
    expect(s.unused).toEqual([]);
    expect(said(s.questions)).toContain(
      '列 D–F: 年度が読めません（仮に 2023 年度としました。finances の fiscalYear を確かめてください）',
    );
    // No level column: the department groups the projects, and that is asked.
    expect(said(s.questions).join('\n')).toContain(
      '体系の階層の列が見つかりません（仮に C（担当課）',
    );
  });

  it('keys a level by the code column beside its names, and skips a furigana row', () => {
    const rows = [
      {
        line: 1,
        cells: ['政策コード', '政策名', '施策コード', '施策名', '事業ID', '事業名', 'R5決算'],
      },
      {
        line: 2,
        cells: [
          'せいさく',
          'せいさくめい',
          'しさく',
          'しさくめい',
          'じぎょう',
          'じぎょうめい',
          'けっさん',
        ],
      },
      { line: 3, cells: ['1', '暮らし', '1-1', '子育て', '0001', '保育', '100'] },
      { line: 4, cells: ['2', '産業', '2-1', '創業', '0002', '創業支援', '200'] },
      { line: 5, cells: ['1', '暮らし', '1-2', '福祉', '0003', '見守り', '300'] },
      { line: 6, cells: ['1', '暮らし', '1-1', '子育て', '0004', '一時預かり', '400'] },
    ];
    const s = suggestMapping(rows);
    const m = s.mapping as Record<string, Record<string, unknown>>;
    expect([m.headerRows, m.dataStartRow]).toEqual([[1], 3]);
    expect(m.columns?.levels).toEqual([
      { name: { header: '政策名' }, code: { header: '政策コード' } },
      { name: { header: '施策名' }, code: { header: '施策コード' } },
    ]);
    expect(m.plan?.levels).toEqual(['政策', '施策', '事業']);
    expect(m.version).toBe(2);
  });

  it('says so when no row looks like data', () => {
    const s = suggestMapping([{ line: 1, cells: ['表紙'] }]);
    expect(s.mapping).toBeNull();
    expect(said(s.questions)[0]).toContain('表が見つかりません');
  });
});
