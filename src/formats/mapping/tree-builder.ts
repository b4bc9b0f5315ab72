import type { Finding, Location } from '../../core/finding.ts';
import { toHalfWidth } from '../../core/half-width.ts';
import type { PlanNode } from '../../core/plan.ts';
import { levelRefs } from './mapped-columns.ts';
import type { MappedRow } from './mapped-row.ts';
import type { ColumnRef, LevelRef } from './mapping-schema.ts';

interface Level {
  name: ColumnRef;
  code: ColumnRef | null;
}

interface Placed {
  node: PlanNode;
  /** Where the node's name was first read (for the code-with-two-names warning). */
  at: Location;
}

const natural = new Intl.Collator('ja', { numeric: true });

/**
 * Builds the tree above the projects from the level columns. Rows are grouped by key, not by
 * adjacency: a node's key is its code where the level has a code column, else its name, and
 * rows with the same key under the same parent go to the same node wherever they are in the
 * file (rows ordered by project number still give the real tree). An empty cell at a level
 * without a code carries the row above (merged cells read as empty).
 */
export class TreeBuilder {
  readonly roots: PlanNode[] = [];
  /** Nodes per level, top first. */
  readonly counts: number[];
  private readonly levels: Level[];
  private readonly byParent = new Map<PlanNode[], Map<string, Placed>>();
  private readonly nodesAt: PlanNode[][];
  private readonly firstSeen = new Map<PlanNode, Location>();
  /** The previous row's path, for carried (empty) cells. */
  private previous: PlanNode[] = [];

  constructor(
    levels: readonly LevelRef[],
    private readonly findings: Finding[],
  ) {
    this.levels = levels.map(levelRefs);
    this.counts = levels.map(() => 0);
    this.nodesAt = levels.map(() => []);
  }

  /** The node the row's project belongs under (undefined when a level is missing). */
  place(row: MappedRow): PlanNode | undefined {
    const path: PlanNode[] = [];
    for (const [depth, level] of this.levels.entries()) {
      const node = this.placeAt(row, level, depth, path[depth - 1]);
      if (!node) {
        this.previous = path;
        return undefined;
      }
      path.push(node);
    }
    this.previous = path;
    return path.at(-1);
  }

  private placeAt(
    row: MappedRow,
    level: Level,
    depth: number,
    parent: PlanNode | undefined,
  ): PlanNode | undefined {
    const siblings = parent ? parent.children : this.roots;
    const name = row.text(level.name);
    const code = level.code ? toHalfWidth(row.text(level.code)).trim() : '';
    if (!name && !code) {
      // A merged cell: the row above's node, if it hangs under the same parent.
      const above = this.previous[depth];
      if (above && this.previous[depth - 1] === parent) return above;
      row.problem('mapping.level-missing', level.name, 'level-title', '');
      return undefined;
    }
    const key = code ? `code:${code}` : `name:${name}`;
    let known = this.byParent.get(siblings);
    if (!known) {
      known = new Map();
      this.byParent.set(siblings, known);
    }
    const found = known.get(key);
    if (found) {
      this.checkName(row, level, found, name, code);
      return found.node;
    }
    const node: PlanNode = { title: name, children: [], projects: [] };
    if (level.code) node.code = code || null;
    siblings.push(node);
    known.set(key, { node, at: row.at(level.name) });
    this.firstSeen.set(node, row.at(level.name));
    this.nodesAt[depth]?.push(node);
    this.counts[depth] = (this.counts[depth] ?? 0) + 1;
    return node;
  }

  /** A later row of a known code: fills an empty name, warns of a different one. */
  private checkName(row: MappedRow, level: Level, placed: Placed, name: string, code: string) {
    if (!name || name === placed.node.title) return;
    if (!placed.node.title) {
      placed.node.title = name;
      placed.at = row.at(level.name);
      return;
    }
    this.findings.push({
      severity: 'warning',
      code: 'mapping.code-names-differ',
      location: row.at(level.name),
      found: name,
      params: { code, kept: placed.node.title, keptCell: placed.at.cell ?? '' },
    });
  }

  /**
   * Finishes the tree: a node read only with a code and never a name is an error; siblings
   * are in order of first appearance, or by code (natural order) when every node at that
   * level has one.
   */
  finish(location: Location): PlanNode[] {
    for (const nodes of this.nodesAt) {
      for (const node of nodes) {
        if (node.title) continue;
        this.findings.push({
          severity: 'error',
          code: 'mapping.level-missing',
          location: this.firstSeen.get(node) ?? location,
          expected: 'level-title',
          found: node.code ?? '',
        });
      }
      if (nodes.length > 0 && nodes.every((n) => n.code)) sortByCode(this.parentsOf(nodes));
    }
    return this.roots;
  }

  private parentsOf(nodes: readonly PlanNode[]): PlanNode[][] {
    return [...this.byParent.keys()].filter((siblings) => siblings.some((n) => nodes.includes(n)));
  }
}

function sortByCode(groups: PlanNode[][]): void {
  for (const siblings of groups) {
    siblings.sort((a, b) => natural.compare(a.code ?? '', b.code ?? ''));
  }
}
