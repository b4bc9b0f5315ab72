/**
 * The header of a mapped sheet, read from its header rows top to bottom. A merged header cell
 * (令和2年度 over its six funding sources) is read once, in its first column: an upper header
 * row's empty cell carries its left neighbour's text, so every column under a block knows it.
 */
export class SheetHeader {
  /** Each column's header: every header row's text joined top to bottom. */
  readonly texts: string[] = [];
  /** Each column's block label: the upper header rows joined (for `under`). */
  readonly blocks: string[] = [];
  /** Each column's own text in the lowest header row. */
  readonly own: string[] = [];

  add(cells: readonly string[], upper: boolean): void {
    let left = '';
    const width = Math.max(cells.length, this.texts.length);
    for (let i = 0; i < width; i++) {
      const text = (cells[i] ?? '').trim();
      const carried = text || (upper ? left : '');
      if (text) left = text;
      this.texts[i] = join(this.texts[i], carried);
      if (upper) this.blocks[i] = join(this.blocks[i], carried);
      else this.own[i] = text;
    }
  }
}

const join = (above: string | undefined, text: string) => [above, text].filter(Boolean).join('');
