import type { Activity } from '../../core/plan.ts';
import { activitiesFromText } from '../../core/text-activities.ts';
import type { MappedRow } from './mapped-row.ts';
import type { Mapping } from './mapping-schema.ts';

/**
 * The row's free-text columns (前年度実績, 今年度計画) as the project's activities: planned
 * activities or results of the mapped fiscal year, one per item (core/text-activities.ts).
 */
export function readTexts(row: MappedRow, mapping: Mapping): Activity[] {
  return mapping.texts.flatMap((t) => activitiesFromText(row.text(t.column), t.kind, t.fiscalYear));
}
