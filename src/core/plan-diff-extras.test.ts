import { describe, expect, it } from 'vitest';
import { MURORAN_CONVENTIONS, type Plan, type Project } from './plan.ts';
import { diffPlans } from './plan-diff.ts';

function plan(project: Project): Plan {
  return {
    municipality: { code: '012050', name: '室蘭市' },
    plan: {
      title: 'P',
      kind: 'K',
      firstFiscalYear: 2023,
      lastFiscalYear: 2024,
      levels: ['政策', '事業'],
    },
    amountUnit: '千円',
    conventions: MURORAN_CONVENTIONS,
    nodes: [{ title: 'しごと', children: [], projects: [project] }],
    statedTotals: [],
  };
}

const project = (tags: string[] | undefined, staff: number | null): Project => ({
  no: '0388',
  name: '創業支援',
  notes: [],
  department: null,
  finances: [
    {
      fiscalYear: 2023,
      budget: 1000,
      settlement: 900,
      details: [{ label: '人件費', kind: 'staff', amount: staff }],
    },
    { fiscalYear: 2024, budget: 1000, settlement: null },
  ],
  activities: [],
  ...(tags ? { tags } : {}),
});

describe('diffPlans: tags and finance details', () => {
  it('names a project whose tags or year breakdown an import changes', () => {
    const before = plan(project(['総合戦略'], 7_900_000));
    expect(diffPlans(before, plan(project(['総合戦略'], 7_900_000)), [2023, 2024])).toEqual([]);
    expect(diffPlans(before, plan(project([], 8_000_000)), [2023, 2024])).toEqual([
      { kind: 'project-tags-changed', no: '0388' },
      { kind: 'finance-details-changed', no: '0388', fiscalYear: 2023 },
    ]);
  });

  it('says nothing of tags or breakdowns a file does not carry (they are kept)', () => {
    const before = plan(project(['総合戦略'], 7_900_000));
    const bare = project(undefined, null);
    for (const f of bare.finances) delete f.details;
    expect(diffPlans(before, plan(bare), [2023])).toEqual([]);
  });

  it('compares breakdowns of the imported years only', () => {
    const before = plan(project(['総合戦略'], 7_900_000));
    expect(diffPlans(before, plan(project(['総合戦略'], null)), [2024])).toEqual([]);
  });
});
