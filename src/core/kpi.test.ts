import { describe, expect, it } from 'vitest';
import {
  finalAchievement,
  type KpiActual,
  type KpiDefinition,
  rateOf,
  targetFor,
  valueFor,
  yearAchievement,
} from './kpi.ts';

const def = (over: Partial<KpiDefinition>): KpiDefinition => ({
  name: 'k',
  unit: '人',
  direction: 'higher',
  kind: 'annual',
  baseline: null,
  target: { value: 100, fiscalYear: 2024 },
  yearTargets: [],
  ...over,
});
const actual = (fiscalYear: number, value: number): KpiActual => ({
  fiscalYear,
  value,
  asOf: null,
  source: null,
});

describe('rateOf, every direction with and without a baseline', () => {
  it('higher is better, from a baseline: progress from baseline to target', () => {
    expect(rateOf(60, 100, 20, 'higher')).toBeCloseTo(0.5);
    expect(rateOf(100, 100, 20, 'higher')).toBe(1);
    expect(rateOf(120, 100, 20, 'higher')).toBeCloseTo(1.25);
    expect(rateOf(10, 100, 20, 'higher')).toBeCloseTo(-0.125);
  });

  it('higher is better, no baseline: actual / target', () => {
    expect(rateOf(80, 100, null, 'higher')).toBeCloseTo(0.8);
    expect(rateOf(0, 0, null, 'higher')).toBe(1);
  });

  it('lower is better: 待機児童数 from 10 to 0 is 100 %, 5 is 50 %, worse is below 0', () => {
    expect(rateOf(0, 0, 10, 'lower')).toBe(1);
    expect(rateOf(5, 0, 10, 'lower')).toBeCloseTo(0.5);
    expect(rateOf(12, 0, 10, 'lower')).toBeCloseTo(-0.2);
  });

  it('lower is better, no baseline: target / actual, reaching the target or below is ≥ 100 %', () => {
    expect(rateOf(20, 10, null, 'lower')).toBeCloseTo(0.5);
    expect(rateOf(10, 10, null, 'lower')).toBe(1);
    expect(rateOf(0, 0, null, 'lower')).toBe(1);
    expect(rateOf(3, 0, null, 'lower')).toBe(0);
  });

  it('a target that does not improve on the baseline (維持) is compared as a level', () => {
    // 人口 82,000 → keep 80,000: 81,000 is above the target, so more than achieved.
    expect(rateOf(81_000, 80_000, 82_000, 'higher')).toBeCloseTo(81_000 / 80_000);
    expect(rateOf(9, 10, 10, 'lower')).toBeCloseTo(10 / 9);
  });
});

describe('annual KPIs', () => {
  const annual = def({ baseline: { value: 20, fiscalYear: 2019 } });
  it("take the year's value and the final target unless a year target is set", () => {
    const actuals = [actual(2020, 40), actual(2021, 60)];
    expect(yearAchievement(annual, actuals, 2021, 2020)).toEqual({
      actual: 60,
      target: 100,
      rate: 0.5,
    });
    const staged = def({ ...annual, yearTargets: [{ fiscalYear: 2021, value: 60 }] });
    expect(yearAchievement(staged, actuals, 2021, 2020).rate).toBe(1);
    expect(finalAchievement(staged, actuals, 2021, 2020).rate).toBe(0.5);
  });

  it('have no rate for a year without an actual', () => {
    expect(yearAchievement(annual, [actual(2020, 40)], 2021, 2020)).toEqual({
      actual: null,
      target: 100,
      rate: null,
    });
  });
});

describe('cumulative KPIs', () => {
  const cumulative = def({ kind: 'cumulative', target: { value: 500, fiscalYear: 2024 } });
  const actuals = [actual(2020, 80), actual(2021, 120), actual(2022, 100)];

  it('add the actuals up from the first year', () => {
    expect(valueFor(cumulative, actuals, 2020, 2020)).toBe(80);
    expect(valueFor(cumulative, actuals, 2022, 2020)).toBe(300);
  });

  it('pro-rate the final target over the years (5 years: 20 %, 40 %, …)', () => {
    expect(targetFor(cumulative, 2020, 2020)).toBe(100);
    expect(targetFor(cumulative, 2022, 2020)).toBe(300);
    expect(targetFor(cumulative, 2024, 2020)).toBe(500);
    expect(yearAchievement(cumulative, actuals, 2022, 2020).rate).toBe(1);
    expect(finalAchievement(cumulative, actuals, 2022, 2020).rate).toBeCloseTo(0.6);
  });

  it('count from the year after the baseline when there is one', () => {
    const fromBaseline = def({ ...cumulative, baseline: { value: 999, fiscalYear: 2020 } });
    // Counting starts in 2021: 120 + 100 against 500 × 2/4.
    expect(valueFor(fromBaseline, actuals, 2022, 2020)).toBe(220);
    expect(targetFor(fromBaseline, 2022, 2020)).toBe(250);
    expect(yearAchievement(fromBaseline, actuals, 2022, 2020).rate).toBeCloseTo(0.88);
  });

  it('lower is better, cumulative: fewer is better against the pro-rated target', () => {
    const fewer = def({
      kind: 'cumulative',
      direction: 'lower',
      target: { value: 50, fiscalYear: 2024 },
    });
    const a = [actual(2020, 5), actual(2021, 5)];
    expect(yearAchievement(fewer, a, 2021, 2020)).toEqual({ actual: 10, target: 20, rate: 2 });
  });
});
