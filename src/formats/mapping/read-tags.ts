import type { MappedRow } from './mapped-row.ts';
import type { Mapping } from './mapping-schema.ts';
import { normaliseHeader } from './resolve-column.ts';

// A flag column's "no": crossed out or written as none (a dash is already no value).
const NOT_SET = new Set(['×', '✕', '✖', '無', 'なし', '無し'].map(normaliseHeader));

/**
 * The tags a row sets (総合戦略 ○ → 総合戦略), in the mapping's order, each once. A cell sets
 * its tag when its text is one of `when`, or, without `when`, when it holds any value but a "no".
 */
export function readTags(row: MappedRow, mapping: Mapping): string[] {
  const tags: string[] = [];
  for (const tag of mapping.tags) {
    const text = normaliseHeader(row.text(tag.column));
    if (text === '') continue;
    const set = tag.when ? tag.when.some((w) => normaliseHeader(w) === text) : !NOT_SET.has(text);
    if (set && !tags.includes(tag.name)) tags.push(tag.name);
  }
  return tags;
}
