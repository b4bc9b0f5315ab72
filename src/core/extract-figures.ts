import { readFigures } from './figures/read-figures.ts';

/**
 * Figures written in a result's text (`▶R2…41件`, `友だち追加44件、相談数6件`, `ビュー数7591回`):
 * the number and the counter after it, for linking a result to a KPI. One reader serves this and
 * the entry's metrics: this is `readFigures` (src/core/figures) reduced to value, unit and place.
 */
export interface Figure {
  value: number;
  /** The counter or unit after the number (件, 名, 人, 社, 回, 組, %, …). */
  unit: string;
  /** Position in the text. */
  index: number;
}

export function extractFigures(text: string): Figure[] {
  return readFigures(text).metrics.map((m) => ({ value: m.value, unit: m.unit, index: m.index }));
}

/** The figure a KPI in `unit` most likely reports: the first with that unit, else the first. */
export function figureFor(text: string, unit: string): Figure | null {
  const figures = extractFigures(text);
  return figures.find((f) => f.unit === unit) ?? figures[0] ?? null;
}
