import { extractMetrics } from '../figures/extract-metrics.ts';
import type { EntryStatus } from '../figures/metric.ts';
import type { FiscalYear } from '../fiscal-year.ts';
import type { Activity, Entry, Project } from '../plan.ts';

/** An entry of a project's activity, with the year it is counted in. */
export interface YearEntry {
  project: Project;
  activity: Activity;
  entry: Entry;
  fiscalYear: FiscalYear;
}

/**
 * The entries of a project with the year each belongs to. An undated entry (`⇒リーフレット作成
 * から…に変更`, `▶講義への講師派遣`) belongs to the year of the dated entry before it in its
 * activity, else to the year the activity was added, else to the plan's first year: the year of
 * the table it was first written in, so it is counted once, not again every year.
 */
export function datedEntries(project: Project, firstFiscalYear: FiscalYear): YearEntry[] {
  const out: YearEntry[] = [];
  for (const activity of project.activities) {
    let year = activity.introducedIn ?? firstFiscalYear;
    for (const entry of activity.entries) {
      if (entry.fiscalYear !== null) year = entry.fiscalYear;
      out.push({ project, activity, entry, fiscalYear: year });
    }
  }
  return out;
}

/** Entries of one kind in one year, for many projects, in tree order. */
export function entriesOfYear(
  projects: readonly Project[],
  firstFiscalYear: FiscalYear,
  kind: Entry['kind'],
  fiscalYear: FiscalYear,
): YearEntry[] {
  return projects.flatMap((p) =>
    datedEntries(p, firstFiscalYear).filter(
      (e) => e.entry.kind === kind && e.fiscalYear === fiscalYear,
    ),
  );
}

/**
 * 中止 or 延期 as a result says it: the figures reader's status first; while that reader gives
 * none, the words themselves, the later one winning (`延期の後、中止` ends cancelled).
 */
export function haltStatus(
  text: string,
  arrow: 'revision' | 'target-actual' = 'revision',
): Extract<EntryStatus, '中止' | '延期'> | null {
  const { status } = extractMetrics(text, { arrow });
  if (status === '中止' || status === '延期') return status;
  if (status !== null) return null;
  const cancelled = text.lastIndexOf('中止');
  const postponed = text.lastIndexOf('延期');
  if (cancelled < 0 && postponed < 0) return null;
  return cancelled > postponed ? '中止' : '延期';
}
