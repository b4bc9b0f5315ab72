import type { ChangeTarget } from '../../core/change.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { t } from '../../i18n/translate.ts';
import { kpiNumber } from './kpi-format.ts';

type KpiOrEvaluationTarget = Extract<
  ChangeTarget,
  { type: 'kpi' | 'kpi-actual' | 'evaluation' | 'evaluation-comment' }
>;

const field = (v: unknown, key: string): unknown =>
  v && typeof v === 'object' && key in v ? (v as Record<string, unknown>)[key] : null;

const text = (v: unknown): string => (typeof v === 'string' && v !== '' ? v : NO_VALUE_MARK);

const number = (v: unknown): string => (typeof v === 'number' ? kpiNumber(v) : NO_VALUE_MARK);

/** A KPI, KPI actual, evaluation or comment change in one line of the history. */
export function describeKpiOrEvaluationChange(
  target: KpiOrEvaluationTarget,
  before: unknown,
  after: unknown,
): string {
  switch (target.type) {
    case 'kpi': {
      const name = text(field(after, 'name') ?? field(before, 'name'));
      if (before === null) return t('history.kpi-added', { name });
      if (after === null) return t('history.kpi-removed', { name });
      return t('history.kpi-changed', { name });
    }
    case 'kpi-actual':
      return t('history.kpi-actual', {
        before: number(field(before, 'value')),
        after: number(field(after, 'value')),
      });
    case 'evaluation':
      return t('history.evaluation', {
        before: `${text(field(before, 'effect'))}・${text(field(before, 'policy'))}`,
        after: `${text(field(after, 'effect'))}・${text(field(after, 'policy'))}`,
      });
    case 'evaluation-comment':
      return t('history.evaluation-comment', { text: text(field(after, 'text')) });
  }
}
