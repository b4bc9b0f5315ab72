import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../core/plan.ts';
import { readProgressTable } from '../tsv/progress-table-reader.ts';
import { parseTsv } from '../tsv/tsv-grid.ts';
import { readProgressWorkbook } from './progress-workbook-reader.ts';
import { writeProgressWorkbook } from './progress-workbook-writer.ts';

const options = { municipality: { code: '012050', name: '室蘭市' }, title: 'T' };
const sampleText = readFileSync(
  new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url),
  'utf8',
);

function sample(text = sampleText): Plan {
  const { plan } = readProgressTable(parseTsv(text), options);
  if (!plan) throw new Error('sample unreadable');
  return plan;
}

describe('the progress workbook (xlsx)', () => {
  it('round-trips the real sample: export → import gives the identical plan', async () => {
    const plan = sample();
    const bytes = await writeProgressWorkbook(plan, [2020], 'per-year');
    const back = await readProgressWorkbook(bytes, options);
    expect(back.findings).toEqual([]);
    expect(back.fiscalYears).toEqual([2020]);
    expect(back.plan).toEqual(plan);
  });

  it('lays the table out like the source: merged measure cells, numbers, totals, A3 landscape', async () => {
    const bytes = await writeProgressWorkbook(sample(), [2020], 'per-year');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('R2');
    if (!sheet) throw new Error('no R2 sheet');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(8);
    expect(sheet.views[0]?.state).toBe('frozen');
    const cells = sheet.getSheetValues() as unknown[][];
    const rowOf = (no: string) => cells.findIndex((r) => Array.isArray(r) && r[2] === no);
    const r1 = rowOf('1');
    expect(cells[r1]?.slice(1, 6)).toEqual([
      '地元企業への就職促進とUIターン の推進',
      '1',
      '移住推進事業',
      322,
      490,
    ]);
    // The measure cell spans its three projects.
    expect(sheet.getCell(r1 + 2, 1).isMerged).toBe(true);
    expect(sheet.getCell(r1 + 2, 1).master.address).toBe(`A${r1}`);
    const r16 = rowOf('16');
    expect(cells[r16]?.slice(4, 6)).toEqual(['-', '-']);
    const last = cells.at(-1);
    expect(last?.slice(4, 6)).toEqual([70090, 52139]);
    expect(sheet.getCell(r1, 4).font?.name).toBe('BIZ UDPゴシック');
  });

  it('keeps decimal 千円 amounts exact through Excel numbers', async () => {
    const plan = sample(
      sampleText.replace('\t322\t490\t', '\t2,551.01\t490\t').replace('70,090', '72,319.01'),
    );
    const back = await readProgressWorkbook(
      await writeProgressWorkbook(plan, [2020], 'per-year'),
      options,
    );
    expect(back.findings).toEqual([]);
    expect(back.plan?.nodes[0]?.children[0]?.children[0]?.projects[0]?.finances[0]?.budget).toBe(
      2_551_010,
    );
  });

  it('underlines KPI results and reads the underline back as the KPI flag', async () => {
    const plan = sample();
    const entry = plan.nodes[0]?.children[0]?.children[0]?.projects[0]?.activities[0]?.entries[0];
    if (!entry) throw new Error('no entry');
    entry.kpi = true;
    const bytes = await writeProgressWorkbook(plan, [2020], 'per-year');
    const back = await readProgressWorkbook(bytes, options);
    const activity = back.plan?.nodes[0]?.children[0]?.children[0]?.projects[0]?.activities[0];
    expect(activity?.entries[0]?.kpi).toBe(true);
    // The item as read now carries the underline in our notation.
    expect(activity?.source).toBe('移住相談 ▶R2…<u>41件</u>');
    if (activity) activity.source = '移住相談 ▶R2…41件';
    expect(back.plan).toEqual(plan);
  });

  it('writes one sheet per year or one cumulative sheet, both read back whole', async () => {
    const plan = sample();
    for (const p of plan.nodes.flatMap((g) =>
      g.children.flatMap((d) => d.children.flatMap((m) => m.projects)),
    )) {
      p.finances.push({ fiscalYear: 2021, budget: 1_000, settlement: null });
    }
    plan.statedTotals.push({ fiscalYear: 2021, budget: 24_000, settlement: null });
    for (const layout of ['per-year', 'cumulative'] as const) {
      const back = await readProgressWorkbook(
        await writeProgressWorkbook(plan, [2020, 2021], layout),
        options,
      );
      expect(back.findings).toEqual([]);
      expect(back.fiscalYears).toEqual([2020, 2021]);
      expect(back.plan).toEqual(plan);
    }
  });

  it('names the sheet and cell of a bad amount, and refuses a file that is not xlsx', async () => {
    const bytes = await writeProgressWorkbook(sample(), [2020], 'per-year');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('R2');
    if (!sheet) throw new Error('no R2 sheet');
    const cells = sheet.getSheetValues() as unknown[][];
    const r1 = cells.findIndex((r) => Array.isArray(r) && r[2] === '1');
    sheet.getCell(r1, 4).value = 'abc';
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const back = await readProgressWorkbook(edited, { ...options, file: 'x.xlsx' });
    expect(back.plan).toBeNull();
    expect(back.findings).toMatchObject([
      {
        code: 'amount.not-a-number',
        found: 'abc',
        location: { sheet: 'R2', cell: `D${r1}`, file: 'x.xlsx' },
      },
    ]);
    const garbage = await readProgressWorkbook(new TextEncoder().encode('not a workbook'), options);
    expect(garbage.findings.map((f) => f.code)).toEqual(['xlsx.unreadable']);
  });
});
