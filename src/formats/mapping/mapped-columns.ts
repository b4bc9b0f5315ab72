import type { Finding, Location } from '../../core/finding.ts';
import type { ColumnRef, Mapping } from './mapping-schema.ts';
import { amountRefs } from './read-amount.ts';
import type { ColumnResolver } from './resolve-column.ts';

/**
 * Every column the mapping names. A new row reader adds its references here, so that a
 * reference matching no column is reported before any row is read.
 */
export function mappedColumns(mapping: Mapping): ColumnRef[] {
  return [
    ...mapping.columns.levels,
    mapping.columns.projectNo,
    mapping.columns.projectName,
    ...(mapping.columns.department ? [mapping.columns.department] : []),
    ...(mapping.columns.notes ? [mapping.columns.notes] : []),
    ...mapping.finances.flatMap((f) =>
      [f.budget, f.settlement].flatMap((a) => (a ? amountRefs(a) : [])),
    ),
    ...mapping.indicators.flatMap((k) => [
      ...('text' in Object(k.name) ? [] : [k.name as ColumnRef]),
      ...('text' in Object(k.unit) ? [] : [k.unit as ColumnRef]),
      ...Object.values(k.targets),
      ...Object.values(k.actuals),
    ]),
  ];
}

/** One error per mapped column that matches no header. */
export function missingColumns(
  mapping: Mapping,
  resolve: ColumnResolver,
  location: Location,
): Finding[] {
  return mappedColumns(mapping)
    .filter((ref) => resolve(ref) === null)
    .map((ref) => ({
      severity: 'error',
      code: 'mapping.column-not-found',
      location,
      expected: 'mapped-column',
      found: typeof ref === 'string' ? ref : JSON.stringify(ref),
    }));
}
