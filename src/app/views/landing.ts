import type { Actor } from '../../core/permissions.ts';
import type { AppContext } from '../app-context.ts';

/**
 * Where a signed-in person starts: an editor on the to-do page of the plan whose year is open
 * for entry (their work), everyone else on their municipality's page.
 */
export async function landingFor(
  ctx: AppContext,
  actor: Actor,
): Promise<{ municipalityCode: string; todoPlanId: number | null }> {
  const code = actor.municipalityCode;
  if (actor.role !== 'editor') return { municipalityCode: code, todoPlanId: null };
  for (const plan of await ctx.store.plans.list(code)) {
    const statuses = await ctx.store.years.statuses(code, plan.id);
    if ([...statuses.values()].includes('open'))
      return { municipalityCode: code, todoPlanId: plan.id };
  }
  return { municipalityCode: code, todoPlanId: null };
}
