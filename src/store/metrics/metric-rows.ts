import type { Insertable, Selectable } from 'kysely';
import type { Metric } from '../../core/figures/metric.ts';
import type { StoredMetric } from '../../core/stored-metric.ts';
import type { EntryMetricTable } from '../schema.ts';

export type MetricRow = Selectable<EntryMetricTable>;

const decimal = (n: number | null): string | null => (n === null ? null : String(n));
const numeric = (s: string | null): number | null => (s === null ? null : Number(s));

/** A figure as a row: numbers as their shortest exact decimal text (12.5 stays 12.5). */
export function metricRow(
  code: string,
  entryId: number,
  position: number,
  m: Metric,
  confirmed: { by: string; at: string } | null,
): Insertable<EntryMetricTable> {
  return {
    municipality_code: code,
    entry_id: entryId,
    position,
    label: m.label,
    value: String(m.value),
    unit: m.unit,
    part_of: m.partOf,
    cumulative: m.cumulative ? 1 : 0,
    total: m.total ? 1 : 0,
    approximate: m.approximate ? 1 : 0,
    up_to: decimal(m.upTo),
    target: decimal(m.target),
    as_of: m.asOf,
    confirmed_by: confirmed?.by ?? null,
    confirmed_at: confirmed?.at ?? null,
  };
}

/** A row as the figure it stores. */
export function storedMetric(r: MetricRow): StoredMetric {
  return {
    entryId: r.entry_id,
    position: r.position,
    label: r.label,
    value: Number(r.value),
    unit: r.unit,
    partOf: r.part_of,
    cumulative: Number(r.cumulative) === 1,
    total: Number(r.total) === 1,
    approximate: Number(r.approximate) === 1,
    upTo: numeric(r.up_to),
    target: numeric(r.target),
    asOf: r.as_of,
    confirmed:
      r.confirmed_by !== null && r.confirmed_at !== null
        ? { by: r.confirmed_by, at: r.confirmed_at }
        : null,
  };
}

export { metricOf as plainMetric } from '../../core/stored-metric.ts';
