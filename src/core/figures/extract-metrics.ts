import { extractFigures } from '../extract-figures.ts';
import type { ExtractedFigures, ExtractOptions } from './metric.ts';

/**
 * The figures and status of one result sentence. CONTRACT ONLY (issue 12): this first version wraps
 * the old figure finder so that storage, views and drafts can be built against the signature while
 * the rule-based reader replaces it.
 */
export function extractMetrics(text: string, _options: ExtractOptions = {}): ExtractedFigures {
  const metrics = extractFigures(text).map((f) => ({
    label: '',
    value: f.value,
    unit: f.unit,
    partOf: null,
    cumulative: false,
    total: false,
    approximate: false,
    upTo: null,
    target: null,
    asOf: null,
  }));
  return { metrics, status: null };
}
