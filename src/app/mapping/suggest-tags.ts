import { isBlank } from './sheet-text.ts';
import type { SuggestedRef, SuggestionState } from './suggestion-parts.ts';

export interface SuggestedTag {
  name: string;
  column: SuggestedRef;
}

/** Marks a flag column holds (総合戦略 ○): yes marks, and the no marks beside them. */
const YES = new Set(['○', '〇', '◯', '●', '◎', '✓', '✔', '有']);
const NO = new Set(['×', '✕', '無', 'なし']);

/**
 * Flag columns (総合戦略 ○, 重点 ●): columns whose filled cells hold only marks, at least one of
 * them a yes. Each becomes a tag named by its header; the reader's default (any mark but ×/無)
 * decides which rows carry it, so no `when` list is written.
 */
export function suggestTags(state: SuggestionState): SuggestedTag[] {
  return state
    .free()
    .filter((c) => {
      if (c.header === '' || c.filled === 0) return false;
      const marks = c.values.map((v) => v.normalize('NFKC').trim()).filter((v) => !isBlank(v));
      return marks.every((v) => YES.has(v) || NO.has(v)) && marks.some((v) => YES.has(v));
    })
    .map((c) => {
      state.v2 = true;
      return { name: c.key, column: state.ref(c) };
    });
}
