import { describe, expect, it } from 'vitest';
import { MURORAN_CONVENTIONS, type Plan } from '../../core/plan.ts';
import { OPEN_DATA_COLUMNS, openDataCsv } from './open-data-csv.ts';

const figure = {
  label: '就職者',
  value: 3,
  unit: '名',
  partOf: null,
  cumulative: false,
  total: false,
  approximate: true,
  upTo: null,
  target: 10,
  asOf: '3月調査時点',
  confirmed: { by: '企画 太郎', at: '2026-12-01T00:00:00.000Z' },
};

function plan(): Plan {
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
    statedTotals: [],
    nodes: [
      {
        title: 'しごと',
        children: [],
        projects: [
          {
            no: '7',
            name: '就職支援',
            notes: [],
            department: null,
            finances: [],
            activities: [
              {
                title: '面接会',
                text: '面接会',
                source: null,
                relistOf: null,
                entries: [
                  {
                    kind: 'result',
                    fiscalYear: 2020,
                    yearLabel: 'R2',
                    text: '就職者約3名',
                    kpi: false,
                    metrics: [figure],
                    status: null,
                  },
                  {
                    kind: 'result',
                    fiscalYear: 2021,
                    yearLabel: 'R3',
                    text: '中止',
                    kpi: false,
                    metrics: [],
                    status: '中止',
                  },
                  {
                    kind: 'revision',
                    fiscalYear: 2020,
                    yearLabel: 'R2',
                    text: '10名に',
                    kpi: false,
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

describe('figures.csv', () => {
  it('has one row per figure of a result of the years asked, with its flags and confirmation', () => {
    const csv = openDataCsv('figures', plan(), new Set([2020]), { bom: false });
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header?.split(',')).toEqual(OPEN_DATA_COLUMNS.figures);
    expect(rows).toEqual([
      '012050,室蘭市,総合戦略,7,就職支援,1,面接会,2020,令和2年度,就職者約3名,,1,就職者,3,名,,,,○,,10,3月調査時点,企画 太郎,2026-12-01T00:00:00.000Z',
    ]);
    expect(
      openDataCsv('figures', plan(), new Set([2021]), { bom: false }).split('\r\n'),
    ).toHaveLength(2);
    // A result without figures still says what happened: entries.csv's last column.
    const entries = openDataCsv('entries', plan(), new Set([2021]), { bom: false });
    expect(entries.trimEnd().split('\r\n')[1]?.endsWith(',中止,,中止')).toBe(true);
  });
});
