import { describe, expect, it } from 'vitest';
import { MURORAN_CONVENTIONS, type Plan } from '../../core/plan.ts';
import { fromPlanDocument, toPlanDocument } from './plan-document.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests reach into parsed, untyped JSON.
type Json = any;

/** A 事務事業評価 plan whose project carries flags and a year's cost breakdown (issue 10). */
function evaluationPlan(): Plan {
  return {
    municipality: { code: '012050', name: '室蘭市' },
    plan: {
      title: '事務事業評価',
      kind: '事務事業評価',
      firstFiscalYear: 2023,
      lastFiscalYear: 2024,
      levels: ['政策', '施策', '事務事業'],
    },
    amountUnit: '千円',
    conventions: MURORAN_CONVENTIONS,
    nodes: [
      {
        title: '子育て',
        children: [
          {
            title: '保育',
            children: [],
            projects: [
              {
                no: '0388',
                name: '一時保育事業',
                notes: [],
                department: '子育て支援課',
                finances: [
                  {
                    fiscalYear: 2023,
                    budget: 1_355_393,
                    settlement: 1_200_000,
                    details: [
                      { label: '国庫支出金', kind: 'source', amount: 500_000 },
                      { label: '一般財源', kind: 'source', amount: null },
                      { label: '人件費', kind: 'staff', amount: 7_900_001 },
                      { label: 'トータルコスト', kind: 'total', amount: 9_100_001 },
                    ],
                  },
                  { fiscalYear: 2024, budget: 1_000_000, settlement: null },
                ],
                activities: [],
                tags: ['総合戦略', '重点'],
              },
              {
                no: '0389',
                name: '病児保育事業',
                notes: [],
                department: null,
                finances: [],
                activities: [],
              },
            ],
          },
        ],
        projects: [],
      },
    ],
    statedTotals: [],
  };
}

const document = (plan: Plan): Json => JSON.parse(JSON.stringify(toPlanDocument(plan)));

describe('the JSON document: tags and finance details', () => {
  it('writes tags and a breakdown in amountUnit, exact to the yen, and only where there are some', () => {
    const project = document(evaluationPlan()).nodes[0].children[0].projects;
    expect(project[0].tags).toEqual(['総合戦略', '重点']);
    expect(project[0].finances[0].details).toEqual([
      { label: '国庫支出金', kind: 'source', amount: 500 },
      { label: '一般財源', kind: 'source', amount: null },
      { label: '人件費', kind: 'staff', amount: 7900.001 },
      { label: 'トータルコスト', kind: 'total', amount: 9100.001 },
    ]);
    expect(project[0].finances[1]).not.toHaveProperty('details');
    expect(project[1]).not.toHaveProperty('tags');
  });

  it('reads back, through JSON text, the plan it wrote', () => {
    const result = fromPlanDocument(document(evaluationPlan()));
    expect(result.findings).toEqual([]);
    expect(result.plan).toStrictEqual(evaluationPlan());
  });

  it('refuses an unknown kind and a sub-yen amount in a breakdown, naming their paths', () => {
    const doc = document(evaluationPlan());
    doc.nodes[0].children[0].projects[0].finances[0].details[0].kind = 'grant';
    expect(fromPlanDocument(doc).findings.map((f) => f.location?.path)).toEqual([
      'nodes.0.children.0.projects.0.finances.0.details.0.kind',
    ]);
    const fraction = document(evaluationPlan());
    fraction.nodes[0].children[0].projects[0].finances[0].details[1].amount = 0.0005;
    const findings = fromPlanDocument(fraction).findings;
    expect(findings.map((f) => [f.code, f.location?.path])).toEqual([
      ['amount.too-many-decimals', 'projects[no=0388].finances.0.details.1.amount'],
    ]);
  });
});
