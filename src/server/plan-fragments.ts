import type { AppContext } from '../app/app-context.ts';
import type { Actor } from '../core/permissions.ts';

/** A page's body as rendered for one view of one content version, and what frames it. */
export interface PlanFragment {
  title: string;
  html: string;
  municipalityName: string;
  fiscalYear: number;
}

/** Fragments kept per store, oldest out first: one per plan, year, filter and kind of reader. */
const MAX_FRAGMENTS = 256;
const byStore = new WeakMap<object, Map<string, PlanFragment>>();

/**
 * Bodies of the signed-in's plan pages, rendered once per content version of the plan and per
 * everything the body depends on: the address and query asked, and the reader as permissions
 * see them (municipality, role, departments; never the person or the session, which stay in the
 * page's frame: header, CSRF token). The version is read from the database on every request, so
 * any process's write shows on the next page. `key` is null where there is no such version.
 */
export async function planFragmentKey(
  ctx: AppContext,
  code: string,
  planId: number,
  actor: Actor | null,
  asked: Record<string, string | undefined>,
): Promise<string | null> {
  const current = await ctx.store.contentVersions.ofPlan(planId);
  if (!current || current.municipalityCode !== code) return null;
  const reader = actor
    ? [actor.municipalityCode, actor.role, [...actor.departmentIds].sort((a, b) => a - b)]
    : null;
  return JSON.stringify([planId, current.version, reader, asked]);
}

export function keptPlanFragment(ctx: AppContext, key: string): PlanFragment | undefined {
  const fragments = byStore.get(ctx.store);
  const kept = fragments?.get(key);
  if (!fragments || !kept) return undefined;
  fragments.delete(key); // re-inserted: the Map's order is the recency order
  fragments.set(key, kept);
  return kept;
}

export function keepPlanFragment(ctx: AppContext, key: string, fragment: PlanFragment): void {
  const fragments = byStore.get(ctx.store) ?? new Map<string, PlanFragment>();
  byStore.set(ctx.store, fragments);
  fragments.set(key, fragment);
  for (const [oldest] of fragments) {
    if (fragments.size <= MAX_FRAGMENTS) break;
    fragments.delete(oldest);
  }
}
