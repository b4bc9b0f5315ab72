import { type FiscalYear, formatFiscalYear } from '../fiscal-year.ts';
import { yearAchievement } from '../kpi.ts';
import type { KpiRecord } from '../kpi-record.ts';
import { formatRate } from '../money.ts';
import { bandFor, type StatusScale } from '../status-scale.ts';
import {
  type DraftParagraph,
  type DraftSegment,
  joinSegments,
  sourced,
  words,
} from './draft-segments.ts';

/** What the KPI sentences need besides the KPIs. */
export interface KpiContext {
  fiscalYear: FiscalYear;
  planFirstYear: FiscalYear;
  scale: StatusScale;
  yearClosed: boolean;
}

/** A KPI value in its unit: up to two decimals, grouped (1,234.5人). */
export function kpiValue(value: number, unit: string): string {
  return `${value.toLocaleString('ja-JP', { maximumFractionDigits: 2 })}${unit}`;
}

/** KPIs that exist in the year: defined with the plan or in that year or before. */
export function kpisOfYear(kpis: readonly KpiRecord[], fiscalYear: FiscalYear): KpiRecord[] {
  return kpis.filter((k) => k.introducedIn === null || k.introducedIn <= fiscalYear);
}

/** One KPI's year in one sentence, with the reason when it has no achievement. */
export function kpiSentence(k: KpiRecord, c: KpiContext): DraftParagraph {
  const d = k.definition;
  const src = { kind: 'kpi', kpiId: k.id, fiscalYear: c.fiscalYear } as const;
  const kind = k.scope === 'goal' ? '数値目標' : 'KPI';
  const name: DraftSegment[] = [words(`${kind}「`), sourced(d.name, src), words('」は')];
  const a = yearAchievement(d, k.actuals, c.fiscalYear, c.planFirstYear);
  if (a.actual === null) {
    const fy = formatFiscalYear(c.fiscalYear, 'long');
    return [
      ...name,
      words(
        c.yearClosed
          ? `、${fy}の実績値が記録されていない。`
          : `、${fy}がまだ締め切られていないため、実績値が未確定である。`,
      ),
    ];
  }
  const actual = sourced(kpiValue(a.actual, d.unit), src);
  const so = d.kind === 'cumulative' ? '累計の実績' : '実績';
  if (a.target === null || a.rate === null) {
    return [
      ...name,
      words(`${so}`),
      actual,
      words('であった（目標値が設定されていないため、達成率は算出できない）。'),
    ];
  }
  const band = bandFor(a.rate, c.scale);
  return [
    ...name,
    words(`${so}`),
    actual,
    words('、目標'),
    sourced(kpiValue(a.target, d.unit), src),
    words('に対し達成率'),
    sourced(formatRate(a.rate), src),
    words(band ? `（${band.label}）であった。` : 'であった。'),
  ];
}

/** The count of KPIs without an achievement rate, beside the bands. */
const NO_RATE = '達成率を算出できないもの';

/** How many KPIs fall in each band of the scale, and how many have no achievement. */
export function bandCounts(
  kpis: readonly KpiRecord[],
  c: KpiContext,
): { label: string; count: number }[] {
  const counts = new Map<string, number>(c.scale.bands.map((b) => [b.label, 0]));
  let none = 0;
  for (const k of kpis) {
    const { rate } = yearAchievement(k.definition, k.actuals, c.fiscalYear, c.planFirstYear);
    const band = bandFor(rate, c.scale);
    if (band) counts.set(band.label, (counts.get(band.label) ?? 0) + 1);
    else none++;
  }
  const out = [...counts].map(([label, count]) => ({ label, count }));
  out.push({ label: NO_RATE, count: none });
  return out.filter((b) => b.count > 0);
}

/**
 * 「KPI 12件の達成状況は、達成度 A/B/C/D で「A」3件、…であった。」; when none has a rate, why
 * (the year is still open, or actuals or targets are missing); nothing without KPIs.
 */
export function bandSummary(
  kpis: readonly KpiRecord[],
  c: KpiContext,
  subject: string,
): DraftParagraph {
  if (kpis.length === 0) return [];
  const src = { kind: 'kpis', fiscalYear: c.fiscalYear } as const;
  const counts = bandCounts(kpis, c);
  const head = [words(subject), sourced(`${kpis.length}件`, src)];
  if (counts.every((b) => b.label === NO_RATE)) {
    const fy = formatFiscalYear(c.fiscalYear, 'long');
    const all = kpis.length > 1 ? 'いずれも' : '';
    return [
      ...head,
      words(
        c.yearClosed
          ? `は、${all}${fy}の達成率を算出できない（実績値または目標値がない）。`
          : `は、${all}${fy}がまだ締め切られていないため、達成率を算出できない。`,
      ),
    ];
  }
  const parts = counts.map((b) => [words(`「${b.label}」`), sourced(`${b.count}件`, src)]);
  return [
    ...head,
    words(`の達成状況は、${c.scale.name}で`),
    ...joinSegments(parts),
    words('であった。'),
  ];
}
