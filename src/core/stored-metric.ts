import type { EntryStatus, Metric } from './figures/metric.ts';

/** Who confirmed or corrected a figure, and when; a confirmed figure is never read again. */
export interface MetricConfirmation {
  by: string;
  at: string;
}

/** A figure as stored for one entry: where it sits and whether a person confirmed it. */
export interface StoredMetric extends Metric {
  entryId: number;
  /** 0-based place among the entry's figures. */
  position: number;
  confirmed: MetricConfirmation | null;
}

/** An entry's figures and status as stored. */
export interface EntryReading {
  entryId: number;
  status: EntryStatus | null;
  metrics: StoredMetric[];
}

const STATUSES: readonly string[] = ['中止', '延期', '実施なし'] satisfies EntryStatus[];

export function isEntryStatus(value: unknown): value is EntryStatus {
  return typeof value === 'string' && STATUSES.includes(value);
}

/** The figure alone, without where it is stored or who confirmed it. */
export function metricOf(m: Metric): Metric {
  return {
    label: m.label,
    value: m.value,
    unit: m.unit,
    partOf: m.partOf,
    cumulative: m.cumulative,
    total: m.total,
    approximate: m.approximate,
    upTo: m.upTo,
    target: m.target,
    asOf: m.asOf,
  };
}
