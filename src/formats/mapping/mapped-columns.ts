import type { Finding, Location } from '../../core/finding.ts';
import type { AmountRef, ColumnRef, LevelRef, Mapping } from './mapping-schema.ts';
import type { SheetHeader } from './read-headers.ts';
import { describeColumns, resolveColumn } from './resolve-column.ts';

/** A column reference with the mapping entry it comes from (`finances.2.settlement.sum.0`). */
export interface MappedColumn {
  path: string;
  ref: ColumnRef;
}

export const isFixedText = (ref: ColumnRef | { text: string }): ref is { text: string } =>
  typeof ref === 'object' && 'text' in ref;

export const levelRefs = (level: LevelRef): { name: ColumnRef; code: ColumnRef | null } =>
  typeof level === 'object' && 'name' in level
    ? { name: level.name, code: level.code }
    : { name: level, code: null };

function amount(path: string, ref: AmountRef | undefined): MappedColumn[] {
  if (!ref) return [];
  if (typeof ref === 'object' && 'sum' in ref) {
    return ref.sum.map((r, i) => ({ path: `${path}.sum.${i}`, ref: r }));
  }
  return [{ path, ref }];
}

const one = (path: string, ref: ColumnRef | { text: string } | undefined): MappedColumn[] =>
  ref === undefined || isFixedText(ref) ? [] : [{ path, ref }];

function indicatorColumns(k: Mapping['indicators'][number], i: number): MappedColumn[] {
  const at = `indicators.${i}`;
  const category = k.category === 'activity' || k.category === 'outcome' ? undefined : k.category;
  return [
    ...one(`${at}.name`, k.name),
    ...one(`${at}.unit`, k.unit),
    ...one(`${at}.category`, category),
    ...Object.entries(k.targets).map(([fy, ref]) => ({ path: `${at}.targets.${fy}`, ref })),
    ...Object.entries(k.actuals).map(([fy, ref]) => ({ path: `${at}.actuals.${fy}`, ref })),
  ];
}

/**
 * Every column the mapping names, evaluation included: each must match a column of the sheet,
 * nothing is skipped silently. A new row reader adds its references here.
 */
export function mappedColumns(mapping: Mapping): MappedColumn[] {
  const { columns: c, evaluation: e } = mapping;
  return [
    ...one('requiredColumn', mapping.requiredColumn),
    ...c.levels.flatMap((level, i) => {
      const { name, code } = levelRefs(level);
      return code
        ? [...one(`columns.levels.${i}.name`, name), ...one(`columns.levels.${i}.code`, code)]
        : one(`columns.levels.${i}`, name);
    }),
    ...one('columns.projectNo', c.projectNo),
    ...one('columns.projectName', c.projectName),
    ...one('columns.department', c.department),
    ...one('columns.notes', c.notes),
    ...mapping.finances.flatMap((f, i) => [
      ...amount(`finances.${i}.budget`, f.budget),
      ...amount(`finances.${i}.settlement`, f.settlement),
    ]),
    ...mapping.indicators.flatMap(indicatorColumns),
    ...one('evaluation.effect', e?.effect),
    ...one('evaluation.policy', e?.policy),
    ...one('evaluation.comment', e?.comment),
  ];
}

/**
 * One error per mapped column that matches no header (listing the headers read) or several
 * (listing the candidates), all at once.
 */
export function columnFindings(
  mapping: Mapping,
  header: SheetHeader,
  location: Location,
): Finding[] {
  const findings: Finding[] = [];
  const read = header.texts.flatMap((text, i) => (text ? [i] : []));
  for (const { path, ref } of mappedColumns(mapping)) {
    const resolved = resolveColumn(header, ref);
    if ('index' in resolved) continue;
    const ambiguous = resolved.code === 'mapping.column-ambiguous';
    findings.push({
      severity: 'error',
      code: resolved.code,
      location: { ...location, path },
      expected: 'mapped-column',
      found: typeof ref === 'string' ? ref : JSON.stringify(ref),
      params: ambiguous
        ? { candidates: describeColumns(header, resolved.candidates) }
        : {
            headers: describeColumns(header, read),
            candidates: describeColumns(header, resolved.candidates),
          },
    });
  }
  return findings;
}
