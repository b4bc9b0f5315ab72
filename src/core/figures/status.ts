import { after } from './around.ts';
import type { EntryStatus } from './metric.ts';

/**
 * What a result says happened to the activity as a whole. The words map to the three statuses:
 * - 中止: 中止, 見送り/見送っ, 見合わせ, 休止 — it was planned and called off;
 * - 延期: 延期 — moved to a later date or year;
 * - 実施なし: 実施なし, 開催なし, 未実施, 実施せず, 開催せず, 実施しなかった, 開催しなかった,
 *   実績なし — it simply did not take place (no decision to cancel is reported).
 * A part called off (一部中止) or a negated word (中止せず, 延期することなく) is no status.
 */
const WORDS: readonly (readonly [RegExp, EntryStatus])[] = [
  [/中止|見送[りっ]|見合わせ|休止/u, '中止'],
  [/延期/u, '延期'],
  [
    /実施なし|開催なし|未実施|未開催|実施せず|開催せず|実施しなかった|開催しなかった|実績なし/u,
    '実施なし',
  ],
];
const ANY = new RegExp(WORDS.map(([w]) => w.source).join('|'), 'gu');
const NEGATED = /^(?:せず|しない|しなかった|することなく|を回避|とならず|にならず)/u;

/** The status the first status word of `text` gives, or null. */
export function statusOf(text: string): EntryStatus | null {
  for (const m of text.matchAll(ANY)) {
    if (text.slice(Math.max(0, m.index - 2), m.index) === '一部') continue;
    if (NEGATED.test(after(text, m.index + m[0].length))) continue;
    const found = WORDS.find(([w]) => w.test(m[0]));
    if (found) return found[1];
  }
  return null;
}
