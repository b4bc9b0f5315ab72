import type { FiscalYear } from '../core/fiscal-year.ts';
import { formatFiscalYear } from '../core/fiscal-year.ts';
import { formatAmount, formatRate } from '../core/money.ts';
import type { Plan } from '../core/plan.ts';
import { planOverview } from '../core/plan-overview.ts';
import type { Totals } from '../core/totals.ts';
import { t } from '../i18n/translate.ts';
import { displayWidth } from './display-width.ts';

const padStart = (text: string, width: number) =>
  ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/**
 * The plan as a terminal table: figures first in fixed columns (so long Japanese titles never
 * push them out of line), then the tree, indented by level.
 */
export function renderOverview(plan: Plan, fiscalYear: FiscalYear): string {
  const unit = plan.amountUnit;
  const { rows, total } = planOverview(plan, fiscalYear);
  const figures = (x: Totals) =>
    [
      padStart(formatAmount(x.budget, unit), 12),
      padStart(formatAmount(x.settlement, unit), 12),
      padStart(formatRate(x.rate), 8),
    ].join(' ');
  const c = plan.conventions;
  const lines = [
    `${plan.plan.title}（${plan.municipality.name} ${plan.municipality.code}）`,
    `${formatFiscalYear(fiscalYear, 'both')}  単位: ${unit}  表記: ☐=取組 ${c.resultMark}=結果 ${c.revisionMark}=${c.arrow === 'revision' ? '見直し' : '目標⇒実績'}`,
    '',
    `${padStart(t('word.budget'), 12)} ${padStart(t('word.settlement'), 12)} ${padStart(t('word.execution-rate'), 8)}`,
  ];
  for (const row of rows) {
    const indent = '  '.repeat(row.depth);
    const label =
      row.kind === 'node'
        ? `${row.level} ${row.title}`
        : `${row.project.no}. ${row.project.name}（取組 ${row.project.activities.length}）`;
    lines.push(`${figures(row.totals)}  ${indent}${label}`);
  }
  lines.push(`${figures(total)}  ${t('word.total')}`);
  return `${lines.join('\n')}\n`;
}
