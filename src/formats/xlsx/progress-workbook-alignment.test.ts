import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../core/plan.ts';
import { readProgressTable } from '../tsv/progress-table-reader.ts';
import { parseTsv } from '../tsv/tsv-grid.ts';
import { writeProgressWorkbook } from './progress-workbook-writer.ts';

const options = { municipality: { code: '012050', name: '室蘭市' }, title: 'T' };

function sample(): Plan {
  const text = readFileSync(
    new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url),
    'utf8',
  );
  const { plan } = readProgressTable(parseTsv(text), options);
  if (!plan) throw new Error('sample unreadable');
  return plan;
}

/** Issue 13: the goal and 分類 rows, merged across the table, read from the left like text. */
describe('the progress workbook’s heading rows', () => {
  it('are left-aligned across every cell of their merge, amounts stay right-aligned', async () => {
    const plan = sample();
    const bytes = await writeProgressWorkbook(plan, [2020], 'per-year');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('R2');
    if (!sheet) throw new Error('no R2 sheet');
    const goal = plan.nodes[0];
    const category = goal?.children[0];
    if (!goal || !category) throw new Error('the sample has goals and 分類');
    const width = sheet.columnCount;
    let seen = 0;
    sheet.eachRow((row) => {
      const title = row.getCell(1).value;
      if (title !== goal.title && title !== category.title) return;
      seen++;
      for (let c = 1; c <= width; c++) {
        expect(row.getCell(c).isMerged, `${row.number}:${c}`).toBe(true);
        expect(row.getCell(c).alignment?.horizontal ?? 'left', `${row.number}:${c}`).toBe('left');
      }
    });
    expect(seen).toBe(2);
    const project = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1))
      .find((row) => row.getCell(2).value === '1');
    expect(project?.getCell(4).alignment?.horizontal).toBe('right');
  });
});
