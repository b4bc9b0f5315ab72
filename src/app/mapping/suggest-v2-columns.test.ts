import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../core/status-scale.ts';
import { t } from '../../i18n/translate.ts';
import { parseMapping } from '../import/read-mapped-file.ts';
import { type SampleRow, suggestMapping } from './suggest-mapping.ts';

const said = (questions: { code: string; params: Record<string, string | number> }[]) =>
  questions.map((q) => t(q.code, q.params));

const RESULT_TEXT = '・研修会を3回開催した\n・相談窓口を運営した';
const PLAN_TEXT = '・研修会を4回開催する\n・相談窓口を拡充する';

/**
 * A small 事務事業評価 sheet with mapping v2's columns: a flag column, result and plan texts,
 * one year block of funding sources with 人件費 and トータルコスト, and 「１ 現状維持」 policies.
 */
function sheet(policies: string[], header = ['前年度実績', '今年度計画']): SampleRow[] {
  const head = [
    '施策名',
    '事業番号',
    '事業名',
    '総合戦略',
    ...header,
    '令和5年度国庫支出金',
    '令和5年度一般財源',
    '令和5年度事業費計',
    '令和5年度人件費（B）',
    '令和5年度トータルコスト（A＋B）',
    '今後の方向性',
  ];
  const row = (i: number, flag: string, policy: string): SampleRow => ({
    line: i + 3,
    cells: [
      i < 2 ? '子育て' : '防災',
      String(101 + i),
      `事業${i}`,
      flag,
      RESULT_TEXT,
      PLAN_TEXT,
      i === 1 ? '-' : '1,000',
      '2,500',
      '3,500',
      '800',
      '4,300',
      policy,
    ],
  });
  const flags = ['○', '', '〇', '×', '●'];
  return [
    { line: 1, cells: ['令和6年度 事務事業評価（単位：千円）'] },
    { line: 2, cells: head },
    ...policies.map((p, i) => row(i, flags[i % flags.length] ?? '', p)),
  ];
}

const POLICIES = ['１ 現状維持', '2 改善', '３ 縮小', '４ 廃止', '5 拡充'];

