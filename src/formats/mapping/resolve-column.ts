import { columnLetters } from '../xlsx/workbook-grid.ts';
import type { ColumnRef } from './mapping-schema.ts';
import type { SheetHeader } from './read-headers.ts';

/** A header as compared: NFKC (half-width, （A） = (A)), without spaces or line breaks. */
export const normaliseHeader = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** 0-based index of a column letter (A → 0, AB → 27). */
export function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export type Resolution =
  | { index: number }
  | { code: 'mapping.column-not-found' | 'mapping.column-ambiguous'; candidates: number[] };

/** Columns whose header (all rows joined, or the lowest row's own text) matches. */
function matches(header: SheetHeader, ref: Exclude<ColumnRef, string | { letter: string }>) {
  const found: number[] = [];
  const wanted = normaliseHeader('header' in ref ? ref.header : ref.contains);
  header.texts.forEach((text, i) => {
    const texts = [normaliseHeader(text), normaliseHeader(header.own[i] ?? '')];
    const hit = 'header' in ref ? texts.includes(wanted) : texts[0]?.includes(wanted);
    if (hit) found.push(i);
  });
  if (!ref.under) return found;
  const block = normaliseHeader(ref.under);
  return found.filter((i) => normaliseHeader(header.blocks[i] ?? '').includes(block));
}

/**
 * The column a reference names. Never "the first of several": several matches are an error
 * unless `nth` picks one; `under` first keeps the columns under one block label.
 */
export function resolveColumn(header: SheetHeader, ref: ColumnRef): Resolution {
  if (typeof ref === 'string') return { index: letterIndex(ref) };
  if ('letter' in ref) return { index: letterIndex(ref.letter) };
  const found = matches(header, ref);
  if (ref.nth !== undefined) {
    const index = found[ref.nth - 1];
    return index === undefined
      ? { code: 'mapping.column-not-found', candidates: found }
      : { index };
  }
  if (found.length === 1 && found[0] !== undefined) return { index: found[0] };
  if (found.length > 1) return { code: 'mapping.column-ambiguous', candidates: found };
  return { code: 'mapping.column-not-found', candidates: [] };
}

/** Columns as a person finds them in the sheet: `G: 令和元年度事業費計（A）, M: …`. */
export function describeColumns(header: SheetHeader, indexes: readonly number[]): string {
  return indexes
    .map((i) => `${columnLetters(i + 1)}: ${(header.texts[i] ?? '').replace(/\s+/g, ' ')}`)
    .join(', ');
}

export type ColumnResolver = (ref: ColumnRef) => number | null;

/**
 * Once the headers are final, each reference is resolved once, not once per row and cell: keyed
 * by the reference itself (the mapping's parsed objects are the same on every row).
 */
export function cachedResolver(header: SheetHeader): ColumnResolver {
  const cache = new Map<ColumnRef, number | null>();
  return (ref) => {
    let index = cache.get(ref);
    if (index === undefined) {
      const resolved = resolveColumn(header, ref);
      index = 'index' in resolved ? resolved.index : null;
      cache.set(ref, index);
    }
    return index;
  };
}
