import { finished } from 'node:stream/promises';
import { Parser } from 'csv-parse';
import type { GridRow } from '../tsv/tsv-grid.ts';
import { CSV_OPTIONS, CsvRowLines, csvErrorCode, unclosedTailRows } from './csv-grid.ts';

/**
 * A CSV's rows as its text streams in (parseCsv's rows, read the same way by csv-parse): the
 * text is never held whole, only the row being read and the chunk it is in. Over a limit of
 * INPUT_LIMITS it throws the limit's typed error naming `file` and the line, reading no further.
 */
export async function* csvRowsStream(
  text: AsyncIterable<string> | Iterable<string>,
  file?: string,
): AsyncGenerator<GridRow> {
  const lines = new CsvRowLines(file);
  const records: string[][] = [];
  const unread = new UnreadBytes();
  // Each write is parsed at once (csv-parse's transform is synchronous); its records are taken
  // here, not pushed through the stream, so none is lost when the parser fails at the end.
  const parser = new Parser({
    ...CSV_OPTIONS,
    on_record: (cells: string[], info: { bytes: number }) => {
      records.push(cells);
      unread.dropBefore(info.bytes);
      return null;
    },
  });
  try {
    for await (const chunk of text) {
      const bytes = Buffer.from(chunk, 'utf8');
      unread.add(bytes);
      parser.write(bytes);
      for (const cells of records.splice(0)) yield lines.row(cells);
      if (parser.errored) throw lines.failure(parser.errored);
    }
    parser.end();
    await finished(parser, { readable: false }).catch(() => undefined);
    for (const cells of records.splice(0)) yield lines.row(cells);
    const error = parser.errored;
    if (error && csvErrorCode(error) === 'CSV_QUOTE_NOT_CLOSED') {
      yield* unclosedTailRows(unread.text(), lines);
    } else if (error) {
      throw lines.failure(error);
    }
  } finally {
    parser.destroy();
  }
}

/** The bytes written to the parser since the last whole row ended (an unclosed cell's text). */
class UnreadBytes {
  private chunks: Buffer[] = [];
  /** Offset in the stream of the first kept chunk. */
  private start = 0;
  private from = 0;

  add(bytes: Buffer): void {
    this.chunks.push(bytes);
  }

  dropBefore(offset: number): void {
    this.from = offset;
    while (this.chunks.length > 0) {
      const first = this.chunks[0] as Buffer;
      if (this.start + first.length > offset) break;
      this.start += first.length;
      this.chunks.shift();
    }
  }

  text(): string {
    return Buffer.concat(this.chunks)
      .subarray(this.from - this.start)
      .toString('utf8');
  }
}
