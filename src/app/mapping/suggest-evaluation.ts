import { isTextual, type SheetColumn } from './sheet-columns.ts';
import { yearOf } from './sheet-text.ts';
import { looksLikePolicies, policyValues } from './suggest-policy-values.ts';
import { named, type SuggestedRef, type SuggestionState, withValues } from './suggestion-parts.ts';

export interface SuggestedEvaluation {
  fiscalYear: number;
  effect?: SuggestedRef;
  policy?: SuggestedRef;
  comment?: SuggestedRef;
}

const SLOTS = {
  policy: /方向性|今後|方針/,
  effect: /評価結果|事業効果|総合評価|有効性|効果|評価$/,
  comment: /コメント|所見|理由|意見|評価内容|課題/,
} as const;

/**
 * The evaluation columns (評価, 方向性, 今後の方針, コメント) for one fiscal year: the year a
 * header names, else the one read from the title; without either it is asked. A policy column
 * of other words than the accepted `policies` (「１ 現状維持」) gets a value map onto them; an
 * 評価 column holding such words is the policy.
 */
export function suggestEvaluation(
  state: SuggestionState,
  titleYear: number | null,
  lastYear: number | null,
  policies: readonly string[],
): SuggestedEvaluation | null {
  const cols = state.free().filter((c) => isTextual(c) || c.filled === 0);
  const chosen: Partial<Record<keyof typeof SLOTS, SheetColumn>> = {};
  for (const slot of Object.keys(SLOTS) as (keyof typeof SLOTS)[]) {
    const matches = cols.filter(
      (c) => SLOTS[slot].test(c.key) && !Object.values(chosen).includes(c),
    );
    const first = matches[0];
    if (!first) continue;
    if (matches.length > 1)
      state.ask('suggest.several-evaluation', {
        what: slot,
        columns: matches.map(named).join('、'),
        chosen: named(first),
      });
    chosen[slot] = first;
  }
  if (!chosen.policy && chosen.effect && looksLikePolicies(chosen.effect, policies)) {
    chosen.policy = chosen.effect;
    delete chosen.effect;
  }
  const picked = Object.values(chosen);
  if (picked.length === 0) return null;
  const fromHeaders = picked.map((c) => yearOf(c.key)).find((y) => y !== null);
  let fiscalYear = fromHeaders ?? titleYear;
  if (fiscalYear === null || fiscalYear === undefined) {
    fiscalYear = lastYear;
    if (fiscalYear === null) {
      state.ask('suggest.evaluation-year-missing', { columns: picked.map(named).join('、') });
      return null;
    }
  }
  if (fromHeaders === null || fromHeaders === undefined)
    state.ask('suggest.evaluation-year-assumed', { year: fiscalYear });
  const out: SuggestedEvaluation = { fiscalYear };
  if (chosen.effect) out.effect = state.ref(chosen.effect);
  if (chosen.policy) {
    const values = policyValues(state, chosen.policy, policies);
    const ref = state.ref(chosen.policy);
    out.policy = values ? withValues(ref, values) : ref;
  }
  if (chosen.comment) out.comment = state.ref(chosen.comment);
  return out;
}

/** A notes column (備考). */
export function suggestNotes(state: SuggestionState): SuggestedRef | undefined {
  // A 備考 per year (under a year's block) is not the project's note.
  const c = state.free().find((x) => /備考|注記/.test(x.key) && yearOf(x.key) === null);
  return c ? state.ref(c) : undefined;
}
