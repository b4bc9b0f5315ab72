import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { type AmountUnit, formatAmount, formatRate } from '../../core/money.ts';
import type { ShownProjectStatus, YearStatus } from '../../core/workflow.ts';
import { t } from '../../i18n/translate.ts';

export const fyLabel = (fy: number) => formatFiscalYear(fy, 'both');
export const fyShort = (fy: number) => formatFiscalYear(fy, 'short');
export const amount = (yen: number | null, unit: AmountUnit) => formatAmount(yen, unit);
export const rate = formatRate;
export const yearStatusLabel = (s: YearStatus) => t(`status.year.${s}`);
export const projectStatusLabel = (s: ShownProjectStatus) => t(`status.project.${s}`);

const DATE_TIME = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** An ISO instant as Japan's local time: 2026/11/25 9:00. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}
