import { describe, expect, it } from 'vitest';
import type { Plan } from '../../core/plan.ts';
import { toPlanDocument } from '../../formats/json/plan-document.ts';
import { samplePlan } from '../../store/plans/sample-plan.ts';
import { useTestContext } from '../app-test-support.ts';
import { importFile } from './import-file.ts';

const NOW = '2026-11-30T00:00:00.000Z';

/** The sample plan (three projects, R2 results) as a file of 2022: its figures, no R2 entry. */
function fileFor2022(): Uint8Array {
  const plan = samplePlan(3);
  const nodes = plan.nodes.map((n) => ({
    ...n,
    projects: n.projects.map((p) => ({
      ...p,
      finances: [{ fiscalYear: 2022, budget: 1_000, settlement: null }],
      activities: p.activities.map((a) => ({ ...a, entries: [] })),
    })),
  }));
  const next: Plan = { ...plan, plan: { ...plan.plan, levels: ['基本目標', '施策'] }, nodes };
  return new TextEncoder().encode(JSON.stringify(toPlanDocument(next)));
}

describe('an import of an open year leaving out the published entries', () => {
  const ctx = useTestContext();

  it('keeps them, and says so: its changes are the new figures, no activity', async () => {
    const plan = samplePlan(3);
    const stored = { ...plan, plan: { ...plan.plan, levels: ['基本目標', '施策'] } };
    const planId = await ctx().store.plans.save({ plan: stored, fiscalYears: [2020], now: NOW });
    const scope = { municipalityCode: '012050', planId };
    await ctx().store.years.setUp({ ...scope, fiscalYear: 2020, status: 'published', at: NOW });
    const before = await ctx().store.plans.load('012050', planId);
    const input = { bytes: fileFor2022(), fileName: 'plan.json' };
    for (const dryRun of [true, false]) {
      const outcome = await importFile(ctx(), { ...input, dryRun });
      expect(outcome.findings).toEqual([]);
      expect(outcome.written).toBe(!dryRun);
      expect(outcome.changes.map((c) => c.kind)).not.toContain('project-activities-changed');
    }
    const after = await ctx().store.plans.load('012050', planId);
    const activities = (p: Plan | undefined) =>
      p?.nodes.flatMap((n) => n.projects.map((x) => x.activities));
    expect(activities(after)).toEqual(activities(before));
  });
});
