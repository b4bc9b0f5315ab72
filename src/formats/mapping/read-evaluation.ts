import type { MappedEvaluation } from './mapped-result.ts';
import type { MappedRow } from './mapped-row.ts';
import type { Mapping } from './mapping-schema.ts';

/** The row's evaluation for the mapped year, or null when the mapping has none or it is blank. */
export function readEvaluation(
  row: MappedRow,
  mapping: Mapping,
  projectNo: string,
): MappedEvaluation | null {
  const e = mapping.evaluation;
  if (!e) return null;
  const effect = e.effect ? row.text(e.effect) || null : null;
  const policy = e.policy ? row.text(e.policy) || null : null;
  const comment = e.comment ? row.text(e.comment) || null : null;
  if (!effect && !policy && !comment) return null;
  return { projectNo, fiscalYear: e.fiscalYear, effect, policy, comment };
}
