import type { KyselyPlugin, OperationNode } from 'kysely';

/** The first table a statement names (the one it reads from or writes to). */
function tableOf(node: OperationNode): string {
  return JSON.stringify(node).match(/"kind":"IdentifierNode","name":"([a-z_]+)"/)?.[1] ?? '?';
}

/**
 * A plugin that counts every statement sent to the database, by the first table it names, and
 * the rows they return: how tests see that a page's reads do not grow with the plan, without
 * mocking the database.
 */
export function statementCounter(): {
  plugin: KyselyPlugin;
  statements: Map<string, number>;
  total(): number;
  rows(): number;
  reset(): void;
} {
  const statements = new Map<string, number>();
  let rows = 0;
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      const table = tableOf(node);
      statements.set(table, (statements.get(table) ?? 0) + 1);
      return node;
    },
    transformResult: async ({ result }) => {
      rows += result.rows.length;
      return result;
    },
  };
  return {
    plugin,
    statements,
    total: () => [...statements.values()].reduce((a, b) => a + b, 0),
    rows: () => rows,
    reset: () => {
      statements.clear();
      rows = 0;
    },
  };
}
