import { toHalfWidth } from '../../core/half-width.ts';
import { BUILT_IN_SCALES, type StatusScale } from '../../core/status-scale.ts';
import { t } from '../../i18n/translate.ts';
import type { FieldError } from '../workflow/save-project-year.ts';
import type { MunicipalitySettings } from './municipality-settings.ts';

/**
 * The settings form (/m/CODE/settings): the scale, its thresholds in % and the 今後の方針 list,
 * as typed. Every built-in scale has its own threshold fields (`threshold_abcd_0`, …), so the
 * form works without JavaScript: only the chosen scale's fields are read on saving.
 */
export interface SettingsForm {
  scaleId: string;
  /** Typed thresholds in % per scale id, best band first (the last band has none). */
  thresholds: Record<string, string[]>;
  /** One 今後の方針 a line. */
  policies: string;
}

export const MAX_POLICY_LENGTH = 30;
export const MAX_POLICIES = 20;
/** Thresholds are achievement rates in %: below 0 is getting worse, far above 100 is allowed. */
const LIMIT_PERCENT = 1000;

export const thresholdField = (scaleId: string, i: number) => `threshold_${scaleId}_${i}`;

/** A rate (1 = 100 %) as the % a person types: 0.7 → "70", 1.125 → "112.5". */
export function percentText(rate: number): string {
  return String(Number((rate * 100).toFixed(4)));
}

/** How a scale reads: `A 100%以上、B 80%以上、C 50%以上、D それ未満`. */
export function describeScale(scale: StatusScale): string {
  return scale.bands
    .map((b) =>
      b.min === null
        ? t('scale.band.rest', { label: b.label })
        : t(b.inclusive ? 'scale.band.at-least' : 'scale.band.above', {
            label: b.label,
            min: percentText(b.min),
          }),
    )
    .join('、');
}

/** The form as stored: the chosen scale's thresholds, the other scales' defaults. */
export function settingsFormOf(settings: MunicipalitySettings): SettingsForm {
  const thresholds: Record<string, string[]> = {};
  for (const base of BUILT_IN_SCALES) {
    const scale = base.id === settings.scale.id ? settings.scale : base;
    thresholds[base.id] = scale.bands
      .slice(0, -1)
      .map((b) => (b.min === null ? '' : percentText(b.min)));
  }
  return { scaleId: settings.scale.id, thresholds, policies: settings.policies.join('\n') };
}

export type ParsedSettings =
  | { ok: true; scaleId: string; thresholds: number[]; policies: string[] }
  | { ok: false; errors: Record<string, FieldError> };

/** Checks the form; errors are keyed by field name so each stands next to its field. */
export function parseSettingsForm(form: SettingsForm): ParsedSettings {
  const errors: Record<string, FieldError> = {};
  const scale = BUILT_IN_SCALES.find((s) => s.id === form.scaleId);
  if (!scale) errors.scale = { key: 'settings.scale-required' };

  const thresholds: (number | null)[] = [];
  if (scale) {
    const typed = form.thresholds[scale.id] ?? [];
    for (let i = 0; i < scale.bands.length - 1; i++) {
      const name = thresholdField(scale.id, i);
      const text = toHalfWidth(typed[i] ?? '')
        .trim()
        .replace(/\s*[%％]$/, '');
      const percent = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
      thresholds.push(percent === null ? null : percent / 100);
      const previous = i > 0 ? thresholds[i - 1] : null;
      if (percent === null) errors[name] = { key: 'settings.threshold-not-a-number' };
      else if (Math.abs(percent) > LIMIT_PERCENT) {
        errors[name] = { key: 'settings.threshold-out-of-range', params: { max: LIMIT_PERCENT } };
      } else if (previous !== null && previous !== undefined && !(percent / 100 < previous)) {
        const above = scale.bands[i - 1]?.label ?? '';
        errors[name] = { key: 'settings.threshold-order', params: { label: above } };
      }
    }
  }

  const policies: string[] = [];
  for (const line of form.policies.split(/\r?\n/)) {
    const policy = line.trim();
    if (!policy) continue;
    if (policy.length > MAX_POLICY_LENGTH && !errors.policies) {
      errors.policies = {
        key: 'settings.policy-too-long',
        params: { policy, max: MAX_POLICY_LENGTH },
      };
    } else if (policies.includes(policy) && !errors.policies) {
      errors.policies = { key: 'settings.policy-duplicate', params: { policy } };
    }
    policies.push(policy);
  }
  if (policies.length === 0) errors.policies = { key: 'settings.policies-required' };
  else if (policies.length > MAX_POLICIES && !errors.policies) {
    errors.policies = { key: 'settings.policies-too-many', params: { max: MAX_POLICIES } };
  }

  if (Object.keys(errors).length > 0 || !scale) return { ok: false, errors };
  return {
    ok: true,
    scaleId: scale.id,
    thresholds: thresholds.filter((m): m is number => m !== null),
    policies,
  };
}
