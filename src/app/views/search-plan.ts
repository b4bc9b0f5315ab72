import type { EntryKind, Plan, Project } from '../../core/plan.ts';
import { allProjects } from '../../core/plan.ts';
import type { ProjectRef } from '../../store/load-plan.ts';
import { type PathStep, projectPaths } from './plan-paths.ts';

/**
 * Search over a plan as an actor may see it: project names, ※ notes, activity texts and entry
 * texts of the readable years. Matching is substring matching (Japanese has no spaces between
 * words) on text normalised with NFKC and lower case, so ＩｏＴ finds IoT and ２ finds 2; the
 * normalised text is used for matching only, snippets show the text as written. Words separated
 * by spaces must all occur in the project (anywhere in its texts). Pure: no I/O.
 */

export type SearchField = 'name' | 'note' | 'activity' | 'entry';

/** A piece of a snippet; `match` pieces are the words searched for. Plain text, never markup. */
export interface SnippetPiece {
  text: string;
  match: boolean;
}

export interface SearchMatch {
  field: SearchField;
  /** 1-based position of the activity, for activity and entry matches. */
  activityPosition: number | null;
  /** For entry matches: result (▶) or revision (⇒), its fiscal year (null: undated), KPI. */
  entry: { kind: EntryKind; fiscalYear: number | null; kpi: boolean } | null;
  snippet: SnippetPiece[];
}

export interface SearchHit {
  project: Project;
  /** The project's store identity (links); undefined when searching a plan not from the store. */
  ref: ProjectRef | undefined;
  path: PathStep[];
  matches: SearchMatch[];
}

export interface SearchResult {
  /** The normalised words searched for; empty when the query had none. */
  terms: string[];
  hits: SearchHit[];
}

export interface SearchablePlan {
  plan: Plan;
  refs?: ReadonlyMap<Project, ProjectRef>;
  /** Fiscal years whose entries may be searched; undated entries always are. All when absent. */
  readableYears?: readonly number[];
}

/** Queries longer than this are cut (a search box, not a document). */
export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 10;
/** Snippets of longer texts are cut around the first match. */
const SNIPPET_LENGTH = 120;
const SNIPPET_BEFORE = 30;

/** The form a text is compared in: NFKC (full-width → half-width, ｶﾞ → ガ) and lower case. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The query's words, normalised, without duplicates; at most MAX_TERMS. */
export function searchTerms(query: string): string[] {
  const words = normaliseForSearch(query.slice(0, MAX_QUERY_LENGTH))
    .split(/\s+/u)
    .filter((w) => w !== '');
  return [...new Set(words)].slice(0, MAX_TERMS);
}

// A code point with the combining marks after it (and the half-width voiced sound marks ﾞ ﾟ,
// which NFKC composes with the kana before them): normalised together, as NFKC does.
const CLUSTER = /[\s\S][\p{M}\uFF9E\uFF9F]*/gu;

interface Normalised {
  text: string;
  /** For each UTF-16 unit of `text`: where its cluster starts and ends in the original. */
  starts: number[];
  ends: number[];
}

function normaliseWithMap(original: string): Normalised {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of original.matchAll(CLUSTER)) {
    const piece = normaliseForSearch(m[0]);
    text += piece;
    for (let i = 0; i < piece.length; i++) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
  }
  return { text, starts, ends };
}

/** Ranges of the original text where any term occurs, sorted and merged. */
function matchRanges(original: string, n: Normalised, terms: readonly string[]) {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    let at = n.text.indexOf(term);
    while (at !== -1) {
      ranges.push([n.starts[at] ?? 0, n.ends[at + term.length - 1] ?? original.length]);
      at = n.text.indexOf(term, at + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The text (cut around the first match when long) in pieces, the matched words marked. */
export function snippet(original: string, ranges: readonly [number, number][]): SnippetPiece[] {
  let from = 0;
  let to = original.length;
  if (original.length > SNIPPET_LENGTH) {
    from = Math.max(0, (ranges[0]?.[0] ?? 0) - SNIPPET_BEFORE);
    to = Math.min(original.length, from + SNIPPET_LENGTH);
    from = Math.max(0, to - SNIPPET_LENGTH);
  }
  const pieces: SnippetPiece[] = [];
  const push = (text: string, match: boolean) => {
    if (text !== '') pieces.push({ text, match });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const [s, e] of ranges) {
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (end <= start) continue;
    push(original.slice(at, start), false);
    push(original.slice(start, end), true);
    at = end;
  }
  push(original.slice(at, to), false);
  if (to < original.length) push('…', false);
  return pieces;
}

interface Candidate {
  text: string;
  field: SearchField;
  activityPosition: number | null;
  entry: SearchMatch['entry'];
}

function candidates(project: Project, readable: ReadonlySet<number> | null): Candidate[] {
  const out: Candidate[] = [
    { text: project.name, field: 'name', activityPosition: null, entry: null },
    ...project.notes.map((text) => ({
      text,
      field: 'note' as const,
      activityPosition: null,
      entry: null,
    })),
  ];
  project.activities.forEach((activity, i) => {
    out.push({ text: activity.text, field: 'activity', activityPosition: i + 1, entry: null });
    for (const e of activity.entries) {
      if (e.fiscalYear !== null && readable !== null && !readable.has(e.fiscalYear)) continue;
      out.push({
        text: e.text,
        field: 'entry',
        activityPosition: i + 1,
        entry: { kind: e.kind, fiscalYear: e.fiscalYear, kpi: e.kpi },
      });
    }
  });
  return out;
}

/** Projects whose texts contain every word of `query`, in tree order, with where they matched. */
export function searchPlan(source: SearchablePlan, query: string): SearchResult {
  const terms = searchTerms(query);
  if (terms.length === 0) return { terms, hits: [] };
  const readable = source.readableYears ? new Set(source.readableYears) : null;
  const paths = projectPaths(source.plan);
  const hits: SearchHit[] = [];
  for (const project of allProjects(source.plan)) {
    const texts = candidates(project, readable).map((c) => ({ ...c, n: normaliseWithMap(c.text) }));
    // Every word somewhere in the project (within one text: no word spans two texts).
    if (!terms.every((term) => texts.some((c) => c.n.text.includes(term)))) continue;
    const matches: SearchMatch[] = [];
    for (const c of texts) {
      const ranges = matchRanges(c.text, c.n, terms);
      if (ranges.length === 0) continue;
      matches.push({
        field: c.field,
        activityPosition: c.activityPosition,
        entry: c.entry,
        snippet: snippet(c.text, ranges),
      });
    }
    hits.push({ project, ref: source.refs?.get(project), path: paths.get(project) ?? [], matches });
  }
  return { terms, hits };
}
