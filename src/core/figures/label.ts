/**
 * What a figure counts: the noun phrase written next to it. Nouns are runs of kanji, katakana
 * and latin letters; hiragana ends a phrase (it is mostly particles and verb endings: 実施し、
 * 市内企業の), except inside the common words below that are written with kana.
 */
const KANA_WORDS: readonly string[] = [
  '友だち',
  '子ども',
  '子育て',
  'こども',
  '問い合わせ',
  '問合せ',
  '申し込み',
  '申込み',
  '受け入れ',
  '受入れ',
  '取り組み',
  '貸し出し',
  '貸出し',
  '見守り',
  '空き',
  '出会い',
  '生きがい',
  '住まい',
  '読み聞かせ',
  '聞き取り',
  '売り上げ',
  '売上げ',
  '引き合い',
  '引越し',
  '立ち寄り',
  '乗り換え',
  '書き込み',
  '持ち帰り',
  'お試し',
  'ふるさと',
  'まちなか',
  'まちづくり',
  'まち',
  'しごと',
  'ひとり',
  'いいね',
  'ごみ',
  'がん',
  'おこし',
].sort((a, b) => b.length - a.length);

const NOUN_CHAR = /[\p{Script=Han}\p{Script=Katakana}ー々〆・&A-Za-z\uE001]/u;

/** The noun phrase ending at `end` (not reaching before `floor`), as [start, end]. */
export function nounBefore(text: string, end: number, floor: number): [number, number] {
  let i = end;
  while (i > floor) {
    const word = KANA_WORDS.find((w) => i - w.length >= floor && text.startsWith(w, i - w.length));
    if (word) i -= word.length;
    else if (NOUN_CHAR.test(text[i - 1] as string)) i--;
    else break;
  }
  return [i, end];
}

/** The noun phrase starting at `start`, as [start, end]. */
export function nounAfter(text: string, start: number): [number, number] {
  let i = start;
  while (i < text.length) {
    const word = KANA_WORDS.find((w) => text.startsWith(w, i));
    if (word) i += word.length;
    else if (NOUN_CHAR.test(text[i] as string)) i++;
    else break;
  }
  return [start, i];
}

/** Words around a label that are flags, not part of what is counted. */
export interface LabelFlags {
  total: boolean;
  cumulative: boolean;
}

/**
 * The label without the flags written into it (延べ参加者数 → 参加者数, total) and without the
 * remains of a date or target it follows (年度, 目標, 実績), so the same count reads the same
 * label every year.
 */
export function cleanLabel(raw: string): { label: string } & LabelFlags {
  let label = raw.replace(/^[・&]+|[・&]+$/gu, '');
  let total = false;
  let cumulative = false;
  for (;;) {
    const before = label;
    if (/^(?:延べ|のべ)/u.test(label) || /^延(?![長期])/u.test(label)) {
      total = true;
      label = label.replace(/^(?:延べ|のべ|延)/u, '');
    }
    if (/^累計|累計$/u.test(label)) {
      cumulative = true;
      label = label.replace(/^累計|累計$/u, '');
    }
    if (/延べ$/u.test(label)) {
      total = true;
      label = label.replace(/延べ$/u, '');
    }
    label = label.replace(/^(?:年度|末|時点|現在|以降)+|^[年月日](?=平均)/u, '');
    label = label.replace(/^(?:目標|実績)|(?:目標|実績)$/u, '');
    // How often (年4回, 各回10名, 計6回) is no label: the noun after the figure names it.
    label = label.replace(/^(?:年|月|週|日|毎[年月週日回]|各回|年間|月間|計|合計)$/u, '');
    // 全5回, 市内小中学校全17校: 'in all' belongs to the number, not to what is counted.
    label = label.replace(/(?<=.)(?:全|計|合計)$/u, '');
    if (label === before) break;
  }
  return { label, total, cumulative };
}
