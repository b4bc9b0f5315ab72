import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { allProjects, type Plan } from '../../core/plan.ts';
import { readProgressTable } from '../tsv/progress-table-reader.ts';
import { parseTsv } from '../tsv/tsv-grid.ts';
import { DETAIL_SHEET, TAG_SHEET } from './breakdown-sheets.ts';
import { readProgressWorkbook } from './progress-workbook-reader.ts';
import { METADATA_SHEET, writeProgressWorkbook } from './progress-workbook-writer.ts';

const options = { municipality: { code: '012050', name: '室蘭市' }, title: 'T' };
const sampleText = readFileSync(
  new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url),
  'utf8',
);

/** The real sample with tags on two projects and a breakdown on one project's R2. */
function sampleWithExtras(): Plan {
  const { plan } = readProgressTable(parseTsv(sampleText), options);
  if (!plan) throw new Error('sample unreadable');
  const [first, second] = allProjects(plan);
  if (!first || !second) throw new Error('sample without projects');
  first.tags = ['総合戦略', '重点'];
  second.tags = ['総合戦略'];
  const r2 = first.finances.find((f) => f.fiscalYear === 2020);
  if (!r2) throw new Error('no R2 figures');
  r2.details = [
    { label: '国庫支出金', kind: 'source', amount: 161_000 },
    { label: '一般財源', kind: 'source', amount: null },
    { label: '人件費', kind: 'staff', amount: 1_355_393 },
    { label: 'トータルコスト', kind: 'total', amount: 1_845_393 },
  ];
  return plan;
}

async function sheetsOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('the progress workbook: tags and finance details', () => {
  it('round-trips tags and a breakdown, per year and cumulative', async () => {
    const plan = sampleWithExtras();
    for (const layout of ['per-year', 'cumulative'] as const) {
      const back = await readProgressWorkbook(
        await writeProgressWorkbook(plan, [2020], layout),
        options,
      );
      expect(back.findings).toEqual([]);
      expect(back.plan).toEqual(plan);
    }
  });

  it('writes them on two sheets of their own, amounts in the table unit, numbers as text', async () => {
    const wb = await sheetsOf(await writeProgressWorkbook(sampleWithExtras(), [2020], 'per-year'));
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'R2',
      TAG_SHEET,
      DETAIL_SHEET,
      METADATA_SHEET,
    ]);
    const details = wb.getWorksheet(DETAIL_SHEET)?.getSheetValues() as unknown[][];
    expect(details[1]?.slice(1)).toEqual(['No.', '年度', '項目', '区分', '金額（千円）']);
    expect(details[4]?.slice(1)).toEqual(['1', 'R2', '人件費', '人件費', 1355.393]);
    expect(details[3]?.slice(1)).toEqual(['1', 'R2', '一般財源', '財源', '-']);
  });

  it('adds no sheet to a plan without tags or breakdowns', async () => {
    const { plan } = readProgressTable(parseTsv(sampleText), options);
    if (!plan) throw new Error('sample unreadable');
    const wb = await sheetsOf(await writeProgressWorkbook(plan, [2020], 'per-year'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['R2', METADATA_SHEET]);
  });

  it('refuses rows it cannot place, naming each cell', async () => {
    const wb = await sheetsOf(await writeProgressWorkbook(sampleWithExtras(), [2020], 'per-year'));
    const sheet = wb.getWorksheet(DETAIL_SHEET);
    if (!sheet) throw new Error('no details sheet');
    sheet.addRow(['999', 'R2', '地方債', '財源', 10]);
    sheet.addRow(['1', 'R9', '', '補助', '1.0001']);
    const back = await readProgressWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), options);
    expect(back.plan).toBeNull();
    expect(back.findings.map((f) => [f.location?.cell, f.expected, f.found])).toEqual([
      ['A6', 'project-no', '999'],
      ['B7', 'finance-year', 'R9'],
      ['C7', 'detail-label', ''],
      ['D7', 'detail-kind', '補助'],
      ['E7', 'amount', '1.0001'],
    ]);
  });
});
