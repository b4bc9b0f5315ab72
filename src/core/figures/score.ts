import type { LabelledSentence } from './labelled-set.ts';
import type { ExtractedFigures, ExtractOptions, Metric } from './metric.ts';

/** Precision and recall of one kind of item over a set. */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  found: number;
  correct: number;
  expected: number;
}

/** A sentence where the reader and the labels disagree, for docs/extraction.md. */
export interface Miss {
  line: number;
  text: string;
  /** Expected but not read (label|value|unit, or status:…, or the qualifiers of one figure). */
  missing: string[];
  /** Read but not expected. */
  extra: string[];
}

export interface SetScore {
  sentences: number;
  /** (value, unit) pairs. */
  pairs: PrecisionRecall;
  /** (label, value, unit) triples: a label counts only on its right figure. */
  labels: PrecisionRecall;
  /** Figures whose label is right that also have every qualifier right (partOf … asOf). */
  qualifiers: { agree: number; of: number };
  /** Sentences whose status is right. */
  status: { agree: number; of: number };
  misses: Miss[];
}

const pairKey = (m: Metric) => `${m.value}|${m.unit}`;
const labelKey = (m: Metric) => `${m.label || '-'}|${m.value}|${m.unit}`;
const qualifierKey = (m: Metric) =>
  JSON.stringify([m.partOf, m.cumulative, m.total, m.approximate, m.upTo, m.target, m.asOf]);

export function scoreSet(
  set: readonly LabelledSentence[],
  extract: (text: string, options: ExtractOptions) => ExtractedFigures,
): SetScore {
  const pairs = counts();
  const labels = counts();
  const qualifiers = { agree: 0, of: 0 };
  const status = { agree: 0, of: set.length };
  const misses: Miss[] = [];
  for (const s of set) {
    const got = extract(s.text, s.options);
    const pair = compare(s.expected.metrics.map(pairKey), got.metrics.map(pairKey), pairs);
    const label = compare(s.expected.metrics.map(labelKey), got.metrics.map(labelKey), labels);
    const q = compareQualifiers(s.expected.metrics, got.metrics, qualifiers);
    const statusRight = got.status === s.expected.status;
    if (statusRight) status.agree++;
    const missing = [...pair.missing, ...label.missing, ...q];
    const extra = [...pair.extra, ...label.extra];
    if (!statusRight) {
      missing.push(`status:${s.expected.status ?? 'none'}`);
      extra.push(`status:${got.status ?? 'none'}`);
    }
    if (missing.length + extra.length > 0)
      misses.push({ line: s.line, text: s.text, missing, extra });
  }
  return {
    sentences: set.length,
    pairs: rates(pairs),
    labels: rates(labels),
    qualifiers,
    status,
    misses,
  };
}

const counts = () => ({ found: 0, correct: 0, expected: 0 });

/** Multiset comparison: what matched, what was missing, what was extra. */
function compare(
  expected: string[],
  found: string[],
  into: ReturnType<typeof counts>,
): { missing: string[]; extra: string[] } {
  const left = [...found];
  const missing: string[] = [];
  for (const e of expected) {
    const i = left.indexOf(e);
    if (i >= 0) left.splice(i, 1);
    else missing.push(e);
  }
  into.expected += expected.length;
  into.found += found.length;
  into.correct += expected.length - missing.length;
  return { missing, extra: left };
}

function compareQualifiers(
  expected: Metric[],
  found: Metric[],
  into: { agree: number; of: number },
): string[] {
  const left = [...found];
  const wrong: string[] = [];
  for (const e of expected) {
    const i = left.findIndex((f) => labelKey(f) === labelKey(e));
    if (i < 0) continue;
    const f = left.splice(i, 1)[0] as Metric;
    into.of++;
    if (qualifierKey(f) === qualifierKey(e)) into.agree++;
    else wrong.push(`${labelKey(e)} qualifiers ${qualifierKey(e)} read ${qualifierKey(f)}`);
  }
  return wrong;
}

function rates(c: ReturnType<typeof counts>): PrecisionRecall {
  return {
    ...c,
    precision: c.found === 0 ? 1 : c.correct / c.found,
    recall: c.expected === 0 ? 1 : c.correct / c.expected,
  };
}
