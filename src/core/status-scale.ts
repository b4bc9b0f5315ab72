/**
 * Status bands that turn an achievement rate into a verdict, configurable per municipality.
 * Two built in: A/B/C/D by achievement (A ≥100 %, B ≥80 %, C ≥50 %, D below; 大阪府立図書館 and
 * others use similar bands), and the national form's four levels of 事業効果 (地方創生推進交付金
 * 実施結果報告: 非常に効果的であった = KPI achieved, 相当程度効果があった ≈ 70–80 % of target,
 * 効果があった = better than before, 効果がなかった). Thresholds are editable.
 */
export interface StatusBand {
  label: string;
  /** Lowest rate of the band (1 = 100 %); null for the last, catch-all band. */
  min: number | null;
  /** Whether `min` itself belongs to the band (false: strictly above). */
  inclusive: boolean;
}

export interface StatusScale {
  id: string;
  name: string;
  /** Best first. */
  bands: StatusBand[];
}

export const ABCD_SCALE: StatusScale = {
  id: 'abcd',
  name: '達成度 A/B/C/D',
  bands: [
    { label: 'A', min: 1, inclusive: true },
    { label: 'B', min: 0.8, inclusive: true },
    { label: 'C', min: 0.5, inclusive: true },
    { label: 'D', min: null, inclusive: true },
  ],
};

export const NATIONAL_SCALE: StatusScale = {
  id: 'national',
  name: '事業効果（国の様式の4段階）',
  bands: [
    { label: '非常に効果的であった', min: 1, inclusive: true },
    { label: '相当程度効果があった', min: 0.7, inclusive: true },
    { label: '効果があった', min: 0, inclusive: false },
    { label: '効果がなかった', min: null, inclusive: true },
  ],
};

export const BUILT_IN_SCALES: readonly StatusScale[] = [ABCD_SCALE, NATIONAL_SCALE];

/** The band a rate falls in, or null when there is no rate (no actual yet). */
export function bandFor(rate: number | null, scale: StatusScale): StatusBand | null {
  if (rate === null || Number.isNaN(rate)) return null;
  for (const band of scale.bands) {
    if (band.min === null) return band;
    if (band.inclusive ? rate >= band.min : rate > band.min) return band;
  }
  return scale.bands.at(-1) ?? null;
}

/** A scale with its thresholds replaced (per-municipality settings), keeping labels and order. */
export function withThresholds(scale: StatusScale, mins: readonly (number | null)[]): StatusScale {
  return {
    ...scale,
    bands: scale.bands.map((b, i) => ({ ...b, min: i < mins.length ? (mins[i] ?? null) : b.min })),
  };
}

/** 今後の方針 options by default (national form); each municipality may edit the list. */
export const DEFAULT_POLICIES = ['発展', '改善', '継続', '中止', '終了'] as const;
