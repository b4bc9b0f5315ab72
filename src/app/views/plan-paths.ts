import type { Plan, PlanNode, Project } from '../../core/plan.ts';

/** One step of a project's place in the tree: the level's name (基本目標, …) and the node's title. */
export interface PathStep {
  level: string;
  title: string;
}

/** Every project's path from the top of the tree (goal › direction › measure), level names included. */
export function projectPaths(plan: Pick<Plan, 'nodes' | 'plan'>): Map<Project, PathStep[]> {
  const out = new Map<Project, PathStep[]>();
  const walk = (nodes: readonly PlanNode[], above: PathStep[]) => {
    for (const node of nodes) {
      const path = [...above, { level: plan.plan.levels[above.length] ?? '', title: node.title }];
      for (const project of node.projects) out.set(project, path);
      walk(node.children, path);
    }
  };
  walk(plan.nodes, []);
  return out;
}
