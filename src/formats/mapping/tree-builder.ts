import type { PlanNode } from '../../core/plan.ts';
import type { MappedRow } from './mapped-row.ts';
import type { ColumnRef } from './mapping-schema.ts';

/**
 * Builds the tree above the projects from the level columns, row by row. An empty level cell
 * repeats the one above (merged cells read as empty); a new text opens a new node.
 */
export class TreeBuilder {
  readonly roots: PlanNode[] = [];
  /** Nodes opened per level, top first. */
  readonly counts: number[];
  private readonly open: (PlanNode | undefined)[] = [];
  private readonly carried: string[] = [];

  constructor(private readonly levels: readonly ColumnRef[]) {
    this.counts = levels.map(() => 0);
  }

  /** The node the row's project belongs under (undefined when a level is missing). */
  place(row: MappedRow): PlanNode | undefined {
    let parent: PlanNode | undefined;
    this.levels.forEach((ref, depth) => {
      const text = row.text(ref).trim();
      const title = text || this.carried[depth] || '';
      if (!title) {
        row.problem('mapping.level-missing', ref, 'level-title', '');
        return;
      }
      const changed = text !== '' && text !== this.carried[depth];
      if (changed || !this.open[depth]) this.openNode(depth, title);
      parent = this.open[depth];
    });
    return parent;
  }

  private openNode(depth: number, title: string): void {
    const node: PlanNode = { title, children: [], projects: [] };
    if (depth === 0) this.roots.push(node);
    else this.open[depth - 1]?.children.push(node);
    this.open[depth] = node;
    this.open.length = depth + 1;
    this.carried[depth] = title;
    this.carried.length = depth + 1;
    this.counts[depth] = (this.counts[depth] ?? 0) + 1;
  }
}
