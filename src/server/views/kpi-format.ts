import type { KpiDefinition } from '../../core/kpi.ts';
import { DIRECTION_LABELS, KIND_LABELS } from '../../core/kpi-input.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { parseIsoDate } from '../../core/plain-date.ts';
import type { StatusScale } from '../../core/status-scale.ts';
import { formatWarekiDate } from '../../core/wareki-date.ts';
import { t } from '../../i18n/translate.ts';
import { fyShort } from './format.ts';

const NUMBER = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });

/** A KPI value as read: 1,234 / 12.5 (computed pro-rated targets to two decimals). */
export function kpiNumber(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NO_VALUE_MARK : NUMBER.format(value);
}

/** An as-of date: 2021-03-31 → 令和3年3月31日 (kept as stored if it is not a date). */
export function asOfLabel(iso: string | null): string | null {
  if (!iso) return null;
  const d = parseIsoDate(iso);
  if (!d) return iso;
  try {
    return formatWarekiDate(d, 'long');
  } catch {
    return iso;
  }
}

export const directionLabel = (d: KpiDefinition['direction']) => DIRECTION_LABELS[d];
export const kindLabel = (k: KpiDefinition['kind']) => KIND_LABELS[k];
/** 活動指標 / 成果指標, or '' where the source did not say. */
export const categoryLabel = (c: KpiDefinition['category']) => (c ? t(`kpi.category.${c}`) : '');

/** 10（R1） */
export function valueAtYear(v: { value: number; fiscalYear: number } | null): string {
  return v ? `${kpiNumber(v.value)}（${fyShort(v.fiscalYear)}）` : NO_VALUE_MARK;
}

/** R3 20・R4 40 */
export function yearTargetsLabel(def: KpiDefinition): string {
  return [...def.yearTargets]
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .map((y) => `${fyShort(y.fiscalYear)} ${kpiNumber(y.value)}`)
    .join('・');
}

/** 「区分: 事業効果（国の様式の4段階）（非常に効果的であった 100%以上、…）」 */
export function scaleNote(scale: StatusScale): string {
  const bands = scale.bands
    .map((b) => {
      if (b.min === null) return t('kpi.scale.band.rest', { label: b.label });
      const min = Number((b.min * 100).toFixed(1));
      return t(b.inclusive ? 'kpi.scale.band.at-least' : 'kpi.scale.band.above', {
        label: b.label,
        min,
      });
    })
    .join('、');
  return t('kpi.scale.note', { name: scale.name, bands });
}
