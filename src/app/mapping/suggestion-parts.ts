import type { SheetColumn } from './sheet-columns.ts';

/** A column reference as the mapping file writes it (docs/mapping.md). */
export type SuggestedRef =
  | string
  | { header: string; nth?: number; values?: Record<string, string> }
  | { letter: string; values: Record<string, string> };

/** A reference with a value map (mapping v2): a letter takes its object form to carry it. */
export const withValues = (ref: SuggestedRef, values: Record<string, string>): SuggestedRef =>
  typeof ref === 'string' ? { letter: ref, values } : { ...ref, values };

/** A guess the suggestion could not make: asked of the user, never decided silently. */
export interface SuggestionQuestion {
  /** Message key in messages-ja-mapping.ts. */
  code: string;
  params: Record<string, string | number>;
}

/**
 * What the parts of the suggestion share: every column, the references they make (a repeated
 * header is named with `nth`, a version 2 feature), the questions, and the columns used.
 */
export class SuggestionState {
  readonly questions: SuggestionQuestion[] = [];
  readonly used = new Set<number>();
  /** Set when a part needs mapping version 2 (nth, level codes, indicator categories). */
  v2 = false;

  constructor(readonly columns: readonly SheetColumn[]) {}

  ask(code: string, params: Record<string, string | number> = {}) {
    this.questions.push({ code, params });
  }

  free(): SheetColumn[] {
    return this.columns.filter((c) => !this.used.has(c.index) && (c.header !== '' || c.filled > 0));
  }

  /** The column's reference: its header when unique, the Nth of identical headers, or its letter. */
  ref(column: SheetColumn): SuggestedRef {
    this.used.add(column.index);
    if (column.header === '') return column.letter;
    // The reader matches a header against each column's joined and own texts alike.
    const same = this.columns.filter((c) => c.key === column.key || c.own === column.key);
    if (same.length === 1) return { header: column.header };
    this.v2 = true;
    return { header: column.header, nth: same.indexOf(column) + 1 };
  }
}

/** 「K（事業費計）」: a column as a question names it. */
export const named = (c: SheetColumn) => (c.header ? `${c.letter}（${c.header}）` : c.letter);

/** 「K–P」: a run of columns. */
export const span = (cols: readonly SheetColumn[]) =>
  cols.length === 0
    ? ''
    : cols.length === 1
      ? (cols[0] as SheetColumn).letter
      : `${(cols[0] as SheetColumn).letter}–${(cols.at(-1) as SheetColumn).letter}`;
