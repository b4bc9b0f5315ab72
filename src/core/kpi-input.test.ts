import { describe, expect, it } from 'vitest';
import {
  parseAsOfDate,
  parseKpiDirection,
  parseKpiKind,
  parseKpiNumber,
  parseKpiScope,
} from './kpi-input.ts';

describe('KPI values as Japanese users type them', () => {
  it('reads numbers with full-width digits, commas and △ for negatives', () => {
    expect(parseKpiNumber('１，２３４')).toBe(1234);
    expect(parseKpiNumber(' 12.5 ')).toBe(12.5);
    expect(parseKpiNumber('－３')).toBe(-3);
    expect(parseKpiNumber('△3')).toBe(-3);
    expect(parseKpiNumber('0')).toBe(0);
  });

  it('refuses what is not a plain number', () => {
    for (const text of ['', '52件', '1,23', '1.2.3', 'abc', '五十二', '12.', '1e3']) {
      expect(parseKpiNumber(text), text).toBeNull();
    }
  });

  it('reads as-of dates in ISO, Excel and era forms', () => {
    expect(parseAsOfDate('2022-03-31')).toBe('2022-03-31');
    expect(parseAsOfDate('2022/3/31')).toBe('2022-03-31');
    expect(parseAsOfDate('R4.3.31')).toBe('2022-03-31');
    expect(parseAsOfDate('Ｒ４．３．３１')).toBe('2022-03-31');
    expect(parseAsOfDate('令和4年3月31日')).toBe('2022-03-31');
    expect(parseAsOfDate('2022-02-30')).toBeNull();
    expect(parseAsOfDate('3月末')).toBeNull();
  });

  it('reads directions, kinds and scopes by their Japanese names', () => {
    expect(parseKpiDirection('高')).toBe('higher');
    expect(parseKpiDirection('低いほどよい')).toBe('lower');
    expect(parseKpiDirection('上下')).toBeNull();
    expect(parseKpiKind('累計')).toBe('cumulative');
    expect(parseKpiKind(' 単年度 ')).toBe('annual');
    expect(parseKpiScope('基本目標')).toBe('goal');
    expect(parseKpiScope('施策')).toBe('measure');
    expect(parseKpiScope('事業')).toBe('project');
    expect(parseKpiScope('目標')).toBeNull();
  });
});
