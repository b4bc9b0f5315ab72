import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractMetrics } from '../../core/figures/extract-metrics.ts';
import { metricOf } from '../../core/stored-metric.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { useTestContext } from '../app-test-support.ts';
import { exportPlan } from '../export-plan.ts';
import { importPlan } from '../import-plan.ts';

const SAMPLE = readFileSync(new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url));
const TITLE = '第2期室蘭市まち・ひと・しごと創生総合戦略';

interface EntryDoc {
  kind: string;
  text: string;
  metrics?: { value: number; unit: string; label: string; confirmed: unknown }[];
  status?: string | null;
}

function entriesOf(json: string): EntryDoc[] {
  const found: EntryDoc[] = [];
  JSON.stringify(JSON.parse(json), (key, value) => {
    if (key === 'entries') found.push(...(value as EntryDoc[]));
    return value;
  });
  return found;
}

describe('figures in the JSON format', () => {
  const first = useTestContext();
  const second = useTestContext();

  it('are written for every result as read, and a confirmed one survives export and import', async () => {
    const ctx = first();
    await importPlan(ctx, {
      bytes: SAMPLE,
      fileName: 'muroran-r2-progress.tsv',
      municipalityCode: '012050',
      municipalityName: '室蘭市',
      title: TITLE,
    });
    const exported = await exportPlan(ctx, { format: 'json' });
    const results = entriesOf(exported).filter((e) => e.kind === 'result');
    expect(results.length).toBeGreaterThan(0);
    for (const e of results) {
      const read = extractMetrics(e.text);
      expect(e.metrics?.map(({ confirmed, ...m }) => m)).toEqual(read.metrics);
      expect(e.status).toBe(read.status);
    }
    // A person corrects the first figure of the plan.
    const db = databaseOf(ctx.store);
    const figure = await db
      .selectFrom('entry_metrics as m')
      .innerJoin('activity_entries as e', 'e.id', 'm.entry_id')
      .innerJoin('activities as a', 'a.id', 'e.activity_id')
      .innerJoin('projects as p', 'p.id', 'a.project_id')
      .select(['m.entry_id', 'm.position', 'p.id as project', 'p.plan_id', 'p.version'])
      .orderBy('m.entry_id')
      .executeTakeFirstOrThrow();
    const stored = await ctx.store.metrics.find('012050', figure.entry_id, figure.position);
    if (!stored) throw new Error('no figure');
    const outcome = await ctx.store.metrics.confirm({
      municipalityCode: '012050',
      planId: figure.plan_id,
      projectId: figure.project,
      fiscalYear: 2020,
      entryId: figure.entry_id,
      position: figure.position,
      metric: { ...metricOf(stored), label: '移住相談', value: 42.5 },
      expectedVersion: figure.version,
      userId: null,
      userName: '企画 太郎',
      origin: 'web',
      at: '2026-12-01T00:00:00.000Z',
    });
    expect(outcome.ok).toBe(true);
    const withConfirmed = await exportPlan(ctx, { format: 'json' });
    const confirmed = entriesOf(withConfirmed).flatMap((e) =>
      (e.metrics ?? []).filter((m) => m.confirmed !== null),
    );
    expect(confirmed).toEqual([
      expect.objectContaining({
        label: '移住相談',
        value: 42.5,
        confirmed: { by: '企画 太郎', at: '2026-12-01T00:00:00.000Z' },
      }),
    ]);
    // Into another installation and out again: the same document, the confirmation included.
    const other = second();
    const imported = await importPlan(other, {
      bytes: new TextEncoder().encode(withConfirmed),
      fileName: 'plan.json',
    });
    expect(imported.findings).toEqual([]);
    expect(await exportPlan(other, { format: 'json' })).toBe(withConfirmed);
  });
});
