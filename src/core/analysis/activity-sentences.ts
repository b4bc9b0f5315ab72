import { type FiscalYear, formatFiscalYear } from '../fiscal-year.ts';
import type { Entry, Project } from '../plan.ts';
import {
  type DraftParagraph,
  type DraftSegment,
  joinSegments,
  sourced,
  words,
} from './draft-segments.ts';
import type { FigureTrend } from './figure-trends.ts';
import { kpiValue } from './kpi-sentences.ts';
import { entriesOfYear, haltStatus, type YearEntry } from './year-entries.ts';

/** What the activity sentences need: the year, the projects' ids and the plan's first year. */
export interface ActivityContext {
  fiscalYear: FiscalYear;
  firstFiscalYear: FiscalYear;
  projectIds: ReadonlyMap<Project, number>;
  arrow: 'revision' | 'target-actual';
  /** 中止・延期 read once per entry, though the plan, its goal and its measure all ask. */
  halts: Map<Entry, '中止' | '延期' | null>;
}

/** At most this many items are named in a list; the rest are counted (ほか3件). */
const LISTED = 5;

/** 「No.22「まちのイメージづくり・魅力発見事業」」, the name linking to the project's year. */
export function projectName(
  p: Project,
  c: ActivityContext,
  fiscalYear = c.fiscalYear,
): DraftSegment[] {
  const id = c.projectIds.get(p);
  const name = `No.${p.no}「${p.name}」`;
  return id === undefined
    ? [words(name)]
    : [sourced(name, { kind: 'project', projectId: id, fiscalYear })];
}

const fyLong = (fy: FiscalYear) => formatFiscalYear(fy, 'long');

/** A count of activities, results or revisions, linked to the year's progress report. */
const reported = (text: string, c: ActivityContext) =>
  sourced(text, { kind: 'report', fiscalYear: c.fiscalYear });

/** Names the first items, counts the rest: 「A、B、Cほか2件」. */
function listed(items: DraftSegment[][], counter: string, c: ActivityContext): DraftSegment[] {
  const shown = joinSegments(items.slice(0, LISTED));
  const rest = items.length - LISTED;
  return rest > 0 ? [...shown, words('ほか'), reported(`${rest}${counter}`, c)] : shown;
}

/**
 * What was done: how many projects and activities, how many results (▶) of the year, and the
 * projects without any result of the year.
 */
export function doneSentences(
  projects: readonly Project[],
  subject: string,
  c: ActivityContext,
  nodeId: number | null,
): DraftParagraph {
  const fy = c.fiscalYear;
  const activities = projects
    .flatMap((p) => p.activities)
    .filter((a) => (a.introducedIn ?? 0) <= fy);
  const results = entriesOfYear(projects, c.firstFiscalYear, 'result', fy);
  const out: DraftParagraph = [
    words(`${subject}には`),
    sourced(`${projects.length}事業`, { kind: 'totals', nodeId, fiscalYear: fy }),
    words('（取組'),
    reported(`${activities.length}件`, c),
    words('）があり、'),
    ...(results.length > 0
      ? [
          words(`${fyLong(fy)}の結果（▶）は`),
          reported(`${results.length}件`, c),
          words('記載されている。'),
        ]
      : [words(`${fyLong(fy)}の結果（▶）の記載はまだない。`)]),
  ];
  const withResult = new Set(results.map((r) => r.project));
  const without = projects.filter((p) => !withResult.has(p));
  if (results.length > 0 && without.length > 0) {
    out.push(
      words('このうち、'),
      ...listed(
        without.map((p) => projectName(p, c)),
        '事業',
        c,
      ),
      words(`は${fyLong(fy)}の結果の記載がない。`),
    );
  }
  return out;
}

function activityName(e: YearEntry, c: ActivityContext): DraftSegment[] {
  return [...projectName(e.project, c), words(`の「${e.activity.title}」`)];
}

/** 中止 or 延期 of a result, read once per entry. */
function haltOf(entry: Entry, c: ActivityContext): '中止' | '延期' | null {
  let status = c.halts.get(entry);
  if (status === undefined) {
    status = haltStatus(entry.text, c.arrow);
    c.halts.set(entry, status);
  }
  return status;
}

/** Activities cancelled (中止) or postponed (延期) in the year, listed or counted. */
export function haltSentences(
  projects: readonly Project[],
  c: ActivityContext,
  options: { list: boolean },
): DraftParagraph {
  const results = entriesOfYear(projects, c.firstFiscalYear, 'result', c.fiscalYear);
  const out: DraftParagraph = [];
  for (const status of ['中止', '延期'] as const) {
    const halted = results.filter((e) => haltOf(e.entry, c) === status);
    if (halted.length === 0) continue;
    out.push(
      words(`${fyLong(c.fiscalYear)}に${status}となった取組は`),
      reported(`${halted.length}件`, c),
      words('であった'),
    );
    if (options.list)
      out.push(
        words('（'),
        ...listed(
          halted.map((e) => activityName(e, c)),
          '件',
          c,
        ),
        words('）'),
      );
    out.push(words('。'));
  }
  return out;
}

/** Revisions (⇒) of the year: each quoted, or counted. */
export function revisionSentences(
  projects: readonly Project[],
  c: ActivityContext,
  options: { list: boolean },
): DraftParagraph {
  const revisions = entriesOfYear(projects, c.firstFiscalYear, 'revision', c.fiscalYear);
  if (revisions.length === 0) return [];
  const out: DraftParagraph = [
    words(`${fyLong(c.fiscalYear)}に行った見直し（⇒）は`),
    reported(`${revisions.length}件`, c),
    words('であった。'),
  ];
  if (!options.list) return out;
  for (const e of revisions.slice(0, LISTED)) {
    out.push(...activityName(e, c), words(`について、「${e.entry.text.trim()}」と見直した。`));
  }
  if (revisions.length > LISTED) {
    out.push(
      words('ほか'),
      reported(`${revisions.length - LISTED}件`, c),
      words('の見直しがある。'),
    );
  }
  return out;
}

/** 「No.1「移住推進事業」の移住相談は、R1 30件 → R2 41件と推移した。」 one per trend. */
export function trendSentences(trends: readonly FigureTrend[], c: ActivityContext): DraftParagraph {
  return trends.flatMap((t) => {
    const points = t.points.map((p) => {
      const id = c.projectIds.get(t.project);
      const text = `${formatFiscalYear(p.fiscalYear, 'short')} ${kpiValue(p.value, t.unit)}`;
      return id === undefined
        ? [words(text)]
        : [sourced(text, { kind: 'project', projectId: id, fiscalYear: p.fiscalYear } as const)];
    });
    return [
      ...projectName(t.project, c),
      words(`の${t.label}は、`),
      ...joinSegments(points, ' → '),
      words('と推移した。'),
    ];
  });
}
