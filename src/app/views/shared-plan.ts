import type { IndexedPlan } from '../../store/load-plan.ts';
import type { AppContext } from '../app-context.ts';

/** Plans kept per store; a plan is a few hundred kB, the oldest goes first. */
const MAX_PLANS = 32;
const byStore = new WeakMap<object, Map<number, { version: string; indexed: IndexedPlan }>>();

/**
 * A plan as loaded for pages that only read it, shared by every request of its content version:
 * loaded again only after a write changed the version (read from the database each time, so
 * another process's write counts too). The version is read first: a plan loaded after a later
 * write is kept under the older version and simply loaded again by the next request.
 * Callers must not change what they are handed.
 */
export async function sharedIndexedPlan(
  ctx: AppContext,
  code: string,
  planId: number,
): Promise<IndexedPlan | undefined> {
  const current = await ctx.store.contentVersions.ofPlan(planId);
  if (!current || current.municipalityCode !== code) return undefined;
  const plans = byStore.get(ctx.store) ?? new Map();
  byStore.set(ctx.store, plans);
  const kept = plans.get(planId);
  if (kept?.version === current.version) return kept.indexed;
  const indexed = await ctx.store.plans.loadIndexed(code, planId);
  if (!indexed) return undefined;
  plans.delete(planId);
  plans.set(planId, { version: current.version, indexed });
  for (const [oldest] of plans) {
    if (plans.size <= MAX_PLANS) break;
    plans.delete(oldest);
  }
  return indexed;
}
