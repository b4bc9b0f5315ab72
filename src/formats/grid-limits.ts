import { INPUT_LIMITS, inputLimitError } from '../core/input-limits.ts';

/**
 * Counts a table's rows and cells while it is read (TSV, CSV, a sheet) and stops the reading at
 * the first limit passed, naming the file and the line: a 2 MB row of 100,000 cells is refused
 * at its 2,001st cell, not after a million findings.
 */
export class GridLimits {
  private rows = 0;
  private cells = 0;
  private rowCells = 0;

  constructor(private readonly file: string | undefined) {}

  cell(line: number): void {
    this.rowCells++;
    this.cells++;
    if (this.rowCells > INPUT_LIMITS.columns) {
      throw inputLimitError('columns', { file: this.file, line, column: this.rowCells });
    }
    if (this.cells > INPUT_LIMITS.cells) throw inputLimitError('cells', { file: this.file, line });
  }

  row(line: number): void {
    this.rowCells = 0;
    this.rows++;
    if (this.rows > INPUT_LIMITS.rows) throw inputLimitError('rows', { file: this.file, line });
  }
}
