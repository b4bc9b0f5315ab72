import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { type AmountUnit, formatAmount, formatRate } from '../../core/money.ts';
import type { ProjectStatus, YearStatus } from '../../core/workflow.ts';
import { t } from '../../i18n/translate.ts';

export const fyLabel = (fy: number) => formatFiscalYear(fy, 'both');
export const fyShort = (fy: number) => formatFiscalYear(fy, 'short');
export const amount = (yen: number | null, unit: AmountUnit) => formatAmount(yen, unit);
export const rate = formatRate;
export const yearStatusLabel = (s: YearStatus) => t(`status.year.${s}`);
export const projectStatusLabel = (s: ProjectStatus) => t(`status.project.${s}`);
