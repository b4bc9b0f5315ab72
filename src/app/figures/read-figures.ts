import { SouseiError } from '../../core/errors.ts';
import { extractMetrics } from '../../core/figures/extract-metrics.ts';
import type { ExtractedFigures, ExtractOptions } from '../../core/figures/metric.ts';
import { MAX_SENTENCE_CHARS } from '../../core/figures/sentence-limit.ts';
import type { Finding } from '../../core/finding.ts';

/**
 * `sousei figures`: the figures of each line of a text, one result a line (docs/extraction.md).
 * Every line over the length bound is reported at once, and then nothing is read.
 */
export function readFigureLines(input: string, options: ExtractOptions = {}): ExtractedFigures[] {
  const lines = input.split('\n').map((l) => l.replace(/\r$/u, ''));
  // A final newline ends the last line; it does not open an empty one.
  if (lines.at(-1) === '') lines.pop();
  const findings: Finding[] = lines.flatMap((line, i) =>
    line.length > MAX_SENTENCE_CHARS
      ? [
          {
            severity: 'error' as const,
            code: 'figures.line-too-long',
            location: { line: i + 1 },
            params: { limit: MAX_SENTENCE_CHARS, length: line.length },
          },
        ]
      : [],
  );
  if (findings.length > 0)
    throw new SouseiError(
      'invalid-input',
      'figures.invalid-input',
      { count: findings.length },
      findings,
    );
  return lines.map((line) => extractMetrics(line, options));
}
