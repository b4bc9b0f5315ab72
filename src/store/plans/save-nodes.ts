import type { Kysely } from 'kysely';
import type { PlanNode } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import { chunksOf } from './chunks.ts';
import { sameValues } from './same-values.ts';

const pathKey = (path: readonly string[]) => path.join('\u0000');

interface Placed {
  node: PlanNode;
  parent: PlanNode | null;
  path: string[];
  depth: number;
  position: number;
}

/** The tree in pre-order, each node with its parent and its position in that order. */
function placeNodes(roots: readonly PlanNode[]): Placed[] {
  const placed: Placed[] = [];
  const walk = (nodes: readonly PlanNode[], parent: PlanNode | null, path: string[]) => {
    for (const node of nodes) {
      const nodePath = [...path, node.title];
      placed.push({ node, parent, path: nodePath, depth: path.length, position: placed.length });
      walk(node.children, node, nodePath);
    }
  };
  walk(roots, null, []);
  return placed;
}

export interface SavedNodes {
  /** The id of every node of the new tree, keyed by the node object. */
  ids: Map<PlanNode, number>;
  /** Stored nodes no longer in the tree: deleted once the projects have moved off them. */
  gone: number[];
}

/**
 * Writes the plan's tree but deletes nothing (see SavedNodes.gone). A node is
 * matched by its path of titles; a matched node that would not change is not written; new nodes
 * go in one multi-row insert per depth (their parents' ids are known by then), each returned id
 * mapped back by the node's position, which is unique in the save (no reliance on the order
 * RETURNING gives rows in).
 */
export async function saveNodes(
  trx: Kysely<DB>,
  code: string,
  planId: number,
  roots: readonly PlanNode[],
): Promise<SavedNodes> {
  const existing = await trx
    .selectFrom('plan_nodes')
    .select(['id', 'parent_id', 'title', 'depth', 'position', 'code'])
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .orderBy('depth')
    .execute();
  const pathOf = new Map<number, string[]>();
  const storedByPath = new Map<string, (typeof existing)[number]>();
  for (const n of existing) {
    const path = [...(n.parent_id === null ? [] : (pathOf.get(n.parent_id) ?? [])), n.title];
    pathOf.set(n.id, path);
    if (!storedByPath.has(pathKey(path))) storedByPath.set(pathKey(path), n);
  }
  const ids = new Map<PlanNode, number>();
  const placed = placeNodes(roots);
  const depths = placed.reduce((n, p) => Math.max(n, p.depth + 1), 0);
  // Level by level, in pre-order within each: the first of two same-path nodes keeps the id.
  for (let depth = 0; depth < depths; depth++) {
    const fresh: Placed[] = [];
    for (const p of placed.filter((q) => q.depth === depth)) {
      const values = {
        parent_id: p.parent === null ? null : (ids.get(p.parent) as number),
        depth,
        position: p.position,
        code: p.node.code ?? null,
      };
      const stored = storedByPath.get(pathKey(p.path));
      if (stored === undefined) {
        fresh.push(p);
        continue;
      }
      storedByPath.delete(pathKey(p.path));
      ids.set(p.node, stored.id);
      if (!sameValues(stored, values)) {
        await trx.updateTable('plan_nodes').set(values).where('id', '=', stored.id).execute();
      }
    }
    await insertNodes(trx, { code, planId, depth }, fresh, ids);
  }
  const kept = new Set(ids.values());
  return { ids, gone: existing.filter((n) => !kept.has(n.id)).map((n) => n.id) };
}

async function insertNodes(
  trx: Kysely<DB>,
  scope: { code: string; planId: number; depth: number },
  fresh: readonly Placed[],
  ids: Map<PlanNode, number>,
): Promise<void> {
  const byPosition = new Map(fresh.map((p) => [p.position, p.node]));
  for (const chunk of chunksOf(fresh)) {
    const rows = await trx
      .insertInto('plan_nodes')
      .values(
        chunk.map((p) => ({
          municipality_code: scope.code,
          plan_id: scope.planId,
          title: p.node.title,
          parent_id: p.parent === null ? null : (ids.get(p.parent) as number),
          depth: scope.depth,
          position: p.position,
          code: p.node.code ?? null,
        })),
      )
      .returning(['id', 'position'])
      .execute();
    for (const row of rows) ids.set(byPosition.get(row.position) as PlanNode, row.id);
  }
}
