import type { FiscalYear } from '../fiscal-year.ts';

/**
 * Where a number of a drafted analysis comes from, so a reader can check it: a project's year, a
 * KPI's year, the plan tree's totals of a year (a node's, or the plan's when nodeId is null), or
 * the KPI list or the progress report (activities, results, revisions) of a year. Core names the thing; the server turns it into an address.
 */
export type DraftSource =
  | { kind: 'project'; projectId: number; fiscalYear: FiscalYear }
  | { kind: 'kpi'; kpiId: number; fiscalYear: FiscalYear }
  | { kind: 'totals'; nodeId: number | null; fiscalYear: FiscalYear }
  | { kind: 'kpis'; fiscalYear: FiscalYear }
  | { kind: 'report'; fiscalYear: FiscalYear };

/** A piece of a drafted sentence: words, or a number (or name) with where it came from. */
export interface DraftSegment {
  text: string;
  source?: DraftSource;
}

/** One paragraph: segments read one after the other. */
export type DraftParagraph = DraftSegment[];

/** Words only. */
export const words = (text: string): DraftSegment => ({ text });

/** A figure (or a name) with its source. */
export const sourced = (text: string, source: DraftSource): DraftSegment => ({ text, source });

/** The paragraph as plain text. */
export function paragraphText(paragraph: DraftParagraph): string {
  return paragraph.map((s) => s.text).join('');
}

/** Paragraphs as plain text, one blank line between them (what the edit form holds). */
export function draftText(paragraphs: readonly DraftParagraph[]): string {
  return paragraphs.map(paragraphText).join('\n\n');
}

/** Joins lists of segments with 「、」 (Japanese enumeration). */
export function joinSegments(parts: readonly DraftSegment[][], separator = '、'): DraftSegment[] {
  const out: DraftSegment[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(words(separator));
    out.push(...part);
  });
  return out;
}
