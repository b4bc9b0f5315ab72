/**
 * Rows per multi-row statement: 500 rows of a dozen columns stay far below SQLite's 32,766 and
 * PostgreSQL's 65,535 bound parameters, and a few statements replace thousands of round trips.
 */
export const CHUNK = 500;

/** The rows in consecutive slices of at most CHUNK. */
export function* chunksOf<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}
