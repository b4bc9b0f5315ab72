import { cleanLabel, nounAfter, nounBefore } from './label.ts';
import {
  type Qualifiers,
  qualifiersAfter,
  qualifiersBefore,
  separatorBefore,
} from './qualifiers.ts';
import type { NumberToken } from './tokenizer.ts';

export interface FoundLabel extends Qualifiers {
  label: string;
  /** Where the figure's trailing qualifiers end. */
  end: number;
}

/**
 * The label of the figure from `first` to `last`: the noun phrase before it (参加者78名), else the
 * one after it (71名参加, 5件応募), else the label of the figure written right before it
 * (利用件数15社20名: 20名 counts the same users). Never reaches back past the previous figure.
 * Positions are found in the masked `text`; the label's words are taken from `source`.
 */
export function labelOf(
  source: string,
  text: string,
  first: NumberToken,
  last: NumberToken,
  previous: { label: string; end: number } | null,
): FoundLabel {
  const q: Qualifiers = { approximate: false, total: false, cumulative: false };
  const floor = previous?.end ?? 0;
  const end = qualifiersAfter(text, last.unitEnd, q);
  const at = separatorBefore(text, qualifiersBefore(text, first.start, floor, q), floor);
  let [start, stop] = nounBefore(text, at, floor);
  // 延べ助成件数: the kana of 延べ ends the noun, so its qualifiers are read before it too.
  if (start < stop) start = qualifiersBefore(text, start, floor, q);
  let cleaned = cleanLabel(source.slice(start, stop));
  // 就職決定者数(目標10名⇒実績3名), 全戸(約4万世帯): the label stands before the bracket.
  if (cleaned.label === '' && text[start - 1] === '(') {
    [start, stop] = nounBefore(text, start - 1, floor);
    cleaned = cleanLabel(source.slice(start, stop));
  }
  if (cleaned.label === '' && previous && previous.end === first.start) {
    cleaned = { ...cleaned, label: previous.label };
  } else if (cleaned.label === '') {
    const from = /[がの]/u.test(text[end] ?? '') ? end + 1 : end;
    const [a, b] = nounAfter(text, from);
    const after = cleanLabel(source.slice(a, b));
    cleaned = {
      ...after,
      total: after.total || cleaned.total,
      cumulative: after.cumulative || cleaned.cumulative,
    };
  }
  return {
    label: cleaned.label,
    approximate: q.approximate,
    total: q.total || cleaned.total,
    cumulative: q.cumulative || cleaned.cumulative,
    end,
  };
}
