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
  const stored = await ctx.store.municipalitySettings.find(code);
  if (!stored) return { scale: NATIONAL_SCALE, policies: [...DEFAULT_POLICIES] };
  const base = BUILT_IN_SCALES.find((s) => s.id === stored.scaleId) ?? NATIONAL_SCALE;
  return {
    scale: stored.thresholds ? withThresholds(base, stored.thresholds) : base,
    policies: stored.policies,
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
  await ctx.store.municipalitySettings.save(
    code,
    {
      scaleId: scale.id,
      thresholds: input.thresholds ? input.thresholds.slice(0, scale.bands.length - 1) : null,
      policies,
    },
    ctx.now(),
  );
}
