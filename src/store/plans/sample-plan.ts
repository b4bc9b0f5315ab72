import { MURORAN_CONVENTIONS, type Plan } from '../../core/plan.ts';

/**
 * Test support for the plan store's suites: a plan of `count` projects (two activities of two
 * entries each, two years of finances) under a two-level tree.
 */
export function samplePlan(count = 2): Plan {
  const project = (no: string) => ({
    no,
    name: `事業${no}`,
    notes: [],
    department: '産業振興課',
    tags: ['創業'],
    finances: [
      {
        fiscalYear: 2020,
        budget: 1_000 * Number(no),
        settlement: null,
        details: [{ label: '国費', kind: 'source' as const, amount: 500 }],
      },
      { fiscalYear: 2021, budget: null, settlement: 500 },
    ],
    activities: ['相談', '融資'].map((text) => ({
      title: text,
      text,
      source: `☐${text}`,
      relistOf: null,
      entries: [
        { kind: 'revision' as const, fiscalYear: 2020, yearLabel: 'R2', text: '実施', kpi: false },
        { kind: 'result' as const, fiscalYear: 2020, yearLabel: 'R2', text: '41件', kpi: true },
      ],
    })),
  });
  return {
    municipality: { code: '012050', name: '室蘭市' },
    plan: {
      title: '総合戦略',
      kind: '総合戦略',
      firstFiscalYear: 2020,
      lastFiscalYear: 2024,
      levels: ['基本目標'],
    },
    amountUnit: '千円',
    conventions: MURORAN_CONVENTIONS,
    nodes: [
      {
        title: 'しごと',
        children: [
          { title: '創業', children: [], projects: [] },
          { title: '雇用', code: '0102', children: [], projects: [] },
        ],
        projects: Array.from({ length: count }, (_, i) => project(String(i + 1))),
      },
      { title: 'ひと', children: [], projects: [] },
    ],
    statedTotals: [],
  };
}
