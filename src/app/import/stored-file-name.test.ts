import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOf } from '../../store/raw-database.ts';
import { useTestContext } from '../app-test-support.ts';
import { exportPlanFile } from '../export-plan.ts';
import { loadKpis } from '../kpi/kpi-records.ts';
import { importFile } from './import-file.ts';

const mapping = JSON.parse(
  readFileSync(new URL('../../../docs/mappings/strategy-csv.json', import.meta.url), 'utf8'),
);
const csv = [
  '基本目標,施策,事業No,事業名,担当課,R3予算,R3決算,KPI,単位,目標値(R6),実績(R3)',
  '1. しごとをつくる,創業支援,1,創業支援事業,商工課,"1,200",980,創業件数,件,50,12',
].join('\r\n');

describe('an imported file is named by its name, never by where it was on the server', () => {
  const ctx = useTestContext();

  it('keeps only the name as the KPI source and in the import history; no export holds the dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sousei-secret-dir-'));
    const path = join(dir, 'strategy.csv');
    writeFileSync(path, csv);
    const outcome = await importFile(ctx(), {
      bytes: readFileSync(path),
      fileName: path,
      mapping,
      municipalityCode: '131016',
      municipalityName: '千代田区',
      title: '総合戦略',
    });
    expect(outcome.findings).toEqual([]);
    expect(outcome.written).toBe(true);
    const [plan] = await ctx().store.plans.list('131016');
    if (!plan) throw new Error('no plan');
    const kpis = await loadKpis(ctx(), '131016', plan.id);
    expect(kpis[0]?.actuals.map((a) => a.source)).toEqual(['strategy.csv']);
    const runs = await databaseOf(ctx().store).selectFrom('import_runs').selectAll().execute();
    expect(runs.map((r) => r.file_name)).toEqual(['strategy.csv']);
    const exports = [
      { format: 'csv', table: 'kpis' },
      { format: 'csv', table: 'projects' },
      { format: 'csv', table: 'entries' },
      { format: 'json' },
      { format: 'tsv' },
    ] as const;
    for (const request of exports) {
      const file = await exportPlanFile(ctx(), { municipalityCode: '131016', ...request });
      const text = typeof file.body === 'string' ? file.body : '';
      expect(text).not.toContain(dir);
    }
    const kpiCsv = await exportPlanFile(ctx(), {
      municipalityCode: '131016',
      format: 'csv',
      table: 'kpis',
    });
    expect(kpiCsv.body).toContain('strategy.csv');
  });
});
