import { describe, expect, it } from 'vitest';
import { extractMetrics } from './extract-metrics.ts';
import type { ExtractOptions, Metric } from './metric.ts';

/** The metrics of a sentence, with the fields that are not at their default. */
const read = (text: string, options: ExtractOptions = {}) =>
  extractMetrics(text, options).metrics.map((m) =>
    Object.fromEntries(
      Object.entries(m).filter(([k, v]) => k === 'label' || (v !== null && v !== false)),
    ),
  );
const pairs = (text: string) => extractMetrics(text).metrics.map((m: Metric) => [m.value, m.unit]);

describe('what must be right (issue 12)', () => {
  it('reads the sample result with its labels, its part and its date', () => {
    expect(
      read('▶R2…参加者78名、出展企業28社、就職者3名(うち室蘭市内企業2名)※3月調査時点'),
    ).toEqual([
      { label: '参加者', value: 78, unit: '名', asOf: '3月調査時点' },
      { label: '出展企業', value: 28, unit: '社', asOf: '3月調査時点' },
      { label: '就職者', value: 3, unit: '名', asOf: '3月調査時点' },
      { label: '室蘭市内企業', value: 2, unit: '名', partOf: '就職者', asOf: '3月調査時点' },
    ]);
  });

  it('takes no date or era label for a quantity', () => {
    for (const text of [
      'R3.3.26実施',
      '8月開催',
      '８月２０日',
      '(R2～)',
      '令和3年度',
      'H31.4.1から',
      '2021.3.31',
    ])
      expect(pairs(text), text).toEqual([]);
    expect(pairs('R3.3.26実施し、参加者5名。')).toEqual([[5, '名']]);
  });

  it('takes no address, ordinal or name for a quantity', () => {
    for (const text of [
      '八丁平3丁目',
      '中央町2丁目',
      '第3回審査会',
      'JISQ9100',
      '5G',
      'ISO9001',
      '2回目の実証',
    ])
      expect(pairs(text), text).toEqual([]);
  });

  it('reads full-width digits, commas, kanji numerals and 万/千', () => {
    expect(pairs('相談二件、訪問三件')).toEqual([
      [2, '件'],
      [3, '件'],
    ]);
    expect(pairs('来場者1万2千人、登録者１，２００人、閲覧2万3,400回、相談百二十件')).toEqual([
      [12000, '人'],
      [1200, '人'],
      [23400, '回'],
      [120, '件'],
    ]);
  });

  it('reads approximations and ranges', () => {
    expect(read('参加者約50名、来場者50名程度、各回10～20名')).toEqual([
      { label: '参加者', value: 50, unit: '名', approximate: true },
      { label: '来場者', value: 50, unit: '名', approximate: true },
      { label: '', value: 10, unit: '名', approximate: true, upTo: 20 },
    ]);
  });

  it('reads totals and running sums into flags, not labels', () => {
    expect(read('延べ助成件数42件、(R2～)累計助成件数64件')).toEqual([
      { label: '助成件数', value: 42, unit: '件', total: true },
      { label: '助成件数', value: 64, unit: '件', cumulative: true },
    ]);
  });

  it('keeps money in the unit it is written in', () => {
    expect(read('補助金交付額1,200千円、助成金3万円')).toEqual([
      { label: '補助金交付額', value: 1200, unit: '千円' },
      { label: '助成金', value: 3, unit: '万円' },
    ]);
  });
});

describe('⇒: a revision in the sample, target ⇒ actual where the plan says so', () => {
  it('reads 目標⇒実績 only under that option', () => {
    expect(read('就職決定者数10名⇒3名', { arrow: 'target-actual' })).toEqual([
      { label: '就職決定者数', value: 3, unit: '名', target: 10 },
    ]);
    expect(read('就職決定者数10名⇒3名')).toEqual([
      { label: '就職決定者数', value: 10, unit: '名' },
    ]);
    expect(read('就職決定者数10名⇒3名', { arrow: 'revision' })).toEqual([
      { label: '就職決定者数', value: 10, unit: '名' },
    ]);
  });

  it('reads no figure and no status out of a revision', () => {
    expect(extractMetrics('⇒R3は定員を20名から30名に拡大し、R4は中止')).toEqual({
      metrics: [],
      status: null,
    });
    expect(extractMetrics('⇒会場を変更 ▶R2…開催なし').status).toBe('実施なし');
  });

  it('under 目標⇒実績, a target whose actual is a status is no figure', () => {
    expect(extractMetrics('参加者20名⇒中止', { arrow: 'target-actual' })).toEqual({
      metrics: [],
      status: '中止',
    });
  });
});

describe('the status of the activity as a whole', () => {
  it('maps the words to the three statuses', () => {
    const status = (text: string) => extractMetrics(text).status;
    expect(status('感染拡大により中止')).toBe('中止');
    expect(status('開催を見送り')).toBe('中止');
    expect(status('首都圏での説明会は見合わせた')).toBe('中止');
    expect(status('次年度に延期')).toBe('延期');
    expect(status('実施なし')).toBe('実施なし');
    expect(status('開催なし')).toBe('実施なし');
    expect(status('今年度は実施せず')).toBe('実施なし');
  });

  it('gives none for a part called off or a negated word', () => {
    expect(extractMetrics('一部中止となったが、参加者64名').status).toBeNull();
    expect(extractMetrics('中止せず規模を縮小して開催').status).toBeNull();
    expect(extractMetrics('参加者78名').status).toBeNull();
  });
});

describe('found while testing the reader', () => {
  it('reads a kanji numeral followed by the noun it counts, but not 一人暮らし', () => {
    expect(read('研修会に三名参加')).toEqual([{ label: '参加', value: 3, unit: '名' }]);
    expect(pairs('一人暮らし高齢者の見守り、一人ひとりに合わせた支援')).toEqual([]);
  });

  it('reads no figure out of a run of hundreds of digits (its value would not be a number in JSON)', () => {
    expect(pairs(`${'1'.repeat(400)}件`)).toEqual([]);
  });
});

describe('found by trying sentences outside the sets', () => {
  it('reads the figure of an earlier period in brackets as no part', () => {
    expect(read('移住相談52件（前年度41件）')).toEqual([
      { label: '移住相談', value: 52, unit: '件' },
      { label: '前年度', value: 41, unit: '件' },
    ]);
  });

  it('leaves 全 (in all) out of the label', () => {
    expect(read('ワークショップ全5回')).toEqual([
      { label: 'ワークショップ', value: 5, unit: '回' },
    ]);
  });
});
