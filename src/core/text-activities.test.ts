import { describe, expect, it } from 'vitest';
import { activitiesFromText, textItems } from './text-activities.ts';

describe('textItems', () => {
  it('splits bulleted and numbered lines into items, dropping the marks', () => {
    expect(textItems('・移住相談 41件\n• 動画作成\n○ セミナー\n- 広報')).toEqual([
      '移住相談 41件',
      '動画作成',
      'セミナー',
      '広報',
    ]);
    expect(textItems('①相談窓口\n②体験ツアー\n(3) 空き家バンク\n4．補助金\n５）説明会')).toEqual([
      '相談窓口',
      '体験ツアー',
      '空き家バンク',
      '補助金',
      '説明会',
    ]);
  });

  it('keeps a cell without bullets as one item, its lines joined by a space', () => {
    expect(textItems('移住相談を実施した。\r\n相談件数は41件。')).toEqual([
      '移住相談を実施した。 相談件数は41件。',
    ]);
  });

  it('continues an item on the lines after its bullet, and keeps text before the first one', () => {
    expect(textItems('概要\n・相談窓口\n  毎週開設\n・ツアー')).toEqual([
      '概要',
      '相談窓口 毎週開設',
      'ツアー',
    ]);
  });

  it('does not read numbers of the words as item numbers', () => {
    expect(textItems('1.5倍に増加\n100 人が参加')).toEqual(['1.5倍に増加 100 人が参加']);
  });

  it('reads an empty or blank cell, and bare bullets, as no item', () => {
    expect(textItems('')).toEqual([]);
    expect(textItems(' \n\u3000\n')).toEqual([]);
    expect(textItems('・\n・ 窓口')).toEqual(['窓口']);
  });

  it('does not take a full-width plus or comma for a bullet', () => {
    expect(textItems('＋α の取組\n，続き')).toEqual(['＋α の取組 ，続き']);
  });
});

describe('activitiesFromText', () => {
  it('makes planned activities of the year, one per item', () => {
    expect(activitiesFromText('・移住相談 窓口\n・動画', 'activity', 2024)).toEqual([
      {
        title: '移住相談',
        text: '移住相談 窓口',
        source: null,
        relistOf: null,
        entries: [],
        introducedIn: 2024,
      },
      {
        title: '動画',
        text: '動画',
        source: null,
        relistOf: null,
        entries: [],
        introducedIn: 2024,
      },
    ]);
  });

  it('makes one result entry of the year per item', () => {
    const [first, second] = activitiesFromText('①相談41件\n②動画2本', 'result', 2023);
    expect(first?.entries).toEqual([
      { kind: 'result', fiscalYear: 2023, yearLabel: null, text: '相談41件', kpi: false },
    ]);
    expect(second?.entries[0]?.text).toBe('動画2本');
    expect(first?.introducedIn).toBe(2023);
    expect(first?.text).toBe('');
  });
});
