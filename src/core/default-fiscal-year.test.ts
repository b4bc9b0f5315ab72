import { describe, expect, it } from 'vitest';
import { defaultFiscalYear, type YearChoice } from './default-fiscal-year.ts';
import type { YearStatus } from './workflow.ts';

const choice = (statuses: YearStatus[], readable?: number[], withFigures = [2020]): YearChoice => {
  const years = statuses.map((status, i) => ({ fiscalYear: 2020 + i, status }));
  return { years, readable: readable ?? years.map((y) => y.fiscalYear), withFigures };
};

describe('the default fiscal year', () => {
  it('opens work on the open year and review on the latest closed year', () => {
    const c = choice(['published', 'open', 'preparing']);
    expect(defaultFiscalYear(c, 'work')).toBe(2021);
    expect(defaultFiscalYear(c, 'review')).toBe(2020);
  });

  it('reviews the locked year before the published one, and falls back to the open year', () => {
    expect(defaultFiscalYear(choice(['published', 'locked', 'open']), 'review')).toBe(2021);
    expect(defaultFiscalYear(choice(['preparing', 'open']), 'review')).toBe(2021);
  });

  it('gives the public the latest published year', () => {
    const c = choice(['published', 'published', 'open'], [2020, 2021]);
    expect(defaultFiscalYear(c, 'work')).toBe(2021);
    expect(defaultFiscalYear(c, 'review')).toBe(2021);
  });

  it('without open or closed years, the latest readable year with figures, else the latest', () => {
    expect(defaultFiscalYear(choice(['preparing', 'preparing'], undefined, [2020]), 'work')).toBe(
      2020,
    );
    expect(defaultFiscalYear(choice(['preparing', 'preparing'], undefined, []), 'work')).toBe(2021);
    expect(defaultFiscalYear(choice(['preparing'], [], []), 'work')).toBeUndefined();
  });
});
