import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../formats/csv/csv-grid.ts';
import { importKpis } from './import-kpis.ts';
import { type KpiWorld, kpiWorld } from './kpi-test-support.ts';

/** The same KPI table as an Excel workbook imports exactly as the CSV does. */
describe('KPI import from xlsx', () => {
  let world: KpiWorld;
  beforeAll(async () => {
    world = await kpiWorld('sqlite');
  });
  afterAll(() => world?.close());

  it('reads the first sheet with the documented columns, numbers typed as numbers', async () => {
    const csv = readFileSync(new URL('../../../samples/muroran-kpis.csv', import.meta.url));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('KPI');
    for (const row of parseCsv(csv.toString('utf8'))) {
      // Numbers as Excel keeps them (40,000 → 40000), text as text.
      sheet.addRow(
        row.cells.map((c) => (/^[\d,]+(\.\d+)?$/.test(c) ? Number(c.replaceAll(',', '')) : c)),
      );
    }
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const input = { municipalityCode: '012050', planId: world.planId, dryRun: true };
    const fromCsv = await importKpis(
      world.ctx,
      { operator: true },
      { ...input, fileName: 'k.csv', bytes: csv },
    );
    const fromXlsx = await importKpis(
      world.ctx,
      { operator: true },
      { ...input, fileName: 'k.xlsx', bytes: xlsx },
    );
    expect(fromCsv.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(fromXlsx.rows).toBe(fromCsv.rows);
    expect(fromXlsx.findings.map((f) => f.code)).toEqual(fromCsv.findings.map((f) => f.code));
    expect(fromXlsx.changes).toEqual(fromCsv.changes);
  });
});
