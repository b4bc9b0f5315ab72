/**
 * When figures were counted, as the sentence writes it: `※3月調査時点`, `(R3.3.31時点)`,
 * `3月末現在`, `令和3年3月31日現在`, `年度末時点`. Kept as written (without ※ and brackets).
 */
export interface AsOfNote {
  text: string;
  start: number;
  end: number;
}

const DATE =
  '(?:(?:[RHS]|令和|平成)\\d{1,2}[.年]|\\d{4}[./年])?\\d{1,2}(?:[./月](?:\\d{1,2}日?)?)?末?';
const AS_OF = new RegExp(`(?:${DATE}|年度末|月末)(?:調査|集計)?(?:時点|現在)`, 'gu');

export function findAsOfNotes(text: string): AsOfNote[] {
  return [...text.matchAll(AS_OF)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * The figures a note dates. A note at the end of the sentence, or before its first figure, dates
 * every figure of it (`参加者78名、…、就職者3名※3月調査時点`); a note in the middle, or in
 * brackets after a figure, dates the figures of the phrase it closes, back to the previous 、
 * (`ビュー数7591回(R3.3.31時点)、登録者…`, `入居率88%、入居者数44世帯(R3.3.1現在)`).
 */
export function datedBy(
  note: AsOfNote,
  text: string,
  figures: readonly { index: number }[],
): (figure: { index: number }) => boolean {
  const first = figures[0]?.index ?? Number.POSITIVE_INFINITY;
  const last = figures.at(-1)?.index ?? Number.NEGATIVE_INFINITY;
  const bracketed = text[note.start - 1] === '(';
  if (!bracketed && (note.start < first || note.start > last)) return () => true;
  const phraseStart = Math.max(
    text.lastIndexOf('、', note.start),
    text.lastIndexOf('。', note.start),
  );
  return (f) => f.index > phraseStart && f.index < note.start;
}