describe('the suggestion proposes mapping v2 columns', () => {
  it('proposes a column of marks only (○ 〇 ● ×) as a tag named by its header', () => {
    const s = suggestMapping(sheet(POLICIES));
    const m = parseMapping(s.mapping, 'suggested');
    expect(m.version).toBe(2);
    expect(m.tags).toEqual([{ name: '総合戦略', column: { header: '総合戦略' } }]);
    expect(s.unused).not.toContain('D（総合戦略）');
  });

  it('does not take a column of words for a tag', () => {
    const rows = sheet(POLICIES);
    for (const r of rows.slice(2)) r.cells[3] = '子育て';
    const m = parseMapping(suggestMapping(rows).mapping, 'suggested');
    expect(m.tags).toEqual([]);
  });

  it('proposes 前年度実績 as results of the year before the sheet’s and 今年度計画 as its activities', () => {
    const s = suggestMapping(sheet(POLICIES));
    const m = parseMapping(s.mapping, 'suggested');
    expect(m.texts).toEqual([
      { fiscalYear: 2023, kind: 'result', column: { header: '前年度実績' } },
      { fiscalYear: 2024, kind: 'activity', column: { header: '今年度計画' } },
    ]);
    // Years the header does not name are asked.
    expect(said(s.questions)).toContain(
      '列 E（前年度実績）: 実績・成果（result）として 2023 年度としました（見出しに年度がありません。texts の fiscalYear を確かめてください）',
    );
  });

  it('takes the year a text header names (令和4年度の成果, R5取組予定)', () => {
    const s = suggestMapping(sheet(POLICIES, ['令和4年度の成果', 'R5取組予定']));
    const m = parseMapping(s.mapping, 'suggested');
    expect(m.texts).toEqual([
      { fiscalYear: 2022, kind: 'result', column: { header: '令和4年度の成果' } },
      { fiscalYear: 2023, kind: 'activity', column: { header: 'R5取組予定' } },
    ]);
    expect(s.questions.filter((q) => /^suggest\.(result|activity)-year/.test(q.code))).toEqual([]);
  });

  it('proposes the year block’s sources, 人件費 and トータルコスト as details; 事業費計 stays the settlement', () => {
    const m = parseMapping(suggestMapping(sheet(POLICIES)).mapping, 'suggested');
    expect(m.finances).toEqual([
      {
        fiscalYear: 2023,
        settlement: { header: '令和5年度事業費計' },
        details: [
          { label: '国庫支出金', kind: 'source', amount: { header: '令和5年度国庫支出金' } },
          { label: '一般財源', kind: 'source', amount: { header: '令和5年度一般財源' } },
          { label: '人件費', kind: 'staff', amount: { header: '令和5年度人件費（B）' } },
          {
            label: 'トータルコスト',
            kind: 'total',
            amount: { header: '令和5年度トータルコスト（A＋B）' },
          },
        ],
      },
    ]);
  });

  it('reads 国・県支出金, その他（特定財源）, 総コスト as details and 決算額 as the settlement', () => {
    const rows: SampleRow[] = [
      { line: 1, cells: ['令和6年度 事務事業評価（単位：円）'] },
      {
        line: 2,
        cells: [
          '施策名',
          '事業番号',
          '事業名',
          'R5国・県支出金',
          'R5その他（特定財源）',
          'R5決算額',
          'R5人件費',
          'R5総コスト',
        ],
      },
      { line: 3, cells: ['防災', '1', '備蓄事業', '100', '-', '300', '50', '350'] },
      { line: 4, cells: ['防災', '2', '訓練事業', '-', '20', '120', '60', '180'] },
    ];
    const m = parseMapping(suggestMapping(rows).mapping, 'suggested');
    expect(m.finances).toEqual([
      {
        fiscalYear: 2023,
        settlement: { header: 'R5決算額' },
        details: [
          { label: '国・県支出金', kind: 'source', amount: { header: 'R5国・県支出金' } },
          {
            label: 'その他(特定財源)',
            kind: 'source',
            amount: { header: 'R5その他（特定財源）' },
          },
          { label: '人件費', kind: 'staff', amount: { header: 'R5人件費' } },
          { label: '総コスト', kind: 'total', amount: { header: 'R5総コスト' } },
        ],
      },
    ]);
  });

  it('maps numbered policies (「１ 現状維持」) onto the words the municipality accepts', () => {
    const accepted = ['継続', '改善', '拡充', '縮小', '廃止'];
    const s = suggestMapping(sheet(POLICIES), { policies: accepted });
    const m = parseMapping(s.mapping, 'suggested');
    expect(m.evaluation?.policy).toEqual({
      header: '今後の方向性',
      values: {
        '１ 現状維持': '継続',
        '2 改善': '改善',
        '３ 縮小': '縮小',
        '４ 廃止': '廃止',
        '5 拡充': '拡充',
      },
    });
    expect(s.questions.filter((q) => q.code === 'suggest.policy-unplaced')).toEqual([]);
    // The map is made from the first rows: said, so that other values are added by hand.
    expect(said(s.questions).join('\n')).toContain('１ 現状維持 → 継続、2 改善 → 改善');
  });

  it('uses the core’s default policy words, and asks about a value it cannot place', () => {
    expect(DEFAULT_POLICIES).toEqual(['発展', '改善', '継続', '中止', '終了']);
    const s = suggestMapping(sheet([...POLICIES, '6 その他']));
    const m = parseMapping(s.mapping, 'suggested');
    expect(m.evaluation?.policy).toEqual({
      header: '今後の方向性',
      values: {
        '１ 現状維持': '継続',
        '2 改善': '改善',
        '４ 廃止': '中止',
        '5 拡充': '発展',
      },
    });
    expect(said(s.questions)).toEqual(
      expect.arrayContaining([
        '列 L（今後の方向性）の「３ 縮小」: 今後の方針のどの言葉にあたるか分かりません（方針の言葉: 発展、改善、継続、中止、終了。evaluation.policy.values に加えてください）',
        '列 L（今後の方向性）の「6 その他」: 今後の方針のどの言葉にあたるか分かりません（方針の言葉: 発展、改善、継続、中止、終了。evaluation.policy.values に加えてください）',
      ]),
    );
  });

  it('reads an 評価 column of numbered policies as the policy, not the effect', () => {
    const rows = sheet(POLICIES);
    (rows[1] as SampleRow).cells[11] = '評価';
    const m = parseMapping(suggestMapping(rows).mapping, 'suggested');
    expect(m.evaluation?.effect).toBeUndefined();
    expect(m.evaluation?.policy).toMatchObject({ header: '評価', values: { '2 改善': '改善' } });
  });

  it('keeps a policy column of sentences as written (no value map)', () => {
    const s = suggestMapping(
      sheet(POLICIES.map((p) => `引き続き${p.slice(2)}の方向で事業を進める`)),
    );
    const m = parseMapping(s.mapping, 'suggested');
    expect(m.evaluation?.policy).toEqual({ header: '今後の方向性' });
    expect(s.questions.filter((q) => q.code.startsWith('suggest.policy'))).toEqual([]);
  });

  it('leaves a policy column of the accepted words as it is (no value map)', () => {
    const s = suggestMapping(sheet(['継続', '改善', '継続', '発展', '改善']));
    const m = parseMapping(s.mapping, 'suggested');
    expect(m.evaluation?.policy).toEqual({ header: '今後の方向性' });
  });
});
