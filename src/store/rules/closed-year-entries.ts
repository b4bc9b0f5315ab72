import type { Finding } from '../../core/finding.ts';
import type { Activity, Entry, Plan, PlanNode, Project } from '../../core/plan.ts';
import type { ClosedStatus, ClosedYearHoldings, HeldEntry } from './closed-year-holdings.ts';

/** A stored activity's entries of closed years (in list order), with its stored words. */
interface HeldList {
  title: string;
  text: string;
  years: number[];
  entries: HeldEntry[];
}

/** Where a finding points: the project and the activity as a person finds them in the file. */
interface Place {
  projectNo: string;
  name: string;
  position: number;
  title: string;
}

type Status = (fiscalYear: number) => ClosedStatus;

const placeKey = (projectNo: string, index: number) => `${projectNo}\u0000${index}`;

/**
 * What saving `plan` does to the entries (▶ results, ⇒ revisions) of locked and published years.
 * Entries are matched to the stored ones by fiscal year, never by position: a year the file
 * leaves out of an activity keeps its stored entries (the plan returned puts them back, at their
 * stored places where it can); a year the file carries must repeat them unchanged. Findings
 * name each entry the file changes, leaves out of a year it carries, or adds to a closed year,
 * and each activity holding closed-year entries whose words the file changes (the published
 * pages show those words with the entries). Activities stay matched by position, like the save.
 */
export function closedYearEntries<P extends Pick<Plan, 'nodes'>>(
  holdings: ClosedYearHoldings,
  plan: P,
): { plan: P; findings: Finding[] } {
  const held = heldLists(holdings);
  const status: Status = (fy) => holdings.statuses.get(fy) ?? 'locked';
  const findings: Finding[] = [];
  const keptProject = (p: Project): Project => {
    let changed = false;
    const activities = p.activities.map((a, index) => {
      const list = held.get(placeKey(p.no, index));
      // Named as published where it holds a closed year's entries, else as the file names it; a
      // result of its own (a mapped text column's line) has no words but its first entry's.
      const title =
        (list?.title ?? a.title) || (list?.entries[0]?.entry ?? a.entries[0])?.text || '';
      const place = { projectNo: p.no, name: p.name, position: index + 1, title };
      findings.push(...activityFindings(list, a, place));
      findings.push(...entryFindings(holdings, list?.entries ?? [], a.entries, place, status));
      if (list === undefined) return a;
      changed = true;
      return { ...a, entries: withKeptEntries(list, a.entries) };
    });
    return changed ? { ...p, activities } : p;
  };
  const keptNodes = (nodes: readonly PlanNode[]): PlanNode[] =>
    nodes.map((n) => ({
      ...n,
      projects: n.projects.map(keptProject),
      children: keptNodes(n.children),
    }));
  const nodes = keptNodes(plan.nodes);
  return { plan: { ...plan, nodes }, findings };

  function activityFindings(list: HeldList | undefined, a: Activity, place: Place): Finding[] {
    if (list === undefined || list.text === a.text) return [];
    return list.years.map((fy) => ({
      severity: 'error',
      code: `keep.activity-text.${status(fy)}`,
      location: { projectNo: place.projectNo, fiscalYear: fy },
      params: { name: place.name, position: place.position, title: place.title, text: a.text },
    }));
  }
}

/** The stored activities holding closed-year entries, by project number and index. */
function heldLists(holdings: ClosedYearHoldings): Map<string, HeldList> {
  const projectNo = new Map(holdings.projects.map((p) => [p.id, p.no]));
  const byActivity = new Map<number, HeldList>();
  const lists = new Map<string, HeldList>();
  for (const a of holdings.activities) {
    const no = projectNo.get(a.projectId);
    if (no === undefined) continue;
    const list = { title: a.title, text: a.text, years: a.years, entries: [] };
    byActivity.set(a.id, list);
    lists.set(placeKey(no, a.index), list);
  }
  for (const e of holdings.entries) byActivity.get(e.activityId)?.entries.push(e);
  for (const list of lists.values()) list.entries.sort((x, y) => x.index - y.index);
  return lists;
}

/**
 * The file's closed-year entries of one activity against the stored ones, year by year and in
 * order within a year. A year the file does not carry is kept as stored, so it asks nothing.
 */
function entryFindings(
  holdings: ClosedYearHoldings,
  stored: readonly HeldEntry[],
  incoming: readonly Entry[],
  place: Place,
  status: Status,
): Finding[] {
  const closed = (fy: number | null): fy is number => fy !== null && holdings.statuses.has(fy);
  const years = new Set<number>();
  for (const e of incoming) if (closed(e.fiscalYear)) years.add(e.fiscalYear);
  const findings: Finding[] = [];
  for (const fy of [...years].sort((a, b) => a - b)) {
    const before = stored.filter((e) => e.entry.fiscalYear === fy);
    const after = incoming.filter((e) => e.fiscalYear === fy);
    const add = (kind: string, params: Record<string, string | number>) =>
      findings.push({
        severity: 'error',
        code: `keep.${kind}.${status(fy)}`,
        location: { projectNo: place.projectNo, fiscalYear: fy },
        params: { name: place.name, position: place.position, title: place.title, ...params },
      });
    for (let k = 0; k < Math.max(before.length, after.length); k++) {
      const s = before[k];
      const e = after[k];
      if (s === undefined && e !== undefined) add('entry-added', { text: e.text });
      else if (s !== undefined && e === undefined) add('entry', { entry: s.index + 1 });
      else if (s !== undefined && e !== undefined && !sameEntry(s.entry, e)) {
        add('entry-changed', { entry: s.index + 1, stored: s.entry.text, text: e.text });
      }
    }
  }
  return findings;
}

function sameEntry(a: Entry, b: Entry): boolean {
  return a.kind === b.kind && a.yearLabel === b.yearLabel && a.text === b.text && a.kpi === b.kpi;
}

/**
 * The activity's entries to save: its stored closed-year entries at their stored places, the
 * file's other entries (open years, no year) filling the places between them in the file's order.
 */
function withKeptEntries(list: HeldList, incoming: readonly Entry[]): Entry[] {
  const heldYears = new Set(list.entries.map((e) => e.entry.fiscalYear));
  const open = incoming.filter((e) => !heldYears.has(e.fiscalYear));
  const out: Entry[] = [];
  let o = 0;
  let h = 0;
  const last = list.entries[list.entries.length - 1]?.index ?? -1;
  for (let index = 0; index <= last; index++) {
    const kept = list.entries[h];
    if (kept?.index === index) {
      out.push(kept.entry);
      h++;
    } else if (o < open.length) out.push(open[o++] as Entry);
  }
  out.push(...open.slice(o));
  return out;
}
