import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProgressTable } from '../formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../formats/tsv/tsv-grid.ts';
import { allProjects, type Plan } from './plan.ts';
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

describe('checkPlan: numbers missing from a numbering', () => {
  /** A plan whose one node holds projects numbered as given. */
  const numbered = (...numbers: string[]): Plan => {
    const plan = sample();
    const project = allProjects(plan)[0];
    if (!project) throw new Error('sample has no project');
    plan.nodes = [
      {
        title: '施策',
        children: [],
        projects: numbers.map((no) => ({ ...project, no, activities: [] })),
      },
    ];
    return plan;
  };
  const gaps = (plan: Plan) =>
    checkPlan(plan, 2020)
      .filter((f) => f.code === 'project.numbering-gap' || f.code === 'findings.truncated')
      .map((f) => f.params?.no ?? `+${f.params?.count}`);

  it('names the number missing from a sequential numbering (1, 2, 4 → 3)', () => {
    expect(gaps(numbered('1', '2', '4', '5', '6'))).toEqual(['3']);
  });

  it('names what is missing within each measure numbered 12-1, 12-2, 12-4', () => {
    expect(gaps(numbered('12-1', '12-2', '12-4', '13-1', '13-2'))).toEqual(['12-3']);
  });

  it('keeps the padding of a padded sequential numbering (001, 002, 004 → 003)', () => {
    expect(gaps(numbered('001', '002', '004', '005'))).toEqual(['003']);
  });

  it('says nothing about ID-style numbers (0001, 0388, 1034 …): they are not a sequence', () => {
    expect(gaps(numbered('0001', '0005', '0388', '0390', '1034', '1035', '1899'))).toEqual([]);
    expect(gaps(numbered('12', '388', '1034', '1035'))).toEqual([]);
    const ids = Array.from({ length: 407 }, (_, i) => String(1 + i * 4 + (i % 3)).padStart(4, '0'));
    expect(gaps(numbered(...ids))).toEqual([]);
  });

  it('says nothing when a numbering has no gap, or many gaps among few numbers', () => {
    expect(gaps(numbered('1', '2', '3'))).toEqual([]);
    expect(gaps(numbered('1', '5', '9'))).toEqual([]);
  });
});
