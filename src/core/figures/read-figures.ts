import { toHalfWidth } from '../half-width.ts';
import { after } from './around.ts';
import { datedBy, findAsOfNotes } from './as-of.ts';
import { labelOf } from './label-of.ts';
import type { EntryStatus, ExtractOptions, Metric } from './metric.ts';
import { maskNotQuantities, maskRange } from './not-quantities.ts';
import { partsOf } from './parts.ts';
import { maskRevisions } from './revisions.ts';
import { statusOf } from './status.ts';
import { type NumberToken, tokenize } from './tokenizer.ts';

/** A metric and where it is written (the old figure finder reports positions). */
export interface LocatedMetric extends Metric {
  index: number;
  /** Where its number, counter and trailing qualifiers end. */
  end: number;
}

/**
 * The reader: the sentence is made half-width, revisions and not-quantities are masked, numbers
 * are tokenized with their counters, and each figure gets its label, qualifiers, part and date.
 */
export function readFigures(
  text: string,
  options: ExtractOptions = {},
): { metrics: LocatedMetric[]; status: EntryStatus | null } {
  const arrow = options.arrow ?? 'revision';
  const cut = maskRevisions(toHalfWidth(text).replace(/〜/gu, '~'), arrow);
  const notes = findAsOfNotes(cut);
  const masked = maskNotQuantities(notes.reduce((t, n) => maskRange(t, n.start, n.end), cut));
  const tokens = tokenize(masked);
  const metrics: LocatedMetric[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as NumberToken;
    const next = tokens[i + 1];
    const join = next ? joinOf(masked, first, next, arrow) : null;
    if (join && next) i++;
    const last = join && next ? next : first;
    if (last.unit === '' || targetWithoutActual(masked, last, join, arrow)) continue;
    metrics.push(metricOf(cut, masked, first, last, join, metrics));
  }
  for (const note of notes) {
    const dated = datedBy(note, masked, metrics);
    for (const m of metrics) if (m.asOf === null && dated(m)) m.asOf = note.text;
  }
  partsOf(masked, metrics);
  return { metrics, status: statusOf(cut) };
}

type Join = 'range' | 'target';

/** 10~20名 is one range; under 目標⇒実績, 10名⇒3名 is one actual with its target. */
function joinOf(text: string, a: NumberToken, b: NumberToken, arrow: string): Join | null {
  if (b.unit === '' || (a.unit !== '' && a.unit !== b.unit)) return null;
  const gap = text.slice(a.unitEnd, b.start);
  if (/^\s*(?:~|から)\s*$/u.test(gap)) return 'range';
  if (arrow === 'target-actual' && /^\s*⇒\s*(?:実績)?\s*$/u.test(gap)) return 'target';
  return null;
}

/** Under 目標⇒実績, `20名⇒中止` is a target that has no actual: no metric. */
function targetWithoutActual(
  text: string,
  t: NumberToken,
  join: Join | null,
  arrow: string,
): boolean {
  return arrow === 'target-actual' && join === null && /^\s*⇒/u.test(after(text, t.unitEnd));
}

function metricOf(
  source: string,
  text: string,
  first: NumberToken,
  last: NumberToken,
  join: Join | null,
  before: readonly LocatedMetric[],
): LocatedMetric {
  const found = labelOf(source, text, first, last, before.at(-1) ?? null);
  return {
    label: found.label,
    value: join === 'target' ? last.value : first.value,
    unit: last.unit,
    partOf: null,
    cumulative: found.cumulative,
    total: found.total,
    approximate: found.approximate || first.approximate || join === 'range',
    upTo: join === 'range' ? last.value : null,
    target: join === 'target' ? first.value : null,
    asOf: null,
    index: first.start,
    end: found.end,
  };
}
