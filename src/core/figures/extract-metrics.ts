import type { ExtractedFigures, ExtractOptions } from './metric.ts';
import { readFigures } from './read-figures.ts';

/**
 * The figures and status of one result sentence (docs/extraction.md: the rules, the labelled set
 * and how well they do).
 */
export function extractMetrics(text: string, options: ExtractOptions = {}): ExtractedFigures {
  const { metrics, status } = readFigures(text, options);
  return { metrics: metrics.map(({ index: _index, end: _end, ...metric }) => metric), status };
}
