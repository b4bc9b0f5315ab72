import { SouseiError } from '../../core/errors.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';
import {
  BUILT_IN_SCALES,
  DEFAULT_POLICIES,
  NATIONAL_SCALE,
  type StatusScale,
  withThresholds,
} from '../../core/status-scale.ts';
import type { AppContext } from '../app-context.ts';

export interface MunicipalitySettings {
  /** The scale reports and evaluations use, thresholds applied. */
  scale: StatusScale;
  /** 今後の方針 options. */
  policies: string[];
}

/** A municipality's settings, or the defaults: the national four levels and 発展…終了. */
export async function loadSettings(ctx: AppContext, code: string): Promise<MunicipalitySettings> {
  const row = await ctx.store.db
    .selectFrom('municipality_settings')
    .selectAll()
    .where('municipality_code', '=', code)
    .executeTakeFirst();
  if (!row) return { scale: NATIONAL_SCALE, policies: [...DEFAULT_POLICIES] };
  const base = BUILT_IN_SCALES.find((s) => s.id === row.scale_id) ?? NATIONAL_SCALE;
  const thresholds = row.thresholds ? (JSON.parse(row.thresholds) as (number | null)[]) : null;
  return {
    scale: thresholds ? withThresholds(base, thresholds) : base,
    policies: JSON.parse(row.policies) as string[],
  };
}

export async function saveSettings(
  ctx: AppContext,
  actor: Actor | null,
  code: string,
  input: { scaleId: string; thresholds: (number | null)[] | null; policies: string[] },
): Promise<void> {
  if (!isAdmin(actor, code)) throw new SouseiError('forbidden', 'auth.forbidden');
  const scale = BUILT_IN_SCALES.find((s) => s.id === input.scaleId);
  const policies = input.policies.map((p) => p.trim()).filter((p) => p !== '');
  if (!scale || policies.length === 0) throw new SouseiError('usage', 'settings.invalid');
  if (input.thresholds) {
    const mins = input.thresholds.slice(0, scale.bands.length - 1);
    const ordered = mins.every((m, i) => m !== null && (i === 0 || m < (mins[i - 1] as number)));
    if (!ordered || mins.length !== scale.bands.length - 1)
      throw new SouseiError('usage', 'settings.invalid');
  }
  const values = {
    scale_id: scale.id,
    thresholds: input.thresholds
      ? JSON.stringify(input.thresholds.slice(0, scale.bands.length - 1))
      : null,
    policies: JSON.stringify(policies),
    updated_at: ctx.now(),
  };
  await ctx.store.db
    .insertInto('municipality_settings')
    .values({ municipality_code: code, ...values })
    .onConflict((oc) => oc.column('municipality_code').doUpdateSet(values))
    .execute();
}
