import { readFileSync } from 'node:fs';
import { SAMPLE_FILE } from '../app/load-sample.ts';

/**
 * The sample table with its 24 project rows repeated `times` times under new numbers (25, 26, …),
 * for tests and benches that need the same plan, larger. The totals row is dropped: it would no
 * longer add up.
 */
export function scaledSample(times: number): Uint8Array {
  const lines = readFileSync(SAMPLE_FILE, 'utf8').split('\n');
  const body = lines.filter((l) => /^[^\t]*\t\d+\t/.test(l));
  const out: string[] = [];
  for (const line of lines) {
    if (/^\t\t\t[\d,]+\t[\d,]+/.test(line)) continue;
    out.push(line);
    if (!/^[^\t]*\t24\t/.test(line)) continue;
    for (let k = 1; k < times; k++) {
      for (const row of body) {
        out.push(row.replace(/^[^\t]*\t(\d+)\t/, (_all, no) => `\t${Number(no) + 24 * k}\t`));
      }
    }
  }
  out.push('\t\t\t-\t-\t');
  return new TextEncoder().encode(out.join('\n'));
}
