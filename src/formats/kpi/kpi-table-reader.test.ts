import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/csv-grid.ts';
import { readKpiTable } from './kpi-table-reader.ts';

const HEADER = '区分,対象,指標名,単位,方向,種類,基準値,基準年度,目標値,目標年度';

describe('the KPI table', () => {
  it('reads a row with its year columns, in any column order and header spelling', () => {
    const table = readKpiTable(
      parseCsv(
        `${HEADER},実績_R3,目標 令和4年度,実績日_R3,出典_R3\n` +
          '事業,１,相談件数,件,高,累計,,,"1,200",令和6年度,５２,300,2022/3/31,事業実績\n',
      ),
      { file: 'k.csv' },
    );
    expect(table.findings).toEqual([]);
    expect(table.fiscalYears).toEqual([2021, 2022]);
    expect(table.rows).toMatchObject([
      {
        line: 2,
        scope: 'project',
        owner: '１',
        name: '相談件数',
        direction: 'higher',
        kind: 'cumulative',
        baseline: null,
        target: { value: 1200, fiscalYear: 2024 },
        yearTargets: [{ fiscalYear: 2022, value: 300 }],
        actuals: [
          {
            fiscalYear: 2021,
            value: 52,
            asOf: '2022-03-31',
            source: '事業実績',
            column: 11,
            columnName: '実績_R3',
          },
        ],
      },
    ]);
  });

  it('reads a dash of any kind in an optional cell as no value (core/no-value)', () => {
    const table = readKpiTable(
      parseCsv(
        `${HEADER},実績_R3,実績_R4,実績_R5\n` +
          '事業,1,相談件数,件,高,単年度,\u2010,\u2013,100,R6,\uFF0D,\u2014,12\n',
      ),
      { file: 'k.csv' },
    );
    expect(table.findings).toEqual([]);
    expect(table.rows).toMatchObject([
      { baseline: null, actuals: [{ fiscalYear: 2023, value: 12 }] },
    ]);
  });

  it('reports every bad cell of every row, with what was expected and found', () => {
    const table = readKpiTable(
      parseCsv(`${HEADER}\n施策,,名前,,斜め,毎年,5,,x,R6\n事業,1,,件,低,単年度,,R1,1,来年\n`),
      { file: 'k.csv' },
    );
    expect(table.rows).toEqual([]);
    expect(
      table.findings.map((f) => [
        f.location?.line,
        f.location?.column,
        f.code,
        f.expected,
        f.found,
      ]),
    ).toEqual([
      [2, 2, 'kpi.import.required', 'kpi-owner', ''],
      [2, 4, 'kpi.import.required', 'kpi-unit', ''],
      [2, 5, 'kpi.import.unreadable', 'kpi-direction', '斜め'],
      [2, 6, 'kpi.import.unreadable', 'kpi-kind', '毎年'],
      [2, 9, 'kpi.import.unreadable', 'kpi-number', 'x'],
      [2, 8, 'kpi.import.baseline-pair', 'kpi-baseline-pair', ''],
      [3, 3, 'kpi.import.required', 'kpi-name', ''],
      [3, 10, 'kpi.import.unreadable', 'kpi-fiscal-year', '来年'],
      [3, 7, 'kpi.import.baseline-pair', 'kpi-baseline-pair', ''],
    ]);
    // A row with a bad cell still names its owner, so that can be checked too.
    expect(table.partial).toEqual([{ line: 3, scope: 'project', owner: '1', column: 2 }]);
  });

  it('refuses a value under no header and an empty table', () => {
    const extra = readKpiTable(parseCsv(`${HEADER}\n事業,1,a,件,高,単年度,,,1,R6,余分\n`));
    expect(extra.findings).toMatchObject([
      { code: 'row.unexpected-cell', location: { line: 2, column: 11 }, found: '余分' },
    ]);
    expect(readKpiTable(parseCsv(`${HEADER}\n,,,\n`)).findings).toMatchObject([
      { code: 'kpi.import.no-rows' },
    ]);
    expect(readKpiTable(parseCsv('a,b\n1,2\n')).findings).toMatchObject([
      { code: 'kpi.import.header-not-found', location: { line: 1 } },
    ]);
  });
});
