import { describe, expect, it } from 'vitest';
import { MURORAN_CONVENTIONS, type Plan } from '../../core/plan.ts';
import { parseCsv } from './csv-grid.ts';
import { openDataCsv } from './open-data-csv.ts';
import { isOpenDataPlanCsv, readOpenDataPlanCsv } from './open-data-plan-reader.ts';

const plan: Plan = {
  municipality: { code: '012050', name: '室蘭市' },
  plan: {
    title: '総合計画',
    kind: '総合計画',
    firstFiscalYear: 2020,
    lastFiscalYear: 2024,
    levels: ['政策', '施策', '事務事業'],
  },
  amountUnit: '千円',
  conventions: { ...MURORAN_CONVENTIONS },
  nodes: [
    {
      title: '安心なまち',
      projects: [],
      children: [
        {
          title: '防災',
          children: [],
          projects: [
            {
              no: '0388',
              name: '防災訓練事業',
              notes: ['新規', '国の交付金を活用'],
              department: '危機管理課',
              finances: [{ fiscalYear: 2020, budget: 2_551_010, settlement: 0 }],
              activities: [],
            },
          ],
        },
      ],
    },
    { title: '事業のない政策', projects: [], children: [] },
  ],
  statedTotals: [{ fiscalYear: 2020, budget: 2_600_000, settlement: null }],
};

const csv = (p: Plan) => openDataCsv('plan', p, new Set([2020]), { bom: false });

describe('plan.csv, the open-data table that holds the whole plan', () => {
  it('writes one row per node, project, project-year and stated total, and reads them back', () => {
    const rows = parseCsv(csv(plan));
    expect(isOpenDataPlanCsv(rows)).toBe(true);
    expect(rows.slice(1).map((r) => r.cells.slice(8, 13))).toEqual([
      ['階層', '1', '安心なまち', '', ''],
      ['階層', '2', '防災', '', ''],
      ['事業', '2', '', '0388', '防災訓練事業'],
      ['予算・決算', '', '', '0388', ''],
      ['階層', '1', '事業のない政策', '', ''],
      ['記載合計', '', '', '', ''],
    ]);
    expect(rows[4]?.cells.slice(15, 18)).toEqual(['2020', '2551010', '0']);
    expect(readOpenDataPlanCsv(rows)).toEqual({ plan, findings: [] });
  });

  it('names every row it cannot read, with its line and column', () => {
    const text = csv(plan)
      .replace(',階層,2,', ',階層,3,')
      .replace('予算・決算', '予算')
      .replace(',2600000,', ',abc,');
    const { plan: read, findings } = readOpenDataPlanCsv(parseCsv(text), 'plan.csv');
    expect(read).toBeNull();
    expect(findings.map((f) => [f.code, f.location?.line, f.location?.columnName])).toEqual([
      ['csv.plan-invalid', 3, '階層'],
      // Line 4's notes take two lines: the rows below start one line further.
      ['csv.plan-invalid', 6, '行の種類'],
      ['csv.plan-invalid', 8, '予算（円）'],
    ]);
  });

  it('is not any other CSV: the other open-data tables are told apart by their header', () => {
    const other = openDataCsv('projects', plan, new Set([2020]), { bom: false });
    expect(isOpenDataPlanCsv(parseCsv(other))).toBe(false);
  });
});
