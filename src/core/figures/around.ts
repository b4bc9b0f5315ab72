/**
 * A few characters after or before a position: the rules look only that far, and never copy or
 * scan the rest of a long line for each figure (which made a 10,000-character line quadratic).
 */
export const after = (text: string, pos: number, length = 12): string =>
  text.slice(pos, pos + length);

export const before = (text: string, pos: number, length = 12, floor = 0): string =>
  text.slice(Math.max(floor, pos - length), pos);
