import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProgressTable } from '../formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../formats/tsv/tsv-grid.ts';
import type { Plan } from './plan.ts';
import { checkPlan } from './plan-checks.ts';

function sample(text?: string): Plan {
  const source =
    text ?? readFileSync(new URL('../../samples/muroran-r2-progress.tsv', import.meta.url), 'utf8');
  const { plan } = readProgressTable(parseTsv(source), {
    municipality: { code: '012050', name: '室蘭市' },
    title: 't',
  });
  if (!plan) throw new Error('sample unreadable');
  return plan;
}

const projectsWith = (plan: Plan, code: string) =>
  checkPlan(plan, 2020)
    .filter((f) => f.code === code)
    .map((f) => f.location?.projectNo);

describe('checkPlan on the real Muroran R2 table', () => {
  it('finds settlements above budget in projects 1, 8 and 10', () => {
    expect(projectsWith(sample(), 'settlement.over-budget')).toEqual(['1', '8', '10']);
  });

  it('finds zero settlements in projects 17, 18, 19, 21, 23 and 24', () => {
    expect(projectsWith(sample(), 'settlement.zero')).toEqual(['17', '18', '19', '21', '23', '24']);
  });

  it('finds project 22 without a result for R2', () => {
    expect(projectsWith(sample(), 'results.missing')).toEqual(['22']);
  });

  it('finds nothing else: totals add up, 16 has neither budget nor settlement', () => {
    const codes = new Set(checkPlan(sample(), 2020).map((f) => f.code));
    expect([...codes].sort()).toEqual([
      'results.missing',
      'settlement.over-budget',
      'settlement.zero',
    ]);
  });

  it('reports a stated total that does not add up, with both figures', () => {
    const text = readFileSync(
      new URL('../../samples/muroran-r2-progress.tsv', import.meta.url),
      'utf8',
    );
    const plan = sample(text.replace('\t\t\t70,090\t52,139', '\t\t\t70,100\t52,139'));
    const mismatch = checkPlan(plan, 2020).filter((f) => f.code === 'totals.mismatch');
    expect(mismatch).toEqual([
      {
        severity: 'error',
        code: 'totals.mismatch',
        location: { fiscalYear: 2020 },
        params: { field: 'budget', stated: 70_100_000, computed: 70_090_000 },
      },
    ]);
  });

  it('reports a settlement missing where a budget exists', () => {
    const text = readFileSync(
      new URL('../../samples/muroran-r2-progress.tsv', import.meta.url),
      'utf8',
    );
    const plan = sample(text.replace('\t145\t132\t', '\t145\t-\t').replace('52,139', '52,007'));
    expect(projectsWith(plan, 'settlement.missing')).toEqual(['15']);
  });
});
