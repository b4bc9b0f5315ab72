import {
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  UpdateQueryNode,
} from 'kysely';

/** The first table a statement names: the one an INSERT, UPDATE or DELETE writes. */
function tableOf(node: OperationNode): string | undefined {
  return JSON.stringify(node).match(/"kind":"IdentifierNode","name":"([a-z_]+)"/)?.[1];
}

/**
 * A plugin that counts the statements that write, by table, as they go to the database: how
 * tests see that saving an unchanged plan writes nothing, without mocking the database.
 */
export function writeCounter(): { plugin: KyselyPlugin; writes: Map<string, number> } {
  const writes = new Map<string, number>();
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      const write =
        InsertQueryNode.is(node) || UpdateQueryNode.is(node) || DeleteQueryNode.is(node);
      const table = write ? tableOf(node) : undefined;
      if (table) writes.set(table, (writes.get(table) ?? 0) + 1);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { plugin, writes };
}
