import { describe, expect, it } from 'vitest';
import { extractFigures, figureFor } from './extract-figures.ts';

const pairs = (text: string) => extractFigures(text).map((f) => [f.value, f.unit]);

describe('figures in results of the Muroran sample', () => {
  it('reads numbers with their counters', () => {
    expect(pairs('41件')).toEqual([[41, '件']]);
    expect(pairs('友だち追加44件、相談数6件')).toEqual([
      [44, '件'],
      [6, '件'],
    ]);
    expect(pairs('参加者78名、出展企業28社、就職者3名(うち室蘭市内企業2名)※3月調査時点')).toEqual([
      [78, '名'],
      [28, '社'],
      [3, '名'],
      [2, '名'],
    ]);
  });

  it('leaves era dates alone: ビュー数7591回(R3.3.31時点)', () => {
    expect(pairs('ビュー数7591回(R3.3.31時点)')).toEqual([[7591, '回']]);
    expect(pairs('R3.3.26実施し、参加者5名。')).toEqual([[5, '名']]);
  });

  it('reads full-width digits and thousands separators', () => {
    expect(pairs('登録者１，２００人')).toEqual([[1200, '人']]);
    expect(pairs('達成率95.5%')).toEqual([[95.5, '%']]);
  });

  it('picks the figure in the KPI unit', () => {
    expect(figureFor('参加者78名、出展企業28社', '社')?.value).toBe(28);
    expect(figureFor('参加者78名、出展企業28社', '回')?.value).toBe(78);
    expect(figureFor('新型コロナウイルス感染拡大により中止', '件')).toBeNull();
  });
});

describe('the defects issue 12 found in the old finder', () => {
  it('reads kanji numerals and 万/千', () => {
    expect(pairs('相談三件、来場者1万2千人')).toEqual([
      [3, '件'],
      [12000, '人'],
    ]);
  });

  it('takes no date, address or ordinal for a count', () => {
    expect(pairs('８月２０日に開催')).toEqual([]);
    expect(pairs('中央町2丁目の会場で第3回審査会を開催')).toEqual([]);
  });
});
