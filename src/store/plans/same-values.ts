/** Whether every value to be set already is the stored one (so the row need not be written). */
export function sameValues(stored: object, values: Record<string, unknown>): boolean {
  const row = stored as Record<string, unknown>;
  return Object.entries(values).every(([k, v]) => row[k] === v);
}
