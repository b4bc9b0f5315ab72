import type { Activity } from '../core/plan.ts';
import type { TestServer } from './test-server.ts';

/**
 * Adds an R3 (open year) result to the first activity of a demo project, as the entry form
 * writes it; returns that activity as it was before (its title names what a lone figure counts).
 */
export async function addOpenYearResult(
  server: TestServer,
  projectId: number,
  text: string,
): Promise<Activity | undefined> {
  const indexed = await server.ctx.store.plans.loadIndexed('012050', server.planId);
  const found = [...(indexed?.projects ?? [])].find(([, ref]) => ref.id === projectId);
  if (!found) throw new Error(`no project ${projectId}`);
  const [project, ref] = found;
  const activities: Activity[] = structuredClone(project.activities);
  const first = project.activities[0];
  activities[0]?.entries.push({
    kind: 'result',
    fiscalYear: 2021,
    yearLabel: 'R3',
    text,
    kpi: false,
  });
  const saved = await server.ctx.store.yearEntries.save({
    municipalityCode: '012050',
    planId: server.planId,
    projectId,
    fiscalYear: 2021,
    userId: null,
    origin: 'web',
    at: server.ctx.now(),
    expectedVersion: ref.version,
    budget: project.finances.find((f) => f.fiscalYear === 2021)?.budget ?? null,
    settlement: project.finances.find((f) => f.fiscalYear === 2021)?.settlement ?? null,
    activities,
    previousActivities: project.activities,
  });
  if (!saved.ok) throw new Error(`the R3 result of project ${projectId} was refused`);
  return first;
}
