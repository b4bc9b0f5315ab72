import { toHalfWidth } from './half-width.ts';

/**
 * Figures written in a result's text (`▶R2…41件`, `友だち追加44件、相談数6件`, `ビュー数7591回`):
 * the number and the counter after it. The first step of reading KPI actuals out of results;
 * era dates (R3.3.31) and years (R2) are not figures.
 */
export interface Figure {
  value: number;
  /** The counter or unit after the number (件, 名, 人, 社, 回, 組, %, …), or ''. */
  unit: string;
  /** Position in the text. */
  index: number;
}

const COUNTERS =
  '件|名|人|社|回|組|事業|基|箇所|世帯|%|％|円|千円|万円|戸|校|団体|か所|ヶ所|人泊|日|時間|ha|km|㎡';
const FIGURE = new RegExp(
  `(?<![A-Za-z0-9.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(${COUNTERS})?`,
  'g',
);
// An era date or year directly before a number makes it part of a date: R3.3.31, H31.4.
const DATE_LIKE = /[RHSＲＨＳ令平昭]\d{0,2}[.．]?$/;

export function extractFigures(text: string): Figure[] {
  const plain = toHalfWidth(text);
  const out: Figure[] = [];
  for (const m of plain.matchAll(FIGURE)) {
    const before = plain.slice(Math.max(0, m.index - 4), m.index);
    if (DATE_LIKE.test(before)) continue;
    const after = plain.slice(m.index + m[0].length, m.index + m[0].length + 1);
    // R3.3.31's later parts, and 3月/8月 style dates, are not counts.
    if (/^[.月年]/.test(after) && !m[3]) continue;
    const digits = `${(m[1] ?? '').replaceAll(',', '')}${m[2] ?? ''}`;
    out.push({ value: Number(digits), unit: (m[3] ?? '').replace('％', '%'), index: m.index });
  }
  return out;
}

/** The figure a KPI in `unit` most likely reports: the first with that unit, else the first. */
export function figureFor(text: string, unit: string): Figure | null {
  const figures = extractFigures(text);
  return figures.find((f) => f.unit === unit) ?? figures[0] ?? null;
}
