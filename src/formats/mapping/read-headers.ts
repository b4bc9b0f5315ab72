/**
 * The header of a mapped sheet: each column's text, the header rows joined top to bottom.
 * A merged header cell (令和2年度 over its six funding sources) is read once, in its first
 * column: an upper header row's empty cell carries its left neighbour's text.
 */
export function addHeaderRow(headers: string[], cells: readonly string[], upper: boolean): void {
  let left = '';
  const width = Math.max(cells.length, headers.length);
  for (let i = 0; i < width; i++) {
    const text = (cells[i] ?? '').trim();
    const own = text || (upper ? left : '');
    if (text) left = text;
    headers[i] = [headers[i], own].filter(Boolean).join('');
  }
}
