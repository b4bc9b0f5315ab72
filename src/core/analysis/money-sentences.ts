import type { FiscalYear } from '../fiscal-year.ts';
import { type AmountUnit, formatAmount, formatRate } from '../money.ts';
import type { Project } from '../plan.ts';
import { type Totals, totalsOfProjects } from '../totals.ts';
import { type DraftParagraph, type DraftSource, sourced, words } from './draft-segments.ts';

/** A change of execution rate in percentage points: 「+3.1ポイント」, 「−2.0ポイント」. */
export function pointChange(rate: number, previous: number): string {
  const points = Math.round((rate - previous) * 1000) / 10;
  if (points === 0) return '±0.0ポイント';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)}ポイント`;
}

/** What the money sentence needs: whose figures, where they are shown, and in which unit. */
export interface MoneyContext {
  fiscalYear: FiscalYear;
  unit: AmountUnit;
  nodeId: number | null;
}

/**
 * 「{subject}の予算は計70,090千円、決算は計52,139千円で、執行率は74.4%（前年度比 +3.1ポイント）
 * であった。」 Missing amounts are said to be missing (never written as 0); the change is left
 * out when either year has no rate.
 */
export function moneySentence(
  projects: readonly Project[],
  subject: string,
  c: MoneyContext,
): DraftParagraph {
  const t = totalsOfProjects(projects, c.fiscalYear);
  const src: DraftSource = { kind: 'totals', nodeId: c.nodeId, fiscalYear: c.fiscalYear };
  const yen = (v: number) => sourced(`${formatAmount(v, c.unit)}${c.unit}`, src);
  if (t.budget === null && t.settlement === null) {
    return [words(`${subject}の予算・決算の記載はない。`)];
  }
  if (t.budget === null && t.settlement !== null) {
    return [
      words(`${subject}の決算は計`),
      yen(t.settlement),
      words('であった（予算の記載はない）。'),
    ];
  }
  if (t.budget !== null && t.settlement === null) {
    return [words(`${subject}の予算は計`), yen(t.budget), words('で、決算の記載はない。')];
  }
  const head = [
    words(`${subject}の予算は計`),
    yen(t.budget as number),
    words('、決算は計'),
    yen(t.settlement as number),
  ];
  if (t.rate === null) return [...head, words('であった。')];
  return [
    ...head,
    words('で、執行率は'),
    sourced(formatRate(t.rate), src),
    ...change(projects, t, c),
    words('であった。'),
  ];
}

function change(projects: readonly Project[], t: Totals, c: MoneyContext): DraftParagraph {
  const previous = totalsOfProjects(projects, c.fiscalYear - 1).rate;
  if (previous === null || t.rate === null) return [];
  const src: DraftSource = { kind: 'totals', nodeId: c.nodeId, fiscalYear: c.fiscalYear - 1 };
  return [words('（前年度比 '), sourced(pointChange(t.rate, previous), src), words('）')];
}
