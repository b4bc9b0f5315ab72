import { formatFiscalYear, parseFiscalYear } from './fiscal-year.ts';
import type { Activity, Conventions, Entry } from './plan.ts';

/**
 * The notation of a progress table's activity cell, as Muroran's R2 table writes it:
 *   ☐ 移住相談 ▶R2…41件 ☐ 移住促進動画作成 ⇒リーフレット(チラシ)作成から…
 * ☐ opens an activity (the export wrote it as `<input type="checkbox"/>`), ▶ a result, ⇒ a
 * revision (見直し), `R2…` the fiscal year an entry was written for, (再掲) an item listed again
 * under another project. Underlined KPI results are written `<u>…</u>` by our own exports, since
 * the source's export lost the underline.
 */

export type NotationProblemCode = 'activity.text-before-checkbox' | 'activity.broken-checkbox';

export interface NotationProblem {
  code: NotationProblemCode;
  found: string;
}

export interface ParsedActivities {
  activities: Activity[];
  problems: NotationProblem[];
}

// Any spelling of an HTML checkbox an export may write, and the ballot box character itself.
const CHECKBOX = /<input\b[^>]*?\btype\s*=\s*["']?checkbox["']?[^>]*>|☐/gi;
const RELIST = /[(（]再掲[)）]/;
const KPI = /^<u>([\s\S]*)<\/u>$/;
const SPACE = /[\s\u3000]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function markPattern(conventions: Conventions): RegExp {
  const marks = [conventions.resultMark];
  // Under the target⇒actual convention ⇒ belongs to the text (`就職決定者数10名⇒3名`).
  if (conventions.arrow === 'revision') marks.push(conventions.revisionMark);
  return new RegExp(`(${marks.map(escapeRegExp).join('|')})`);
}

function yearPrefixPattern(conventions: Conventions): RegExp {
  const era = '(?:令和|平成|昭和|[RHSＲＨＳrhs])(?:[0-9０-９]{1,2}|元)(?:年度)?';
  return new RegExp(`^(${era})${escapeRegExp(conventions.yearSeparator)}`);
}

export function isRelist(text: string): boolean {
  return RELIST.test(text);
}

/** The short name of an activity: its first phrase, without the (再掲) mark. */
export function activityTitle(text: string): string {
  const plain = text.replace(RELIST, '').trim();
  const cut = plain.search(SPACE);
  return cut === -1 ? plain : plain.slice(0, cut);
}

function parseEntry(mark: string, body: string, conventions: Conventions): Entry {
  const kind = mark === conventions.resultMark ? 'result' : 'revision';
  let rest = body.trim();
  let fiscalYear: number | null = null;
  let yearLabel: string | null = null;
  const prefix = yearPrefixPattern(conventions).exec(rest);
  const year = prefix?.[1] ? parseFiscalYear(prefix[1]) : null;
  if (prefix && year !== null) {
    fiscalYear = year;
    yearLabel = prefix[0];
    rest = rest.slice(prefix[0].length);
  }
  const kpi = KPI.exec(rest);
  return { kind, fiscalYear, yearLabel, text: kpi ? (kpi[1] ?? '') : rest, kpi: kpi !== null };
}

/** Parses one activity: its words, then its ▶/⇒ entries. `source` is the item after its ☐. */
export function parseActivity(source: string, conventions: Conventions): Activity {
  const parts = source.trim().split(markPattern(conventions));
  const text = (parts[0] ?? '').trim();
  const entries: Entry[] = [];
  for (let i = 1; i + 1 < parts.length; i += 2) {
    entries.push(parseEntry(parts[i] ?? '', parts[i + 1] ?? '', conventions));
  }
  return { title: activityTitle(text), text, source: source.trim(), relistOf: null, entries };
}

/** Splits an activity cell into its ☐ items. Relist links are resolved per plan (relists.ts). */
export function parseActivityCell(cell: string, conventions: Conventions): ParsedActivities {
  const problems: NotationProblem[] = [];
  const pieces = cell.split(CHECKBOX);
  const before = (pieces[0] ?? '').trim();
  if (before !== '') problems.push({ code: 'activity.text-before-checkbox', found: before });
  const activities: Activity[] = [];
  for (const piece of pieces.slice(1)) {
    // A cut-off file can leave half a tag (`<input type="chec`): the item would be misread.
    const broken = /<input\b/i.exec(piece);
    if (broken)
      problems.push({ code: 'activity.broken-checkbox', found: piece.slice(broken.index) });
    activities.push(parseActivity(piece, conventions));
  }
  return { activities, problems };
}

function entryYearLabel(entry: Entry, conventions: Conventions): string {
  if (entry.fiscalYear === null) return '';
  // Keep the label as written unless the year was changed since (then write it anew).
  if (entry.yearLabel !== null) {
    const written = yearPrefixPattern(conventions).exec(entry.yearLabel)?.[1];
    if (written !== undefined && parseFiscalYear(written) === entry.fiscalYear) {
      return entry.yearLabel;
    }
  }
  return formatFiscalYear(entry.fiscalYear, 'short') + conventions.yearSeparator;
}

export function renderEntry(entry: Entry, conventions: Conventions): string {
  const mark = entry.kind === 'result' ? conventions.resultMark : conventions.revisionMark;
  const text = entry.kpi ? `<u>${entry.text}</u>` : entry.text;
  return mark + entryYearLabel(entry, conventions) + text;
}

function sameContent(a: Activity, b: Activity): boolean {
  if (a.text !== b.text || a.entries.length !== b.entries.length) return false;
  return a.entries.every((e, i) => {
    const f = b.entries[i];
    return (
      f !== undefined &&
      e.kind === f.kind &&
      e.fiscalYear === f.fiscalYear &&
      e.text === f.text &&
      e.kpi === f.kpi
    );
  });
}

/** One activity after its ☐: its source as read while it still says the same, else rendered. */
export function renderActivity(activity: Activity, conventions: Conventions): string {
  if (
    activity.source !== null &&
    sameContent(parseActivity(activity.source, conventions), activity)
  ) {
    return activity.source;
  }
  return [activity.text, ...activity.entries.map((e) => renderEntry(e, conventions))]
    .filter((part) => part !== '')
    .join(' ');
}

export function renderActivityCell(activities: readonly Activity[], conventions: Conventions) {
  return activities
    .map((a) => `${conventions.checkbox} ${renderActivity(a, conventions)}`)
    .join(' ');
}
