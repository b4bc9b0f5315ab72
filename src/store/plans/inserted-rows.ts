import { InsertQueryNode, type KyselyPlugin, ValuesNode } from 'kysely';

/**
 * A plugin that tallies the rows inserted, by table, as the statements go to the database: how a
 * save knows afterwards which tables it grew (see refreshStatistics).
 */
export function insertedRows(): { plugin: KyselyPlugin; rows: Map<string, number> } {
  const rows = new Map<string, number>();
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      if (InsertQueryNode.is(node) && node.into) {
        const table = node.into.table.identifier.name;
        const count = node.values && ValuesNode.is(node.values) ? node.values.values.length : 1;
        rows.set(table, (rows.get(table) ?? 0) + count);
      }
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { plugin, rows };
}
