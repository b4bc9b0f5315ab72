/** A node as the aggregates need it: its id and its parent's. */
export interface GoalTreeNode {
  id: number;
  parentId: number | null;
}

/**
 * For every node, the position of its basic goal (the root above it) among the plan's roots,
 * `roots` in the plan's order. A node whose chain does not reach a root maps to no goal.
 */
export function goalIndexOf(
  nodes: readonly GoalTreeNode[],
  roots: readonly number[],
): (nodeId: number | null) => number | null {
  const rootIndex = new Map(roots.map((id, i) => [id, i]));
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  const memo = new Map<number, number | null>();
  return (nodeId) => {
    if (nodeId === null) return null;
    const cached = memo.get(nodeId);
    if (cached !== undefined) return cached;
    let current: number | null = nodeId;
    let found: number | null = null;
    // Bounded walk: a damaged tree with a cycle must not hang the publish transaction.
    for (let guard = 0; current !== null && guard < 100; guard++) {
      const parent = parentOf.get(current);
      if (parent === undefined) break;
      if (parent === null) {
        found = rootIndex.get(current) ?? null;
        break;
      }
      current = parent;
    }
    memo.set(nodeId, found);
    return found;
  };
}
