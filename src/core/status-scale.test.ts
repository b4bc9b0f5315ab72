import { describe, expect, it } from 'vitest';
import { ABCD_SCALE, bandFor, NATIONAL_SCALE, withThresholds } from './status-scale.ts';

const label = (rate: number | null, scale = ABCD_SCALE) => bandFor(rate, scale)?.label ?? null;

describe('A/B/C/D bands', () => {
  it('put each edge in the higher band', () => {
    expect(label(1)).toBe('A');
    expect(label(0.9999)).toBe('B');
    expect(label(0.8)).toBe('B');
    expect(label(0.7999)).toBe('C');
    expect(label(0.5)).toBe('C');
    expect(label(0.4999)).toBe('D');
    expect(label(-1)).toBe('D');
    expect(label(null)).toBeNull();
  });

  it('take edited thresholds (A ≥110 %, B ≥80 %, C ≥50 %)', () => {
    const scale = withThresholds(ABCD_SCALE, [1.1, 0.8, 0.5]);
    expect(label(1.05, scale)).toBe('B');
    expect(label(1.1, scale)).toBe('A');
  });
});

describe('the national four levels', () => {
  it('read achieved, about 70 %, better than before, no effect', () => {
    expect(label(1.2, NATIONAL_SCALE)).toBe('非常に効果的であった');
    expect(label(1, NATIONAL_SCALE)).toBe('非常に効果的であった');
    expect(label(0.7, NATIONAL_SCALE)).toBe('相当程度効果があった');
    expect(label(0.69, NATIONAL_SCALE)).toBe('効果があった');
    expect(label(0.01, NATIONAL_SCALE)).toBe('効果があった');
    // No progress at all from the baseline is not "better than before".
    expect(label(0, NATIONAL_SCALE)).toBe('効果がなかった');
    expect(label(-0.3, NATIONAL_SCALE)).toBe('効果がなかった');
  });
});
