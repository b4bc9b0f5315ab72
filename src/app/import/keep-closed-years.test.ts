import { describe, expect, it } from 'vitest';
import type { Plan } from '../../core/plan.ts';
import { toPlanDocument } from '../../formats/json/plan-document.ts';
import { findingMessage } from '../../i18n/format-finding.ts';
import { samplePlan } from '../../store/plans/sample-plan.ts';
import { useTestContext } from '../app-test-support.ts';
import { importFile } from './import-file.ts';

const NOW = '2026-11-30T00:00:00.000Z';

/** The sample plan of three projects, with the two levels a JSON document names. */
function stored(): Plan {
  const plan = samplePlan(3);
  return { ...plan, plan: { ...plan.plan, levels: ['基本目標', '施策'] } };
}

/** The sample plan with its figures moved to 2022 (the year the file writes) and `keep` projects. */
function fileFor2022(keep: readonly string[]): Uint8Array {
  const plan = stored();
  const nodes = plan.nodes.map((n) => ({
    ...n,
    projects: n.projects
      .filter((p) => keep.includes(p.no))
      .map((p) => ({ ...p, finances: [{ fiscalYear: 2022, budget: 1_000, settlement: null }] })),
  }));
  const next: Plan = { ...plan, nodes };
  return new TextEncoder().encode(JSON.stringify(toPlanDocument(next)));
}

describe('an import leaving out a project of a published year', () => {
  const ctx = useTestContext();

  it('is refused, in the dry run as in the real import, naming the project; nothing is written', async () => {
    const planId = await ctx().store.plans.save({
      plan: stored(),
      fiscalYears: [2020, 2021],
      now: NOW,
    });
    const scope = { municipalityCode: '012050', planId };
    await ctx().store.years.setUp({ ...scope, fiscalYear: 2020, status: 'published', at: NOW });
    const before = await ctx().store.plans.load('012050', planId);
    const input = { bytes: fileFor2022(['1', '3']), fileName: 'plan.json' };
    for (const dryRun of [true, false]) {
      const outcome = await importFile(ctx(), { ...input, dryRun });
      // The file itself is sound: the refusal is its only problem.
      expect(outcome.findings.filter((f) => !f.code.startsWith('keep.'))).toEqual([]);
      expect(outcome.fiscalYears).toEqual([2022]);
      expect(outcome.written).toBe(false);
      const refused = outcome.findings.filter((f) => f.code.startsWith('keep.'));
      expect(refused.map((f) => [f.code, f.location?.projectNo, f.location?.fiscalYear])).toEqual([
        ['keep.project.published', '2', 2020],
      ]);
      expect(findingMessage(refused[0] ?? { severity: 'error', code: '' })).toContain(
        '事業「事業2」がファイルにありません。公表済みの年度',
      );
    }
    expect(await ctx().store.plans.load('012050', planId)).toEqual(before);
  });
});
